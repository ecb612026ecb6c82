// Decoding: every kind of bad or unusual photo gets a clear result.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "io/image_decoder.h"
#include "test_support.h"

namespace w2w {
namespace {

using test::TempDir;

std::string encode(const cv::Mat& mat, const std::string& ext, const std::vector<int>& params = {}) {
  std::vector<uchar> bytes;
  EXPECT_TRUE(cv::imencode(ext, mat, bytes, params));
  return std::string(bytes.begin(), bytes.end());
}

// A JPEG with an EXIF APP1 segment whose IFD0 holds only the orientation tag.
std::string withExifOrientation(const std::string& jpeg, int orientation) {
  const std::string tiff = std::string("II*\0\x08\0\0\0", 8) + std::string("\x01\0", 2) +  // one entry
                           std::string("\x12\x01\x03\0\x01\0\0\0", 8) +                    // 0x0112 SHORT x1
                           std::string(1, static_cast<char>(orientation)) + std::string("\0\0\0", 3) +
                           std::string("\0\0\0\0", 4);  // no next IFD
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  const std::size_t len = payload.size() + 2;
  const std::string app1 =
      std::string("\xFF\xE1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 0xFF) + payload;
  return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

cv::Mat asymmetricImage() {
  // 40 wide, 20 high; the left half red, the right half blue (BGR order here).
  cv::Mat image(20, 40, CV_8UC3, cv::Scalar(255, 0, 0));
  image(cv::Rect(0, 0, 20, 20)).setTo(cv::Scalar(0, 0, 255));
  return image;
}

Bytes toBytes(const std::string& s) { return Bytes(s.begin(), s.end()); }

TEST(ImageDecoder, DecodesJpegToRgb) {
  auto decoded =
      decodeImageBytes(toBytes(encode(asymmetricImage(), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95})), "a.jpg");
  ASSERT_TRUE(decoded.ok()) << decoded.message();
  EXPECT_EQ(decoded->image.width, 40);
  EXPECT_EQ(decoded->image.height, 20);
  EXPECT_EQ(decoded->header.format, "jpeg");
  const std::uint8_t* left = decoded->image.row(10) + 5 * 3;
  EXPECT_GT(left[0], 200);  // red channel first: the decoder returns RGB, not BGR
  EXPECT_LT(left[2], 60);
  EXPECT_EQ(decoded->sha256.size(), 64u);
}

TEST(ImageDecoder, AppliesExifOrientation) {
  const std::string jpeg = encode(asymmetricImage(), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
  auto rotated = decodeImageBytes(toBytes(withExifOrientation(jpeg, 6)), "rotated.jpg");
  ASSERT_TRUE(rotated.ok()) << rotated.message();
  EXPECT_EQ(rotated->header.orientation, 6);
  EXPECT_EQ(rotated->image.width, 20);  // 90° clockwise: the sides swap
  EXPECT_EQ(rotated->image.height, 40);
  // The red (left) half is now on top.
  EXPECT_GT(rotated->image.row(5)[10 * 3 + 0], 200);
  EXPECT_GT(rotated->image.row(35)[10 * 3 + 2], 200);

  auto probed = probeImage(toBytes(withExifOrientation(jpeg, 6)));
  ASSERT_TRUE(probed.ok());
  EXPECT_EQ(probed->width(), 20);
  EXPECT_EQ(probed->height(), 40);
}

TEST(ImageDecoder, MirroredOrientationsFlipTheImage) {
  const std::string jpeg = encode(asymmetricImage(), ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
  auto mirrored = decodeImageBytes(toBytes(withExifOrientation(jpeg, 2)), "mirror.jpg");
  ASSERT_TRUE(mirrored.ok());
  EXPECT_EQ(mirrored->image.width, 40);
  EXPECT_GT(mirrored->image.row(10)[35 * 3 + 0], 200) << "red moved to the right";
}

TEST(ImageDecoder, CompositesAlphaOnWhite) {
  cv::Mat bgra(10, 10, CV_8UC4, cv::Scalar(0, 0, 0, 0));          // fully transparent black
  bgra(cv::Rect(0, 0, 5, 10)).setTo(cv::Scalar(0, 0, 255, 255));  // opaque red on the left
  auto decoded = decodeImageBytes(toBytes(encode(bgra, ".png")), "alpha.png");
  ASSERT_TRUE(decoded.ok()) << decoded.message();
  EXPECT_TRUE(decoded->hadAlpha);
  const std::uint8_t* transparent = decoded->image.row(5) + 8 * 3;
  EXPECT_EQ(transparent[0], 255);
  EXPECT_EQ(transparent[1], 255);
  EXPECT_EQ(transparent[2], 255);
  const std::uint8_t* red = decoded->image.row(5) + 2 * 3;
  EXPECT_EQ(red[0], 255);
  EXPECT_EQ(red[1], 0);
}

TEST(ImageDecoder, Handles16BitPng) {
  cv::Mat deep(8, 8, CV_16UC3, cv::Scalar(65535, 32896, 0));
  auto decoded = decodeImageBytes(toBytes(encode(deep, ".png")), "deep.png");
  ASSERT_TRUE(decoded.ok()) << decoded.message();
  const std::uint8_t* p = decoded->image.row(0);
  EXPECT_EQ(p[0], 0);    // R
  EXPECT_EQ(p[1], 128);  // G: 32896 / 257
  EXPECT_EQ(p[2], 255);  // B
}

TEST(ImageDecoder, HandlesGrayscale) {
  cv::Mat gray(6, 9, CV_8UC1, cv::Scalar(77));
  auto decoded = decodeImageBytes(toBytes(encode(gray, ".png")), "gray.png");
  ASSERT_TRUE(decoded.ok()) << decoded.message();
  EXPECT_EQ(decoded->image.width, 9);
  EXPECT_EQ(decoded->image.row(3)[0], 77);
  EXPECT_EQ(decoded->image.row(3)[1], 77);
  EXPECT_EQ(decoded->image.row(3)[2], 77);
}

TEST(ImageDecoder, HandlesCmykJpeg) {
  auto decoded = decodeImageFile(test::dataPath("images/cmyk.jpg"));
  ASSERT_TRUE(decoded.ok()) << decoded.message();
  EXPECT_EQ(decoded->image.width, 48);
  EXPECT_EQ(decoded->image.height, 64);
  const std::uint8_t* top = decoded->image.row(1) + 24 * 3;
  const std::uint8_t* bottom = decoded->image.row(62) + 24 * 3;
  EXPECT_GT(top[0], 180) << "the top is red";
  EXPECT_LT(top[2], 90);
  EXPECT_GT(bottom[2], 180) << "the bottom is blue";
  EXPECT_LT(bottom[0], 90);
}

TEST(ImageDecoder, EmptyFile) {
  TempDir dir;
  test::writeBytes(dir.path("empty.jpg"), "");
  auto decoded = decodeImageFile(dir.path("empty.jpg"));
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.message().find("empty.jpg: empty file"), std::string::npos) << decoded.message();
}

TEST(ImageDecoder, TextFileNamedJpg) {
  TempDir dir;
  test::writeBytes(dir.path("notes.jpg"), "this is a shopping list, not a photo\n");
  auto decoded = decodeImageFile(dir.path("notes.jpg"));
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.message().find("not an image"), std::string::npos) << decoded.message();
}

TEST(ImageDecoder, TruncatedJpeg) {
  const std::string jpeg = encode(asymmetricImage(), ".jpg");
  auto decoded = decodeImageBytes(toBytes(jpeg.substr(0, jpeg.size() * 2 / 3)), "cut.jpg");
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.message().find("truncated JPEG"), std::string::npos) << decoded.message();
}

TEST(ImageDecoder, TruncatedPng) {
  cv::Mat noise(64, 64, CV_8UC3);
  cv::randu(noise, 0, 255);
  const std::string png = encode(noise, ".png");
  auto decoded = decodeImageBytes(toBytes(png.substr(0, png.size() / 2)), "cut.png");
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.message().find("truncated PNG"), std::string::npos) << decoded.message();
}

TEST(ImageDecoder, RefusesHugeDimensionsBeforeAllocating) {
  // A PNG header announcing 20000 x 20000 pixels (1.2 GB decoded) with no data.
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16);
  png += std::string("\0\0\x4E\x20\0\0\x4E\x20\x08\x02\0\0\0", 13);
  png += std::string("\0\0\0\0", 4);
  auto decoded = decodeImageBytes(toBytes(png), "bomb.png");
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.message().find("megapixel limit"), std::string::npos) << decoded.message();
  EXPECT_NE(decoded.message().find("20000x20000"), std::string::npos) << decoded.message();
}

TEST(ImageDecoder, RefusesA100MegapixelJpegHeader) {
  // SOI + SOF0 for 12000 x 8400 (100.8 MP), nothing else.
  std::string jpeg("\xFF\xD8\xFF\xC0\0\x11\x08\x20\xD0\x2E\xE0\x03\x01\x22\0\x02\x11\x01\x03\x11\x01", 21);
  auto info = probeImage(toBytes(jpeg));
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->width(), 12000);
  EXPECT_EQ(info->height(), 8400);
  auto decoded = decodeImageBytes(toBytes(jpeg), "big.jpg");
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.message().find("100.8 megapixels"), std::string::npos) << decoded.message();
}

TEST(ImageDecoder, NonAsciiFileName) {
  TempDir dir;
  const std::string path = dir.path("사진 été 👗.png");
  test::writeImage(path, test::makeTestImage(30, 40, 3));
  auto decoded = decodeImageFile(path);
  ASSERT_TRUE(decoded.ok()) << decoded.message();
  EXPECT_EQ(decoded->image.width, 30);
  auto info = probeImageFile(path);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->sha256, decoded->sha256);
}

TEST(ImageDecoder, MissingFile) {
  TempDir dir;
  auto decoded = decodeImageFile(dir.path("gone.jpg"));
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.message().find("gone.jpg: no such file"), std::string::npos) << decoded.message();
}

TEST(ImageDecoder, GifIsRefusedWithAReason) {
  auto info = probeImage(toBytes("GIF89a\x10\0\x10\0"));
  ASSERT_FALSE(info.ok());
  EXPECT_NE(info.message().find("GIF"), std::string::npos);
}

TEST(ImageDecoder, ImageExtensions) {
  EXPECT_TRUE(hasImageExtension("a/b/Photo.JPG"));
  EXPECT_TRUE(hasImageExtension("x.webp"));
  EXPECT_FALSE(hasImageExtension("notes.txt"));
  EXPECT_FALSE(hasImageExtension("folder.jpg/file"));
}

}  // namespace
}  // namespace w2w
