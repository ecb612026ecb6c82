// Training runs of a wardrobe library: how a run is trained on the library's
// outfits and recorded in it, and what its record holds. The studio's
// Training view and `what2wear train --dataset library:FILE` both go through
// runLibraryTraining, so a run trained either way is listed, continued and
// exported alike.
//
// A run is a row of the library (Library::addRun): its configuration is
// TrainingRun::configJson (trainConfigJson), its metrics TrainingRun::
// metricsJson (runMetricsJson below), its checkpoint a folder, by default
// <library folder>/<library name>-runs/run-<id>/, stored relative to the
// library's folder. The metrics are rewritten after every epoch, so a run
// stopped at any moment keeps the epochs it finished.
//
// Metrics keys: state, message, data {photo_outfits, user_outfits, outfits,
// train_outfits, val_outfits}, epochs_planned, best_epoch, best_val_auc,
// seconds, history (epochHistoryJson), steps ([[epoch, loss], ...], thinned
// to at most kMaxStoredSteps), evaluation_epoch and evaluation (the last
// validation, evalReportJson), best_evaluation_epoch and best_evaluation (the
// validation of the best epoch: the checkpoint's model). Runs store status
// Cancelled for both paused and cancelled runs; "state" tells them apart and
// also says early_stopped and diverged.
//
// Thread-safety: runLibraryTraining runs on the calling thread with the
// Library given (a Library object belongs to one thread); its events are
// called on that thread. The rest are pure functions.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "compat/compat_config.h"
#include "compat/evaluator.h"
#include "compat/outfit_set.h"
#include "compat/trainer.h"
#include "datasets/split.h"
#include "embed/encoder.h"
#include "library/library.h"

namespace w2w::compat {

// The trainer needs this many outfits (two of them validate).
inline constexpr int kMinTrainingOutfits = 4;
// Per-step losses kept in a run's metrics (every k-th step beyond that).
inline constexpr int kMaxStoredSteps = 1500;

// One training step's loss; `epoch` counts in epochs (1.5: half-way through the second).
struct StepLoss {
  double epoch = 0;
  double loss = 0;
};

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
  std::vector<EpochRecord> history;
  std::vector<StepLoss> steps;
  int evaluationEpoch = 0;
  std::optional<EvalReport> evaluation;
  int bestEvaluationEpoch = 0;
  std::optional<EvalReport> bestEvaluation;

  // What a stored run's charts and exports show: the best epoch's validation
  // (the model the checkpoint keeps), else the last one; null when none.
  const EvalReport* keptEvaluation(int* epoch) const;

  int epochsDone() const { return history.empty() ? 0 : history.back().epoch; }
  // Paused or cancelled with epochs left: the checkpoint can be trained on.
  bool resumable() const {
    return (state == "paused" || state == "cancelled") && epochsDone() < epochsPlanned;
  }
  // Keeps the epochs (and steps) up to `epoch`: what a checkpoint of that epoch holds.
  void truncateAfter(int epoch);
};

std::string runMetricsJson(const RunMetrics& metrics);
// Tolerant: a missing or malformed key keeps its default (an empty object
// gives a run with no history), so runs stored by earlier versions still read.
RunMetrics parseRunMetrics(const std::string& json);

// The checkpoint folder the library keeps for a run.
std::string defaultRunFolder(const std::string& libraryPath, Id runId);

// The encoder a run uses, lent for the duration of `work` (the studio shares
// one encoder between tasks; the command line owns its own).
using EncoderAccess = std::function<Status(const std::function<Status(Encoder&)>& work)>;

struct LibraryTrainingRequest {
  Id runId = 0;  // 0: a new run; else the paused or cancelled run to continue
  TrainConfig config;
  bool photoOutfits = true, userOutfits = true;
  datasets::Split split = datasets::Split::All;
  std::string encoderSpec = "basic";  // recorded in the checkpoint
  std::string encoderModelId;         // a continued run must keep its encoder
  std::string checkpointDir;          // a new run's folder; empty: defaultRunFolder
  // Outfits already loaded (a run continued in the same session trains on
  // exactly the same data); null: load them from the library.
  std::shared_ptr<const OutfitSet> outfits;
  std::string encoderKind;  // with `outfits`
  RunMetrics previous;      // a continued run's stored metrics
};

// Why a run could not train; the callers word these themselves (translated).
enum class RunFailure { None, TooFewOutfits, EncoderChanged, RunMissing, StoppedBeforeTraining, Other };

struct LibraryTrainingEvents {
  std::function<void()> onLoading;                                  // reading the outfits
  std::function<void(long long done, long long total)> onEncoding;  // encoding missing crops
  std::function<void(std::shared_ptr<const OutfitSet>, const std::string& encoderKind)> onOutfits;
  std::function<void(Id runId, int epochsDone)> onStarted;  // the row exists
  std::function<void(const StepInfo&, const StepLoss&)> onStep;
  std::function<void(const EpochRecord&)> onEpoch;
  std::function<void(int epoch, const EvalReport&)> onValidation;  // after the epoch's record is saved
  // Asked when the run was cancelled: true records it as paused (continuable).
  std::function<bool()> pauseRequested;
};

struct LibraryTrainingResult {
  Id runId = 0;         // 0 when the row was never made
  std::string state;    // the stored state, or "failed"/"cancelled" before a row existed
  std::string message;  // one line, English: what happened
  RunFailure failure = RunFailure::None;
  // Set for TooFewOutfits (outfits found) and EncoderChanged (ids).
  int outfitsFound = 0;
  std::string trainedEncoderId, currentEncoderId;
  // The run did not end well (failed, diverged) or could not be recorded.
  bool failed = false;
  std::string recordError;  // a failed write of the run's row, when training itself went on
  RunMetrics metrics;       // as last stored
  std::string checkpointDir;
  std::string dataJson;  // the data description recorded in the checkpoint
};

// Loads the outfits (unless the request brings them), creates or reopens the
// run's row, trains, and records every epoch and the outcome in the row.
// Never throws; never fails silently: every way it ends is in the result.
LibraryTrainingResult runLibraryTraining(Library& library, const LibraryTrainingRequest& request,
                                         const EncoderAccess& encoder, const LibraryTrainingEvents& events,
                                         const CancelFlag& cancel);

}  // namespace w2w::compat
