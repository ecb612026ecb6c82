#include "export_fixture.h"

#include <QDir>
#include <QFileInfo>

#include <gtest/gtest.h>

#include "io/file_io.h"
#include "io/image_encoder.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w::test {
namespace {

// A person-like mask: a filled rectangle with rounded-off corners.
GrayImage personMask(int width, int height) {
  GrayImage mask{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height, 0)};
  for (int y = height / 10; y < height - 2; ++y) {
    const int inset = y < height / 5 ? width / 3 : width / 5;
    for (int x = inset; x < width - inset; ++x) mask.pixels[static_cast<std::size_t>(y) * width + x] = 255;
  }
  return mask;
}

struct FixturePhoto {
  Id id = 0;
  RgbImage image;
};

FixturePhoto addFixturePhoto(Library& library, const std::string& path, int width, int height, int seed) {
  FixturePhoto out;
  out.image = makeTestImage(width, height, seed);
  writeImage(path, out.image);
  auto hash = sha256OfFile(path);
  EXPECT_TRUE(hash.ok());
  auto id = library.addPhoto({path, *hash, QFileInfo(QString::fromStdString(path)).size(), width, height});
  EXPECT_TRUE(id.ok()) << id.message();
  out.id = *id;
  return out;
}

PhotoAnalysis::Crop crop(const RgbImage& photo, const GrayImage* mask, Category c, Box box,
                         double confidence) {
  return {c, box, confidence, makeCropImage(renderCrop(photo, mask, box))};
}

Id itemOf(Library& library, Id photo, Category c) {
  auto items = library.items(ItemQuery().fromPhoto(photo).inCategory(c));
  EXPECT_TRUE(items.ok() && items->size() == 1);
  return items->front().id;
}

}  // namespace

ExportFixture buildExportFixture(const std::string& folder) {
  ExportFixture f;
  f.folder = folder;
  f.file = folder + "/wardrobe.w2w";
  QDir().mkpath(QString::fromStdString(folder + "/photos"));
  auto created = Library::create(f.file);
  EXPECT_TRUE(created.ok()) << created.message();
  f.library = std::move(*created);
  Library& lib = *f.library;

  const FixturePhoto a = addFixturePhoto(lib, folder + "/photos/a.png", 200, 300, 1);
  const GrayImage maskA = personMask(200, 300);
  PhotoAnalysis analysisA;
  analysisA.person = Box{30, 20, 140, 278};
  analysisA.maskPng = *encodePng(maskA);
  analysisA.crops = {crop(a.image, &maskA, Category::Top, {50, 30, 100, 90}, 0.9),
                     crop(a.image, &maskA, Category::Bottom, {55, 120, 90, 100}, 0.7),
                     crop(a.image, &maskA, Category::Shoes, {60, 240, 80, 50}, 0.8)};
  EXPECT_TRUE(lib.storeAnalysis(a.id, analysisA).ok());
  f.editedItem = itemOf(lib, a.id, Category::Bottom);
  const Box edited{52, 118, 95, 104};
  EXPECT_TRUE(lib.updateCrop(f.editedItem, edited, makeCropImage(renderCrop(a.image, &maskA, edited))).ok());
  EXPECT_TRUE(lib.setPhotoStatus(a.id, PhotoStatus::Reviewed).ok());
  f.photoA = a.id;

  const FixturePhoto b = addFixturePhoto(lib, folder + "/photos/b.png", 180, 240, 2);
  PhotoAnalysis analysisB;
  analysisB.crops = {crop(b.image, nullptr, Category::Top, {40, 20, 100, 80}, 0.6),
                     crop(b.image, nullptr, Category::Bottom, {45, 100, 90, 90}, 0.6),
                     crop(b.image, nullptr, Category::Shoes, {50, 195, 80, 40}, 0.5)};
  EXPECT_TRUE(lib.storeAnalysis(b.id, analysisB).ok());
  EXPECT_TRUE(lib.setPhotoStatus(b.id, PhotoStatus::Flagged).ok());
  f.photoB = b.id;

  const FixturePhoto c = addFixturePhoto(lib, folder + "/photos/c.png", 160, 200, 3);
  const GrayImage maskC = personMask(160, 200);
  PhotoAnalysis analysisC;
  analysisC.maskPng = *encodePng(maskC);
  analysisC.crops = {crop(c.image, &maskC, Category::Top, {40, 25, 80, 70}, 0.4),
                     crop(c.image, &maskC, Category::Bottom, {35, 100, 90, 120}, 0.3)};
  EXPECT_TRUE(lib.storeAnalysis(c.id, analysisC).ok());
  f.flaggedItem = itemOf(lib, c.id, Category::Top);
  EXPECT_TRUE(lib.setItemFlagged(f.flaggedItem, true).ok());
  f.photoC = c.id;

  const RgbImage single = makeTestImage(120, 120, 4);
  const std::string singlePath = folder + "/photos/single-shoes.png";
  writeImage(singlePath, single);
  EXPECT_TRUE(lib.addStandaloneItem(Category::Shoes,
                                    {singlePath, *sha256OfFile(singlePath),
                                     QFileInfo(QString::fromStdString(singlePath)).size(), 120, 120},
                                    makeCropImage(renderWholeImage(single)))
                  .ok());

  EXPECT_TRUE(lib.syncPhotoOutfits().ok());
  Outfit saved;
  saved.name = "Client look";
  saved.origin = OutfitOrigin::User;
  saved.setMember(Category::Top, itemOf(lib, a.id, Category::Top));
  saved.setMember(Category::Bottom, itemOf(lib, c.id, Category::Bottom));
  saved.setMember(Category::Shoes, itemOf(lib, b.id, Category::Shoes));
  auto outfit = lib.addOutfit(saved);
  EXPECT_TRUE(outfit.ok()) << outfit.message();
  f.savedOutfit = *outfit;
  return f;
}

}  // namespace w2w::test
