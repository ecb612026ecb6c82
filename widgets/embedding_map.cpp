#include "embedding_map.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <limits>

#include "category_style.h"

namespace w2w {

EmbeddingMap::EmbeddingMap(QWidget* parent) : QWidget(parent) {
  chart_ = new QChart();
  chart_->legend()->setAlignment(Qt::AlignBottom);
  for (Category c : kCategories) {
    auto* series = new QScatterSeries(chart_);
    series->setColor(categoryColor(c));
    series->setBorderColor(categoryColor(c).darker(130));
    series->setMarkerSize(9);
    chart_->addSeries(series);
    series_[static_cast<std::size_t>(categoryIndex(c))] = series;
    connect(series, &QScatterSeries::clicked, this, [this, c](const QPointF& p) {
      if (const Id id = nearestItem(c, p)) {
        setSelected(id);
        Q_EMIT itemClicked(id);
      }
    });
    connect(series, &QScatterSeries::hovered, this, [this, c](const QPointF& p, bool state) {
      if (state)
        QToolTip::showText(QCursor::pos(), tr("%1 item %2").arg(categoryLabel(c)).arg(nearestItem(c, p)));
    });
  }
  selected_ = new QScatterSeries(chart_);
  selected_->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  selected_->setMarkerSize(16);
  selected_->setColor(Qt::transparent);
  selected_->setBorderColor(Qt::black);
  chart_->addSeries(selected_);
  chart_->createDefaultAxes();
  chart_->legend()->markers(selected_).value(0)->setVisible(false);

  view_ = new QChartView(chart_, this);
  view_->setRenderHint(QPainter::Antialiasing);
  caption_ = new QLabel(this);
  caption_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_, 1);
  layout->addWidget(caption_);
  retranslate();
}

void EmbeddingMap::retranslate() {
  for (Category c : kCategories)
    series_[static_cast<std::size_t>(categoryIndex(c))]->setName(categoryLabel(c));
  selected_->setName(tr("Selected"));
  chart_->setTitle(tr("Crops on the two main axes of their embeddings (PCA)"));
  const QString axes = explained_ ? tr("Axis 1 explains %1% of the variance, axis 2 %2%.")
                                        .arg(100 * (*explained_)[0], 0, 'f', 1)
                                        .arg(100 * (*explained_)[1], 0, 'f', 1)
                                  : QString();
  caption_->setText(points_.isEmpty() ? tr("No embeddings yet: encode the library to see the map.")
                                      : tr("%n crop(s). %1 Click a point to select its item.", nullptr,
                                           static_cast<int>(points_.size()))
                                            .arg(axes));
}

void EmbeddingMap::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void EmbeddingMap::setPoints(const QVector<MapPoint>& points,
                             std::optional<std::array<double, 2>> explained) {
  points_ = points;
  explained_ = explained;
  std::array<QList<QPointF>, kCategoryCount> byCategory;
  double minX = 0, maxX = 1, minY = 0, maxY = 1;
  bool first = true;
  for (const MapPoint& p : points) {
    byCategory[static_cast<std::size_t>(categoryIndex(p.category))].append(p.position);
    minX = first ? p.position.x() : std::min(minX, p.position.x());
    maxX = first ? p.position.x() : std::max(maxX, p.position.x());
    minY = first ? p.position.y() : std::min(minY, p.position.y());
    maxY = first ? p.position.y() : std::max(maxY, p.position.y());
    first = false;
  }
  for (Category c : kCategories) {
    const auto index = static_cast<std::size_t>(categoryIndex(c));
    series_[index]->replace(byCategory[index]);
    // The legend lists the categories the library has, not every one there is.
    for (QLegendMarker* marker : chart_->legend()->markers(series_[index]))
      marker->setVisible(!byCategory[index].isEmpty());
  }
  selected_->clear();
  const double padX = (maxX - minX) * 0.05 + 1e-6, padY = (maxY - minY) * 0.05 + 1e-6;
  if (auto* x = qobject_cast<QValueAxis*>(chart_->axes(Qt::Horizontal).value(0)))
    x->setRange(minX - padX, maxX + padX);
  if (auto* y = qobject_cast<QValueAxis*>(chart_->axes(Qt::Vertical).value(0)))
    y->setRange(minY - padY, maxY + padY);
  retranslate();
}

void EmbeddingMap::setSelected(Id itemId) {
  selected_->clear();
  for (const MapPoint& p : points_) {
    if (p.itemId == itemId) selected_->append(p.position);
  }
}

Id EmbeddingMap::nearestItem(Category category, const QPointF& value) const {
  Id best = 0;
  double bestDistance = std::numeric_limits<double>::max();
  for (const MapPoint& p : points_) {
    if (p.category != category) continue;
    const QPointF d = p.position - value;
    const double distance = d.x() * d.x() + d.y() * d.y();
    if (distance < bestDistance) {
      bestDistance = distance;
      best = p.itemId;
    }
  }
  return best;
}

}  // namespace w2w
