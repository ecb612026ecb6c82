// Internal to core: conversions between the public image types and cv::Mat.
// Never include this from a public header.
#pragma once

#include <opencv2/core.hpp>

#include "common/image.h"

namespace w2w {

// A CV_8UC3 view of the RGB pixels (no copy; channel order stays R, G, B).
inline cv::Mat rgbView(const RgbImage& image) {
  return cv::Mat(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels.data()));
}

inline cv::Mat grayView(const GrayImage& image) {
  return cv::Mat(image.height, image.width, CV_8UC1, const_cast<std::uint8_t*>(image.pixels.data()));
}

// Copies a CV_8UC3 matrix whose channels are already R, G, B.
RgbImage rgbFromMat(const cv::Mat& rgb);
GrayImage grayFromMat(const cv::Mat& gray);

inline cv::Rect toRect(const Box& b) { return {b.x, b.y, b.width, b.height}; }
inline Box toBox(const cv::Rect& r) { return {r.x, r.y, r.width, r.height}; }

}  // namespace w2w
