#include "training_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

#include "background_task.h"
#include "common/log_categories.h"
#include "encoder_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "training_worker.h"

namespace w2w {

TrainingController::TrainingController(LibraryController* library, EncoderService* encoders, QObject* parent)
    : QObject(parent), library_(library), encoders_(encoders) {
  drainTimer_.setInterval(50);  // at most 20 updates a second reach the charts
  connect(&drainTimer_, &QTimer::timeout, this, &TrainingController::drain);
  // Quitting with a run in training: stop it while the encoder service and
  // the library still exist (the window's children go in creation order).
  connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
    if (task_) {
      task_->cancel();
      task_->wait();
    }
  });
  connect(library_, &LibraryController::libraryOpened, this, [this] {
    // Another library: its runs are not ours to pause or continue.
    if (state_ == State::Paused) setState(State::Idle);
    if (!isTraining()) activeRun_ = 0;
    cachedOutfits_.reset();
  });
}

TrainingController::~TrainingController() {
  // The worker uses the encoder service: let it end before anything goes away.
  if (task_) {
    task_->cancel();
    task_->wait();
  }
}

QString TrainingController::runFolder(const QString& libraryPath, Id runId) {
  return QString::fromStdString(compat::defaultRunFolder(libraryPath.toStdString(), runId));
}

QString TrainingController::checkpointFolder(const TrainingRun& run) const {
  if (!library_->hasLibrary() || run.checkpointPath.empty()) return {};
  return QString::fromStdString(library_->library()->resolvePath(run.checkpointPath));
}

QString TrainingController::start(const compat::TrainConfig& config, const DataOptions& data) {
  Library* library = library_->library();
  if (!library) return tr("No library is open: open or create one first (File menu).");
  if (isTraining()) return tr("A run is in progress: pause or cancel it first.");
  if (library->readOnly()) return tr("The library is open read-only: training records its runs in it.");
  if (!data.photoOutfits && !data.userOutfits) return tr("Choose at least one source of outfits.");
  auto outfits = library->outfits();
  if (!outfits) return QString::fromStdString(outfits.message());
  const auto count = std::count_if(outfits->begin(), outfits->end(), [&](const Outfit& o) {
    return (o.origin == OutfitOrigin::Photo && data.photoOutfits) ||
           (o.origin == OutfitOrigin::User && data.userOutfits);
  });
  if (count < compat::kMinTrainingOutfits) {
    return tr("Training needs at least %1 outfits (a top, a bottom and shoes each); the chosen sources have "
              "%2. "
              "Import outfit photos or compose outfits first.")
        .arg(compat::kMinTrainingOutfits)
        .arg(count);
  }
  auto job = std::make_shared<TrainingJob>();
  job->libraryPath = library->path();
  compat::LibraryTrainingRequest& request = job->request;
  request.config = config;
  // Leave a core for the GUI, as the encoder service does.
  request.config.threads = std::max(1, QThread::idealThreadCount() - 1);
  compat::TrainConfig check = request.config;
  check.head.inputDim = std::max(1, check.head.inputDim);
  if (Status s = compat::validateConfig(check); !s) return QString::fromStdString(s.message());
  request.photoOutfits = data.photoOutfits;
  request.userOutfits = data.userOutfits;
  request.encoderSpec = encoders_->spec().toStdString();
  request.previous.epochsPlanned = config.epochs;
  activeRun_ = 0;
  liveSteps_.clear();
  return launch(job);
}

QString TrainingController::resume(Id runId) {
  Library* library = library_->library();
  if (!library) return tr("No library is open: open or create one first (File menu).");
  if (isTraining()) return tr("A run is in progress: pause or cancel it first.");
  auto found = library->run(runId);
  if (!found) return QString::fromStdString(found.message());
  if (!*found) return tr("The run no longer exists in the library.");
  const TrainingRun& run = **found;
  compat::RunMetrics metrics = compat::parseRunMetrics(run.metricsJson);
  if (run.status != RunStatus::Cancelled || !metrics.resumable())
    return tr("Only a paused or cancelled run with epochs left can be continued.");
  auto config = compat::parseTrainConfig(run.configJson);
  if (!config) return QString::fromStdString(config.message());
  auto job = std::make_shared<TrainingJob>();
  job->libraryPath = library->path();
  compat::LibraryTrainingRequest& request = job->request;
  request.runId = runId;
  request.config = *config;
  request.config.threads = std::max(1, QThread::idealThreadCount() - 1);
  request.photoOutfits = metrics.photoOutfits;
  request.userOutfits = metrics.userOutfits;
  request.encoderSpec = encoders_->spec().toStdString();
  request.encoderModelId = run.encoderModelId;
  if (cachedOutfits_ && cachedRun_ == runId && cachedLibrary_ == library_->path()) {
    request.outfits = cachedOutfits_;
    request.encoderKind = cachedEncoderKind_;
  }
  if (activeRun_ != runId) liveSteps_ = stepPoints(metrics.steps);
  request.previous = std::move(metrics);
  activeRun_ = runId;
  return launch(job);
}

bool TrainingController::isActive(Id runId) const {
  return runId != 0 && runId == activeRun_ && library_->hasLibrary() && activeLibrary_ == library_->path();
}

QString TrainingController::launch(std::shared_ptr<TrainingJob> job) {
  activeLibrary_ = QString::fromStdString(job->libraryPath);
  auto channel = std::make_shared<TrainingChannel>();
  channel_ = channel;
  EncoderService* encoders = encoders_;
  task_ = library_->runTask(
      tr("Training"), [job, channel, encoders](const ProgressCallback& progress, const CancelFlag& cancel) {
        return runTrainingJob(*job, *channel, encoders, progress, cancel);
      });
  connect(task_, &BackgroundTask::finished, this, [this, channel](const QString& error) {
    if (channel == channel_) onTaskFinished(error);
  });
  drainTimer_.start();
  setState(State::Running);
  return {};
}

void TrainingController::pause() {
  if (state_ != State::Running || !task_) return;
  channel_->pause = true;
  task_->cancel();
  setState(State::Pausing);
}

void TrainingController::cancel() {
  if ((state_ == State::Running || state_ == State::Pausing) && task_) {
    channel_->pause = false;
    task_->cancel();
    setState(State::Cancelling);
    return;
  }
  if (state_ != State::Paused) return;
  // Nothing runs: only the record changes (the checkpoint stays usable).
  const Id runId = activeRun_;
  if (Library* library = library_->library()) {
    auto run = library->run(runId);
    if (run && *run) {
      compat::RunMetrics metrics = compat::parseRunMetrics((*run)->metricsJson);
      metrics.state = "cancelled";
      (*run)->metricsJson = compat::runMetricsJson(metrics);
      if (Status s = library->updateRun(**run); !s)
        qCWarning(lcTraining) << "run" << runId
                              << "not marked cancelled:" << QString::fromStdString(s.message());
    }
  }
  setState(State::Idle);
  Q_EMIT runEnded(runId, QStringLiteral("cancelled"), QString());
  Q_EMIT runsChanged();
}

void TrainingController::drain() {
  if (!channel_) return;
  TrainingChannel& ch = *channel_;
  TrainingChannel::Pending taken;
  Id runId = 0;
  int epochsDone = 0;
  {
    std::lock_guard<std::mutex> lock(ch.mutex);
    std::swap(taken, ch.pending);
    runId = ch.runId;
    epochsDone = ch.epochsDone;
  }
  if (taken.announce) {
    activeRun_ = runId;
    liveSteps_.erase(std::remove_if(liveSteps_.begin(), liveSteps_.end(),
                                    [epochsDone](const QPointF& p) { return p.x() > epochsDone + 1e-9; }),
                     liveSteps_.end());
    Q_EMIT runStarted(runId, epochsDone);
    Q_EMIT runsChanged();
  }
  if (taken.preparing) Q_EMIT preparing(*taken.preparing);
  if (!taken.steps.isEmpty()) {
    liveSteps_.append(taken.steps);
    Q_EMIT stepsArrived(taken.steps);
  }
  if (const auto& s = taken.step) Q_EMIT progressed(s->epoch, s->epochs, s->step, s->steps, s->loss);
  for (const compat::EpochRecord& e : taken.epochs) Q_EMIT epochFinished(e);
  if (taken.report) Q_EMIT evaluated(taken.report->first, taken.report->second);
}

void TrainingController::onTaskFinished(const QString& error) {
  drainTimer_.stop();
  drain();
  std::string outcome;
  QString message;
  Id runId = 0;
  {
    std::lock_guard<std::mutex> lock(channel_->mutex);
    outcome = channel_->outcome;
    message = channel_->message;
    runId = channel_->runId;
    if (channel_->outfits) {
      cachedOutfits_ = channel_->outfits;
      cachedEncoderKind_ = channel_->encoderKind;
      cachedRun_ = runId;
      cachedLibrary_ = library_->path();
    }
  }
  if (outcome.empty()) outcome = "failed";                       // the work threw before it could say
  if (outcome == "paused" && runId == 0) outcome = "cancelled";  // stopped before its row existed
  if (message.isEmpty()) message = error;
  task_ = nullptr;
  setState(outcome == "paused" ? State::Paused : State::Idle);
  Q_EMIT runEnded(runId, QString::fromStdString(outcome), message);
  Q_EMIT runsChanged();
}

QString TrainingController::removeRun(Id runId) {
  Library* library = library_->library();
  if (!library) return tr("No library is open.");
  if (isTraining() && runId == activeRun_) return tr("The run is in training: cancel it first.");
  auto run = library->run(runId);
  if (!run) return QString::fromStdString(run.message());
  if (!*run) return {};
  const QString folder = checkpointFolder(**run);
  if (Status s = library->removeRun(runId); !s) return QString::fromStdString(s.message());
  if (runId == activeRun_) {
    activeRun_ = 0;
    if (state_ == State::Paused) setState(State::Idle);
  }
  if (runId == cachedRun_) cachedOutfits_.reset();
  Q_EMIT runsChanged();
  // Only the folder the studio made for this run: a checkpoint elsewhere
  // (an imported run, a path typed by hand) is not ours to delete.
  if (!folder.isEmpty() && QDir::cleanPath(folder) == QDir::cleanPath(runFolder(library_->path(), runId)) &&
      QFileInfo(folder).isDir() && !QDir(folder).removeRecursively()) {
    return tr("The run was deleted, but its checkpoint folder %1 could not be removed completely.")
        .arg(folder);
  }
  return {};
}

void TrainingController::setState(State state) {
  if (state == state_) return;
  state_ = state;
  Q_EMIT stateChanged(state);
}

}  // namespace w2w
