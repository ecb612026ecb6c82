// ChartPanel: a chart of the studio's research views (training curves,
// score histograms, ROC), with what every such chart needs: a compact look,
// no animations (charts are fed live, several times a second), an
// explanatory empty state, saving as PNG (context menu or savePng()), and the
// values under the pointer: each curve's point nearest to it along the x
// axis, in a tool tip. The legend sits under the plot and wraps onto as many
// rows as its entries need, so no name is cut and the plot keeps the chart's
// whole width however many curves are compared (Qt Charts' own legend can
// only elide names in one row or take the plot's width on the side).
#pragma once

#include <QChartView>

class QChart;
class QValueAxis;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;
class QAbstractSeries;

namespace w2w {

class ChartPanel : public QChartView {
  Q_OBJECT

 public:
  explicit ChartPanel(QWidget* parent = nullptr);
  ~ChartPanel() override;

  // Renders the chart as it is on screen; false when the file cannot be written.
  bool savePng(const QString& path);
  // Shown over an empty chart ("No evaluation yet"); empty hides it.
  void setPlaceholder(const QString& text);
  // A short name for files and menus ("loss", "roc").
  virtual QString fileStem() const = 0;
  // What the tool tip says with the pointer at `viewPoint` (view pixels):
  // the x value, then one line per named curve; empty outside the plot.
  QString valuesAt(const QPoint& viewPoint) const;

 protected:
  // Titles and series names; called on construction by each chart and on
  // QEvent::LanguageChange.
  virtual void retranslate() = 0;
  void changeEvent(QEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  // The axis shows as many of these tick counts (most first) as its labels
  // fit side by side: a narrow chart (a small window) gets fewer ticks
  // instead of labels cut to "-...".
  void fitTicksToWidth(QValueAxis* axis, QList<int> tickCounts);
  void resizeEvent(QResizeEvent* event) override;
  // Rewrites the legend from the chart's named, visible curves and makes room
  // for its rows under the plot. Runs by itself on resizing and when a curve
  // is renamed, shown or hidden; charts call it after adding or removing curves.
  void fitLegend();

 private:
  void placePlaceholder();
  void fitTicks();

  struct FittedAxis {
    QValueAxis* axis;
    QList<int> tickCounts;
  };
  QList<FittedAxis> fitted_;

  QString legendHtml();
  void watchSeries(QAbstractSeries* series);
  void fitLegendLater();

  QGraphicsSimpleTextItem* placeholder_;
  QGraphicsTextItem* legend_;
  QString shownLegend_;
  QList<QAbstractSeries*> watched_;  // curves whose changes refit the legend
  bool fittingLegend_ = false;
  bool legendPending_ = false;
};

}  // namespace w2w
