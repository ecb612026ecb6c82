#include "loss_chart.h"

#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace w2w {
namespace {

QLineSeries* makeSeries(QChart* chart, const QColor& color, qreal width, Qt::PenStyle style = Qt::SolidLine) {
  auto* series = new QLineSeries(chart);
  QPen pen(color, width, style);
  series->setPen(pen);
  chart->addSeries(series);
  return series;
}

// Colours for compared runs, apart from the shown run's blue, orange and green.
const QColor kRunColors[] = {QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194),
                             QColor(127, 127, 127), QColor(188, 189, 34), QColor(23, 190, 207)};

// Round axis ends: 7 epochs end at 7, 76 at 80, 400 at 400; at most 10 ticks.
void niceEpochAxis(int epochs, int* end, int* ticks) {
  epochs = std::max(1, epochs);
  for (int step : {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000}) {
    const int n = (epochs + step - 1) / step;
    if (n <= 10) {
      *end = n * step;
      *ticks = n + 1;
      return;
    }
  }
  *end = epochs;
  *ticks = 11;
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
  for (int i = 0; i < comparedNames_.size(); ++i) {
    compared_[2 * i]->setName(tr("%1 train").arg(comparedNames_[i]));
    compared_[2 * i + 1]->setName(tr("%1 AUC").arg(comparedNames_[i]));
  }
  setPlaceholder(train_->count() + steps_->count() == 0 ? tr("Start training to see the losses") : QString());
}

void LossChart::reset(int epochs) {
  if (epochs <= 0) epochs = 10;
  for (QLineSeries* s : {steps_, train_, validation_, auc_}) s->clear();
  maxLoss_ = 0;
  epochs_ = epochs;
  fitEpochAxis();
  fitLossAxis();
  retranslate();
}

void LossChart::setComparison(const QList<ComparedRun>& runs) {
  for (QLineSeries* s : compared_) {
    chart()->removeSeries(s);
    delete s;
  }
  compared_.clear();
  comparedNames_.clear();
  comparedMaxLoss_ = 0;
  int colour = 0;
  for (const ComparedRun& run : runs) {
    const QColor color = kRunColors[colour++ % std::size(kRunColors)];
    auto* train = makeSeries(chart(), color, 2.0);
    auto* auc = makeSeries(chart(), color, 1.6, Qt::DashLine);
    QList<QPointF> trainPoints, aucPoints;
    for (const compat::EpochRecord& e : run.history) {
      trainPoints.append({double(e.epoch), e.trainLoss});
      aucPoints.append({double(e.epoch), e.valAuc});
      if (std::isfinite(e.trainLoss)) comparedMaxLoss_ = std::max(comparedMaxLoss_, e.trainLoss);
    }
    train->replace(trainPoints);
    auc->replace(aucPoints);
    train->attachAxis(x_);
    train->attachAxis(loss_);
    auc->attachAxis(x_);
    auc->attachAxis(aucAxis_);
    compared_ << train << auc;
    comparedNames_ << run.name;
  }
  fitEpochAxis();
  fitLossAxis();
  retranslate();
  fitLegend();  // the compared runs' entries need room of their own
}

double LossChart::epochAxisEnd() const { return x_->max(); }

void LossChart::fitEpochAxis() {
  double longest = epochs_;
  for (QLineSeries* s : compared_) {
    if (s->count() > 0) longest = std::max(longest, s->at(s->count() - 1).x());
  }
  for (QLineSeries* s : {train_, steps_}) {
    if (s->count() > 0) longest = std::max(longest, std::ceil(s->at(s->count() - 1).x()));
  }
  int end = 1, ticks = 2;
  niceEpochAxis(static_cast<int>(std::ceil(longest)), &end, &ticks);
  if (x_->max() != end || x_->min() != 0) x_->setRange(0, end);
  x_->setTickCount(ticks);
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
  if (e.epoch > x_->max()) fitEpochAxis();
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
  fitEpochAxis();
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
  fitEpochAxis();
  fitLossAxis();
}

void LossChart::fitLossAxis() {
  // Round the top up to a "nice" value so the axis does not twitch with every step.
  const double highest = std::max(maxLoss_, comparedMaxLoss_);
  const double top = highest > 0 ? highest * 1.08 : 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(top)));
  const double nice = std::ceil(top / (magnitude / 4)) * (magnitude / 4);
  if (loss_->max() != nice || loss_->min() != 0) loss_->setRange(0, nice);
}

}  // namespace w2w
