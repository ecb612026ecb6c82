// RunMetrics: what the studio keeps of a training run in
// TrainingRun::metricsJson (the run's configuration is TrainingRun::configJson,
// compat::trainConfigJson). Written by the training worker after every epoch
// and at the end; read back to show a stored run's curves and to export it.
//
// Keys: state, message, data {photo_outfits, user_outfits, outfits,
// train_outfits, val_outfits}, epochs_planned, best_epoch, best_val_auc,
// seconds, history (compat::epochHistoryJson), steps ([[epoch, loss], ...],
// thinned to at most kMaxStoredSteps), evaluation_epoch and evaluation (the
// last validation, compat::evalReportJson), best_evaluation_epoch and
// best_evaluation (the validation of the best epoch: the checkpoint's model).
#pragma once

#include <QList>
#include <QPointF>

#include <optional>
#include <string>
#include <vector>

#include "compat/checkpoint.h"
#include "compat/evaluator.h"

namespace w2w {

struct RunMetrics {
  // running, paused, finished, early_stopped, cancelled, diverged, failed
  std::string state = "running";
  std::string message;
  bool photoOutfits = true, userOutfits = true;
  int outfits = 0, trainOutfits = 0, valOutfits = 0;
  int epochsPlanned = 0;
  int bestEpoch = 0;
  double bestValAuc = 0;
  double seconds = 0;  // training time over all sessions of the run (pauses excluded)
  std::vector<compat::EpochRecord> history;
  QList<QPointF> steps;  // per-step training loss, x in epochs
  int evaluationEpoch = 0;
  std::optional<compat::EvalReport> evaluation;
  int bestEvaluationEpoch = 0;
  std::optional<compat::EvalReport> bestEvaluation;

  // What a stored run's charts and exports show: the best epoch's validation
  // (the model the checkpoint keeps), else the last one; null when none.
  const compat::EvalReport* keptEvaluation(int* epoch) const;

  int epochsDone() const { return history.empty() ? 0 : history.back().epoch; }
  // Paused or cancelled with epochs left: the checkpoint can be trained on.
  bool resumable() const {
    return (state == "paused" || state == "cancelled") && epochsDone() < epochsPlanned;
  }
  // Keeps the epochs (and steps) up to `epoch`: what a checkpoint of that epoch holds.
  void truncateAfter(int epoch);
};

inline constexpr int kMaxStoredSteps = 1500;

std::string runMetricsJson(const RunMetrics& metrics);
// Tolerant: a missing or malformed key keeps its default (an empty object
// gives a run with no history).
RunMetrics parseRunMetrics(const std::string& json);

// The evaluation as compat::evalReportJson wrote it, read back.
std::optional<compat::EvalReport> parseEvalReport(const std::string& json);

}  // namespace w2w
