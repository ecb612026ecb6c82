// TrainingCharts: the four charts of a training run side by side: losses
// (live per step and per epoch), and of the latest validation the threshold
// curve, the score histograms of real vs modified outfits and the ROC curve.
#pragma once

#include <QList>
#include <QPointF>
#include <QWidget>

#include <vector>

#include "compat/checkpoint.h"
#include "compat/evaluator.h"

namespace w2w {

class ChartPanel;
class LossChart;
class RocChart;
class ScoreHistogramChart;
class ThresholdChart;

class TrainingCharts : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingCharts(QWidget* parent = nullptr);

  LossChart* loss() const { return loss_; }
  ThresholdChart* threshold() const { return threshold_; }
  ScoreHistogramChart* histogram() const { return histogram_; }
  RocChart* roc() const { return roc_; }
  QList<ChartPanel*> panels() const;

  // A run as stored: its epochs and steps, and its last evaluation (if any).
  // `lossThreshold` is the run's hinge threshold, marked on the threshold chart.
  void showRun(const std::vector<compat::EpochRecord>& history, int epochs, const QList<QPointF>& steps,
               const compat::EvalReport* evaluation, int evaluationEpoch, double lossThreshold);
  // A new validation of the run shown.
  void showEvaluation(const compat::EvalReport& report, int epoch, double lossThreshold);
  void clearEvaluation();

  // Every chart as <stem>-<chart>.png; returns the files, or an empty list
  // and the failing path in `failed`.
  QStringList savePngs(const QString& stem, QString* failed = nullptr);

 private:
  LossChart* loss_;
  ThresholdChart* threshold_;
  ScoreHistogramChart* histogram_;
  RocChart* roc_;
};

}  // namespace w2w
