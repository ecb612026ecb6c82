#include <gtest/gtest.h>

#include "common/seed_slots.h"
#include "compat/library_dataset.h"
#include "counting_encoder.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w::compat {
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

}  // namespace
}  // namespace w2w::compat
