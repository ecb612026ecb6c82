#include "training_charts.h"

#include <QGridLayout>

#include "loss_chart.h"
#include "roc_chart.h"
#include "score_histogram_chart.h"
#include "threshold_chart.h"

namespace w2w {

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
  loss_ = new LossChart(this);
  loss_->setObjectName("lossChart");
  threshold_ = new ThresholdChart(this);
  threshold_->setObjectName("thresholdChart");
  histogram_ = new ScoreHistogramChart(this);
  histogram_->setObjectName("histogramChart");
  roc_ = new RocChart(this);
  roc_->setObjectName("rocChart");
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(4);
  grid->addWidget(loss_, 0, 0);
  grid->addWidget(threshold_, 0, 1);
  grid->addWidget(histogram_, 1, 0);
  grid->addWidget(roc_, 1, 1);
}

QList<ChartPanel*> TrainingCharts::panels() const { return {loss_, threshold_, histogram_, roc_}; }

void TrainingCharts::showRun(const std::vector<compat::EpochRecord>& history, int epochs,
                             const QList<QPointF>& steps, const compat::EvalReport* evaluation,
                             int evaluationEpoch, double lossThreshold) {
  loss_->setHistory(history, epochs, steps);
  if (evaluation)
    showEvaluation(*evaluation, evaluationEpoch, lossThreshold);
  else
    clearEvaluation();
}

void TrainingCharts::showEvaluation(const compat::EvalReport& report, int epoch, double lossThreshold) {
  threshold_->setCurve(report.thresholds, epoch, lossThreshold);
  histogram_->setHistograms(report.real, report.modified, epoch);
  roc_->setCurve(report.real, report.modified, report.auc, epoch);
}

void TrainingCharts::clearEvaluation() {
  threshold_->clear();
  histogram_->clear();
  roc_->clear();
}

QStringList TrainingCharts::savePngs(const QString& stem, QString* failed) {
  QStringList files;
  for (ChartPanel* panel : panels()) {
    const QString png = stem + "-" + panel->fileStem() + ".png";
    if (!panel->savePng(png)) {
      if (failed) *failed = png;
      return {};
    }
    files << png;
  }
  return files;
}

}  // namespace w2w
