#include <gtest/gtest.h>

#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

RgbImage solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  RgbImage image;
  image.width = w;
  image.height = h;
  image.pixels.resize(image.byteCount());
  for (std::size_t i = 0; i < image.pixels.size(); i += 3) {
    image.pixels[i] = r;
    image.pixels[i + 1] = g;
    image.pixels[i + 2] = b;
  }
  return image;
}

const std::uint8_t* pixel(const RgbImage& image, int x, int y) { return image.row(y) + x * 3; }

TEST(CropRenderer, TallBoxIsPaddedWithWhiteToASquare) {
  const RgbImage photo = solid(100, 200, 200, 10, 10);
  const RgbImage crop = renderCrop(photo, nullptr, Box{25, 0, 50, 200}, 64);
  ASSERT_EQ(crop.width, 64);
  ASSERT_EQ(crop.height, 64);
  EXPECT_EQ(pixel(crop, 2, 32)[1], 255) << "left padding is white";
  EXPECT_EQ(pixel(crop, 61, 32)[1], 255) << "right padding is white";
  EXPECT_EQ(pixel(crop, 32, 32)[0], 200) << "the item is in the middle";
  EXPECT_EQ(pixel(crop, 32, 32)[1], 10);
}

TEST(CropRenderer, MaskTurnsTheBackgroundWhite) {
  const RgbImage photo = solid(10, 10, 0, 0, 0);
  GrayImage mask;
  mask.width = mask.height = 10;
  mask.pixels.assign(100, 0);
  for (int y = 0; y < 10; ++y)
    for (int x = 0; x < 5; ++x) mask.pixels[y * 10 + x] = 255;  // left half is the person
  const RgbImage crop = renderCrop(photo, &mask, Box{0, 0, 10, 10}, 10);
  EXPECT_EQ(pixel(crop, 1, 5)[0], 0);
  EXPECT_EQ(pixel(crop, 8, 5)[0], 255);
}

TEST(CropRenderer, BoxOutsideThePhotoIsClipped) {
  const RgbImage photo = solid(50, 50, 5, 6, 7);
  const RgbImage crop = renderCrop(photo, nullptr, Box{40, 40, 100, 100}, 20);
  EXPECT_EQ(crop.width, 20);
  EXPECT_EQ(pixel(crop, 10, 10)[2], 7);
  const RgbImage none = renderCrop(photo, nullptr, Box{100, 100, 10, 10}, 20);
  EXPECT_EQ(pixel(none, 10, 10)[0], 255) << "nothing of the photo: a white crop";
}

TEST(CropRenderer, HashFollowsThePixels) {
  const RgbImage a = solid(8, 8, 1, 2, 3);
  RgbImage b = a;
  EXPECT_EQ(cropPixelHash(a), cropPixelHash(b));
  b.pixels[5] ^= 1;
  EXPECT_NE(cropPixelHash(a), cropPixelHash(b));
  const CropImage stored = makeCropImage(a);
  auto decoded = decodeImageBytes(stored.png, "crop.png");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->image.pixels, a.pixels) << "PNG is lossless";
  EXPECT_EQ(cropPixelHash(decoded->image), stored.hash);
}

}  // namespace
}  // namespace w2w
