#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "embed/basic_encoder.h"
#include "io/cv_convert.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

// A striped, trouser-like silhouette on white, `colour` in R, G, B.
RgbImage garment(int width, int height, cv::Scalar colour) {
  cv::Mat rgb(height, width, CV_8UC3, cv::Scalar::all(255));
  const std::vector<cv::Point> outline = {{width / 4, height / 8},         {3 * width / 4, height / 8},
                                          {7 * width / 8, 7 * height / 8}, {width / 2 + 4, 7 * height / 8},
                                          {width / 2, height / 2},         {width / 2 - 4, 7 * height / 8},
                                          {width / 8, 7 * height / 8}};
  cv::fillPoly(rgb, std::vector<std::vector<cv::Point>>{outline}, colour);
  cv::Mat inside(height, width, CV_8UC1, cv::Scalar(0));
  cv::fillPoly(inside, std::vector<std::vector<cv::Point>>{outline}, cv::Scalar(255));
  cv::Mat stripes = rgb.clone();
  for (int y = 0; y < height; y += 12) cv::line(stripes, {0, y}, {width, y + 6}, colour * 0.6, 3);
  stripes.copyTo(rgb, inside);
  return rgbFromMat(rgb);
}

// The same pixels on a larger white canvas, off-centre.
RgbImage onCanvas(const RgbImage& item, int width, int height, int x, int y) {
  cv::Mat canvas(height, width, CV_8UC3, cv::Scalar::all(255));
  rgbView(item).copyTo(canvas(cv::Rect(x, y, item.width, item.height)));
  return rgbFromMat(canvas);
}

double cosine(const std::vector<float>& a, const std::vector<float>& b, int begin, int end) {
  double dot = 0, na = 0, nb = 0;
  for (int i = begin; i < end; ++i) {
    dot += double(a[i]) * b[i];
    na += double(a[i]) * a[i];
    nb += double(b[i]) * b[i];
  }
  return dot / std::sqrt(na * nb);
}

TEST(BasicEncoder, DimensionNormAndLabel) {
  BasicEncoder encoder;
  const BasicFeatureLayout& l = BasicEncoder::layout();
  EXPECT_EQ(encoder.info().dim, l.dim);
  EXPECT_EQ(l.shapeEnd, l.dim);
  EXPECT_EQ(encoder.info().id, "basic-v1");
  EXPECT_EQ(encoder.info().kind, "basic");
  EXPECT_NE(encoder.info().displayName.find("not FashionCLIP"), std::string::npos);
  auto out =
      encoder.encode({renderWholeImage(garment(120, 160, {200, 40, 40})), test::makeTestImage(64, 64, 3)});
  ASSERT_TRUE(out.ok()) << out.message();
  ASSERT_EQ(out->rows, 2);
  ASSERT_EQ(out->cols, l.dim);
  for (int r = 0; r < 2; ++r) {
    double norm = 0;
    for (int c = 0; c < l.dim; ++c) norm += double(out->at(r, c)) * out->at(r, c);
    EXPECT_NEAR(std::sqrt(norm), 1.0, 1e-5);
  }
}

TEST(BasicEncoder, SameCropGivesTheSameVector) {
  const RgbImage crop = renderWholeImage(garment(150, 120, {30, 90, 200}));
  BasicEncoder encoder;
  auto a = encoder.encode({crop});
  auto b = encoder.encode({crop});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->data, b->data) << "bit for bit";
  EXPECT_EQ(a->rowVector(0), BasicEncoder::features(crop));
}

TEST(BasicEncoder, WhitePaddingIsIgnored) {
  const RgbImage item = garment(120, 160, {40, 140, 60});
  const std::vector<float> tight = BasicEncoder::features(renderWholeImage(item));
  const std::vector<float> padded =
      BasicEncoder::features(renderWholeImage(onCanvas(item, 400, 300, 250, 20)));
  const std::vector<float> small =
      BasicEncoder::features(renderWholeImage(onCanvas(item, 200, 200, 10, 30), nullptr, 160));
  const int dim = BasicEncoder::layout().dim;
  EXPECT_GT(cosine(tight, padded, 0, dim), 0.98);
  EXPECT_GT(cosine(tight, small, 0, dim), 0.98);
}

TEST(BasicEncoder, ColourChangeMovesTheColourPart) {
  const RgbImage red = renderWholeImage(garment(120, 160, {200, 30, 30}));
  const RgbImage blue = renderWholeImage(garment(120, 160, {30, 30, 200}));
  const auto a = BasicEncoder::features(red), b = BasicEncoder::features(blue);
  const BasicFeatureLayout& l = BasicEncoder::layout();
  EXPECT_LT(cosine(a, b, l.colourBegin, l.colourEnd), 0.6) << "red and blue are different colours";
  EXPECT_GT(cosine(a, b, l.shapeBegin, l.shapeEnd), 0.999) << "the silhouette did not change";
  EXPECT_GT(cosine(a, b, l.textureBegin, l.textureEnd), 0.9) << "the stripes did not change";
}

TEST(BasicEncoder, ShapeTellsSilhouettesApart) {
  cv::Mat shoe(100, 200, CV_8UC3, cv::Scalar::all(255));
  cv::ellipse(shoe, {100, 60}, {90, 30}, 0, 0, 360, cv::Scalar(200, 30, 30), -1);
  const auto a = BasicEncoder::features(renderWholeImage(rgbFromMat(shoe)));
  const auto b = BasicEncoder::features(renderWholeImage(garment(120, 160, {200, 30, 30})));
  const BasicFeatureLayout& l = BasicEncoder::layout();
  EXPECT_LT(cosine(a, b, l.shapeBegin, l.shapeEnd), 0.9);
}

TEST(BasicEncoder, BlankAndMalformedCrops) {
  RgbImage white;
  white.width = white.height = 32;
  white.pixels.assign(white.byteCount(), 255);
  const auto v = BasicEncoder::features(white);
  double norm = 0;
  for (float x : v) norm += double(x) * x;
  EXPECT_NEAR(norm, 1.0, 1e-5) << "an all-white crop still gives a unit vector";
  RgbImage broken = white;
  broken.pixels.resize(10);
  BasicEncoder encoder;
  auto out = encoder.encode({white, broken});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.message().find("crop 1"), std::string::npos) << out.message();
}

}  // namespace
}  // namespace w2w
