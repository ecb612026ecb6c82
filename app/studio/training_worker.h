// The background side of a training run (TrainingController is the GUI
// side): a job description, the channel through which the worker reports,
// and the function that runs on the worker thread.
//
// Thread-safety: runTrainingJob runs on one worker thread with its own
// Library connection; it touches the channel only under its mutex (pause is
// an atomic), and the EncoderService only through use().
#pragma once

#include <QList>
#include <QPointF>
#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/progress.h"
#include "compat/compat_config.h"
#include "compat/evaluator.h"
#include "compat/outfit_set.h"
#include "compat/trainer.h"
#include "library/types.h"
#include "training_run_metrics.h"

namespace w2w {

class EncoderService;

// The trainer needs this many outfits (two of them validate).
inline constexpr int kMinTrainingOutfits = 4;

struct TrainingJob {
  std::string libraryPath;
  Id runId = 0;  // 0: a new run; else the paused or cancelled run to continue
  compat::TrainConfig config;
  bool photoOutfits = true, userOutfits = true;
  std::string encoderSpec;                           // recorded in the checkpoint
  std::string encoderModelId;                        // a continued run must keep its encoder
  std::shared_ptr<const compat::OutfitSet> outfits;  // null: load them from the library
  std::string encoderKind;                           // with `outfits`
  RunMetrics previous;                               // a continued run's stored metrics
};

struct TrainingChannel {
  std::atomic<bool> pause{false};  // set with the task's cancel: stop as "paused"

  std::mutex mutex;
  Id runId = 0;
  int epochsDone = 0;
  // What the GUI has not seen yet: it takes the whole of it at once.
  struct Pending {
    bool announce = false;  // runId and epochsDone are new
    std::optional<QString> preparing;
    QList<QPointF> steps;
    std::optional<compat::StepInfo> step;
    std::vector<compat::EpochRecord> epochs;
    std::optional<std::pair<int, compat::EvalReport>> report;  // only the latest matters
  } pending;
  // Set once at the end.
  std::string outcome;  // finished, early_stopped, paused, cancelled, diverged, failed
  QString message;
  std::shared_ptr<const compat::OutfitSet> outfits;
  std::string encoderKind;
};

// Loads the outfits (unless the job brings them), creates or reopens the
// run's row, trains, and records the outcome in the row and the channel.
// Returns an error message for the status bar (failed or diverged runs).
QString runTrainingJob(const TrainingJob& job, TrainingChannel& channel, EncoderService* encoders,
                       const ProgressCallback& progress, const CancelFlag& cancel);

}  // namespace w2w
