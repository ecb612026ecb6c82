// Polyvore Outfits by the published protocol, on a sample in the exact
// published format (tests/data/polyvore-sample).
#include <gtest/gtest.h>

#include "counting_encoder.h"
#include "datasets/polyvore_dataset.h"
#include "io/image_decoder.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w::datasets {
namespace {

std::string sample(const std::string& split) {
  return test::dataPath("polyvore-sample/polyvore_outfits/" + split);
}

TEST(Polyvore, EverySemanticCategoryHasItsGarmentCategory) {
  const std::vector<std::pair<std::string, Category>> table = {{"tops", Category::Top},
                                                               {"outerwear", Category::Outer},
                                                               {"bottoms", Category::Bottom},
                                                               {"all-body", Category::Onepiece},
                                                               {"shoes", Category::Shoes},
                                                               {"bags", Category::Bag},
                                                               {"jewellery", Category::Accessory},
                                                               {"accessories", Category::Accessory},
                                                               {"sunglasses", Category::Accessory},
                                                               {"hats", Category::Accessory},
                                                               {"scarves", Category::Accessory}};
  for (const auto& [name, category] : table) EXPECT_EQ(polyvoreCategory(name), category) << name;
  EXPECT_FALSE(polyvoreCategory("Tops"));
  EXPECT_FALSE(polyvoreCategory("furniture"));
}

TEST(Polyvore, OutfitsKeepAllTheirItems) {
  fixture::CountingEncoder encoder;
  PolyvoreOptions options;
  test::TempDir cache;
  options.cacheDir = cache.path();
  auto data = loadPolyvore(sample("disjoint"), encoder, options);
  ASSERT_TRUE(data.ok()) << data.message();
  // The fullest outfits: two tops (400), two accessories (200, 300).
  EXPECT_EQ(data->outfits.slots,
            (std::vector<Category>{Category::Top, Category::Top, Category::Outer, Category::Bottom,
                                   Category::Onepiece, Category::Shoes, Category::Bag, Category::Accessory,
                                   Category::Accessory}));
  ASSERT_EQ(data->outfits.size(), 6);
  EXPECT_EQ(data->skippedOutfits, 0);
  EXPECT_EQ(data->skippedItems, 0);
  EXPECT_EQ(data->outfits.ids[1], "polyvore:200");
  EXPECT_EQ(data->outfits.items[1],
            (std::vector<std::string>{"", "", "", "", "polyvore:2001", "polyvore:2002", "polyvore:2003",
                                      "polyvore:2004", "polyvore:2005"}));
  EXPECT_TRUE(data->outfits.isOnepiece(1));
  EXPECT_EQ(data->outfits.items[3][0], "polyvore:4001");
  EXPECT_EQ(data->outfits.items[3][1], "polyvore:4002") << "both tops of outfit 400";
  EXPECT_EQ(data->outfits.items[2][2], "polyvore:3002") << "the coat";

  // Vectors are the encoder's, of the white-padded product image.
  BasicEncoder basic;
  auto image = decodeImageFile(sample("images/3002.jpg"));
  ASSERT_TRUE(image.ok());
  auto expected = basic.encode({renderWholeImage(image->image)});
  ASSERT_TRUE(expected.ok());
  for (int k = 0; k < data->outfits.dim; ++k)
    EXPECT_NEAR(data->outfits.vector(2, 2)[k], expected->at(0, k), 1e-6);

  // Compatibility lines as given, every item of each.
  ASSERT_EQ(data->compatibility.size(), 6);
  EXPECT_EQ(data->compatibilityLabels, (std::vector<int>{1, 0, 1, 0, 1, 0}));
  EXPECT_EQ(data->compatibility.items[1][3], "polyvore:3003");
  EXPECT_EQ(data->compatibility.items[1][5], "polyvore:6003");
  EXPECT_EQ(data->compatibility.items[1][6], "polyvore:2003");
  // FITB: the question's items plus each answer, the right one (from the question's set) first.
  ASSERT_EQ(data->fitbQuestions.size(), 2u);
  EXPECT_EQ(data->fitbQuestions[0], (std::pair<int, int>{0, 4}));
  EXPECT_EQ(data->fitbQuestions[1], (std::pair<int, int>{4, 4}));
  EXPECT_EQ(data->fitbCandidates.items[0][5], "polyvore:1003");
  EXPECT_EQ(data->fitbCandidates.items[0][0], "polyvore:1001");
  EXPECT_EQ(data->fitbCandidates.items[0][7], "polyvore:1005");
  EXPECT_EQ(data->fitbCandidates.items[4][5], "polyvore:2002");
  EXPECT_EQ(data->fitbCandidates.items[5][5], "polyvore:5003");

  const int encoded = encoder.encoded;
  EXPECT_EQ(encoded, 27) << "each item of the test outfits once";
  ASSERT_TRUE(loadPolyvore(sample("disjoint"), encoder, options).ok());
  EXPECT_EQ(encoder.encoded, encoded) << "the second load comes from the cache";
}

TEST(Polyvore, BothSplitsAndEveryPartLoad) {
  fixture::CountingEncoder encoder;
  for (const char* split : {"disjoint", "nondisjoint"}) {
    for (const char* part : {"train", "valid", "test"}) {
      PolyvoreOptions options;
      options.split = part;
      auto data = loadPolyvore(sample(split), encoder, options);
      ASSERT_TRUE(data.ok()) << split << "/" << part << ": " << data.message();
      EXPECT_TRUE(data->outfits.validate().ok());
    }
  }
  PolyvoreOptions train;
  train.split = "train";
  auto nondisjoint = loadPolyvore(sample("nondisjoint"), encoder, train);
  ASSERT_TRUE(nondisjoint.ok());
  ASSERT_EQ(nondisjoint->outfits.size(), 3);
  EXPECT_EQ(nondisjoint->outfits.items[2][0], "polyvore:1001") << "an item the test outfits share";
}

TEST(Polyvore, ScoresPolyvoresOwnTasks) {
  fixture::CountingEncoder encoder;
  auto data = loadPolyvore(sample("disjoint"), encoder, {});
  ASSERT_TRUE(data.ok());
  const PolyvoreTasks right =
      scorePolyvoreTasks(*data, {0.9, 0.1, 0.8, 0.2, 0.7, 0.3}, {0.8, 0.2, 0.3, 0.1, 0.9, 0.1, 0.2, 0.3});
  EXPECT_DOUBLE_EQ(right.compatibilityAuc, 1.0);
  EXPECT_EQ(right.compatibilityOutfits, 6);
  EXPECT_DOUBLE_EQ(right.fitb, 1.0);
  EXPECT_EQ(right.fitbQuestions, 2);
  const PolyvoreTasks mixed =
      scorePolyvoreTasks(*data, {0.1, 0.9, 0.8, 0.2, 0.7, 0.3}, {0.5, 0.5, 0.2, 0.1, 0.1, 0.9, 0.2, 0.3});
  EXPECT_NEAR(mixed.compatibilityAuc, 4.0 / 9.0, 1e-12);
  EXPECT_DOUBLE_EQ(mixed.fitb, 0.25) << "a two-way tie earns half of one question";
}

TEST(Polyvore, MissingFilesAreNamed) {
  fixture::CountingEncoder encoder;
  test::TempDir dir;
  auto missing = loadPolyvore(dir.path(), encoder, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("polyvore_item_metadata.json"), std::string::npos) << missing.message();
}

}  // namespace
}  // namespace w2w::datasets
