// Item boxes from label maps and the choice of the main person, on synthetic maps.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "vision/garment_boxes.h"
#include "vision/garment_labels.h"
#include "vision/person_finder.h"

namespace w2w {
namespace {

constexpr int kUpper = static_cast<int>(GarmentLabel::Upper);
constexpr int kBottom = static_cast<int>(GarmentLabel::Bottom);
constexpr int kShoes = static_cast<int>(GarmentLabel::Shoes);
constexpr int kOnePiece = static_cast<int>(GarmentLabel::OnePiece);

std::vector<cv::Mat> certainPlanes(const cv::Mat& labels) {
  std::vector<cv::Mat> planes;
  for (int c = 0; c < kGarmentLabelCount; ++c) {
    cv::Mat p;
    cv::Mat(labels == c).convertTo(p, CV_32F, 1.0 / 255);
    planes.push_back(p);
  }
  return planes;
}

TEST(GarmentBoxes, TightBoxesBridgedShoesAndNoiseDropped) {
  cv::Mat labels(400, 200, CV_8U, cv::Scalar(0));
  const cv::Rect person(50, 10, 100, 380);
  labels(cv::Rect(55, 60, 90, 120)).setTo(kUpper);
  labels(cv::Rect(60, 180, 80, 150)).setTo(kBottom);
  labels(cv::Rect(60, 350, 30, 20)).setTo(kShoes);  // left shoe
  labels(cv::Rect(98, 352, 30, 20)).setTo(kShoes);  // right shoe, 8 px apart: one box
  labels(cv::Rect(140, 100, 2, 2)).setTo(kShoes);   // a speck far away: noise
  const GarmentBoxes boxes = findGarmentBoxes(labels, certainPlanes(labels), person);
  ASSERT_TRUE(boxes.upper && boxes.bottom && boxes.shoes);
  EXPECT_EQ(boxes.upper->box, cv::Rect(55, 60, 90, 120));
  EXPECT_EQ(boxes.bottom->box, cv::Rect(60, 180, 80, 150));
  EXPECT_EQ(boxes.shoes->box, cv::Rect(60, 350, 68, 22));
  EXPECT_DOUBLE_EQ(boxes.shoes->confidence, 1.0);
  EXPECT_FALSE(boxes.onepiece);
  EXPECT_FALSE(boxes.onepieceOutfit);
}

TEST(GarmentBoxes, DressIsAOnePieceOutfit) {
  cv::Mat labels(400, 200, CV_8U, cv::Scalar(0));
  labels(cv::Rect(55, 60, 90, 230)).setTo(kOnePiece);
  labels(cv::Rect(60, 350, 60, 20)).setTo(kShoes);
  const GarmentBoxes boxes = findGarmentBoxes(labels, certainPlanes(labels), cv::Rect(50, 10, 100, 380));
  EXPECT_TRUE(boxes.onepieceOutfit);
  EXPECT_FALSE(boxes.upper);
  EXPECT_FALSE(boxes.bottom);
  ASSERT_TRUE(boxes.onepiece);
  EXPECT_EQ(boxes.onepiece->box, cv::Rect(55, 60, 90, 230));
}

cv::Mat blobs(std::initializer_list<cv::Rect> rects, cv::Size size = {300, 200}) {
  cv::Mat fg(size, CV_32F, cv::Scalar(0.02));
  for (const cv::Rect& r : rects) fg(r).setTo(0.95);
  return fg;
}

TEST(PersonFinder, PicksTheLargeCentralPersonAndKeepsTheirPieces) {
  // A bystander at the edge, the main person in the middle with a bag beside them.
  const cv::Mat fg =
      blobs({cv::Rect(5, 40, 30, 120), cv::Rect(130, 20, 40, 170), cv::Rect(172, 100, 12, 20)});
  const PersonBlob p = findMainPerson(fg, cv::Rect(0, 0, 300, 200));
  ASSERT_TRUE(p.found);
  EXPECT_EQ(p.box, cv::Rect(130, 20, 54, 170));
  EXPECT_EQ(p.mask.at<std::uint8_t>(50, 10), 0) << "the bystander is not part of the person";
  EXPECT_GT(p.confidence, 0.8);
}

TEST(PersonFinder, NothingLargeEnoughIsNoPerson) {
  const PersonBlob p = findMainPerson(blobs({cv::Rect(100, 100, 3, 3)}), cv::Rect(0, 0, 300, 200));
  EXPECT_FALSE(p.found);
  EXPECT_EQ(cv::countNonZero(p.mask), 0);
}

TEST(PersonFinder, IgnoresTheLetterboxPadding) {
  const PersonBlob p = findMainPerson(blobs({cv::Rect(0, 0, 300, 30)}), cv::Rect(0, 30, 300, 170));
  EXPECT_FALSE(p.found);
}

}  // namespace
}  // namespace w2w
