#include "score_histogram_chart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace w2w {
namespace {

// The histogram as a step outline: (left edge, share), (right edge, share) per bin.
QList<QPointF> outline(const compat::Histogram& h, double* top) {
  QList<QPointF> points;
  if (h.counts.empty() || h.n == 0) return points;
  const double width = (h.hi - h.lo) / static_cast<double>(h.counts.size());
  for (std::size_t b = 0; b < h.counts.size(); ++b) {
    const double share = static_cast<double>(h.counts[b]) / static_cast<double>(h.n);
    *top = std::max(*top, share);
    points.append({h.lo + width * static_cast<double>(b), share});
    points.append({h.lo + width * static_cast<double>(b + 1), share});
  }
  return points;
}

}  // namespace

ScoreHistogramChart::ScoreHistogramChart(QWidget* parent) : ChartPanel(parent) {
  QChart* c = chart();
  const auto area = [c](QLineSeries* line, const QColor& color) {
    auto* a = new QAreaSeries(line);
    QColor fill = color;
    fill.setAlpha(110);
    a->setBrush(fill);
    a->setPen(QPen(color.darker(110), 1.6));
    c->addSeries(a);
    return a;
  };
  realLine_ = new QLineSeries(c);
  modifiedLine_ = new QLineSeries(c);
  real_ = area(realLine_, QColor(44, 160, 44));
  modified_ = area(modifiedLine_, QColor(214, 39, 40));
  x_ = new QValueAxis(c);
  x_->setRange(-1, 1);
  x_->setLabelFormat("%.2f");
  fitTicksToWidth(x_, {9, 5, 3});  // steps of 0.25, 0.5 or 1 over -1..1
  y_ = new QValueAxis(c);
  y_->setRange(0, 0.2);
  y_->setLabelFormat("%.2f");
  c->addAxis(x_, Qt::AlignBottom);
  c->addAxis(y_, Qt::AlignLeft);
  for (QAreaSeries* a : {real_, modified_}) {
    a->attachAxis(x_);
    a->attachAxis(y_);
  }
  retranslate();
}

void ScoreHistogramChart::retranslate() {
  chart()->setTitle(epoch_ > 0 ? tr("Outfit scores, real vs modified (epoch %1)").arg(epoch_)
                               : tr("Outfit scores, real vs modified"));
  real_->setName(realData_.n ? tr("Real (mean %1)").arg(realData_.mean, 0, 'f', 2) : tr("Real"));
  modified_->setName(modifiedData_.n ? tr("Modified (mean %1)").arg(modifiedData_.mean, 0, 'f', 2)
                                     : tr("Modified"));
  // Short enough for a chart a quarter of a 1024-pixel window wide; the
  // tooltip says what the score is.
  x_->setTitleText(tr("Outfit score"));
  setToolTip(tr("Outfit score: the mean similarity of the outfit's pairs of garments"));
  y_->setTitleText(tr("Share of outfits"));
  setPlaceholder(realLine_->count() ? QString() : tr("Shown after the first epoch"));
}

void ScoreHistogramChart::setHistograms(const compat::Histogram& real, const compat::Histogram& modified,
                                        int epoch) {
  realData_ = real;
  modifiedData_ = modified;
  epoch_ = epoch;
  double top = 0;
  realLine_->replace(outline(real, &top));
  modifiedLine_->replace(outline(modified, &top));
  // Round ticks keep the axis readable while the shapes change from epoch to epoch.
  y_->setRange(0, std::max(0.05, top * 1.05));
  y_->applyNiceNumbers();
  retranslate();
}

void ScoreHistogramChart::clear() { setHistograms({}, {}, 0); }

}  // namespace w2w
