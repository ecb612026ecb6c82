// TrainingController: trains the compatibility model on the open library's
// outfits in the background, and keeps the library's record of every run.
//
// A run is trained and recorded by the core (compat::runLibraryTraining, the
// same code `what2wear train --dataset library:FILE` uses): load the outfits
// (photo and user outfits, encoding the crops the current encoder has not
// seen yet), create its TrainingRun row, train into <library folder>/<library
// name>-runs/run-<id>/, update the row after every epoch and at the end. All
// of it runs on a worker (LibraryController::runTask, so the status bar shows
// it with Cancel); the worker has its own Library connection.
//
// The trainer's callbacks never touch the GUI: they fill a buffer that a
// timer on the GUI thread drains at most 20 times a second, so a fast run
// (tiny epochs, thousands of steps) costs the GUI a bounded number of redraws.
//
// Pause stops the run after the current step (the trainer's cancellation),
// keeping the checkpoint of the last finished epoch; resume trains on from
// that checkpoint (TrainRequest::resume), which continues exactly as an
// uninterrupted run would. The steps of the interrupted epoch are redone.
// A paused or cancelled run can also be continued later, after a restart.
#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QTimer>

#include <memory>

#include "compat/checkpoint.h"
#include "compat/compat_config.h"
#include "compat/evaluator.h"
#include "compat/outfit_set.h"
#include "library/types.h"

namespace w2w {

class BackgroundTask;
class EncoderService;
class LibraryController;
struct TrainingChannel;
struct TrainingJob;

class TrainingController : public QObject {
  Q_OBJECT

 public:
  enum class State { Idle, Running, Pausing, Paused, Cancelling };

  struct DataOptions {
    bool photoOutfits = true;  // the three crops of each outfit photo
    bool userOutfits = true;   // outfits composed by people
  };

  TrainingController(LibraryController* library, EncoderService* encoders, QObject* parent = nullptr);
  ~TrainingController() override;

  // Each returns an empty string when the run started, else why not.
  QString start(const compat::TrainConfig& config, const DataOptions& data);
  QString resume(Id runId);  // a paused or cancelled run with epochs left
  void pause();
  void cancel();  // also ends a paused run for good

  State state() const { return state_; }
  bool isTraining() const {
    return state_ == State::Running || state_ == State::Pausing || state_ == State::Cancelling;
  }
  // The run being trained or paused (0: none).
  Id activeRun() const { return activeRun_; }
  // True for the active run when it belongs to the library now open.
  bool isActive(Id runId) const;
  // Per-step losses of the active run so far (x in epochs).
  const QList<QPointF>& liveSteps() const { return liveSteps_; }

  // <library folder>/<library name>-runs/run-<id> (compat::defaultRunFolder)
  static QString runFolder(const QString& libraryPath, Id runId);
  // The run's checkpoint folder as an absolute path.
  QString checkpointFolder(const TrainingRun& run) const;
  // Deletes the run's row and its checkpoint folder; refuses the run in training.
  QString removeRun(Id runId);

 Q_SIGNALS:
  void stateChanged(TrainingController::State state);
  // The run's row exists; a resumed run goes on after `epochsDone` epochs.
  void runStarted(qint64 runId, int epochsDone);
  // Loading and encoding the outfits, before the first step.
  void preparing(const QString& message);
  void progressed(int epoch, int epochs, int step, int steps, double loss);
  void stepsArrived(const QList<QPointF>& losses);
  void epochFinished(const compat::EpochRecord& record);
  void evaluated(int epoch, const compat::EvalReport& report);
  // outcome: finished, early_stopped, paused, cancelled, diverged, failed.
  void runEnded(qint64 runId, const QString& outcome, const QString& message);
  void runsChanged();

 private:
  QString launch(std::shared_ptr<TrainingJob> job);
  void drain();
  void onTaskFinished(const QString& error);
  void setState(State state);

  LibraryController* library_;
  EncoderService* encoders_;
  QTimer drainTimer_;
  std::shared_ptr<TrainingChannel> channel_;
  QPointer<BackgroundTask> task_;
  State state_ = State::Idle;
  Id activeRun_ = 0;
  QString activeLibrary_;
  QList<QPointF> liveSteps_;
  // The outfits of the last run, so that resuming in this session trains on
  // exactly the same data even if the library changed meanwhile.
  QString cachedLibrary_;
  Id cachedRun_ = 0;
  std::shared_ptr<const compat::OutfitSet> cachedOutfits_;
  std::string cachedEncoderKind_;
};

}  // namespace w2w
