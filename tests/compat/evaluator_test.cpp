#include <gtest/gtest.h>

#include <algorithm>

#include "compat/evaluator.h"
#include "synthetic_outfits.h"

namespace w2w::compat {
namespace {

// Outfit i's three items are all the unit vector e_i: real outfits score 1,
// modified ones (every pair from two different outfits) score 0.
OutfitSet orthogonalOutfits(int n) {
  OutfitSet set;
  set.dim = n;
  for (int i = 0; i < n; ++i) {
    std::vector<float> e(static_cast<std::size_t>(n), 0.f);
    e[static_cast<std::size_t>(i)] = 1.f;
    const std::string id = std::to_string(i);
    set.add(id, {id + "t", id + "b", id + "s"}, e.data(), e.data(), e.data());
  }
  return set;
}

TEST(Evaluator, PerfectSeparation) {
  auto report = evaluate(orthogonalOutfits(8));
  ASSERT_TRUE(report.ok()) << report.message();
  EXPECT_DOUBLE_EQ(report->auc, 1.0);
  EXPECT_DOUBLE_EQ(report->fitb, 1.0);
  for (const PairEval& p : report->pairs) {
    EXPECT_DOUBLE_EQ(p.auc, 1.0);
    EXPECT_DOUBLE_EQ(p.fitb, 1.0);
  }
  EXPECT_DOUBLE_EQ(report->real.mean, 1.0);
  EXPECT_DOUBLE_EQ(report->modified.mean, 0.0);
  EXPECT_EQ(report->real.n, 8);
  EXPECT_EQ(report->modified.n, 8 * 5);
  EXPECT_EQ(report->questions, 8 * 3 * 5);
  ASSERT_EQ(report->thresholds.size(), 41u);
  // At threshold 0.5 everything is classified right.
  EXPECT_DOUBLE_EQ(report->thresholds[30].threshold, 0.5);
  EXPECT_DOUBLE_EQ(report->thresholds[30].accuracy, 1.0);
}

TEST(Evaluator, IdenticalItemsAreChance) {
  OutfitSet set;
  set.dim = 2;
  const float v[2] = {0.6f, 0.8f};
  for (int i = 0; i < 10; ++i)
    set.add(std::to_string(i), {"t" + std::to_string(i), "b" + std::to_string(i), "s" + std::to_string(i)}, v,
            v, v);
  auto report = evaluate(set);
  ASSERT_TRUE(report.ok());
  EXPECT_DOUBLE_EQ(report->auc, 0.5);
  EXPECT_NEAR(report->fitb, 0.25, 1e-12) << "a four-way tie earns a quarter";
}

TEST(Evaluator, ReverseStructureScoresZero) {
  // Items of one outfit point away from each other; items of different
  // outfits coincide: every modified outfit beats every real one.
  OutfitSet set;
  set.dim = 2;
  const float up[2] = {0, 1}, down[2] = {0, -1};
  for (int i = 0; i < 6; ++i)
    set.add(std::to_string(i), {}, i % 2 ? up : down, i % 2 ? down : up, i % 2 ? up : down);
  set.items.assign(6, {"", "", ""});
  auto report = evaluate(set);
  ASSERT_TRUE(report.ok());
  EXPECT_LT(report->auc, 0.5);
}

TEST(Evaluator, SameSeedSameNumbers) {
  const OutfitSet set = synth::randomOutfits(40, 8, 1);
  EvalOptions a, b;
  a.seed = b.seed = 9;
  EXPECT_EQ(evalReportJson(*evaluate(set, a)), evalReportJson(*evaluate(set, b)));
  b.seed = 10;
  EXPECT_NE(evalReportJson(*evaluate(set, a)), evalReportJson(*evaluate(set, b)));
}

// Separates (top, bottom, shoes) and one-pieces (dress, shoes, some with a
// coat) in one layout; outfit i's items are all e_i.
OutfitSet mixedOutfits(int n) {
  OutfitSet set;
  set.dim = n;
  set.slots = {Category::Top, Category::Outer, Category::Bottom, Category::Onepiece, Category::Shoes};
  for (int i = 0; i < n; ++i) {
    std::vector<float> e(static_cast<std::size_t>(n), 0.f);
    e[static_cast<std::size_t>(i)] = 1.f;
    const float* v = e.data();
    const std::string id = std::to_string(i);
    if (i % 2 == 0) {
      set.add(id, {id + "t", "", id + "b", "", id + "s"}, {v, nullptr, v, nullptr, v});
    } else {
      set.add(id, {"", id + "o", "", id + "d", id + "s"}, {nullptr, i % 4 == 1 ? v : nullptr, nullptr, v, v});
    }
  }
  return set;
}

TEST(Evaluator, VariableOutfitsAreScoredOverThePairsTheyHave) {
  const OutfitSet set = mixedOutfits(12);
  ASSERT_TRUE(set.validate().ok());
  EXPECT_TRUE(set.isOnepiece(1));
  EXPECT_FALSE(set.isOnepiece(0));
  for (double s : outfitScores(set)) EXPECT_DOUBLE_EQ(s, 1.0);
  auto report = evaluate(set);
  ASSERT_TRUE(report.ok()) << report.message();
  EXPECT_DOUBLE_EQ(report->auc, 1.0);
  EXPECT_DOUBLE_EQ(report->fitb, 1.0);
  // 6 separates x 3 items, 3 dresses with a coat x 3, 3 without x 2; 5 rounds.
  EXPECT_EQ(report->questions, (6 * 3 + 3 * 3 + 3 * 2) * 5);
  ASSERT_EQ(report->kinds.size(), 2u);
  EXPECT_EQ(report->kinds[0].kind, OutfitKind::Separates);
  EXPECT_EQ(report->kinds[0].outfits, 6);
  EXPECT_EQ(report->kinds[1].outfits, 6);
  EXPECT_DOUBLE_EQ(report->kind(OutfitKind::Onepiece)->auc, 1.0);
  // The pairs the outfits have, and only those.
  std::vector<std::string> names;
  for (const PairEval& p : report->pairs) names.push_back(pairName(p.pair));
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"bottom_shoes", "onepiece_shoes", "outer_onepiece",
                                             "outer_shoes", "top_bottom", "top_shoes"}));
  EXPECT_EQ(report->pair(makePair(Category::Outer, Category::Shoes))->count, 3);
  EXPECT_DOUBLE_EQ(*report->categoryFitb(Category::Onepiece), 1.0);
  EXPECT_FALSE(report->categoryFitb(Category::Bag));

  // The JSON round trip keeps pairs, categories and kinds.
  auto back = parseEvalReportJson(evalReportJson(*report));
  ASSERT_TRUE(back);
  EXPECT_EQ(evalReportJson(*back), evalReportJson(*report));
}

TEST(Evaluator, RejectsTooFewOutfits) {
  auto report = evaluate(orthogonalOutfits(1));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.message().find("at least 2"), std::string::npos);
}

}  // namespace
}  // namespace w2w::compat
