#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "compat/compat_model.h"
#include "compat/evaluator.h"
#include "compat/trainer.h"
#include "io/file_io.h"
#include "synthetic_outfits.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

TrainConfig smallConfig(int epochs) {
  TrainConfig c;
  c.head.hiddenDim = 64;
  c.head.outputDim = 32;
  c.head.ensemble = 1;
  c.epochs = epochs;
  c.batchSize = 128;
  c.learningRate = 3e-3;
  c.seed = 42;
  c.threads = 1;
  c.patience = 100;
  return c;
}

TrainRequest request(const OutfitSet& data, const TrainConfig& config, const std::string& dir) {
  TrainRequest r;
  r.outfits = data;
  r.config = config;
  r.checkpointDir = dir;
  r.encoderKind = "synthetic";
  r.encoderSpec = "synthetic";
  return r;
}

std::string fileText(const std::string& path) {
  auto bytes = readFileBytes(path);
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string("<missing>");
}

// The test that fails when training is broken: compatibility that the raw
// cosine cannot see (different random maps per category) must be learned.
TEST(Trainer, LearnsPlantedCompatibility) {
  const OutfitSet train = synth::plantedOutfits(800, 24, 4, 0.3, 1, 2);
  OutfitSet heldOut = synth::plantedOutfits(300, 24, 4, 0.3, 1, 3, "test");
  OutfitSet raw = heldOut;
  normalizeRows(raw);
  auto baseline = evaluate(raw);
  ASSERT_TRUE(baseline.ok());
  EXPECT_LT(baseline->auc, 0.65) << "the planted rule is invisible to the raw cosine";

  test::TempDir dir;
  int steps = 0, epochs = 0, evaluations = 0;
  TrainCallbacks callbacks;
  callbacks.onStep = [&](const StepInfo& s) {
    ++steps;
    EXPECT_EQ(s.steps, 6) << "680 training outfits in balanced batches of at most 128";
  };
  callbacks.onEpoch = [&](const EpochRecord& e) { EXPECT_EQ(e.epoch, ++epochs); };
  callbacks.onValidation = [&](int epoch, const EvalReport& r) {
    EXPECT_EQ(epoch, epochs);
    EXPECT_EQ(r.outfits, 120);
    EXPECT_EQ(r.thresholds.size(), 41u);
    ++evaluations;
  };
  auto summary = trainCompat(request(train, smallConfig(25), dir.path("ckpt")), callbacks);
  ASSERT_TRUE(summary.ok()) << summary.message();
  EXPECT_EQ(steps, 25 * 6);
  EXPECT_EQ(evaluations, 25);
  EXPECT_EQ(summary->outcome, TrainOutcome::Finished) << summary->message;
  auto model = CompatModel::load(dir.path("ckpt"));
  ASSERT_TRUE(model.ok()) << model.message();
  auto latent = (*model)->project(heldOut);
  ASSERT_TRUE(latent.ok()) << latent.message();
  auto trained = evaluate(*latent);
  ASSERT_TRUE(trained.ok());
  EXPECT_GT(trained->auc, 0.9) << "baseline " << baseline->auc;
  EXPECT_GT(trained->fitb, 0.7) << "baseline " << baseline->fitb;
}

TEST(Trainer, SameSeedSameNumbers) {
  const OutfitSet data = synth::plantedOutfits(200, 16, 3, 0.3, 1, 5);
  test::TempDir dir;
  TrainConfig config = smallConfig(3);
  config.head.mode = HeadMode::PairSpaces;
  config.head.ensemble = 2;
  config.noiseStd = 0.1;
  config.featureDropout = 0.1;
  auto a = trainCompat(request(data, config, dir.path("a")));
  auto b = trainCompat(request(data, config, dir.path("b")));
  config.seed = 43;
  auto c = trainCompat(request(data, config, dir.path("c")));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  ASSERT_EQ(a->checkpoint.history.size(), 3u);
  for (std::size_t e = 0; e < 3; ++e) {
    EXPECT_EQ(a->checkpoint.history[e].trainLoss, b->checkpoint.history[e].trainLoss);
    EXPECT_EQ(a->checkpoint.history[e].valAuc, b->checkpoint.history[e].valAuc);
  }
  EXPECT_EQ(fileText(dir.path("a/model.safetensors")), fileText(dir.path("b/model.safetensors")));
  EXPECT_NE(fileText(dir.path("a/model.safetensors")), fileText(dir.path("c/model.safetensors")));
}

TEST(Trainer, CancelKeepsTheLastCheckpointAndResumeContinuesExactly) {
  const OutfitSet data = synth::plantedOutfits(300, 16, 3, 0.3, 1, 6);
  test::TempDir dir;
  TrainConfig config = smallConfig(4);
  config.curriculumEpochs = 1;
  config.batchSize = 64;  // several steps per epoch
  ASSERT_TRUE(trainCompat(request(data, config, dir.path("whole"))).ok());

  CancelFlag cancel;
  std::string modelAfterEpoch2;
  TrainCallbacks callbacks;
  callbacks.onEpoch = [&](const EpochRecord& e) {
    if (e.epoch == 2) modelAfterEpoch2 = fileText(dir.path("part/model.safetensors"));
  };
  callbacks.onStep = [&](const StepInfo& s) {
    if (s.epoch == 3 && s.step == 2) cancel.cancel();  // mid-epoch: the step after this one stops
  };
  auto part = trainCompat(request(data, config, dir.path("part")), callbacks, &cancel);
  ASSERT_TRUE(part.ok()) << part.message();
  EXPECT_EQ(part->outcome, TrainOutcome::Cancelled);
  EXPECT_NE(part->message.find("cancelled in epoch 3"), std::string::npos) << part->message;
  auto kept = readCheckpointInfo(dir.path("part"));
  ASSERT_TRUE(kept.ok()) << kept.message();
  EXPECT_EQ(kept->epochsDone, 2);
  EXPECT_EQ(fileText(dir.path("part/model.safetensors")), modelAfterEpoch2);

  TrainRequest resume = request(data, config, dir.path("part"));
  resume.resume = true;
  auto rest = trainCompat(resume);
  ASSERT_TRUE(rest.ok()) << rest.message();
  EXPECT_EQ(rest->outcome, TrainOutcome::Finished);
  EXPECT_EQ(rest->checkpoint.history.size(), 4u);
  EXPECT_EQ(fileText(dir.path("part/model.safetensors")), fileText(dir.path("whole/model.safetensors")));
  EXPECT_EQ(fileText(dir.path("part/state.safetensors")), fileText(dir.path("whole/state.safetensors")));

  // Resuming with other outfits is refused.
  TrainRequest other = request(synth::plantedOutfits(300, 16, 3, 0.3, 1, 7), config, dir.path("part"));
  other.resume = true;
  auto refused = trainCompat(other);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("other outfits"), std::string::npos) << refused.message();
}

TEST(Trainer, DivergenceStopsAndKeepsTheLastGoodCheckpoint) {
  const OutfitSet data = synth::plantedOutfits(200, 16, 3, 0.3, 1, 8);
  test::TempDir dir;
  TrainConfig config = smallConfig(4);
  CancelFlag cancel;
  TrainCallbacks stopAfter2;
  stopAfter2.onEpoch = [&](const EpochRecord& e) {
    if (e.epoch == 2) cancel.cancel();
  };
  ASSERT_TRUE(trainCompat(request(data, config, dir.path("run")), stopAfter2, &cancel).ok());
  const std::string model = fileText(dir.path("run/model.safetensors"));
  const std::string state = fileText(dir.path("run/state.safetensors"));

  // An absurd learning rate blows the weights up to inf and the loss to NaN.
  config.learningRate = 1e30;
  TrainRequest resume = request(data, config, dir.path("run"));
  resume.resume = true;
  auto blown = trainCompat(resume);
  ASSERT_TRUE(blown.ok()) << blown.message();
  EXPECT_EQ(blown->outcome, TrainOutcome::Diverged);
  EXPECT_NE(blown->message.find("diverged in epoch 3"), std::string::npos) << blown->message;
  EXPECT_NE(blown->message.find("can resume after epoch 2"), std::string::npos) << blown->message;
  EXPECT_EQ(fileText(dir.path("run/model.safetensors")), model);
  EXPECT_EQ(fileText(dir.path("run/state.safetensors")), state);
  EXPECT_TRUE(readCheckpointInfo(dir.path("run")).ok());

  // An exploding gradient (here: any gradient above a tiny limit) stops at once.
  config = smallConfig(2);
  config.maxGradNorm = 1e-9;
  auto exploded = trainCompat(request(data, config, dir.path("fresh")));
  ASSERT_TRUE(exploded.ok());
  EXPECT_EQ(exploded->outcome, TrainOutcome::Diverged);
  EXPECT_NE(exploded->message.find("gradient norm"), std::string::npos) << exploded->message;
  EXPECT_NE(exploded->message.find("no checkpoint was written"), std::string::npos) << exploded->message;
}

TEST(Trainer, ValidationOutfitsDependOnTheIdsOnly) {
  std::vector<std::string> ids;
  for (int i = 0; i < 100; ++i) ids.push_back("ccp:" + std::to_string(1000 + i));
  std::vector<int> train, val, train2, val2;
  splitTrainValidation(ids, 0.15, train, val);
  EXPECT_EQ(val.size(), 15u);
  EXPECT_EQ(train.size(), 85u);
  std::vector<int> all = train;
  all.insert(all.end(), val.begin(), val.end());
  std::sort(all.begin(), all.end());
  for (int i = 0; i < 100; ++i) EXPECT_EQ(all[static_cast<std::size_t>(i)], i);
  // Reversed order: the same outfits (by id) validate.
  std::vector<std::string> reversed(ids.rbegin(), ids.rend());
  splitTrainValidation(reversed, 0.15, train2, val2);
  std::set<std::string> a, b;
  for (int i : val) a.insert(ids[static_cast<std::size_t>(i)]);
  for (int i : val2) b.insert(reversed[static_cast<std::size_t>(i)]);
  EXPECT_EQ(a, b);
}

TEST(Trainer, EarlyStoppingAndBadInput) {
  const OutfitSet data = synth::randomOutfits(60, 8, 3);
  test::TempDir dir;
  TrainConfig config = smallConfig(50);
  config.patience = 2;
  auto summary = trainCompat(request(data, config, dir.path("early")));
  ASSERT_TRUE(summary.ok()) << summary.message();
  EXPECT_EQ(summary->outcome, TrainOutcome::EarlyStopped) << summary->message;
  EXPECT_LT(summary->checkpoint.epochsDone, 50);
  EXPECT_EQ(summary->checkpoint.epochsDone - summary->checkpoint.bestEpoch, 2);

  OutfitSet tiny = data.subset({0, 1, 2});
  auto refused = trainCompat(request(tiny, config, dir.path("tiny")));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("at least 4 outfits"), std::string::npos);
  OutfitSet broken = data;
  broken.vectors[5] = std::numeric_limits<float>::quiet_NaN();
  auto nan = trainCompat(request(broken, config, dir.path("nan")));
  ASSERT_FALSE(nan.ok());
  EXPECT_NE(nan.message().find("non-finite"), std::string::npos) << nan.message();
}

}  // namespace
}  // namespace w2w::compat
