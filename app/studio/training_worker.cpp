#include "training_worker.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <chrono>

#include "compat/checkpoint.h"
#include "datasets/dataset_loader.h"
#include "datasets/library_dataset.h"
#include "encoder_service.h"
#include "library/library.h"
#include "training_controller.h"

namespace w2w {
namespace {

std::string nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

// The run's row as the worker keeps it: every write goes through here, and
// the first failure is remembered (training goes on; the end reports it).
class RunRecord {
 public:
  RunRecord(Library& library, TrainingRun run) : library_(library), run_(std::move(run)) {}
  TrainingRun& run() { return run_; }
  void save(const RunMetrics& metrics) {
    run_.metricsJson = runMetricsJson(metrics);
    if (Status s = library_.updateRun(run_); !s && error_.empty()) error_ = s.message();
  }
  const std::string& error() const { return error_; }

 private:
  Library& library_;
  TrainingRun run_;
  std::string error_;
};

void finish(TrainingChannel& channel, const std::string& outcome, const QString& message) {
  std::lock_guard<std::mutex> lock(channel.mutex);
  channel.outcome = outcome;
  channel.message = message;
}

// The library's outfits as vectors of the current encoder, encoding the
// crops it has not seen yet (the slow part on a fresh library).
Result<std::shared_ptr<const compat::OutfitSet>> loadOutfits(const TrainingJob& job, Library& library,
                                                             TrainingChannel& channel,
                                                             EncoderService* encoders,
                                                             const ProgressCallback& progress,
                                                             const CancelFlag& cancel, std::string* kind) {
  {
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.preparing = TrainingController::tr("Loading the library's outfits…");
  }
  const ProgressCallback relay = [&](const Progress& p) {
    progress(p);
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.preparing =
        TrainingController::tr("Encoding crops with the current encoder: %1 of %2").arg(p.done).arg(p.total);
  };
  datasets::LibraryDatasetOptions options;
  options.photoOutfits = job.photoOutfits;
  options.userOutfits = job.userOutfits;
  std::shared_ptr<const compat::OutfitSet> outfits;
  const Status loaded = encoders->use([&](Encoder& encoder) -> Status {
    if (!job.encoderModelId.empty() && encoder.info().id != job.encoderModelId) {
      return makeError(
          TrainingController::tr("this run was trained on %1 embeddings, but the current encoder is %2; "
                                 "choose that encoder in the settings to continue it")
              .arg(QString::fromStdString(job.encoderModelId), QString::fromStdString(encoder.info().id))
              .toStdString());
    }
    auto set = datasets::loadLibraryOutfits(library, encoder, options, relay, &cancel);
    if (!set) return set.error();
    *kind = encoder.info().kind;
    outfits = std::make_shared<const compat::OutfitSet>(std::move(*set));
    return Status::success();
  });
  if (!loaded) return loaded.error();
  return outfits;
}

}  // namespace

QString runTrainingJob(const TrainingJob& job, TrainingChannel& channel, EncoderService* encoders,
                       const ProgressCallback& progress, const CancelFlag& cancel) {
  const auto fail = [&](const QString& message) {
    finish(channel, "failed", message);
    return message;
  };
  auto opened = Library::open(job.libraryPath);
  if (!opened) return fail(QString::fromStdString(opened.message()));
  Library& library = **opened;

  std::shared_ptr<const compat::OutfitSet> outfits = job.outfits;
  std::string encoderKind = job.encoderKind;
  if (!outfits) {
    auto loaded = loadOutfits(job, library, channel, encoders, progress, cancel, &encoderKind);
    if (cancel.isCancelled()) {
      finish(channel, "cancelled", TrainingController::tr("Stopped before training began."));
      return {};
    }
    if (!loaded) return fail(QString::fromStdString(loaded.message()));
    outfits = *loaded;
  }
  {
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.outfits = outfits;
    channel.encoderKind = encoderKind;
  }
  if (outfits->size() < kMinTrainingOutfits) {
    return fail(
        TrainingController::tr("Training needs at least %1 outfits whose top, bottom and shoes all have a "
                               "crop; the library has %2.")
            .arg(kMinTrainingOutfits)
            .arg(outfits->size()));
  }

  compat::TrainConfig config = job.config;
  if (config.head.inputDim == 0) config.head.inputDim = outfits->dim;
  RunMetrics metrics = job.previous;
  metrics.photoOutfits = job.photoOutfits;
  metrics.userOutfits = job.userOutfits;
  metrics.epochsPlanned = config.epochs;
  metrics.outfits = outfits->size();
  std::vector<int> trainIdx, valIdx;
  compat::splitTrainValidation(outfits->ids, config.validationFraction, trainIdx, valIdx);
  metrics.trainOutfits = static_cast<int>(trainIdx.size());
  metrics.valOutfits = static_cast<int>(valIdx.size());

  // The row: created for a new run (its id names the checkpoint folder), reopened for a continued one.
  TrainingRun row;
  if (job.runId == 0) {
    row.encoderModelId = outfits->encoderId;
    row.configJson = compat::trainConfigJson(config);
    auto id = library.addRun(row);
    if (!id) return fail(QString::fromStdString(id.message()));
    row.id = *id;
    row.name = "run-" + std::to_string(*id);
    row.checkpointPath = library.storablePath(
        TrainingController::runFolder(QString::fromStdString(job.libraryPath), *id).toStdString());
  } else {
    auto found = library.run(job.runId);
    if (!found || !*found) return fail(TrainingController::tr("The run no longer exists in the library."));
    row = **found;
  }
  RunRecord record(library, row);
  const std::string folder = library.resolvePath(row.checkpointPath);
  const bool resume =
      job.runId != 0 &&
      QFileInfo::exists(QDir(QString::fromStdString(folder)).filePath(compat::kCheckpointConfigFile));
  int epochsDone = 0;
  if (resume) {
    auto info = compat::readCheckpointInfo(folder);
    if (!info) return fail(QString::fromStdString(info.message()));
    epochsDone = info->epochsDone;
    metrics.history = info->history;
    metrics.bestEpoch = info->bestEpoch;
    metrics.bestValAuc = info->bestValAuc;
  }
  // A run stopped before its first checkpoint starts over; one with a
  // checkpoint redoes the epoch it was stopped in.
  metrics.truncateAfter(epochsDone);
  const RunMetrics before = metrics;
  metrics.state = "running";
  metrics.message.clear();
  record.run().status = RunStatus::Running;
  record.run().error.clear();
  record.run().finishedAt.clear();
  record.save(metrics);
  {
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.announce = true;
    channel.runId = row.id;
    channel.epochsDone = epochsDone;
  }

  compat::TrainRequest request;
  request.outfits = *outfits;
  request.config = config;
  request.checkpointDir = folder;
  request.resume = resume;
  request.encoderKind = encoderKind;
  request.encoderSpec = job.encoderSpec;
  datasets::DatasetRequest described;
  described.spec = "library:" + job.libraryPath;
  request.dataJson = datasets::datasetJson(described);

  compat::TrainCallbacks callbacks;
  callbacks.onStep = [&](const compat::StepInfo& s) {
    const QPointF point(s.epoch - 1 + static_cast<double>(s.step) / s.steps, s.loss);
    metrics.steps.append(point);
    {
      std::lock_guard<std::mutex> lock(channel.mutex);
      channel.pending.steps.append(point);
      channel.pending.step = s;
    }
    progress({static_cast<long long>(s.epoch - 1) * s.steps + s.step,
              static_cast<long long>(s.epochs) * s.steps,
              TrainingController::tr("epoch %1 of %2, loss %3")
                  .arg(s.epoch)
                  .arg(s.epochs)
                  .arg(s.loss, 0, 'f', 4)
                  .toStdString()});
  };
  callbacks.onEpoch = [&](const compat::EpochRecord& e) {
    metrics.history.push_back(e);
    if (e.improved) {
      metrics.bestEpoch = e.epoch;
      metrics.bestValAuc = e.valAuc;
    }
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.epochs.push_back(e);
  };
  callbacks.onValidation = [&](int epoch, const compat::EvalReport& report) {
    metrics.evaluationEpoch = epoch;
    metrics.evaluation = report;
    if (epoch == metrics.bestEpoch) {  // onEpoch came first: an improved epoch is the best now
      metrics.bestEvaluationEpoch = epoch;
      metrics.bestEvaluation = report;
    }
    record.save(metrics);  // the checkpoint of this epoch is on disk already
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.report = std::make_pair(epoch, report);
  };

  const auto started = std::chrono::steady_clock::now();
  auto summary = compat::trainCompat(request, callbacks, &cancel);
  metrics.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  record.run().finishedAt = nowUtc();
  QString error;
  if (!summary) {
    error = QString::fromStdString(summary.message());
    // A continued run refused before any new epoch (other data, another
    // head) keeps its checkpoint and can still be continued.
    const bool untouched = resume && metrics.history.size() == before.history.size();
    metrics.state = untouched ? before.state : "failed";
    record.run().status = untouched ? RunStatus::Cancelled : RunStatus::Failed;
  } else {
    switch (summary->outcome) {
      case compat::TrainOutcome::Finished:
      case compat::TrainOutcome::EarlyStopped:
        metrics.state = compat::trainOutcomeName(summary->outcome);
        record.run().status = RunStatus::Finished;
        break;
      case compat::TrainOutcome::Cancelled:
        metrics.state = channel.pause.load() ? "paused" : "cancelled";
        record.run().status = RunStatus::Cancelled;
        break;
      case compat::TrainOutcome::Diverged:
        metrics.state = "diverged";
        record.run().status = RunStatus::Failed;
        error = QString::fromStdString(summary->message);
        break;
    }
    metrics.message = summary->message;
  }
  if (!error.isEmpty()) {
    metrics.message = error.toStdString();
    record.run().error = metrics.message;
  }
  record.save(metrics);
  if (!record.error().empty() && error.isEmpty()) {
    error = TrainingController::tr("The run could not be recorded in the library: %1")
                .arg(QString::fromStdString(record.error()));
  }
  finish(channel, metrics.state, QString::fromStdString(metrics.message));
  return error;
}

}  // namespace w2w
