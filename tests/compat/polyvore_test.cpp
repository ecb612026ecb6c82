#include <gtest/gtest.h>

#include <QDir>

#include "compat/polyvore_dataset.h"
#include "counting_encoder.h"
#include "io/image_decoder.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w::compat {
namespace {

// A Polyvore-format fixture: four outfits, of which outfit 400 has no shoes;
// items are "<set>1".."<set>4" with categories by position.
class PolyvoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string root = dir_.path();
    QDir().mkpath(QString::fromStdString(root + "/disjoint"));
    QDir().mkpath(QString::fromStdString(root + "/images"));
    std::string meta = "{";
    std::string outfits = "[";
    int seed = 1;
    for (const std::string set : {"100", "200", "300", "400"}) {
      // Items: 1 tops, 2 bottoms, 3 shoes (missing in 400), 4 bags; 100 has a second top at index 5.
      outfits += std::string(set == "100" ? "" : ",") + "{\"set_id\": \"" + set + "\", \"items\": [";
      const std::vector<std::pair<int, std::string>> items =
          set == "400"   ? std::vector<std::pair<int, std::string>>{{1, "tops"}, {2, "bottoms"}, {4, "bags"}}
          : set == "100" ? std::vector<std::pair<int, std::string>>{{5, "tops"},
                                                                    {1, "tops"},
                                                                    {2, "bottoms"},
                                                                    {3, "shoes"},
                                                                    {4, "bags"}}
                         : std::vector<std::pair<int, std::string>>{
                               {1, "tops"}, {2, "bottoms"}, {3, "shoes"}, {4, "bags"}};
      bool first = true;
      for (const auto& [index, category] : items) {
        const std::string id = set + std::to_string(index);
        outfits += std::string(first ? "" : ",") + "{\"item_id\": \"" + id +
                   "\", \"index\": " + std::to_string(index) + "}";
        first = false;
        meta += std::string(meta.size() > 1 ? "," : "") + "\"" + id + "\": {\"semantic_category\": \"" +
                category + "\"}";
        test::writeImage(root + "/images/" + id + ".jpg", test::makeTestImage(40 + index, 48, seed++));
      }
      outfits += "]}";
    }
    test::writeBytes(root + "/polyvore_item_metadata.json", meta + "}");
    test::writeBytes(root + "/disjoint/test.json", outfits + "]");
    test::writeBytes(root + "/disjoint/compatibility_test.txt",
                     "1 100_1 100_2 100_3 100_4\n0 200_1 300_2 100_3\n0 200_1 300_2 400_4\n");
    test::writeBytes(
        root + "/disjoint/fill_in_blank_test.json",
        R"([{"question": ["100_1", "100_2", "100_4"], "answers": ["200_3", "100_3", "300_3"], "blank_position": 3},
                         {"question": ["200_1", "200_2", "200_3"], "answers": ["200_4", "100_4", "300_4"], "blank_position": 4}])");
  }
  test::TempDir dir_;
};

TEST_F(PolyvoreTest, MapsTheThreeCategoriesAndSkipsIncompleteOutfits) {
  fixture::CountingEncoder encoder;
  PolyvoreOptions options;
  options.cacheDir = dir_.path("cache");
  auto data = loadPolyvore(dir_.path("disjoint"), encoder, options);
  ASSERT_TRUE(data.ok()) << data.message();
  ASSERT_EQ(data->outfits.size(), 3);
  EXPECT_EQ(data->skippedOutfits, 1) << "outfit 400 has no shoes";
  EXPECT_EQ(data->outfits.ids[0], "polyvore:100");
  // The first top by index (1, not 5); bags ignored.
  EXPECT_EQ(data->outfits.items[0],
            (std::vector<std::string>{"polyvore:1001", "polyvore:1002", "polyvore:1003"}));

  // Vectors are the encoder's, of the white-padded product image.
  BasicEncoder basic;
  auto image = decodeImageFile(dir_.path("images/1003.jpg"));
  ASSERT_TRUE(image.ok());
  auto decoded = basic.encode({renderWholeImage(image->image)});
  ASSERT_TRUE(decoded.ok());
  for (int k = 0; k < data->outfits.dim; ++k)
    EXPECT_NEAR(data->outfits.vector(0, 2)[k], decoded->at(0, k), 1e-6);

  // Compatibility lines: the third lacks shoes and is skipped.
  ASSERT_EQ(data->compatibility.size(), 2);
  EXPECT_EQ(data->compatibilityLabels, (std::vector<int>{1, 0}));
  EXPECT_EQ(data->compatibility.items[1][1], "polyvore:3002");
  // FITB: the shoes question counts (right answer 1003 first); the bag question does not.
  ASSERT_EQ(data->fitbQuestions.size(), 1u);
  EXPECT_EQ(data->fitbQuestions[0], (std::pair<int, int>{0, 3}));
  EXPECT_EQ(data->fitbCandidates.items[0][2], "polyvore:1003");
  EXPECT_EQ(data->fitbCandidates.items[1][2], "polyvore:2003");
  EXPECT_EQ(data->fitbCandidates.items[1][0], "polyvore:1001");

  const int encoded = encoder.encoded;
  EXPECT_EQ(encoded, 9) << "each needed item once";
  ASSERT_TRUE(loadPolyvore(dir_.path("disjoint"), encoder, options).ok());
  EXPECT_EQ(encoder.encoded, encoded) << "the second load comes from the cache";
}

TEST_F(PolyvoreTest, ScoresPolyvoresOwnTasks) {
  fixture::CountingEncoder encoder;
  auto data = loadPolyvore(dir_.path("disjoint"), encoder, {});
  ASSERT_TRUE(data.ok());
  const PolyvoreTasks right = scorePolyvoreTasks(*data, {0.9, 0.1}, {0.8, 0.2, 0.3});
  EXPECT_DOUBLE_EQ(right.compatibilityAuc, 1.0);
  EXPECT_DOUBLE_EQ(right.fitb, 1.0);
  EXPECT_EQ(right.fitbQuestions, 1);
  const PolyvoreTasks tie = scorePolyvoreTasks(*data, {0.1, 0.9}, {0.5, 0.5, 0.2});
  EXPECT_DOUBLE_EQ(tie.compatibilityAuc, 0.0);
  EXPECT_DOUBLE_EQ(tie.fitb, 0.5);
}

TEST(Polyvore, MissingFilesAreNamed) {
  fixture::CountingEncoder encoder;
  test::TempDir dir;
  auto missing = loadPolyvore(dir.path(), encoder, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("polyvore_item_metadata.json"), std::string::npos) << missing.message();
}

}  // namespace
}  // namespace w2w::compat
