#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "compat/modified_sampler.h"

namespace w2w::compat {
namespace {

TEST(ModifiedSampler, KeepsOneCategoryAndReplacesTwoFromOtherOutfits) {
  Rng rng(7);
  for (int n : {2, 3, 5, 50}) {
    const auto modified = sampleModified(n, rng);
    ASSERT_EQ(static_cast<int>(modified.size()), n);
    for (int i = 0; i < n; ++i) {
      const ModifiedOutfit& m = modified[static_cast<std::size_t>(i)];
      ASSERT_GE(m.kept, 0);
      ASSERT_LT(m.kept, 3);
      int replaced = 0;
      for (int c = 0; c < 3; ++c) {
        ASSERT_GE(m.source[c], 0);
        ASSERT_LT(m.source[c], n);
        if (c == m.kept) {
          EXPECT_EQ(m.source[c], i) << "the kept category is the outfit's own";
        } else {
          EXPECT_NE(m.source[c], i) << "never the outfit itself";
          ++replaced;
        }
      }
      EXPECT_EQ(replaced, 2) << "exactly two categories replaced";
      if (n >= 3) {
        const int a = m.source[(m.kept + 1) % 3], b = m.source[(m.kept + 2) % 3];
        EXPECT_NE(a, b) << "the two replacements come from different outfits";
      }
    }
  }
}

TEST(ModifiedSampler, ReplacedPairIsUniformAndSourcesCoverTheOthers) {
  Rng rng(11);
  const int n = 10, draws = 3000;
  int kept[3] = {0, 0, 0};
  std::vector<int> used(n, 0);
  for (int d = 0; d < draws / n; ++d) {
    for (const ModifiedOutfit& m : sampleModified(n, rng)) {
      ++kept[m.kept];
      for (int c = 0; c < 3; ++c)
        if (c != m.kept) ++used[static_cast<std::size_t>(m.source[c])];
    }
  }
  // 3000 draws: each count has mean 1000 and std about 26; 5 std is 130.
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(kept[c], draws / 3.0, 130.0) << "category " << c;
  for (int j = 0; j < n; ++j)
    EXPECT_NEAR(used[j], 2.0 * draws / n, 5 * std::sqrt(2.0 * draws / n)) << "outfit " << j;
}

TEST(ModifiedSampler, SameSeedSameDraws) {
  Rng a(3), b(3), c(4);
  const auto x = sampleModified(20, a), y = sampleModified(20, b), z = sampleModified(20, c);
  bool differs = false;
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(x[i].kept, y[i].kept);
    EXPECT_EQ(x[i].source, y[i].source);
    differs = differs || x[i].source != z[i].source;
  }
  EXPECT_TRUE(differs);
}

TEST(CandidateSampler, DistinctItemsOtherThanTheTruth) {
  Rng rng(5);
  // Outfits 0..5; outfits 1 and 2 share outfit 0's item, 4 and 5 share one item.
  const std::vector<int> item = {0, 0, 0, 1, 2, 2};
  for (int round = 0; round < 50; ++round) {
    const auto c = sampleCandidates(0, 6, 3, item, rng);
    ASSERT_EQ(c.size(), 2u) << "only two other distinct items exist";
    std::set<int> items;
    for (int j : c) {
      EXPECT_NE(j, 0);
      EXPECT_NE(item[static_cast<std::size_t>(j)], 0) << "never the true item";
      items.insert(item[static_cast<std::size_t>(j)]);
    }
    EXPECT_EQ(items.size(), c.size()) << "no item twice";
  }
  const auto plain = sampleCandidates(3, 10, 3, {}, rng);
  EXPECT_EQ(plain.size(), 3u);
}

}  // namespace
}  // namespace w2w::compat
