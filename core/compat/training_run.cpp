#include "compat/training_run.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <chrono>

#include "compat/checkpoint.h"
#include "datasets/dataset_loader.h"
#include "datasets/library_dataset.h"
#include "format/json.h"

namespace w2w::compat {
namespace {

using format::Json;

Json parsedOrNull(const std::string& text) {
  auto json = format::parseJson(text);
  return json ? std::move(*json) : Json();
}

// Every k-th step so that at most kMaxStoredSteps remain (the last one kept).
Json thinnedSteps(const std::vector<StepLoss>& steps) {
  Json out = Json::array();
  const std::size_t max = kMaxStoredSteps;
  const std::size_t stride = std::max<std::size_t>(1, (steps.size() + max - 1) / max);
  for (std::size_t i = 0; i < steps.size(); i += stride) out.push_back({steps[i].epoch, steps[i].loss});
  if (!steps.empty() && (steps.size() - 1) % stride != 0)
    out.push_back({steps.back().epoch, steps.back().loss});
  return out;
}

std::optional<EvalReport> reportAt(const Json& json, const char* key) {
  const Json* report = format::member(json, key);
  if (!report || !report->is_object()) return std::nullopt;
  return parseEvalReportJson(format::dumpJson(*report));
}

std::string nowUtc() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

// The run's row as training keeps it: every write goes through here, and the
// first failure is remembered (training goes on; the result reports it).
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

LibraryTrainingResult failure(RunFailure why, std::string message) {
  LibraryTrainingResult result;
  result.state = why == RunFailure::StoppedBeforeTraining ? "cancelled" : "failed";
  result.failed = why != RunFailure::StoppedBeforeTraining;
  result.failure = why;
  result.message = std::move(message);
  return result;
}

}  // namespace

void RunMetrics::truncateAfter(int epoch) {
  history.erase(std::remove_if(history.begin(), history.end(),
                               [epoch](const EpochRecord& e) { return e.epoch > epoch; }),
                history.end());
  steps.erase(std::remove_if(steps.begin(), steps.end(),
                             [epoch](const StepLoss& s) { return s.epoch > epoch + 1e-9; }),
              steps.end());
  if (evaluationEpoch > epoch) {
    evaluationEpoch = 0;
    evaluation.reset();
  }
  if (bestEvaluationEpoch > epoch) {
    bestEvaluationEpoch = 0;
    bestEvaluation.reset();
  }
}

const EvalReport* RunMetrics::keptEvaluation(int* epoch) const {
  if (bestEvaluation) {
    *epoch = bestEvaluationEpoch;
    return &*bestEvaluation;
  }
  *epoch = evaluationEpoch;
  return evaluation ? &*evaluation : nullptr;
}

std::string runMetricsJson(const RunMetrics& m) {
  Json json = {
      {"state", m.state},
      {"message", m.message},
      {"data",
       {{"photo_outfits", m.photoOutfits},
        {"user_outfits", m.userOutfits},
        {"outfits", m.outfits},
        {"train_outfits", m.trainOutfits},
        {"val_outfits", m.valOutfits}}},
      {"epochs_planned", m.epochsPlanned},
      {"best_epoch", m.bestEpoch},
      {"best_val_auc", m.bestValAuc},
      {"seconds", m.seconds},
      {"history", parsedOrNull(epochHistoryJson(m.history))},
      {"steps", thinnedSteps(m.steps)},
      {"evaluation_epoch", m.evaluationEpoch},
      {"best_evaluation_epoch", m.bestEvaluationEpoch},
      {"evaluation", m.evaluation ? parsedOrNull(evalReportJson(*m.evaluation)) : Json()},
      {"best_evaluation", m.bestEvaluation ? parsedOrNull(evalReportJson(*m.bestEvaluation)) : Json()},
  };
  return format::dumpJson(json);
}

RunMetrics parseRunMetrics(const std::string& text) {
  RunMetrics m;
  const Json json = parsedOrNull(text);
  m.state = format::stringOr(json, "state", m.state);
  m.message = format::stringOr(json, "message");
  const Json& data = format::objectOf(json, "data");
  m.photoOutfits = format::boolOr(data, "photo_outfits", true);
  m.userOutfits = format::boolOr(data, "user_outfits", true);
  m.outfits = static_cast<int>(format::integerOr(data, "outfits"));
  m.trainOutfits = static_cast<int>(format::integerOr(data, "train_outfits"));
  m.valOutfits = static_cast<int>(format::integerOr(data, "val_outfits"));
  m.epochsPlanned = static_cast<int>(format::integerOr(json, "epochs_planned"));
  m.bestEpoch = static_cast<int>(format::integerOr(json, "best_epoch"));
  m.bestValAuc = format::numberOr(json, "best_val_auc");
  m.seconds = format::numberOr(json, "seconds");
  m.history = parseEpochHistory(format::dumpJson(format::arrayOf(json, "history")));
  for (const Json& s : format::arrayOf(json, "steps")) {
    if (s.is_array() && s.size() == 2 && s[0].is_number() && s[1].is_number())
      m.steps.push_back({s[0].get<double>(), s[1].get<double>()});
  }
  m.evaluationEpoch = static_cast<int>(format::integerOr(json, "evaluation_epoch"));
  m.evaluation = reportAt(json, "evaluation");
  m.bestEvaluationEpoch = static_cast<int>(format::integerOr(json, "best_evaluation_epoch"));
  m.bestEvaluation = reportAt(json, "best_evaluation");
  return m;
}

std::string defaultRunFolder(const std::string& libraryPath, Id runId) {
  const QFileInfo file(QString::fromStdString(libraryPath));
  return QDir(file.absolutePath())
      .filePath(file.completeBaseName() + "-runs/run-" + QString::number(runId))
      .toStdString();
}

LibraryTrainingResult runLibraryTraining(Library& library, const LibraryTrainingRequest& request,
                                         const EncoderAccess& encoder, const LibraryTrainingEvents& events,
                                         const CancelFlag& cancel) {
  // The outfits: the library's, as vectors of the run's encoder, encoding the
  // crops it has not seen yet (the slow part on a fresh library).
  std::shared_ptr<const OutfitSet> outfits = request.outfits;
  std::string encoderKind = request.encoderKind;
  if (!outfits) {
    if (events.onLoading) events.onLoading();
    datasets::LibraryDatasetOptions options;
    options.photoOutfits = request.photoOutfits;
    options.userOutfits = request.userOutfits;
    options.split = request.split;
    const ProgressCallback encoding = [&](const Progress& p) {
      if (events.onEncoding) events.onEncoding(p.done, p.total);
    };
    LibraryTrainingResult changed;
    const Status loaded = encoder([&](Encoder& e) -> Status {
      if (!request.encoderModelId.empty() && e.info().id != request.encoderModelId) {
        changed = failure(RunFailure::EncoderChanged, "this run was trained on " + request.encoderModelId +
                                                          " embeddings, but the encoder is " + e.info().id);
        changed.trainedEncoderId = request.encoderModelId;
        changed.currentEncoderId = e.info().id;
        return makeError(changed.message);
      }
      auto set = datasets::loadLibraryOutfits(library, e, options, encoding, &cancel);
      if (!set) return set.error();
      encoderKind = e.info().kind;
      outfits = std::make_shared<const OutfitSet>(std::move(*set));
      return Status::success();
    });
    if (cancel.isCancelled())
      return failure(RunFailure::StoppedBeforeTraining, "stopped before training began");
    if (changed.failure != RunFailure::None) return changed;
    if (!loaded) return failure(RunFailure::Other, loaded.message());
  }
  if (events.onOutfits) events.onOutfits(outfits, encoderKind);
  if (outfits->size() < kMinTrainingOutfits) {
    LibraryTrainingResult few =
        failure(RunFailure::TooFewOutfits, "training needs at least " + std::to_string(kMinTrainingOutfits) +
                                               " outfits whose pieces all have a crop; the library has " +
                                               std::to_string(outfits->size()));
    few.outfitsFound = outfits->size();
    return few;
  }

  TrainConfig config = request.config;
  if (config.head.inputDim == 0) config.head.inputDim = outfits->dim;
  RunMetrics metrics = request.previous;
  metrics.photoOutfits = request.photoOutfits;
  metrics.userOutfits = request.userOutfits;
  metrics.epochsPlanned = config.epochs;
  metrics.outfits = outfits->size();
  std::vector<int> trainIdx, valIdx;
  splitTrainValidation(outfits->ids, config.validationFraction, trainIdx, valIdx);
  metrics.trainOutfits = static_cast<int>(trainIdx.size());
  metrics.valOutfits = static_cast<int>(valIdx.size());

  // The row: created for a new run (its id names the checkpoint folder), reopened for a continued one.
  TrainingRun row;
  if (request.runId == 0) {
    row.encoderModelId = outfits->encoderId;
    row.configJson = trainConfigJson(config);
    auto id = library.addRun(row);
    if (!id) return failure(RunFailure::Other, id.message());
    row.id = *id;
    row.name = "run-" + std::to_string(*id);
    const std::string folder =
        request.checkpointDir.empty() ? defaultRunFolder(library.path(), *id) : request.checkpointDir;
    row.checkpointPath = library.storablePath(folder);
  } else {
    auto found = library.run(request.runId);
    if (!found || !*found) return failure(RunFailure::RunMissing, "the run no longer exists in the library");
    row = **found;
  }
  RunRecord record(library, row);
  const std::string folder = library.resolvePath(row.checkpointPath);
  const bool resume = request.runId != 0 &&
                      QFileInfo::exists(QDir(QString::fromStdString(folder)).filePath(kCheckpointConfigFile));
  int epochsDone = 0;
  if (resume) {
    auto info = readCheckpointInfo(folder);
    if (!info) {
      LibraryTrainingResult unreadable = failure(RunFailure::Other, info.message());
      unreadable.runId = row.id;
      return unreadable;
    }
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
  if (events.onStarted) events.onStarted(row.id, epochsDone);

  TrainRequest train;
  train.outfits = *outfits;
  train.config = config;
  train.checkpointDir = folder;
  train.resume = resume;
  train.encoderKind = encoderKind;
  train.encoderSpec = request.encoderSpec;
  datasets::DatasetRequest described;
  described.spec = "library:" + library.path();
  described.split = request.split;
  train.dataJson = datasets::datasetJson(described);

  TrainCallbacks callbacks;
  callbacks.onStep = [&](const StepInfo& s) {
    const StepLoss point{s.epoch - 1 + static_cast<double>(s.step) / s.steps, s.loss};
    metrics.steps.push_back(point);
    if (events.onStep) events.onStep(s, point);
  };
  callbacks.onEpoch = [&](const EpochRecord& e) {
    metrics.history.push_back(e);
    if (e.improved) {
      metrics.bestEpoch = e.epoch;
      metrics.bestValAuc = e.valAuc;
    }
    if (events.onEpoch) events.onEpoch(e);
  };
  callbacks.onValidation = [&](int epoch, const EvalReport& report) {
    metrics.evaluationEpoch = epoch;
    metrics.evaluation = report;
    if (epoch == metrics.bestEpoch) {  // onEpoch came first: an improved epoch is the best now
      metrics.bestEvaluationEpoch = epoch;
      metrics.bestEvaluation = report;
    }
    record.save(metrics);  // the checkpoint of this epoch is on disk already
    if (events.onValidation) events.onValidation(epoch, report);
  };

  const auto started = std::chrono::steady_clock::now();
  auto summary = trainCompat(train, callbacks, &cancel);
  metrics.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  record.run().finishedAt = nowUtc();
  LibraryTrainingResult result;
  result.runId = row.id;
  result.checkpointDir = folder;
  result.dataJson = train.dataJson;
  if (!summary) {
    // A continued run refused before any new epoch (other data, another
    // head) keeps its checkpoint and can still be continued.
    const bool untouched = resume && metrics.history.size() == before.history.size();
    metrics.state = untouched ? before.state : "failed";
    record.run().status = untouched ? RunStatus::Cancelled : RunStatus::Failed;
    result.failed = true;
    result.failure = RunFailure::Other;
    metrics.message = summary.message();
  } else {
    switch (summary->outcome) {
      case TrainOutcome::Finished:
      case TrainOutcome::EarlyStopped:
        metrics.state = trainOutcomeName(summary->outcome);
        record.run().status = RunStatus::Finished;
        break;
      case TrainOutcome::Cancelled:
        metrics.state = events.pauseRequested && events.pauseRequested() ? "paused" : "cancelled";
        record.run().status = RunStatus::Cancelled;
        break;
      case TrainOutcome::Diverged:
        metrics.state = "diverged";
        record.run().status = RunStatus::Failed;
        result.failed = true;
        break;
    }
    metrics.message = summary->message;
  }
  if (result.failed) record.run().error = metrics.message;
  record.save(metrics);
  result.recordError = record.error();
  result.state = metrics.state;
  result.message = metrics.message;
  result.metrics = std::move(metrics);
  return result;
}

}  // namespace w2w::compat
