// The recommendation engine on catalogs whose right answers are known.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "recommend/recommender.h"

namespace w2w {
namespace {

constexpr int kDim = 16;

std::vector<float> unit(std::vector<float> v) {
  double n = 0;
  for (float x : v) n += x * x;
  for (float& x : v) x = static_cast<float>(x / std::sqrt(n));
  return v;
}

// Planted structure: kStyles styles, each a random direction; an item of a
// style lies near its direction. Items of the same style go together.
struct Planted {
  static constexpr int kStyles = 4;
  static constexpr int kPerStyle = 25;
  LatentCatalog catalog;
  std::vector<std::vector<float>> styles;
  // item id -> style
  std::map<Id, int> styleOf;

  explicit Planted(unsigned seed = 7,
                   const std::vector<Category>& categories = {kSeedSlots.begin(), kSeedSlots.end()}) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    for (int s = 0; s < kStyles; ++s) {
      std::vector<float> v(kDim);
      for (float& x : v) x = normal(rng);
      styles.push_back(unit(v));
    }
    catalog.dim = kDim;
    catalog.checkpointId = "planted";
    Id next = 1;
    for (Category c : categories) {
      LatentCandidates& cand = catalog.of(c);
      cand.vectors = FloatMatrix(kStyles * kPerStyle, kDim);
      for (int s = 0; s < kStyles; ++s) {
        for (int i = 0; i < kPerStyle; ++i) {
          std::vector<float> v(kDim);
          for (int d = 0; d < kDim; ++d) v[d] = styles[s][d] + 0.1f * normal(rng);
          v = unit(v);
          const std::int64_t row = static_cast<std::int64_t>(cand.itemIds.size());
          std::copy(v.begin(), v.end(), cand.vectors.row(row));
          styleOf[next] = s;
          cand.itemIds.push_back(next++);
          cand.photoIds.push_back(0);
        }
      }
    }
  }
};

TEST(Recommender, RanksTheMissingPieceOfTheSameStyleFirst) {
  Planted planted;
  Recommender engine(planted.catalog);
  int correct = 0, total = 0;
  for (const Id topId : planted.catalog.of(Category::Top).itemIds) {
    const int style = planted.styleOf[topId];
    // A bottom of the same style as the top.
    Id bottomId = 0;
    for (Id id : planted.catalog.of(Category::Bottom).itemIds) {
      if (planted.styleOf[id] == style) bottomId = id;
    }
    auto result = engine.rank({*engine.piece(topId), *engine.piece(bottomId)}, Category::Shoes, {});
    ASSERT_TRUE(result.ok()) << result.message();
    ASSERT_EQ(result->size(), 10u);
    for (const Suggestion& s : *result) {
      correct += planted.styleOf[s.itemId] == style;
      ++total;
    }
  }
  EXPECT_EQ(correct, total) << "every suggestion shares the given pieces' style";
}

TEST(Recommender, ScoreIsTheOutfitScoreAndWhyHoldsThePairs) {
  Planted planted;
  Recommender engine(planted.catalog);
  const GivenPiece top = *engine.piece(1);
  const GivenPiece shoes = *engine.piece(planted.catalog.of(Category::Shoes).itemIds[0]);
  auto result = engine.rank({top, shoes}, Category::Bottom, {});
  ASSERT_TRUE(result.ok());
  const Suggestion& best = result->front();
  const GivenPiece bottom = *engine.piece(best.itemId);
  std::vector<PairSimilarity> why;
  const double expected =
      outfitScore(top.latent.data(), bottom.latent.data(), shoes.latent.data(), kDim, &why);
  EXPECT_NEAR(best.score, expected, 1e-5);
  ASSERT_EQ(best.why.size(), 3u);
  double sum = 0;
  for (const PairSimilarity& p : best.why) sum += p.similarity;
  EXPECT_NEAR(sum / 3.0, best.score, 1e-5);
  for (std::size_t i = 1; i < result->size(); ++i) EXPECT_GE((*result)[i - 1].score, (*result)[i].score);
}

TEST(Recommender, CompletesAWholeOutfitFromOnePiece) {
  Planted planted;
  Recommender engine(planted.catalog);
  const Id topId = planted.catalog.of(Category::Top).itemIds[30];
  const int style = planted.styleOf[topId];
  RecommendOptions options;
  options.k = 5;
  auto outfits = engine.complete(*engine.piece(topId), options);
  ASSERT_TRUE(outfits.ok()) << outfits.message();
  ASSERT_EQ(outfits->size(), 5u);
  for (const OutfitSuggestion& o : *outfits) {
    EXPECT_EQ(o.member(Category::Top), topId);
    EXPECT_EQ(planted.styleOf[o.member(Category::Bottom)], style);
    EXPECT_EQ(planted.styleOf[o.member(Category::Shoes)], style);
  }
  // Jointly best: no other pair of the catalog beats the first suggestion.
  const auto& bottoms = planted.catalog.of(Category::Bottom);
  const auto& shoes = planted.catalog.of(Category::Shoes);
  const GivenPiece top = *engine.piece(topId);
  double best = -10;
  for (std::size_t b = 0; b < bottoms.size(); ++b) {
    for (std::size_t s = 0; s < shoes.size(); ++s) {
      best =
          std::max(best, outfitScore(top.latent.data(), bottoms.vectors.row(b), shoes.vectors.row(s), kDim));
    }
  }
  EXPECT_NEAR((*outfits)[0].score, best, 1e-5);
}

TEST(Recommender, ExcludesThePhotoOfTheGivenPieceAndExcludedItems) {
  Planted planted;
  // Crops 1 (top) and the first shoes come from photo 42.
  planted.catalog.of(Category::Top).photoIds[0] = 42;
  LatentCandidates& shoes = planted.catalog.of(Category::Shoes);
  shoes.photoIds[0] = 42;
  // Make that shoe the obvious best match for the top.
  std::copy(planted.catalog.of(Category::Top).vectors.row(0),
            planted.catalog.of(Category::Top).vectors.row(0) + kDim, shoes.vectors.row(0));
  Recommender engine(planted.catalog);
  const GivenPiece top = *engine.piece(1);
  auto with = engine.rank({top}, Category::Shoes, [] {
    RecommendOptions o;
    o.excludeSamePhoto = false;
    return o;
  }());
  EXPECT_EQ(with->front().itemId, shoes.itemIds[0]);
  auto without = engine.rank({top}, Category::Shoes, {});
  for (const Suggestion& s : *without) EXPECT_NE(s.itemId, shoes.itemIds[0]);

  RecommendOptions options;
  options.excludeSamePhoto = false;
  options.excluded = {shoes.itemIds[0], with->at(1).itemId};
  auto excluded = engine.rank({top}, Category::Shoes, options);
  EXPECT_EQ(excluded->front().itemId, with->at(2).itemId);
  options.excluded.clear();
  options.allowed = std::unordered_set<Id>{shoes.itemIds[5]};
  auto allowed = engine.rank({top}, Category::Shoes, options);
  ASSERT_EQ(allowed->size(), 1u);
  EXPECT_EQ(allowed->front().itemId, shoes.itemIds[5]);
}

TEST(Recommender, DiversitySpreadsTheSuggestions) {
  Planted planted;
  Recommender engine(planted.catalog);
  const GivenPiece top = *engine.piece(1);
  RecommendOptions plain;
  plain.k = 8;
  RecommendOptions diverse = plain;
  diverse.diversity = 0.9;
  auto a = engine.rank({top}, Category::Bottom, plain);
  auto b = engine.rank({top}, Category::Bottom, diverse);
  std::set<int> stylesPlain, stylesDiverse;
  for (const auto& s : *a) stylesPlain.insert(planted.styleOf[s.itemId]);
  for (const auto& s : *b) stylesDiverse.insert(planted.styleOf[s.itemId]);
  EXPECT_EQ(stylesPlain.size(), 1u);
  EXPECT_GT(stylesDiverse.size(), 1u);
  EXPECT_EQ(a->front().itemId, b->front().itemId) << "the best match stays first";
}

TEST(Recommender, TiesAreBrokenByItemId) {
  LatentCatalog catalog;
  catalog.dim = 2;
  for (Category c : kSeedSlots) {
    LatentCandidates& cand = catalog.of(c);
    cand.vectors = FloatMatrix(3, 2);
    for (int i = 0; i < 3; ++i) {
      cand.vectors.at(i, 0) = 1.f;
      cand.itemIds.push_back(100 * (seedSlot(c) + 1) + (3 - i));  // ids in falling order
      cand.photoIds.push_back(0);
    }
  }
  Recommender engine(catalog);
  auto result = engine.rank({*engine.piece(103)}, Category::Bottom, {});
  ASSERT_EQ(result->size(), 3u);
  EXPECT_EQ((*result)[0].itemId, 201);
  EXPECT_EQ((*result)[1].itemId, 202);
  EXPECT_EQ((*result)[2].itemId, 203);
}

TEST(Recommender, EmptyCategoryGivesNoSuggestions) {
  Planted planted;
  planted.catalog.of(Category::Shoes) = LatentCandidates{};
  planted.catalog.of(Category::Shoes).vectors.cols = kDim;
  Recommender engine(planted.catalog);
  auto result = engine.rank({*engine.piece(1)}, Category::Shoes, {});
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->empty());
  auto outfits = engine.complete(*engine.piece(1), {});
  ASSERT_TRUE(outfits.ok());
  EXPECT_TRUE(outfits->empty());
}

TEST(Recommender, BadQueriesAreClearErrors) {
  Planted planted;
  Recommender engine(planted.catalog);
  const GivenPiece top = *engine.piece(1);
  EXPECT_NE(engine.rank({top}, Category::Top, {}).message().find("already given"), std::string::npos);
  EXPECT_NE(engine.rank({}, Category::Top, {}).message().find("at least one"), std::string::npos);
  GivenPiece wrong = top;
  wrong.latent.resize(kDim + 3);
  EXPECT_NE(engine.rank({wrong}, Category::Shoes, {}).message().find("dimension 19"), std::string::npos);
  EXPECT_NE(engine.rank({top, top}, Category::Shoes, {}).message().find("both a top"), std::string::npos);
}

std::vector<Category> allCategories() { return {kCategories.begin(), kCategories.end()}; }

// The planted right answer: a dress of style s takes shoes, an outer layer, a
// bag and an accessory of style s, and never a bottom.
TEST(Recommender, CompletesADressWithItsOwnStyleAndNeverABottom) {
  Planted planted(11, allCategories());
  Recommender engine(planted.catalog);
  int correct = 0, total = 0;
  for (const Id dressId : planted.catalog.of(Category::Onepiece).itemIds) {
    const GivenPiece dress = *engine.piece(dressId);
    const std::vector<Category> targets =
        categoriesToComplete(CategoryCounts::of(std::vector<Category>{dress.category}));
    EXPECT_EQ(targets,
              (std::vector<Category>{Category::Outer, Category::Shoes, Category::Bag, Category::Accessory}));
    for (Category target : targets) {
      auto ranked = engine.rank({dress}, target, {});
      ASSERT_TRUE(ranked.ok()) << ranked.message();
      ASSERT_FALSE(ranked->empty());
      correct += planted.styleOf[ranked->front().itemId] == planted.styleOf[dressId];
      ++total;
    }
    auto bottom = engine.rank({dress}, Category::Bottom, {});
    ASSERT_FALSE(bottom.ok());
    EXPECT_NE(bottom.message().find("cannot be worn"), std::string::npos) << bottom.message();
  }
  EXPECT_GE(correct, total * 95 / 100) << correct << " of " << total;

  // Whole outfits around the dress: shoes are all it needs.
  const GivenPiece dress = *engine.piece(planted.catalog.of(Category::Onepiece).itemIds[30]);
  RecommendOptions options;
  options.k = 3;
  auto outfits = engine.complete(dress, options);
  ASSERT_TRUE(outfits.ok()) << outfits.message();
  ASSERT_EQ(outfits->size(), 3u);
  for (const OutfitSuggestion& o : *outfits) {
    ASSERT_EQ(o.items.size(), 2u);
    EXPECT_EQ(o.member(Category::Onepiece), dress.itemId);
    EXPECT_EQ(planted.styleOf[o.member(Category::Shoes)], planted.styleOf[dress.itemId]);
    EXPECT_EQ(o.member(Category::Bottom), 0);
    EXPECT_NEAR(o.score, o.why.front().similarity, 1e-6) << "one pair: the score is its similarity";
  }
}

// From any subset: an outer layer and a bag need a top, a bottom and shoes,
// or a one-piece and shoes; the best outfits are all of the pieces' style.
TEST(Recommender, CompletesAnySubsetIntoAValidOutfit) {
  Planted planted(13, allCategories());
  Recommender engine(planted.catalog);
  const Id outerId = planted.catalog.of(Category::Outer).itemIds[60];
  const int style = planted.styleOf[outerId];
  Id bagId = 0;
  for (Id id : planted.catalog.of(Category::Bag).itemIds) {
    if (planted.styleOf[id] == style) bagId = id;
  }
  RecommendOptions options;
  options.k = 10;
  options.beam = 32;
  auto outfits = engine.complete({*engine.piece(outerId), *engine.piece(bagId)}, options);
  ASSERT_TRUE(outfits.ok()) << outfits.message();
  ASSERT_EQ(outfits->size(), 10u);
  double previous = 2;
  for (const OutfitSuggestion& o : *outfits) {
    CategoryCounts counts;
    for (const OutfitItem& item : o.items) {
      counts.add(item.category);
      EXPECT_EQ(planted.styleOf[item.item], style) << categoryName(item.category);
    }
    EXPECT_TRUE(isValidOutfit(counts)) << outfitProblem(counts);
    EXPECT_EQ(o.member(Category::Outer), outerId);
    EXPECT_LE(o.score, previous + 1e-12);
    previous = o.score;
    // The score is the mean over every pair of the outfit.
    const std::size_t n = o.items.size();
    EXPECT_EQ(o.why.size(), n * (n - 1) / 2);
  }
  // Ranking one category for the same pieces: the mean over the pairs with the candidate.
  auto shoes = engine.rank({*engine.piece(outerId), *engine.piece(bagId)}, Category::Shoes, {});
  ASSERT_TRUE(shoes.ok());
  EXPECT_EQ(planted.styleOf[shoes->front().itemId], style);
  EXPECT_EQ(shoes->front().why.size(), 3u) << "outer-bag, outer-shoes, bag-shoes";
}

TEST(Recommender, ApproximateSearchVisitingEveryListMatchesExactSearch) {
  if (!ApproximateIndex::available()) GTEST_SKIP() << "built without FAISS";
  Planted planted;
  Recommender engine(planted.catalog);
  ApproximateIndexOptions all;
  all.lists = 8;
  all.probes = 8;
  ASSERT_TRUE(engine.enableApproximateSearch(all).ok());
  RecommendOptions exact;
  RecommendOptions approximate;
  approximate.approximate = true;
  for (Id topId : {Id(1), Id(30), Id(77)}) {
    const GivenPiece top = *engine.piece(topId);
    auto a = engine.rank({top}, Category::Shoes, exact);
    auto b = engine.rank({top}, Category::Shoes, approximate);
    ASSERT_EQ(a->size(), b->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
      EXPECT_EQ((*a)[i].itemId, (*b)[i].itemId);
      EXPECT_NEAR((*a)[i].score, (*b)[i].score, 1e-5);
    }
    auto c = engine.complete(top, approximate);
    auto d = engine.complete(top, exact);
    EXPECT_EQ(c->front().member(Category::Bottom), d->front().member(Category::Bottom));
    EXPECT_EQ(c->front().member(Category::Shoes), d->front().member(Category::Shoes));
  }
}

TEST(Recommender, ApproximateSearchStillAppliesTheFilters) {
  if (!ApproximateIndex::available()) GTEST_SKIP() << "built without FAISS";
  Planted planted;
  Recommender engine(planted.catalog);
  ASSERT_TRUE(engine.enableApproximateSearch().ok());
  const GivenPiece top = *engine.piece(1);
  RecommendOptions options;
  options.approximate = true;
  auto first = engine.rank({top}, Category::Bottom, options);
  options.excluded = {first->front().itemId};
  auto second = engine.rank({top}, Category::Bottom, options);
  for (const Suggestion& s : *second) EXPECT_NE(s.itemId, first->front().itemId);
}

}  // namespace
}  // namespace w2w
