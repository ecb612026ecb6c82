// ThresholdChart: accuracy, precision and recall of "score >= threshold means
// a real outfit" over the thresholds of an evaluation (seed, section 4: the
// accuracy is good at low thresholds only). The modified loss's threshold is
// marked, and the best accuracy is pointed out.
#pragma once

#include <vector>

#include "chart_panel.h"
#include "compat/metrics.h"

class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace w2w {

class ThresholdChart : public ChartPanel {
  Q_OBJECT

 public:
  explicit ThresholdChart(QWidget* parent = nullptr);

  // `epoch` names the evaluation in the title (0: none); `lossThreshold` is
  // the training configuration's hinge threshold.
  void setCurve(const std::vector<compat::ThresholdPoint>& points, int epoch, double lossThreshold);
  void clear();

  QLineSeries* accuracySeries() const { return accuracy_; }
  QLineSeries* precisionSeries() const { return precision_; }
  QLineSeries* recallSeries() const { return recall_; }
  int epoch() const { return epoch_; }  // of the evaluation shown (0: none)
  QString fileStem() const override { return QStringLiteral("threshold"); }

 protected:
  void retranslate() override;

 private:
  QLineSeries* accuracy_;
  QLineSeries* precision_;
  QLineSeries* recall_;
  QLineSeries* marker_;
  QScatterSeries* best_;
  QValueAxis* x_;
  QValueAxis* y_;
  int epoch_ = 0;
  QPointF bestPoint_;
};

}  // namespace w2w
