#include "roc_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

namespace w2w {

RocChart::RocChart(QWidget* parent) : ChartPanel(parent) {
  QChart* c = chart();
  chance_ = new QLineSeries(c);
  chance_->setPen(QPen(QColor(150, 150, 150), 1.2, Qt::DashLine));
  chance_->append({{0, 0}, {1, 1}});
  c->addSeries(chance_);
  curve_ = new QLineSeries(c);
  curve_->setPen(QPen(QColor(148, 103, 189), 2.4));
  c->addSeries(curve_);
  x_ = new QValueAxis(c);
  y_ = new QValueAxis(c);
  for (QValueAxis* a : {x_, y_}) {
    a->setRange(0, 1);
    a->setTickCount(6);
    a->setLabelFormat("%.1f");
  }
  c->addAxis(x_, Qt::AlignBottom);
  c->addAxis(y_, Qt::AlignLeft);
  for (QLineSeries* s : {chance_, curve_}) {
    s->attachAxis(x_);
    s->attachAxis(y_);
  }
  retranslate();
}

void RocChart::retranslate() {
  chart()->setTitle(epoch_ > 0 ? tr("ROC curve (AUC %1, epoch %2)").arg(auc_, 0, 'f', 3).arg(epoch_)
                               : tr("ROC curve"));
  curve_->setName(tr("Real vs modified"));
  chance_->setName(tr("Chance"));
  x_->setTitleText(tr("False positive rate"));
  y_->setTitleText(tr("True positive rate"));
  setPlaceholder(curve_->count() ? QString() : tr("Shown after the first epoch"));
}

void RocChart::setCurve(const compat::Histogram& real, const compat::Histogram& modified, double auc,
                        int epoch) {
  QList<QPointF> points;
  for (const compat::RocPoint& p : compat::rocCurve(real, modified)) points.append({p.fpr, p.tpr});
  curve_->replace(points);
  auc_ = auc;
  epoch_ = epoch;
  retranslate();
}

void RocChart::clear() { setCurve({}, {}, 0.5, 0); }

}  // namespace w2w
