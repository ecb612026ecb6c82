#include "vision/crop_renderer.h"

#include <algorithm>
#include <cstring>

#include <opencv2/imgproc.hpp>

#include "io/cv_convert.h"
#include "io/file_io.h"
#include "io/image_encoder.h"

namespace w2w {

bool cropUsesPersonMask(Category category) {
  return category != Category::Bag && category != Category::Accessory;
}

RgbImage renderCrop(const RgbImage& photo, const GrayImage* mask, const Box& box, int size) {
  const cv::Rect bounds(0, 0, photo.width, photo.height);
  const cv::Rect area = toRect(box) & bounds;
  if (area.empty() || size <= 0) {
    RgbImage blank;
    blank.width = blank.height = std::max(size, 1);
    blank.pixels.assign(blank.byteCount(), 255);
    return blank;
  }
  cv::Mat piece = rgbView(photo)(area).clone();
  if (mask && mask->width == photo.width && mask->height == photo.height) {
    piece.setTo(cv::Scalar(255, 255, 255), grayView(*mask)(area) < 128);
  }
  // Square canvas around the box's centre, white where the box is narrower.
  const int side = std::max(area.width, area.height);
  cv::Mat square(side, side, CV_8UC3, cv::Scalar(255, 255, 255));
  piece.copyTo(square(cv::Rect((side - area.width) / 2, (side - area.height) / 2, area.width, area.height)));
  cv::Mat scaled;
  cv::resize(square, scaled, cv::Size(size, size), 0, 0, side > size ? cv::INTER_AREA : cv::INTER_CUBIC);
  return rgbFromMat(scaled);
}

RgbImage renderWholeImage(const RgbImage& image, const GrayImage* mask, int size) {
  return renderCrop(image, mask, Box{0, 0, image.width, image.height}, size);
}

std::string cropPixelHash(const RgbImage& crop) {
  Bytes buffer(8 + crop.pixels.size());
  const std::uint32_t dims[2] = {static_cast<std::uint32_t>(crop.width),
                                 static_cast<std::uint32_t>(crop.height)};
  std::memcpy(buffer.data(), dims, 8);
  std::memcpy(buffer.data() + 8, crop.pixels.data(), crop.pixels.size());
  return sha256Hex(buffer);
}

CropImage makeCropImage(const RgbImage& crop) {
  CropImage out;
  out.hash = cropPixelHash(crop);
  if (auto png = encodePng(crop)) out.png = std::move(*png);
  return out;
}

}  // namespace w2w
