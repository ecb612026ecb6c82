// Training runs of a library (compat/training_run.h): what the studio and
// `what2wear train --dataset library:FILE` both record.
#include <gtest/gtest.h>

#include <torch/torch.h>

#include <filesystem>

#include "compat/checkpoint.h"
#include "compat/training_run.h"
#include "counting_encoder.h"
#include "library_fixture.h"
#include "synthetic_outfits.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

TrainConfig smallConfig(int epochs) {
  TrainConfig c;
  c.head.hiddenDim = 32;
  c.head.outputDim = 16;
  c.head.ensemble = 1;
  c.epochs = epochs;
  c.batchSize = 4;
  c.seed = 7;
  c.threads = 1;
  c.patience = 100;
  return c;
}

struct Lender {
  fixture::CountingEncoder encoder;
  EncoderAccess access() {
    return [this](const std::function<Status(Encoder&)>& work) { return work(encoder); };
  }
};

TEST(TrainingRun, RecordsARunWithItsMetricsInTheLibrary) {
  test::TempDir dir;
  auto library = test::makePhotoOutfitLibrary(dir.path("wardrobe.w2w"), 8);
  Lender lender;
  LibraryTrainingRequest request;
  request.config = smallConfig(2);
  request.previous.epochsPlanned = 2;
  int started = 0, steps = 0, validations = 0;
  LibraryTrainingEvents events;
  events.onStarted = [&](Id, int epochsDone) {
    ++started;
    EXPECT_EQ(epochsDone, 0);
  };
  events.onStep = [&](const StepInfo&, const StepLoss&) { ++steps; };
  events.onValidation = [&](int, const EvalReport&) { ++validations; };
  CancelFlag cancel;
  const LibraryTrainingResult result = runLibraryTraining(*library, request, lender.access(), events, cancel);
  ASSERT_FALSE(result.failed) << result.message;
  EXPECT_EQ(result.state, "finished");
  EXPECT_EQ(started, 1);
  EXPECT_EQ(validations, 2);
  EXPECT_EQ(lender.encoder.encoded, 24) << "the crops of the outfits were encoded and stored";

  auto runs = library->runs();
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  const TrainingRun& run = runs->front();
  EXPECT_EQ(run.id, result.runId);
  EXPECT_EQ(run.status, RunStatus::Finished);
  EXPECT_EQ(run.encoderModelId, "basic-v1");
  EXPECT_EQ(library->resolvePath(run.checkpointPath), defaultRunFolder(library->path(), run.id));
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(defaultRunFolder(library->path(), run.id)) /
                                      kCheckpointConfigFile));
  const RunMetrics metrics = parseRunMetrics(run.metricsJson);
  EXPECT_EQ(metrics.state, "finished");
  EXPECT_EQ(metrics.epochsDone(), 2);
  EXPECT_EQ(metrics.outfits, 8);
  EXPECT_EQ(metrics.trainOutfits + metrics.valOutfits, 8);
  EXPECT_EQ(static_cast<int>(metrics.steps.size()), steps);
  ASSERT_TRUE(metrics.bestEvaluation.has_value());
  EXPECT_GT(metrics.seconds, 0.0);
  EXPECT_EQ(metrics.steps.back().epoch, 2.0);
}

TEST(TrainingRun, TooFewOutfitsIsAFailureBeforeAnyRow) {
  test::TempDir dir;
  auto library = test::makePhotoOutfitLibrary(dir.path("small.w2w"), 3);
  Lender lender;
  LibraryTrainingRequest request;
  request.config = smallConfig(1);
  CancelFlag cancel;
  const auto result = runLibraryTraining(*library, request, lender.access(), {}, cancel);
  EXPECT_TRUE(result.failed);
  EXPECT_EQ(result.failure, RunFailure::TooFewOutfits);
  EXPECT_EQ(result.outfitsFound, 3);
  EXPECT_EQ(result.runId, 0);
  EXPECT_TRUE(library->runs()->empty());
}

TEST(TrainingRun, APausedRunContinuesToItsPlannedEpochs) {
  test::TempDir dir;
  auto library = test::makePhotoOutfitLibrary(dir.path("wardrobe.w2w"), 8);
  Lender lender;
  LibraryTrainingRequest request;
  request.config = smallConfig(3);
  request.previous.epochsPlanned = 3;
  CancelFlag cancel;
  LibraryTrainingEvents events;
  events.onEpoch = [&](const EpochRecord& e) {
    if (e.epoch == 1) cancel.cancel();  // pause after the first epoch
  };
  events.pauseRequested = [] { return true; };
  const auto paused = runLibraryTraining(*library, request, lender.access(), events, cancel);
  ASSERT_FALSE(paused.failed) << paused.message;
  EXPECT_EQ(paused.state, "paused");
  auto run = library->run(paused.runId);
  ASSERT_TRUE(run.ok() && run->has_value());
  EXPECT_EQ((*run)->status, RunStatus::Cancelled);
  RunMetrics stored = parseRunMetrics((*run)->metricsJson);
  EXPECT_TRUE(stored.resumable());
  EXPECT_EQ(stored.epochsDone(), 1);

  LibraryTrainingRequest again = request;
  again.runId = paused.runId;
  again.encoderModelId = (*run)->encoderModelId;
  again.previous = stored;
  CancelFlag fresh;
  const auto continued = runLibraryTraining(*library, again, lender.access(), {}, fresh);
  ASSERT_FALSE(continued.failed) << continued.message;
  EXPECT_EQ(continued.runId, paused.runId);
  EXPECT_EQ(continued.state, "finished");
  EXPECT_EQ(parseRunMetrics((*library->run(paused.runId))->metricsJson).epochsDone(), 3);
}

TEST(TrainingRun, AContinuedRunRefusesAnotherEncoder) {
  test::TempDir dir;
  auto library = test::makePhotoOutfitLibrary(dir.path("wardrobe.w2w"), 5);
  Lender lender;
  LibraryTrainingRequest request;
  request.config = smallConfig(1);
  request.runId = 1;
  request.encoderModelId = "sha-of-another-model";
  CancelFlag cancel;
  const auto result = runLibraryTraining(*library, request, lender.access(), {}, cancel);
  EXPECT_EQ(result.failure, RunFailure::EncoderChanged);
  EXPECT_EQ(result.trainedEncoderId, "sha-of-another-model");
  EXPECT_EQ(result.currentEncoderId, "basic-v1");
}

// Runs stored by earlier versions (written with Qt's JSON writer) still read.
TEST(TrainingRun, ReadsMetricsStoredByEarlierVersions) {
  const std::string stored =
      R"({"best_epoch":2,"best_evaluation":null,"best_evaluation_epoch":0,"best_val_auc":0.75,)"
      R"("data":{"outfits":10,"photo_outfits":true,"train_outfits":8,"user_outfits":false,"val_outfits":2},)"
      R"("epochs_planned":5,"evaluation":null,"evaluation_epoch":0,"history":[],"message":"",)"
      R"("seconds":1.5,"state":"paused","steps":[[0.5,2.25],[1,1.5]]})";
  const RunMetrics m = parseRunMetrics(stored);
  EXPECT_EQ(m.state, "paused");
  EXPECT_FALSE(m.userOutfits);
  EXPECT_EQ(m.outfits, 10);
  EXPECT_EQ(m.epochsPlanned, 5);
  EXPECT_EQ(m.bestEpoch, 2);
  EXPECT_DOUBLE_EQ(m.bestValAuc, 0.75);
  ASSERT_EQ(m.steps.size(), 2u);
  EXPECT_DOUBLE_EQ(m.steps[1].loss, 1.5);
  EXPECT_FALSE(m.evaluation.has_value());
  // Garbage gives an empty run, never an error.
  EXPECT_EQ(parseRunMetrics("not json").state, "running");
  EXPECT_EQ(parseRunMetrics("[1,2]").epochsDone(), 0);
}

TEST(TrainingRun, MetricsRoundTripAndStepsAreThinned) {
  RunMetrics m;
  m.state = "early_stopped";
  m.epochsPlanned = 4;
  for (int i = 0; i < 4000; ++i) m.steps.push_back({i / 1000.0, 1.0 / (i + 1)});
  EvalReport report;
  report.auc = 0.8;
  report.thresholds.push_back({0.1, 0.6, 0.7, 0.8});
  m.bestEvaluation = report;
  m.bestEvaluationEpoch = 3;
  const RunMetrics back = parseRunMetrics(runMetricsJson(m));
  EXPECT_EQ(back.state, "early_stopped");
  EXPECT_LE(back.steps.size(), static_cast<std::size_t>(kMaxStoredSteps) + 1);
  EXPECT_DOUBLE_EQ(back.steps.back().epoch, m.steps.back().epoch) << "the last step is kept";
  ASSERT_TRUE(back.bestEvaluation.has_value());
  EXPECT_DOUBLE_EQ(back.bestEvaluation->auc, 0.8);
  ASSERT_EQ(back.bestEvaluation->thresholds.size(), 1u);
  EXPECT_DOUBLE_EQ(back.bestEvaluation->thresholds[0].recall, 0.8);
  int epoch = 0;
  EXPECT_EQ(back.keptEvaluation(&epoch), &*back.bestEvaluation);
  EXPECT_EQ(epoch, 3);
}

// Nothing throws across the core's API: a LibTorch error raised while
// training (here from the step callback, as a caller's torch code would)
// comes back as a one-line Error.
TEST(TrainingRun, TorchErrorsInsideTrainingAreErrorsNotExceptions) {
  test::TempDir dir;
  TrainRequest request;
  request.outfits = synth::plantedOutfits(40, 8, 2, 0.3, 1, 2);
  request.config = smallConfig(1);
  request.checkpointDir = dir.path("ckpt");
  TrainCallbacks callbacks;
  callbacks.onStep = [](const StepInfo&) {
    (void)torch::ones({2, 3}).view({4});  // shape '[4]' is invalid for input of size 6
  };
  Result<TrainSummary> summary = makeError("not run");
  EXPECT_NO_THROW(summary = trainCompat(request, callbacks));
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.message().find("training failed: shape '[4]' is invalid"), std::string::npos)
      << summary.message();
  EXPECT_EQ(summary.message().find('\n'), std::string::npos) << "one line, no backtrace";
}

}  // namespace
}  // namespace w2w::compat
