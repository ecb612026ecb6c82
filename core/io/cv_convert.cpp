#include "io/cv_convert.h"

#include <cstring>

namespace w2w {

RgbImage rgbFromMat(const cv::Mat& rgb) {
  CV_Assert(rgb.type() == CV_8UC3);
  RgbImage out;
  out.width = rgb.cols;
  out.height = rgb.rows;
  out.pixels.resize(out.byteCount());
  for (int y = 0; y < rgb.rows; ++y)
    std::memcpy(out.row(y), rgb.ptr(y), static_cast<std::size_t>(rgb.cols) * 3);
  return out;
}

GrayImage grayFromMat(const cv::Mat& gray) {
  CV_Assert(gray.type() == CV_8UC1);
  GrayImage out;
  out.width = gray.cols;
  out.height = gray.rows;
  out.pixels.resize(static_cast<std::size_t>(gray.cols) * gray.rows);
  for (int y = 0; y < gray.rows; ++y)
    std::memcpy(out.pixels.data() + static_cast<std::size_t>(y) * gray.cols, gray.ptr(y), gray.cols);
  return out;
}

}  // namespace w2w
