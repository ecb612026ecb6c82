// EmbeddingMap: every crop as a point on a 2-D map of its embedding (PCA),
// coloured by category. Clicking a point selects its item.
#pragma once

#include <QPointF>
#include <QVector>
#include <QWidget>

#include <array>
#include <optional>

#include "library/types.h"

class QChart;
class QChartView;
class QScatterSeries;
class QLabel;

namespace w2w {

struct MapPoint {
  Id itemId = 0;
  Category category = Category::Top;
  QPointF position;
};

class EmbeddingMap : public QWidget {
  Q_OBJECT

 public:
  explicit EmbeddingMap(QWidget* parent = nullptr);

  // `explained`: the share of the variance each axis explains (0..1), said
  // under the map in the interface's language.
  void setPoints(const QVector<MapPoint>& points, std::optional<std::array<double, 2>> explained = {});
  void setSelected(Id itemId);
  const QVector<MapPoint>& points() const { return points_; }
  // The item nearest to a chart value (what a click selects); 0 when empty.
  Id nearestItem(Category category, const QPointF& value) const;
  QChartView* chartView() const { return view_; }

 Q_SIGNALS:
  void itemClicked(Id itemId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();

  QChart* chart_;
  QChartView* view_;
  std::array<QScatterSeries*, kCategoryCount> series_{};
  QScatterSeries* selected_;
  QLabel* caption_;
  QVector<MapPoint> points_;
  std::optional<std::array<double, 2>> explained_;
};

}  // namespace w2w
