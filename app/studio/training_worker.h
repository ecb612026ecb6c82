// The studio's side of a training run on its worker thread: the job, the
// channel through which the worker reports to TrainingController, and the
// function that runs compat::runLibraryTraining (the core keeps how a run is
// trained and recorded; this adds the channel and the studio's wording).
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
#include "compat/evaluator.h"
#include "compat/outfit_set.h"
#include "compat/trainer.h"
#include "compat/training_run.h"
#include "library/types.h"

namespace w2w {

class EncoderService;

struct TrainingJob {
  std::string libraryPath;
  compat::LibraryTrainingRequest request;
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

// Runs the job and records the outcome in the channel. Returns an error
// message for the status bar (failed or diverged runs, or a run that could
// not be recorded).
QString runTrainingJob(const TrainingJob& job, TrainingChannel& channel, EncoderService* encoders,
                       const ProgressCallback& progress, const CancelFlag& cancel);

// Steps as the charts take them (x in epochs, y the loss).
QList<QPointF> stepPoints(const std::vector<compat::StepLoss>& steps);

}  // namespace w2w
