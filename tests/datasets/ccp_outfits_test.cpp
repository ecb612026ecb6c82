// The CCP reader and the compatibility outfits made from CCP photos, on the
// fixture dataset the tests write (tests/common/ccp_fixture.h): 12 outfit
// photos (dresses 5 and 11, jackets on 3 and 8, bags on 1, 4, 7, 10,
// bodysuits as tops on 4, 8, 12), a tag-only outfit (13) and a photo without
// shoes (14).
#include <gtest/gtest.h>

#include <cstdlib>

#include "ccp_fixture.h"
#include "counting_encoder.h"
#include "datasets/ccp_outfits.h"
#include "test_support.h"

namespace w2w::datasets {
namespace {

using fixture::Rgb;

// Whether the crop's pixel at (x, y) is within `tolerance` of the colour (JPEG).
bool near(const RgbImage& image, int x, int y, Rgb c, int tolerance = 24) {
  const std::uint8_t* p = image.row(y) + 3 * x;
  return std::abs(p[0] - c.r) <= tolerance && std::abs(p[1] - c.g) <= tolerance &&
         std::abs(p[2] - c.b) <= tolerance;
}

std::size_t slotOf(Category c) {
  const auto layout = ccpLayout();
  return static_cast<std::size_t>(std::find(layout.begin(), layout.end(), c) - layout.begin());
}

class CcpOutfitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fixture::writeCcpFixture(dir_.path());
    auto dataset = loadCcpDataset(dir_.path());
    ASSERT_TRUE(dataset.ok()) << dataset.message();
    dataset_ = std::move(*dataset);
  }
  std::string dir() const { return dir_.path(); }
  const CcpRecord& photo(int n) const { return dataset_.records[static_cast<std::size_t>(n - 1)]; }
  test::TempDir dir_;
  CcpDataset dataset_;
};

TEST_F(CcpOutfitsTest, OneReaderForRecordsClassesAndRules) {
  ASSERT_EQ(dataset_.records.size(), 14u);
  EXPECT_EQ(photo(1).id, "0001");
  EXPECT_TRUE(photo(1).hasMask());
  EXPECT_FALSE(photo(13).hasMask()) << "tag-only";
  EXPECT_EQ(photo(13).tags, (std::vector<std::string>{"pants", "shoes", "t-shirt"}));
  ASSERT_TRUE(photo(1).bottom);
  EXPECT_EQ(*photo(1).bottom, (Box{36, 110, 48, 85}));
  EXPECT_TRUE(photo(5).onepieceOutfit);
  ASSERT_EQ(dataset_.rules.size(), 1u);

  // The one table of CCP classes: bags apart from other accessories, skin no garment.
  EXPECT_EQ(ccpCategory("bag", "accessory"), Category::Bag);
  EXPECT_EQ(ccpCategory("purse", "accessory"), Category::Bag);
  EXPECT_EQ(ccpCategory("necklace", "accessory"), Category::Accessory);
  EXPECT_EQ(ccpCategory("blazer", "outer"), Category::Outer);
  EXPECT_EQ(ccpCategory("romper", "onepiece"), Category::Onepiece);
  EXPECT_FALSE(ccpCategory("skin", "skin_hair"));
  EXPECT_FALSE(ccpCategory("tights", "other"));

  // Per photo, with the context rule: a bodysuit worn with trousers is a top.
  const auto withPants = ccpPhotoCategories(dataset_, photo(13), nullptr);  // judged by the tags
  EXPECT_EQ(withPants[fixture::kBodysuit], Category::Top);
  CcpRecord alone;
  alone.tags = {"bodysuit", "shoes"};
  EXPECT_EQ(ccpPhotoCategories(dataset_, alone, nullptr)[fixture::kBodysuit], Category::Onepiece);
  EXPECT_EQ(withPants[fixture::kBag], Category::Bag);
  EXPECT_EQ(withPants[fixture::kJacket], Category::Outer);
  EXPECT_FALSE(withPants[fixture::kSkin]);

  CcpOptions options;
  EXPECT_EQ(selectCcpPhotos(dataset_, options).size(), 13u) << "every pixel-annotated photo";
  options.boxes = BoxSource::Auto;
  EXPECT_EQ(selectCcpPhotos(dataset_, options).size(), 13u) << "every photo flagged as an outfit";
  options.boxes = BoxSource::GroundTruth;
  options.split = Split::Test;
  const auto test = selectCcpPhotos(dataset_, options);
  for (const CcpRecord* p : test) EXPECT_TRUE(p->id.back() <= '2') << p->id;
  EXPECT_EQ(test.size(), 5u);  // 0001, 0002, 0010, 0011, 0012
  EXPECT_TRUE(ccpInSplit("0120", Split::Test));
  EXPECT_TRUE(ccpInSplit("0122", Split::Test));
  EXPECT_TRUE(ccpInSplit("0123", Split::Train));
  EXPECT_FALSE(ccpInSplit("0123", Split::Test));
}

TEST_F(CcpOutfitsTest, EveryGarmentOfAPhotoIsCropped) {
  CcpOptions options;
  options.cropSize = 70;
  const auto outfit = [&](int n) {
    auto crops = renderCcpOutfit(dataset_, photo(n), options);
    EXPECT_TRUE(crops.ok()) << crops.message();
    return crops.ok() && *crops ? **crops : std::vector<RgbImage>{};
  };
  const auto filled = [&](const std::vector<RgbImage>& crops) {
    std::vector<Category> out;
    for (Category c : ccpLayout())
      if (!crops.empty() && !crops[slotOf(c)].empty()) out.push_back(c);
    return out;
  };
  EXPECT_EQ(filled(outfit(1)),
            (std::vector<Category>{Category::Top, Category::Bottom, Category::Shoes, Category::Bag}));
  EXPECT_EQ(filled(outfit(3)),
            (std::vector<Category>{Category::Top, Category::Outer, Category::Bottom, Category::Shoes}));
  EXPECT_EQ(filled(outfit(5)), (std::vector<Category>{Category::Onepiece, Category::Shoes}))
      << "a dress needs no top or bottom";
  EXPECT_EQ(filled(outfit(4)),
            (std::vector<Category>{Category::Top, Category::Bottom, Category::Shoes, Category::Bag}))
      << "context rule: the bodysuit worn with trousers is the top";
  auto noShoes = renderCcpOutfit(dataset_, photo(14), options);
  ASSERT_TRUE(noShoes.ok()) << noShoes.message();
  EXPECT_FALSE(*noShoes) << "no shoes, no valid outfit";
}

TEST_F(CcpOutfitsTest, BackgroundSettingsDecideWhatTheCropShows) {
  // Photo 1: top box 60x70 at (30,40); a hand at (35..45, 60..80).
  CcpOptions options;
  options.cropSize = 70;  // the top box's longer side: one crop pixel per photo pixel
  const Rgb white{255, 255, 255};
  const auto top = [&](Background b) {
    options.background = b;
    auto c = renderCcpOutfit(dataset_, photo(1), options);
    EXPECT_TRUE(c.ok() && *c) << (c.ok() ? "" : c.message());
    return c.ok() && *c ? (**c)[slotOf(Category::Top)] : RgbImage{};
  };
  // The square crop pads the 60-wide box by 5 on each side; the hand is at
  // crop (10..20, 20..40) and a garment pixel at (40, 40).
  const RgbImage keep = top(Background::Keep);
  EXPECT_TRUE(near(keep, 15, 30, fixture::skinColour()));
  const RgbImage person = top(Background::Person);
  EXPECT_TRUE(near(person, 15, 30, fixture::skinColour())) << "skin is part of the person";
  const RgbImage garment = top(Background::Garment);
  EXPECT_TRUE(near(garment, 15, 30, white, 2)) << "skin is not part of the garment";
  EXPECT_FALSE(near(garment, 40, 40, white, 40)) << "the garment itself stays";
  EXPECT_TRUE(near(garment, 2, 30, white, 0)) << "padding is white";
}

TEST_F(CcpOutfitsTest, OuterLayerAndBagBoxesFollowTheDatasetsRule) {
  // Photo 3's jacket is two strips at x 24..33 and 86..95 (rows 40..109):
  // one garment, boxed across the gap.
  CcpOptions options;
  options.cropSize = 72;
  options.background = Background::Garment;
  auto crops = renderCcpOutfit(dataset_, photo(3), options);
  ASSERT_TRUE(crops.ok() && *crops);
  const RgbImage& outer = (**crops)[slotOf(Category::Outer)];
  ASSERT_EQ(outer.width, 72);
  // The 72x70 box fills the crop's width: strips at both edges, white between them.
  EXPECT_FALSE(near(outer, 4, 36, Rgb{255, 255, 255}, 30));
  EXPECT_FALSE(near(outer, 67, 36, Rgb{255, 255, 255}, 30));
  EXPECT_TRUE(near(outer, 36, 36, Rgb{255, 255, 255}, 2)) << "the top between the strips is not the jacket";
}

TEST_F(CcpOutfitsTest, AutoBoxesNeedThePipelineAndTakeWhatItFinds) {
  CcpOptions options;
  options.boxes = BoxSource::Auto;
  options.background = Background::Keep;
  auto refused = renderCcpOutfit(dataset_, photo(1), options);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("crop pipeline"), std::string::npos) << refused.message();
  int calls = 0;
  options.autoCrop = [&](const RgbImage& image) -> Result<AutoCrops> {
    ++calls;
    AutoCrops c;
    c.boxes[categoryIndex(Category::Onepiece)] = Box{0, 0, image.width, 150};
    c.boxes[categoryIndex(Category::Shoes)] = Box{0, 200, image.width, 40};
    return c;
  };
  auto crops = renderCcpOutfit(dataset_, photo(13), options);  // the tag-only photo
  ASSERT_TRUE(crops.ok()) << crops.message();
  ASSERT_TRUE(*crops);
  EXPECT_FALSE((**crops)[slotOf(Category::Onepiece)].empty());
  EXPECT_TRUE((**crops)[slotOf(Category::Top)].empty());
  EXPECT_EQ(calls, 1);
  options.background = Background::Garment;
  EXPECT_FALSE(renderCcpOutfit(dataset_, photo(1), options).ok()) << "no garment masks from the pipeline";
}

TEST_F(CcpOutfitsTest, LoadsEveryValidOutfitOnceThenReadsTheCache) {
  fixture::CountingEncoder encoder;
  CcpOptions options;
  options.cacheDir = dir_.path("cache");
  CcpLoadReport report;
  auto first = loadCcpOutfits(dir(), encoder, options, {}, nullptr, &report);
  ASSERT_TRUE(first.ok()) << first.message();
  EXPECT_EQ(first->size(), 12);
  EXPECT_EQ(report.separates, 10);
  EXPECT_EQ(report.onepieces, 2);
  EXPECT_EQ(report.leftOut, 1) << "the photo without shoes";
  EXPECT_EQ(first->slots, ccpLayout());
  // 10 separates x 3, 2 dresses x 2, 2 jackets, 4 bags (the 13th is tag-only).
  EXPECT_EQ(encoder.encoded, 30 + 4 + 2 + 4);
  EXPECT_EQ(first->ids[0], "ccp:0001");
  EXPECT_EQ(first->items[0][slotOf(Category::Shoes)], "ccp:0001:shoes");
  EXPECT_EQ(first->items[0][slotOf(Category::Bag)], "ccp:0001:bag");
  EXPECT_TRUE(first->isOnepiece(4));
  EXPECT_FALSE(first->has(4, static_cast<int>(slotOf(Category::Bottom))));
  EXPECT_EQ(first->encoderId, "basic-v1");
  ASSERT_TRUE(first->validate().ok());

  options.split = Split::Train;
  auto train = loadCcpOutfits(dir(), encoder, options);
  ASSERT_TRUE(train.ok());
  EXPECT_EQ(encoder.encoded, 40) << "the second load comes from the cache";
  EXPECT_EQ(train->size(), 7);
  EXPECT_EQ(train->ids[0], "ccp:0003");
  EXPECT_EQ(std::vector<float>(train->vector(0, 2), train->vector(0, 2) + train->dim),
            std::vector<float>(first->vector(2, 2), first->vector(2, 2) + first->dim));

  options.background = Background::Keep;  // another setting, another cache entry
  ASSERT_TRUE(loadCcpOutfits(dir(), encoder, options).ok());
  EXPECT_EQ(encoder.encoded, 80);
}

TEST(CcpOutfits, MissingFolderAndBadJsonGiveClearErrors) {
  fixture::CountingEncoder encoder;
  auto missing = loadCcpOutfits("/no/such/ccp", encoder, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("/no/such/ccp"), std::string::npos) << missing.message();
  test::TempDir dir;
  fixture::writeCcpFixture(dir.path());
  test::writeBytes(dir.path("annotations.json"), "[{\"id\": ");
  auto bad = loadCcpDataset(dir.path());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.message().find("not valid JSON"), std::string::npos) << bad.message();
}

}  // namespace
}  // namespace w2w::datasets
