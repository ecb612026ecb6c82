#include <gtest/gtest.h>

#include <cstdlib>

#include "ccp_fixture.h"
#include "compat/ccp_dataset.h"
#include "counting_encoder.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

using fixture::Rgb;

// Whether the crop's pixel at (x, y) is within `tolerance` of the colour (JPEG).
bool near(const RgbImage& image, int x, int y, Rgb c, int tolerance = 24) {
  const std::uint8_t* p = image.row(y) + 3 * x;
  return std::abs(p[0] - c.r) <= tolerance && std::abs(p[1] - c.g) <= tolerance &&
         std::abs(p[2] - c.b) <= tolerance;
}

class CcpDatasetTest : public ::testing::Test {
 protected:
  void SetUp() override { fixture::writeCcpFixture(dir_.path()); }
  std::string dir() const { return dir_.path(); }
  test::TempDir dir_;
};

TEST_F(CcpDatasetTest, ReadsRecordsAndSelectsCompleteOutfits) {
  auto photos = readCcpAnnotations(dir());
  ASSERT_TRUE(photos.ok()) << photos.message();
  ASSERT_EQ(photos->size(), 14u);
  EXPECT_EQ((*photos)[0].id, "0001");
  EXPECT_TRUE((*photos)[0].pixel);
  ASSERT_TRUE((*photos)[0].boxes[1].has_value());
  EXPECT_EQ(*(*photos)[0].boxes[1], (Box{36, 110, 48, 85}));

  CcpOptions options;
  const auto gt = selectCcpOutfits(*photos, options);
  EXPECT_EQ(gt.size(), 12u) << "the tag-only and the shoeless photos are left out";
  options.boxes = BoxSource::Auto;
  EXPECT_EQ(selectCcpOutfits(*photos, options).size(), 13u) << "auto boxes also use the tag-only outfit";
  options.boxes = BoxSource::GroundTruth;
  options.split = Split::Test;
  const auto test = selectCcpOutfits(*photos, options);
  for (const CcpPhoto& p : test) EXPECT_TRUE(p.id.back() <= '2') << p.id;
  EXPECT_EQ(test.size(), 5u);  // 0001, 0002, 0010, 0011, 0012
  EXPECT_TRUE(ccpInSplit("0120", Split::Test));
  EXPECT_TRUE(ccpInSplit("0122", Split::Test));
  EXPECT_TRUE(ccpInSplit("0123", Split::Train));
  EXPECT_FALSE(ccpInSplit("0123", Split::Test));
}

TEST_F(CcpDatasetTest, BackgroundSettingsDecideWhatTheCropShows) {
  auto photos = readCcpAnnotations(dir());
  auto classes = readCcpClasses(dir());
  ASSERT_TRUE(photos.ok() && classes.ok());
  const CcpPhoto& photo = (*photos)[0];  // top box 60x70 at (30,40); a hand at (35..45, 60..80)
  CcpOptions options;
  options.cropSize = 70;  // the top box's longer side: one crop pixel per photo pixel
  const Rgb white{255, 255, 255};
  const auto crops = [&](Background b) {
    options.background = b;
    auto c = renderCcpCrops(dir(), photo, *classes, options);
    EXPECT_TRUE(c.ok()) << c.message();
    return c.ok() ? (*c)[0] : RgbImage{};
  };
  // The square crop pads the 60-wide box by 5 on each side; the hand is at
  // crop (10..20, 20..40) and a garment pixel at (40, 40).
  const RgbImage keep = crops(Background::Keep);
  EXPECT_TRUE(near(keep, 15, 30, fixture::skinColour()));
  const RgbImage person = crops(Background::Person);
  EXPECT_TRUE(near(person, 15, 30, fixture::skinColour())) << "skin is part of the person";
  const RgbImage garment = crops(Background::Garment);
  EXPECT_TRUE(near(garment, 15, 30, white, 2)) << "skin is not part of the garment";
  EXPECT_FALSE(near(garment, 40, 40, white, 40)) << "the garment itself stays";
  EXPECT_TRUE(near(garment, 2, 30, white, 0)) << "padding is white";
  // Outfit 4 wears a bodysuit: with a bottom present it counts as its top.
  auto bodysuit = renderCcpCrops(dir(), (*photos)[3], *classes, options);
  ASSERT_TRUE(bodysuit.ok());
  EXPECT_FALSE(near((*bodysuit)[0], 40, 40, white, 40)) << "context rule: bodysuit with a bottom is a top";
}

TEST_F(CcpDatasetTest, AutoBoxesNeedThePipeline) {
  auto photos = readCcpAnnotations(dir());
  auto classes = readCcpClasses(dir());
  CcpOptions options;
  options.boxes = BoxSource::Auto;
  options.background = Background::Keep;
  auto refused = renderCcpCrops(dir(), (*photos)[0], *classes, options);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("crop pipeline"), std::string::npos) << refused.message();
  int calls = 0;
  options.autoCrop = [&](const RgbImage& image) -> Result<AutoCrops> {
    ++calls;
    AutoCrops c;
    c.boxes = {Box{0, 0, image.width, 50}, Box{0, 100, image.width, 50}, Box{0, 200, image.width, 40}};
    return c;
  };
  auto crops = renderCcpCrops(dir(), (*photos)[12], *classes, options);  // the tag-only photo
  ASSERT_TRUE(crops.ok()) << crops.message();
  EXPECT_EQ(calls, 1);
  options.background = Background::Garment;
  EXPECT_FALSE(renderCcpCrops(dir(), (*photos)[0], *classes, options).ok())
      << "no garment masks from the pipeline";
}

TEST_F(CcpDatasetTest, EncodesOnceThenReadsTheCache) {
  fixture::CountingEncoder encoder;
  CcpOptions options;
  options.cacheDir = dir_.path("cache");
  auto first = loadCcpOutfits(dir(), encoder, options);
  ASSERT_TRUE(first.ok()) << first.message();
  EXPECT_EQ(first->size(), 12);
  EXPECT_EQ(encoder.encoded, 36);
  EXPECT_EQ(first->ids[0], "ccp:0001");
  EXPECT_EQ(first->items[0][2], "ccp:0001:shoes");
  EXPECT_EQ(first->encoderId, "basic-v1");
  ASSERT_TRUE(first->validate().ok());

  options.split = Split::Train;
  auto train = loadCcpOutfits(dir(), encoder, options);
  ASSERT_TRUE(train.ok());
  EXPECT_EQ(encoder.encoded, 36) << "the second load comes from the cache";
  EXPECT_EQ(train->size(), 7);
  EXPECT_EQ(train->ids[0], "ccp:0003");
  EXPECT_EQ(std::vector<float>(train->vector(0, 1), train->vector(0, 1) + train->dim),
            std::vector<float>(first->vector(2, 1), first->vector(2, 1) + first->dim));

  options.background = Background::Keep;  // another setting, another cache entry
  ASSERT_TRUE(loadCcpOutfits(dir(), encoder, options).ok());
  EXPECT_EQ(encoder.encoded, 72);
}

TEST(CcpDataset, MissingFolderAndBadJsonGiveClearErrors) {
  fixture::CountingEncoder encoder;
  auto missing = loadCcpOutfits("/no/such/ccp", encoder, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("annotations.json"), std::string::npos) << missing.message();
  test::TempDir dir;
  test::writeBytes(dir.path("annotations.json"), "[{\"id\": ");
  auto bad = readCcpAnnotations(dir.path());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("not valid JSON"), std::string::npos) << bad.message();
}

}  // namespace
}  // namespace w2w::compat
