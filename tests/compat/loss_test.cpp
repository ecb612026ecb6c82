#include <gtest/gtest.h>

#include <cmath>

#include "compat/compat_loss.h"

namespace w2w::compat {
namespace {

torch::Tensor rows(std::vector<std::vector<float>> values) {
  std::vector<torch::Tensor> r;
  for (auto& v : values) r.push_back(torch::tensor(v));
  return torch::stack(r);
}

TEST(CompatLoss, InfoNceOnHandComputedCases) {
  const torch::Tensor identity = rows({{1, 0}, {0, 1}});
  const torch::Tensor swapped = rows({{0, 1}, {1, 0}});
  // Matching rows, T = 1: logits [[1,0],[0,1]]; each cross-entropy is log(1 + e^-1).
  EXPECT_NEAR(pairInfoNce(identity, identity, 1.0).item<double>(), std::log1p(std::exp(-1.0)), 1e-6);
  // T = 0.5 doubles the logits: log(1 + e^-2).
  EXPECT_NEAR(pairInfoNce(identity, identity, 0.5).item<double>(), std::log1p(std::exp(-2.0)), 1e-6);
  // Each row matches the wrong one: log(1 + e).
  EXPECT_NEAR(pairInfoNce(identity, swapped, 1.0).item<double>(), std::log1p(std::exp(1.0)), 1e-6);
}

TEST(CompatLoss, OutfitLossAveragesTheThreePairs) {
  // Tops and bottoms match, shoes are swapped: pairs (t,b), (b,s), (t,s) give
  // log(1+e^-1), log(1+e), log(1+e).
  const torch::Tensor latent =
      torch::stack({rows({{1, 0}, {0, 1}}), rows({{1, 0}, {0, 1}}), rows({{0, 1}, {1, 0}})}, 1);
  const double expected = (std::log1p(std::exp(-1.0)) + 2 * std::log1p(std::exp(1.0))) / 3;
  EXPECT_NEAR(outfitLoss(latent, 1.0).item<double>(), expected, 1e-6);
}

TEST(CompatLoss, ModifiedLossIsAHingeBelowTheThreshold) {
  // Outfit 0: (1,0) (1,0) (0,1); outfit 1: (0,1) (0,1) (1,0).
  const torch::Tensor latent =
      torch::stack({rows({{1, 0}, {0, 1}}), rows({{1, 0}, {0, 1}}), rows({{0, 1}, {1, 0}})}, 1);
  ModifiedOutfit a, b;
  a.kept = 0;
  a.source = {0, 1, 1};  // (1,0) (0,1) (1,0): similarities t-b 0, b-s 0, t-s 1
  b.kept = 1;
  b.source = {0, 1, 0};  // (1,0) (0,1) (0,1): similarities t-b 0, b-s 1, t-s 0
  const torch::Tensor modified = gatherModified(latent, {a, b});
  EXPECT_TRUE(torch::equal(modified.select(0, 0), rows({{1, 0}, {0, 1}, {1, 0}})));
  // Threshold 0.5: similarity 0 costs 0.5, similarity 1 costs nothing.
  // Pairs: t-b (0.5 + 0.5) / 2, b-s (0.5 + 0) / 2, t-s (0 + 0.5) / 2 -> mean 1/3.
  EXPECT_NEAR(modifiedLoss(modified, 0.5).item<double>(), 1.0 / 3.0, 1e-6);
  // Threshold -0.5: every similarity is above it, no loss at all.
  EXPECT_NEAR(modifiedLoss(modified, -0.5).item<double>(), 0.0, 1e-9);
}

}  // namespace
}  // namespace w2w::compat
