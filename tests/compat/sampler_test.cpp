#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "compat/modified_sampler.h"

namespace w2w::compat {
namespace {

// The one slot of the seed's three that a modified outfit keeps.
int keptSlot(const ModifiedOutfit& m) {
  for (int c = 0; c < 3; ++c)
    if (std::find(m.replaced.begin(), m.replaced.end(), c) == m.replaced.end()) return c;
  return -1;
}

TEST(ModifiedSampler, KeepsOneCategoryAndReplacesTwoFromOtherOutfits) {
  Rng rng(7);
  for (int n : {2, 3, 5, 50}) {
    const auto modified = sampleModified(n, rng);
    ASSERT_EQ(static_cast<int>(modified.size()), n);
    for (int i = 0; i < n; ++i) {
      const ModifiedOutfit& m = modified[static_cast<std::size_t>(i)];
      ASSERT_EQ(m.replaced.size(), 2u);
      const int kept = keptSlot(m);
      ASSERT_GE(kept, 0);
      int replaced = 0;
      for (int c = 0; c < 3; ++c) {
        ASSERT_GE(m.source[c], 0);
        ASSERT_LT(m.source[c], n);
        if (c == kept) {
          EXPECT_EQ(m.source[c], i) << "the kept category is the outfit's own";
        } else {
          EXPECT_NE(m.source[c], i) << "never the outfit itself";
          ++replaced;
        }
      }
      EXPECT_EQ(replaced, 2) << "exactly two categories replaced";
      if (n >= 3) {
        const int a = m.source[(kept + 1) % 3], b = m.source[(kept + 2) % 3];
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
      ++kept[keptSlot(m)];
      for (int c = 0; c < 3; ++c)
        if (c != keptSlot(m)) ++used[static_cast<std::size_t>(m.source[c])];
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
    EXPECT_EQ(x[i].replaced, y[i].replaced);
    EXPECT_EQ(x[i].source, y[i].source);
    differs = differs || x[i].source != z[i].source;
  }
  EXPECT_TRUE(differs);
}

// Outfits of different sizes: slots top, outer, bottom, onepiece, shoes.
TEST(ModifiedSampler, VariableOutfitsReplaceTwoFilledSlotsWithItemsOfTheSameSlot) {
  constexpr int kSlots = 5;
  const std::vector<std::vector<std::uint8_t>> outfits = {
      {1, 0, 1, 0, 1},  // separates
      {1, 1, 1, 0, 1},  // separates with an outer layer
      {0, 0, 0, 1, 1},  // a dress and shoes
      {0, 1, 0, 1, 1},  // a dress, a coat and shoes
      {1, 0, 1, 0, 1},
  };
  std::vector<std::uint8_t> present;
  for (const auto& o : outfits) present.insert(present.end(), o.begin(), o.end());
  Rng rng(9);
  std::vector<int> timesReplaced(kSlots, 0);
  for (int round = 0; round < 200; ++round) {
    const auto modified = sampleModified(present, kSlots, rng);
    ASSERT_EQ(modified.size(), outfits.size());
    for (std::size_t i = 0; i < outfits.size(); ++i) {
      const ModifiedOutfit& m = modified[i];
      ASSERT_EQ(m.replaced.size(), 2u) << "every outfit here has two replaceable items";
      for (int s = 0; s < kSlots; ++s) {
        const int source = m.source[static_cast<std::size_t>(s)];
        if (!outfits[i][static_cast<std::size_t>(s)]) {
          EXPECT_EQ(source, -1) << "an empty slot stays empty";
          continue;
        }
        const bool replaced = std::find(m.replaced.begin(), m.replaced.end(), s) != m.replaced.end();
        if (!replaced) {
          EXPECT_EQ(source, static_cast<int>(i));
          continue;
        }
        ++timesReplaced[static_cast<std::size_t>(s)];
        EXPECT_NE(source, static_cast<int>(i)) << "never the outfit itself";
        EXPECT_TRUE(outfits[static_cast<std::size_t>(source)][static_cast<std::size_t>(s)])
            << "the replacement is an item of the same slot";
      }
    }
  }
  for (int s = 0; s < kSlots; ++s) EXPECT_GT(timesReplaced[static_cast<std::size_t>(s)], 0) << "slot " << s;
}

TEST(ModifiedSampler, AnItemNoOtherOutfitHasIsKept) {
  // Only outfit 0 has a bag (slot 2): it can only swap its top and its shoes.
  const std::vector<std::uint8_t> present = {1, 1, 1, 1, 0, 1, 1, 0, 1};
  Rng rng(1);
  for (int round = 0; round < 50; ++round) {
    const auto m = sampleModified(present, 3, rng);
    EXPECT_EQ(m[0].replaced, (std::vector<int>{0, 2}));
    EXPECT_EQ(m[0].source[1], 0);
  }
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
