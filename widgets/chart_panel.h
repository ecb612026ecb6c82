// ChartPanel: a chart of the studio's research views (training curves,
// score histograms, ROC), with what every such chart needs: a compact look,
// no animations (charts are fed live, several times a second), an
// explanatory empty state, and saving as PNG (context menu or savePng()).
#pragma once

#include <QChartView>

class QChart;
class QGraphicsSimpleTextItem;

namespace w2w {

class ChartPanel : public QChartView {
  Q_OBJECT

 public:
  explicit ChartPanel(QWidget* parent = nullptr);

  // Renders the chart as it is on screen; false when the file cannot be written.
  bool savePng(const QString& path);
  // Shown over an empty chart ("No evaluation yet"); empty hides it.
  void setPlaceholder(const QString& text);
  // A short name for files and menus ("loss", "roc").
  virtual QString fileStem() const = 0;

 protected:
  // Titles and series names; called on construction by each chart and on
  // QEvent::LanguageChange.
  virtual void retranslate() = 0;
  void changeEvent(QEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;

 private:
  void placePlaceholder();

  QGraphicsSimpleTextItem* placeholder_;
};

}  // namespace w2w
