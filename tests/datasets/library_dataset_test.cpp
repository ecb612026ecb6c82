#include <gtest/gtest.h>

#include "common/seed_slots.h"
#include "counting_encoder.h"
#include "datasets/library_dataset.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w::datasets {
namespace {

// A library with `photos` analysed photos (three crops each, hence photo
// outfits) and one outfit a person composed from items of photos 1 and 2.
std::unique_ptr<Library> makeLibrary(const std::string& path, int photos) {
  auto library = Library::create(path);
  EXPECT_TRUE(library.ok()) << library.message();
  for (int p = 1; p <= photos; ++p) {
    NewPhoto photo{"/photos/" + std::to_string(p) + ".jpg", "hash" + std::to_string(p), 1000, 100, 200};
    auto id = (*library)->addPhoto(photo);
    EXPECT_TRUE(id.ok());
    PhotoAnalysis analysis;
    for (Category c : kSeedSlots) {
      const RgbImage crop = test::makeTestImage(32, 32, p * 3 + seedSlot(c));
      analysis.crops.push_back({c, Box{0, 0, 10, 10}, 0.9, makeCropImage(crop)});
    }
    EXPECT_TRUE((*library)->storeAnalysis(*id, analysis).ok());
  }
  EXPECT_TRUE((*library)->syncPhotoOutfits().ok());
  auto tops = (*library)->items(ItemQuery().inCategory(Category::Top));
  auto bottoms = (*library)->items(ItemQuery().inCategory(Category::Bottom));
  auto shoes = (*library)->items(ItemQuery().inCategory(Category::Shoes));
  Outfit composed;
  composed.name = "mix";
  composed.setMember(Category::Top, (*tops)[0].id);
  composed.setMember(Category::Bottom, (*bottoms)[1].id);
  composed.setMember(Category::Shoes, (*shoes)[0].id);
  composed.origin = OutfitOrigin::User;
  EXPECT_TRUE((*library)->addOutfit(composed).ok());
  return std::move(*library);
}

TEST(LibraryDataset, EncodesMissingEmbeddingsOnceAndUsesTheCache) {
  test::TempDir dir;
  auto library = makeLibrary(dir.path("w.w2w"), 5);
  fixture::CountingEncoder encoder;
  auto outfits = loadLibraryOutfits(*library, encoder, {});
  ASSERT_TRUE(outfits.ok()) << outfits.message();
  EXPECT_EQ(outfits->size(), 6) << "five photo outfits and one composed";
  EXPECT_EQ(encoder.encoded, 15) << "every crop once, shared items too";
  EXPECT_EQ(*library->embeddingCount(encoder.info().id), 15);
  // The composed outfit shares its top with photo 1's outfit: same item key.
  const int composed = outfits->size() - 1;
  EXPECT_EQ(outfits->items[static_cast<std::size_t>(composed)][0], outfits->items[0][0]);
  EXPECT_EQ(std::vector<float>(outfits->vector(composed, 0), outfits->vector(composed, 0) + outfits->dim),
            std::vector<float>(outfits->vector(0, 0), outfits->vector(0, 0) + outfits->dim));

  auto again = loadLibraryOutfits(*library, encoder, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(encoder.encoded, 15) << "embeddings now come from the library";
  EXPECT_EQ(again->vectors, outfits->vectors);

  LibraryDatasetOptions photosOnly;
  photosOnly.userOutfits = false;
  photosOnly.split = Split::Test;  // outfit ids ending in 0, 1, 2: outfits 1 and 2
  auto test = loadLibraryOutfits(*library, encoder, photosOnly);
  ASSERT_TRUE(test.ok());
  EXPECT_EQ(test->size(), 2);
}

TEST(LibraryDataset, WithoutEncodingMissingItemsAreReported) {
  test::TempDir dir;
  auto library = makeLibrary(dir.path("w.w2w"), 2);
  fixture::CountingEncoder encoder;
  LibraryDatasetOptions options;
  options.encodeMissing = false;
  auto outfits = loadLibraryOutfits(*library, encoder, options);
  ASSERT_FALSE(outfits.ok());
  EXPECT_NE(outfits.message().find("6 outfit items have no basic-v1 embedding"), std::string::npos)
      << outfits.message();
}

TEST(LibraryDataset, OutfitsOfEveryKindKeepAllTheirItems) {
  test::TempDir dir;
  auto library = makeLibrary(dir.path("w.w2w"), 2);
  // A dress with a bag and two accessories, worn with photo 1's shoes.
  std::vector<Id> added;
  int seed = 100;
  for (Category c : {Category::Onepiece, Category::Bag, Category::Accessory, Category::Accessory}) {
    const CropImage crop = makeCropImage(test::makeTestImage(32, 32, ++seed));
    auto id = library->addStandaloneItem(c, {dir.path(crop.hash + ".png"), crop.hash, 1, 32, 32}, crop);
    ASSERT_TRUE(id.ok()) << id.message();
    added.push_back(*id);
  }
  const Id shoes = (*library->items(ItemQuery().inCategory(Category::Shoes)))[0].id;
  Outfit dress;
  dress.setMember(Category::Onepiece, added[0]);
  dress.setMember(Category::Bag, added[1]);
  dress.setMember(Category::Accessory, added[2]);
  dress.setMember(Category::Accessory, added[3]);
  dress.setMember(Category::Shoes, shoes);
  auto dressId = library->addOutfit(dress);
  ASSERT_TRUE(dressId.ok()) << dressId.message();

  fixture::CountingEncoder encoder;
  auto outfits = loadLibraryOutfits(*library, encoder, {});
  ASSERT_TRUE(outfits.ok()) << outfits.message();
  EXPECT_EQ(outfits->slots,
            (std::vector<Category>{Category::Top, Category::Bottom, Category::Onepiece, Category::Shoes,
                                   Category::Bag, Category::Accessory, Category::Accessory}));
  ASSERT_EQ(outfits->size(), 4) << "two photo outfits, the composed one and the dress";
  const int d = outfits->size() - 1;
  EXPECT_TRUE(outfits->isOnepiece(d));
  EXPECT_FALSE(outfits->isOnepiece(0));
  EXPECT_EQ(outfits->ids[static_cast<std::size_t>(d)], "library:outfit:" + std::to_string(*dressId));
  for (int s : {2, 3, 4, 5, 6}) EXPECT_TRUE(outfits->has(d, s)) << s;
  EXPECT_FALSE(outfits->has(d, 0));
  EXPECT_FALSE(outfits->has(0, 2)) << "separates fill no one-piece slot";
  EXPECT_EQ(outfits->items[static_cast<std::size_t>(d)][3], "library:item:" + std::to_string(shoes));
  EXPECT_TRUE(outfits->validate().ok());
}

}  // namespace
}  // namespace w2w::datasets
