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
  EXPECT_NEAR(outfitLoss(latent, torch::ones({2, 3}), slotPairs(seedLayout()), 1.0).item<double>(), expected,
              1e-6);
}

TEST(CompatLoss, OutfitLossAveragesOverThePairsPresent) {
  // Slots top, bottom, onepiece, shoes. Outfits 0 and 1 are separates whose
  // tops and bottoms match and whose shoes are swapped; outfits 2 and 3 are
  // one-pieces whose dresses and shoes match.
  const torch::Tensor e0 = torch::tensor({1.f, 0.f}), e1 = torch::tensor({0.f, 1.f}), z = torch::zeros({2});
  const torch::Tensor latent = torch::stack({torch::stack({e0, e0, z, e1}), torch::stack({e1, e1, z, e0}),
                                             torch::stack({z, z, e0, e0}), torch::stack({z, z, e1, e1})});
  const torch::Tensor present =
      torch::tensor({1.f, 1.f, 0.f, 1.f, 1.f, 1.f, 0.f, 1.f, 0.f, 0.f, 1.f, 1.f, 0.f, 0.f, 1.f, 1.f})
          .reshape({4, 4});
  const std::vector<Category> layout = {Category::Top, Category::Bottom, Category::Onepiece, Category::Shoes};
  // Pairs present: top-bottom (match), bottom-shoes and top-shoes (swapped),
  // each among outfits 0 and 1; onepiece-shoes (match) among 2 and 3. No
  // outfit has top-onepiece, and bottom-onepiece is no pair at all.
  const double match = std::log1p(std::exp(-1.0)), swapped = std::log1p(std::exp(1.0));
  EXPECT_NEAR(outfitLoss(latent, present, slotPairs(layout), 1.0).item<double>(),
              (match + swapped + swapped + match) / 4, 1e-6);
}

TEST(CompatLoss, ModifiedLossIsAHingeBelowTheThreshold) {
  // Outfit 0: (1,0) (1,0) (0,1); outfit 1: (0,1) (0,1) (1,0).
  const torch::Tensor latent =
      torch::stack({rows({{1, 0}, {0, 1}}), rows({{1, 0}, {0, 1}}), rows({{0, 1}, {1, 0}})}, 1);
  ModifiedOutfit a, b;
  a.replaced = {1, 2};
  a.source = {0, 1, 1};  // (1,0) (0,1) (1,0): similarities t-b 0, b-s 0, t-s 1
  b.replaced = {0, 2};
  b.source = {0, 1, 0};  // (1,0) (0,1) (0,1): similarities t-b 0, b-s 1, t-s 0
  const ModifiedLatent modified = gatherModified(latent, {a, b});
  EXPECT_TRUE(torch::equal(modified.latent.select(0, 0), rows({{1, 0}, {0, 1}, {1, 0}})));
  EXPECT_TRUE(torch::equal(modified.present, torch::ones({2, 3})));
  const auto pairs = slotPairs(seedLayout());
  // Threshold 0.5: similarity 0 costs 0.5, similarity 1 costs nothing.
  // Pairs: t-b (0.5 + 0.5) / 2, b-s (0.5 + 0) / 2, t-s (0 + 0.5) / 2 -> mean 1/3.
  EXPECT_NEAR(modifiedLoss(modified, pairs, 0.5).item<double>(), 1.0 / 3.0, 1e-6);
  // Threshold -0.5: every similarity is above it, no loss at all.
  EXPECT_NEAR(modifiedLoss(modified, pairs, -0.5).item<double>(), 0.0, 1e-9);
  // An empty slot leaves its pairs out: without outfit 1's shoes only its
  // top-bottom pair (cost 0.5) counts beside outfit 0's three.
  b.source = {0, 1, -1};
  const ModifiedLatent partial = gatherModified(latent, {a, b});
  EXPECT_EQ(partial.present[1][2].item<float>(), 0.f);
  EXPECT_NEAR(modifiedLoss(partial, pairs, 0.5).item<double>(), ((0.5 + 0.5) / 2 + 0.5 + 0.0) / 3, 1e-6);
}

}  // namespace
}  // namespace w2w::compat
