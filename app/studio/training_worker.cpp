#include "training_worker.h"

#include "encoder_service.h"
#include "library/library.h"
#include "training_controller.h"

namespace w2w {
namespace {

void finish(TrainingChannel& channel, const std::string& outcome, const QString& message) {
  std::lock_guard<std::mutex> lock(channel.mutex);
  channel.outcome = outcome;
  channel.message = message;
}

void setPreparing(TrainingChannel& channel, const QString& text) {
  std::lock_guard<std::mutex> lock(channel.mutex);
  channel.pending.preparing = text;
}

// The core's reasons, in the studio's (translated) words.
QString describe(const compat::LibraryTrainingResult& r) {
  switch (r.failure) {
    case compat::RunFailure::TooFewOutfits:
      return TrainingController::tr(
                 "Training needs at least %1 outfits whose top, bottom and shoes all have a crop; the "
                 "library has %2.")
          .arg(compat::kMinTrainingOutfits)
          .arg(r.outfitsFound);
    case compat::RunFailure::EncoderChanged:
      return TrainingController::tr(
                 "this run was trained on %1 embeddings, but the current encoder is %2; choose that encoder "
                 "in the settings to continue it")
          .arg(QString::fromStdString(r.trainedEncoderId), QString::fromStdString(r.currentEncoderId));
    case compat::RunFailure::RunMissing:
      return TrainingController::tr("The run no longer exists in the library.");
    case compat::RunFailure::StoppedBeforeTraining:
      return TrainingController::tr("Stopped before training began.");
    case compat::RunFailure::None:
    case compat::RunFailure::Other: break;
  }
  return QString::fromStdString(r.message);
}

}  // namespace

QList<QPointF> stepPoints(const std::vector<compat::StepLoss>& steps) {
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(steps.size()));
  for (const compat::StepLoss& s : steps) points.append(QPointF(s.epoch, s.loss));
  return points;
}

QString runTrainingJob(const TrainingJob& job, TrainingChannel& channel, EncoderService* encoders,
                       const ProgressCallback& progress, const CancelFlag& cancel) {
  auto opened = Library::open(job.libraryPath);
  if (!opened) {
    const QString message = QString::fromStdString(opened.message());
    finish(channel, "failed", message);
    return message;
  }

  compat::LibraryTrainingEvents events;
  events.onLoading = [&] { setPreparing(channel, TrainingController::tr("Loading the library's outfits…")); };
  events.onEncoding = [&](long long done, long long total) {
    progress({done, total, {}});
    setPreparing(
        channel,
        TrainingController::tr("Encoding crops with the current encoder: %1 of %2").arg(done).arg(total));
  };
  events.onOutfits = [&](std::shared_ptr<const compat::OutfitSet> outfits, const std::string& kind) {
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.outfits = std::move(outfits);
    channel.encoderKind = kind;
  };
  events.onStarted = [&](Id runId, int epochsDone) {
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.announce = true;
    channel.runId = runId;
    channel.epochsDone = epochsDone;
  };
  events.onStep = [&](const compat::StepInfo& s, const compat::StepLoss& point) {
    {
      std::lock_guard<std::mutex> lock(channel.mutex);
      channel.pending.steps.append(QPointF(point.epoch, point.loss));
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
  events.onEpoch = [&](const compat::EpochRecord& e) {
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.epochs.push_back(e);
  };
  events.onValidation = [&](int epoch, const compat::EvalReport& report) {
    std::lock_guard<std::mutex> lock(channel.mutex);
    channel.pending.report = std::make_pair(epoch, report);
  };
  events.pauseRequested = [&] { return channel.pause.load(); };
  const compat::EncoderAccess encoder = [encoders](const std::function<Status(Encoder&)>& work) {
    return encoders->use(work);
  };

  const compat::LibraryTrainingResult result =
      compat::runLibraryTraining(**opened, job.request, encoder, events, cancel);
  const QString message = describe(result);
  finish(channel, result.state, message);
  if (result.failed) return message;
  if (!result.recordError.empty()) {
    return TrainingController::tr("The run could not be recorded in the library: %1")
        .arg(QString::fromStdString(result.recordError));
  }
  return {};
}

}  // namespace w2w
