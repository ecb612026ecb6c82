#include "threshold_chart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

namespace w2w {

ThresholdChart::ThresholdChart(QWidget* parent) : ChartPanel(parent) {
  QChart* c = chart();
  const auto line = [c](const QColor& color, qreal width, Qt::PenStyle style) {
    auto* s = new QLineSeries(c);
    s->setPen(QPen(color, width, style));
    c->addSeries(s);
    return s;
  };
  accuracy_ = line(QColor(40, 40, 40), 2.4, Qt::SolidLine);
  precision_ = line(QColor(31, 119, 180), 1.8, Qt::SolidLine);
  recall_ = line(QColor(255, 127, 14), 1.8, Qt::SolidLine);
  marker_ = line(QColor(150, 150, 150), 1.2, Qt::DashLine);
  best_ = new QScatterSeries(c);
  best_->setMarkerSize(10);
  best_->setColor(QColor(214, 39, 40));
  best_->setBorderColor(Qt::white);
  c->addSeries(best_);
  x_ = new QValueAxis(c);
  x_->setRange(-1, 1);
  x_->setLabelFormat("%.2f");
  fitTicksToWidth(x_, {9, 5, 3});  // steps of 0.25, 0.5 or 1 over -1..1
  y_ = new QValueAxis(c);
  y_->setRange(0, 1);
  y_->setTickCount(6);
  y_->setLabelFormat("%.1f");
  c->addAxis(x_, Qt::AlignBottom);
  c->addAxis(y_, Qt::AlignLeft);
  for (QXYSeries* s : std::initializer_list<QXYSeries*>{accuracy_, precision_, recall_, marker_, best_}) {
    s->attachAxis(x_);
    s->attachAxis(y_);
  }
  retranslate();
}

void ThresholdChart::retranslate() {
  chart()->setTitle(epoch_ > 0 ? tr("Accuracy vs threshold (epoch %1)").arg(epoch_)
                               : tr("Accuracy vs threshold"));
  accuracy_->setName(tr("Accuracy"));
  precision_->setName(tr("Precision"));
  recall_->setName(tr("Recall"));
  marker_->setName(tr("Loss threshold"));
  best_->setName(tr("Best"));
  best_->setPointLabelsVisible(best_->count() > 0);
  best_->setPointLabelsFormat(tr("%1 at %2").arg(bestPoint_.y(), 0, 'f', 2).arg(bestPoint_.x(), 0, 'f', 2));
  x_->setTitleText(tr("Threshold on the outfit score"));
  setPlaceholder(accuracy_->count() ? QString() : tr("Shown after the first epoch"));
}

void ThresholdChart::setCurve(const std::vector<compat::ThresholdPoint>& points, int epoch,
                              double lossThreshold) {
  QList<QPointF> accuracy, precision, recall;
  bestPoint_ = QPointF(0, -1);
  for (const compat::ThresholdPoint& p : points) {
    accuracy.append({p.threshold, p.accuracy});
    precision.append({p.threshold, p.precision});
    recall.append({p.threshold, p.recall});
    if (p.accuracy > bestPoint_.y()) bestPoint_ = QPointF(p.threshold, p.accuracy);
  }
  accuracy_->replace(accuracy);
  precision_->replace(precision);
  recall_->replace(recall);
  marker_->replace({{lossThreshold, 0.0}, {lossThreshold, 1.0}});
  best_->replace(points.empty() ? QList<QPointF>() : QList<QPointF>{bestPoint_});
  epoch_ = epoch;
  retranslate();
}

void ThresholdChart::clear() { setCurve({}, 0, 0.0); }

}  // namespace w2w
