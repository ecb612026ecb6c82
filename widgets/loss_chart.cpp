#include "loss_chart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace w2w {
namespace {

QLineSeries* makeSeries(QChart* chart, const QColor& color, qreal width, Qt::PenStyle style = Qt::SolidLine) {
  auto* series = new QLineSeries(chart);
  QPen pen(color, width, style);
  series->setPen(pen);
  chart->addSeries(series);
  return series;
}

double maxY(const QList<QPointF>& points) {
  double m = 0;
  for (const QPointF& p : points) {
    if (std::isfinite(p.y())) m = std::max(m, p.y());
  }
  return m;
}

}  // namespace

LossChart::LossChart(QWidget* parent) : ChartPanel(parent) {
  QChart* c = chart();
  // Steps first so the epoch lines draw over them.
  steps_ = makeSeries(c, QColor(31, 119, 180, 90), 1.0);
  train_ = makeSeries(c, QColor(31, 119, 180), 2.2);
  validation_ = makeSeries(c, QColor(255, 127, 14), 2.2);
  auc_ = makeSeries(c, QColor(44, 160, 44), 1.6, Qt::DashLine);
  train_->setPointsVisible(true);
  validation_->setPointsVisible(true);
  x_ = new QValueAxis(c);
  x_->setLabelFormat("%d");
  loss_ = new QValueAxis(c);
  loss_->setLabelFormat("%.2f");
  loss_->setTickCount(6);
  aucAxis_ = new QValueAxis(c);
  aucAxis_->setRange(0, 1);
  aucAxis_->setTickCount(6);
  aucAxis_->setLabelFormat("%.1f");
  aucAxis_->setLinePenColor(QColor(44, 160, 44));
  c->addAxis(x_, Qt::AlignBottom);
  c->addAxis(loss_, Qt::AlignLeft);
  c->addAxis(aucAxis_, Qt::AlignRight);
  for (QLineSeries* s : {steps_, train_, validation_, auc_}) s->attachAxis(x_);
  for (QLineSeries* s : {steps_, train_, validation_}) s->attachAxis(loss_);
  auc_->attachAxis(aucAxis_);
  reset(10);
  retranslate();
}

void LossChart::retranslate() {
  chart()->setTitle(tr("Loss per epoch"));
  steps_->setName(tr("Train (step)"));
  train_->setName(tr("Train"));
  validation_->setName(tr("Validation"));
  auc_->setName(tr("Val. AUC"));
  x_->setTitleText(tr("Epoch"));
  loss_->setTitleText(tr("Loss"));
  aucAxis_->setTitleText(tr("AUC"));
  setPlaceholder(train_->count() + steps_->count() == 0 ? tr("Start training to see the losses") : QString());
}

void LossChart::reset(int epochs) {
  if (epochs <= 0) epochs = 10;
  for (QLineSeries* s : {steps_, train_, validation_, auc_}) s->clear();
  maxLoss_ = 0;
  x_->setRange(0, std::max(1, epochs));
  x_->setTickCount(std::min(11, std::max(2, epochs + 1)));
  fitLossAxis();
  retranslate();
}

void LossChart::appendSteps(const QList<QPointF>& points) {
  if (points.isEmpty()) return;
  steps_->append(points);
  maxLoss_ = std::max(maxLoss_, maxY(points));
  fitLossAxis();
  setPlaceholder(QString());
}

void LossChart::appendEpoch(const compat::EpochRecord& e) {
  train_->append(e.epoch, e.trainLoss);
  validation_->append(e.epoch, e.valLoss);
  auc_->append(e.epoch, e.valAuc);
  maxLoss_ = std::max(
      {maxLoss_, std::isfinite(e.trainLoss) ? e.trainLoss : 0.0, std::isfinite(e.valLoss) ? e.valLoss : 0.0});
  if (e.epoch > x_->max()) x_->setMax(e.epoch);
  fitLossAxis();
  setPlaceholder(QString());
}

void LossChart::setHistory(const std::vector<compat::EpochRecord>& history, int epochs,
                           const QList<QPointF>& steps) {
  reset(epochs);
  QList<QPointF> train, validation, auc;
  for (const compat::EpochRecord& e : history) {
    train.append({double(e.epoch), e.trainLoss});
    validation.append({double(e.epoch), e.valLoss});
    auc.append({double(e.epoch), e.valAuc});
  }
  // replace() redraws once for the whole list.
  steps_->replace(steps);
  train_->replace(train);
  validation_->replace(validation);
  auc_->replace(auc);
  maxLoss_ = std::max({maxY(steps), maxY(train), maxY(validation)});
  if (!history.empty() && history.back().epoch > x_->max()) x_->setMax(history.back().epoch);
  fitLossAxis();
  retranslate();
}

void LossChart::truncateAfter(int epoch) {
  const auto keep = [epoch](QLineSeries* s) {
    QList<QPointF> points = s->points();
    const auto end = std::find_if(points.begin(), points.end(),
                                  [epoch](const QPointF& p) { return p.x() > epoch + 1e-9; });
    points.erase(end, points.end());
    s->replace(points);
    return points;
  };
  maxLoss_ = std::max({maxY(keep(steps_)), maxY(keep(train_)), maxY(keep(validation_))});
  keep(auc_);
  fitLossAxis();
}

void LossChart::fitLossAxis() {
  // Round the top up to a "nice" value so the axis does not twitch with every step.
  const double top = maxLoss_ > 0 ? maxLoss_ * 1.08 : 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(top)));
  const double nice = std::ceil(top / (magnitude / 4)) * (magnitude / 4);
  if (loss_->max() != nice || loss_->min() != 0) loss_->setRange(0, nice);
}

}  // namespace w2w
