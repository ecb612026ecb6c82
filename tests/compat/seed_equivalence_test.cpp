// On the seed's data (three filled slots: top, bottom, shoes) the model for
// outfits of any size trains and evaluates exactly as the three-slot model
// did: the numbers below were printed by the three-slot code (What2Wear 0.1,
// before outfit layouts) for the same data, configurations and seeds.
#include <gtest/gtest.h>

#include "compat/compat_model.h"
#include "compat/evaluator.h"
#include "compat/trainer.h"
#include "synthetic_outfits.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

struct Recorded {
  HeadMode mode;
  // Per epoch: train loss, its outfit and modified parts, validation loss, AUC, FITB.
  std::vector<std::array<double, 6>> epochs;
  double auc, fitb;  // held-out evaluation of the best epoch's model
  std::array<double, 3> pairAuc, pairFitb;  // top_bottom, bottom_shoes, top_shoes
  std::array<double, 3> categoryFitb;       // top, bottom, shoes
};

// RECORDED_NUMBERS

TEST(SeedEquivalence, ThreeSlotDataGivesTheThreeSlotModelsNumbers) {
  const OutfitSet train = synth::plantedOutfits(300, 16, 4, 0.3, 1, 2);
  const OutfitSet heldOut = synth::plantedOutfits(120, 16, 4, 0.3, 1, 3, "test");
  for (const Recorded& r : kRecorded) {
    SCOPED_TRACE(headModeName(r.mode));
    TrainConfig c;
    c.head.hiddenDim = 32;
    c.head.outputDim = 16;
    c.head.ensemble = r.mode == HeadMode::Shared ? 2 : 1;
    c.head.mode = r.mode;
    c.epochs = 3;
    c.batchSize = 64;
    c.learningRate = 3e-3;
    c.seed = 7;
    c.threads = 1;
    c.patience = 100;
    c.noiseStd = 0.05;
    test::TempDir dir;
    TrainRequest request;
    request.outfits = train;
    request.config = c;
    request.checkpointDir = dir.path("ckpt");
    request.encoderKind = "synthetic";
    request.encoderSpec = "synthetic";
    auto summary = trainCompat(request);
    ASSERT_TRUE(summary.ok()) << summary.message();
    const auto& history = summary->checkpoint.history;
    ASSERT_EQ(history.size(), r.epochs.size());
    // Float32 training: the same operations in the same order give the same
    // numbers; the tolerance only absorbs printing.
    constexpr double kTolerance = 1e-9;
    for (std::size_t e = 0; e < history.size(); ++e) {
      SCOPED_TRACE("epoch " + std::to_string(e + 1));
      EXPECT_NEAR(history[e].trainLoss, r.epochs[e][0], kTolerance);
      EXPECT_NEAR(history[e].trainOutfitLoss, r.epochs[e][1], kTolerance);
      EXPECT_NEAR(history[e].trainModifiedLoss, r.epochs[e][2], kTolerance);
      EXPECT_NEAR(history[e].valLoss, r.epochs[e][3], kTolerance);
      EXPECT_NEAR(history[e].valAuc, r.epochs[e][4], kTolerance);
      EXPECT_NEAR(history[e].valFitb, r.epochs[e][5], kTolerance);
    }
    auto model = CompatModel::load(dir.path("ckpt"));
    ASSERT_TRUE(model.ok()) << model.message();
    auto latent = (*model)->project(heldOut);
    ASSERT_TRUE(latent.ok());
    EvalOptions options;
    options.seed = 5;
    auto report = evaluate(*latent, options);
    ASSERT_TRUE(report.ok());
    EXPECT_NEAR(report->auc, r.auc, kTolerance);
    EXPECT_NEAR(report->fitb, r.fitb, kTolerance);
    const std::array<CategoryPair, 3> pairs = {makePair(Category::Top, Category::Bottom),
                                               makePair(Category::Bottom, Category::Shoes),
                                               makePair(Category::Top, Category::Shoes)};
    for (std::size_t p = 0; p < 3; ++p) {
      const PairEval* pair = report->pair(pairs[p]);
      ASSERT_TRUE(pair) << pairName(pairs[p]);
      EXPECT_NEAR(pair->auc, r.pairAuc[p], kTolerance) << pairName(pairs[p]);
      EXPECT_NEAR(pair->fitb, r.pairFitb[p], kTolerance) << pairName(pairs[p]);
    }
    for (std::size_t c = 0; c < 3; ++c) {
      EXPECT_NEAR(*report->categoryFitb(kSeedSlots[c]), r.categoryFitb[c], kTolerance);
    }
  }
}

}  // namespace
}  // namespace w2w::compat
