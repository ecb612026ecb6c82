// The garment categories and the rules of a valid outfit (common/category.h).
#include "common/category.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/seed_slots.h"

namespace w2w {
namespace {

CategoryCounts outfit(std::initializer_list<Category> categories) { return CategoryCounts::of(categories); }

TEST(Category, NamesRoundTripAndParseIgnoresCase) {
  for (Category c : kCategories) EXPECT_EQ(parseCategory(categoryName(c)), c) << categoryName(c);
  EXPECT_EQ(parseCategory("OnePiece"), Category::Onepiece);
  EXPECT_EQ(parseCategory("Outer"), Category::Outer);
  EXPECT_FALSE(parseCategory("dress"));
  EXPECT_FALSE(parseCategory(""));
  EXPECT_EQ(categoryNames("|"), "top|outer|bottom|onepiece|shoes|bag|accessory");
}

TEST(Category, IndicesFollowTheListOrder) {
  for (int i = 0; i < kCategoryCount; ++i) EXPECT_EQ(categoryIndex(kCategories[i]), i);
}

TEST(Category, SeedSlotsAreTopBottomShoesInTensorOrder) {
  EXPECT_EQ(seedSlot(Category::Top), 0);
  EXPECT_EQ(seedSlot(Category::Bottom), 1);
  EXPECT_EQ(seedSlot(Category::Shoes), 2);
  EXPECT_EQ(seedSlot(Category::Outer), -1);
  EXPECT_FALSE(isSeedSlot(Category::Bag));
}

TEST(Category, ValidOutfitsNeedShoesAndSeparatesOrAOnepiece) {
  EXPECT_TRUE(isValidOutfit(outfit({Category::Top, Category::Bottom, Category::Shoes})));
  EXPECT_TRUE(isValidOutfit(outfit({Category::Onepiece, Category::Shoes})));
  EXPECT_TRUE(isValidOutfit(outfit({Category::Onepiece, Category::Outer, Category::Bag, Category::Shoes})));
  EXPECT_TRUE(
      isValidOutfit(outfit({Category::Top, Category::Onepiece, Category::Shoes})));  // inner top visible
  EXPECT_TRUE(isValidOutfit(outfit({Category::Top, Category::Bottom, Category::Shoes, Category::Accessory,
                                    Category::Accessory, Category::Accessory})));

  EXPECT_FALSE(isValidOutfit(outfit({Category::Top, Category::Bottom})));
  EXPECT_FALSE(isValidOutfit(outfit({Category::Top, Category::Shoes})));
  EXPECT_FALSE(isValidOutfit(outfit({Category::Outer, Category::Bottom, Category::Shoes})));
  EXPECT_FALSE(isValidOutfit(outfit({Category::Onepiece, Category::Bottom, Category::Shoes})));
  EXPECT_FALSE(isValidOutfit(outfit({Category::Top, Category::Bottom, Category::Shoes, Category::Shoes})));
  EXPECT_FALSE(isValidOutfit(outfit({})));
}

TEST(Category, ProblemsSayWhatIsWrong) {
  EXPECT_EQ(outfitProblem(outfit({Category::Top, Category::Bottom, Category::Shoes})), "");
  EXPECT_EQ(outfitProblem(outfit({})), "needs a top and a bottom or a onepiece, and shoes");
  EXPECT_EQ(outfitProblem(outfit({Category::Bottom})), "needs a top and shoes");
  EXPECT_EQ(outfitProblem(outfit({Category::Onepiece})), "needs shoes");
  EXPECT_EQ(outfitProblem(outfit({Category::Bottom, Category::Onepiece, Category::Shoes})),
            "a bottom and a onepiece cannot be worn together");
  EXPECT_EQ(outfitProblem(outfit({Category::Bag, Category::Bag})), "more than one bag");
}

TEST(Category, PairsAreEveryCombinationThatCanBeWornTogether) {
  const auto& pairs = categoryPairs();
  // 7 * 6 / 2 distinct pairs, less bottom-onepiece, plus accessory-accessory.
  EXPECT_EQ(pairs.size(), 21u);
  const auto has = [&](Category a, Category b) {
    return std::find(pairs.begin(), pairs.end(), makePair(a, b)) != pairs.end();
  };
  EXPECT_TRUE(has(Category::Shoes, Category::Top));
  EXPECT_TRUE(has(Category::Onepiece, Category::Outer));
  EXPECT_TRUE(has(Category::Accessory, Category::Accessory));
  EXPECT_FALSE(has(Category::Onepiece, Category::Bottom));
  EXPECT_FALSE(has(Category::Top, Category::Top));
  for (const CategoryPair& p : pairs) {
    EXPECT_LE(categoryIndex(p.first), categoryIndex(p.second));
    EXPECT_TRUE(canWearTogether(p.first, p.second));
  }
  EXPECT_EQ(pairName(makePair(Category::Shoes, Category::Top)), "top_shoes");
  for (const CategoryPair& p : pairs) EXPECT_EQ(parsePairName(pairName(p)), p);
  EXPECT_FALSE(parsePairName("bottom_onepiece"));
  EXPECT_FALSE(parsePairName("shoes_top"));
}

TEST(Category, CompletingAOnepieceNeverProposesABottom) {
  const std::vector<Category> dress = categoriesToComplete(outfit({Category::Onepiece}));
  EXPECT_EQ(dress,
            (std::vector<Category>{Category::Outer, Category::Shoes, Category::Bag, Category::Accessory}));
  EXPECT_EQ(requiredMissing(outfit({Category::Onepiece})), std::vector<Category>{Category::Shoes});
  EXPECT_FALSE(canAdd(outfit({Category::Onepiece}), Category::Bottom));
  EXPECT_TRUE(canAdd(outfit({Category::Onepiece}), Category::Top));
}

TEST(Category, CompletingFromTopOrNothing) {
  EXPECT_EQ(categoriesToComplete(outfit({Category::Top})),
            (std::vector<Category>{Category::Outer, Category::Bottom, Category::Shoes, Category::Bag,
                                   Category::Accessory}));
  EXPECT_EQ(requiredMissing(outfit({Category::Shoes})),
            (std::vector<Category>{Category::Top, Category::Bottom, Category::Onepiece}));
  EXPECT_EQ(categoriesToComplete(outfit({Category::Top, Category::Bottom, Category::Shoes, Category::Outer,
                                         Category::Bag, Category::Accessory})),
            std::vector<Category>{});
  EXPECT_TRUE(canAdd(outfit({Category::Accessory}), Category::Accessory));
  EXPECT_FALSE(canAdd(outfit({Category::Shoes}), Category::Shoes));
}

}  // namespace
}  // namespace w2w
