// RocChart: the ROC curve of real versus modified outfits (true positive rate
// over false positive rate as the score threshold falls), from the histograms
// the evaluation keeps (compat::rocCurve), with the chance diagonal. The AUC
// in the title is the evaluation's own (exact, not read off the bins).
#pragma once

#include "chart_panel.h"
#include "compat/metrics.h"

class QLineSeries;
class QValueAxis;

namespace w2w {

class RocChart : public ChartPanel {
  Q_OBJECT

 public:
  explicit RocChart(QWidget* parent = nullptr);

  void setCurve(const compat::Histogram& real, const compat::Histogram& modified, double auc, int epoch);
  void clear();

  QLineSeries* curveSeries() const { return curve_; }
  QString fileStem() const override { return QStringLiteral("roc"); }

 protected:
  void retranslate() override;

 private:
  QLineSeries* curve_;
  QLineSeries* chance_;
  QValueAxis* x_;
  QValueAxis* y_;
  double auc_ = 0.5;
  int epoch_ = 0;
};

}  // namespace w2w
