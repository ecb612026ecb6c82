// ScoreHistogramChart: how the outfit scores (mean pair similarity) of real
// and modified outfits are distributed (seed, section 4: real outfits score
// higher; modified ones look Gaussian). Each histogram is scaled to shares of
// its own outfits, as the evaluation draws several modified outfits per real one.
#pragma once

#include "chart_panel.h"
#include "compat/metrics.h"

class QAreaSeries;
class QLineSeries;
class QValueAxis;

namespace w2w {

class ScoreHistogramChart : public ChartPanel {
  Q_OBJECT

 public:
  explicit ScoreHistogramChart(QWidget* parent = nullptr);

  void setHistograms(const compat::Histogram& real, const compat::Histogram& modified, int epoch);
  void clear();

  // The outlines of the two areas (two points per bin).
  QLineSeries* realSeries() const { return realLine_; }
  QLineSeries* modifiedSeries() const { return modifiedLine_; }
  QString fileStem() const override { return QStringLiteral("histogram"); }

 protected:
  void retranslate() override;

 private:
  QLineSeries* realLine_;
  QLineSeries* modifiedLine_;
  QAreaSeries* real_;
  QAreaSeries* modified_;
  QValueAxis* x_;
  QValueAxis* y_;
  compat::Histogram realData_, modifiedData_;
  int epoch_ = 0;
};

}  // namespace w2w
