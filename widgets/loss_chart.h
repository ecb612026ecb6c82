// LossChart: training and validation loss over the epochs of a run, fed live.
//
// The x axis counts epochs: a step k of s in epoch e sits at e - 1 + k / s,
// an epoch's mean training loss and its validation loss at e. The validation
// AUC shares the chart on a right-hand axis (0..1), since it is what early
// stopping and the best checkpoint follow. Other runs can be laid over the
// shown one (their training loss and validation AUC, one colour per run);
// the x axis ends at a round number just past the longest run shown.
#pragma once

#include <QList>
#include <QPointF>

#include <vector>

#include "chart_panel.h"
#include "compat/checkpoint.h"

class QLineSeries;
class QValueAxis;

namespace w2w {

// A run laid over the shown one.
struct ComparedRun {
  QString name;
  std::vector<compat::EpochRecord> history;
};

class LossChart : public ChartPanel {
  Q_OBJECT

 public:
  explicit LossChart(QWidget* parent = nullptr);

  // Empties the chart for a run of `epochs` epochs (the x range).
  void reset(int epochs);
  // Other runs' curves over the shown run's (none: only the shown run).
  void setComparison(const QList<ComparedRun>& runs);
  int comparedRuns() const { return static_cast<int>(comparedNames_.size()); }
  // Two series per compared run: its training loss, then its validation AUC.
  QList<QLineSeries*> comparisonSeries() const { return compared_; }
  double epochAxisEnd() const;
  // Per-step training losses, in order (a batch of them: one redraw).
  void appendSteps(const QList<QPointF>& points);
  void appendEpoch(const compat::EpochRecord& epoch);
  // A stored run: its epochs (and, when kept, its steps) at once.
  void setHistory(const std::vector<compat::EpochRecord>& history, int epochs,
                  const QList<QPointF>& steps = {});
  // Drops everything after `epoch` (a paused run resumes from that epoch's
  // checkpoint and redoes the rest).
  void truncateAfter(int epoch);

  QLineSeries* stepSeries() const { return steps_; }
  QLineSeries* trainSeries() const { return train_; }
  QLineSeries* validationSeries() const { return validation_; }
  QLineSeries* aucSeries() const { return auc_; }
  QString fileStem() const override { return QStringLiteral("loss"); }

 protected:
  void retranslate() override;

 private:
  void fitLossAxis();
  void fitEpochAxis();

  QLineSeries* steps_;
  QLineSeries* train_;
  QLineSeries* validation_;
  QLineSeries* auc_;
  QValueAxis* x_;
  QValueAxis* loss_;
  QValueAxis* aucAxis_;
  QList<QLineSeries*> compared_;  // per compared run: train loss, then val. AUC
  QStringList comparedNames_;
  int epochs_ = 10;             // the shown run's x extent
  double maxLoss_ = 0;          // of the shown run
  double comparedMaxLoss_ = 0;  // of the compared runs' training losses
};

}  // namespace w2w
