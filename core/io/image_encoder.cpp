#include "io/image_encoder.h"

#include <algorithm>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "io/cv_convert.h"

namespace w2w {
namespace {

Result<Bytes> encodeMat(const cv::Mat& mat, const char* ext, const std::vector<int>& params) {
  std::vector<uchar> out;
  try {
    if (!cv::imencode(ext, mat, out, params)) return makeError(std::string("cannot encode ") + (ext + 1));
  } catch (const cv::Exception& e) {
    return makeError(std::string("cannot encode ") + (ext + 1) + ": " + e.err);
  }
  return Bytes(out.begin(), out.end());
}

}  // namespace

Result<Bytes> encodePng(const RgbImage& image) {
  cv::Mat bgr;
  cv::cvtColor(rgbView(image), bgr, cv::COLOR_RGB2BGR);
  return encodeMat(bgr, ".png", {cv::IMWRITE_PNG_COMPRESSION, 6});
}

Result<Bytes> encodePng(const GrayImage& mask) {
  return encodeMat(grayView(mask), ".png", {cv::IMWRITE_PNG_COMPRESSION, 6});
}

Result<Bytes> encodeJpeg(const RgbImage& image, int quality) {
  cv::Mat bgr;
  cv::cvtColor(rgbView(image), bgr, cv::COLOR_RGB2BGR);
  return encodeMat(bgr, ".jpg", {cv::IMWRITE_JPEG_QUALITY, quality});
}

Result<GrayImage> decodeMaskPng(const Bytes& png) {
  if (png.empty()) return makeError("no mask stored");
  cv::Mat mask =
      cv::imdecode(cv::Mat(1, static_cast<int>(png.size()), CV_8UC1, const_cast<std::uint8_t*>(png.data())),
                   cv::IMREAD_GRAYSCALE);
  if (mask.empty()) return makeError("corrupt mask image");
  return grayFromMat(mask);
}

RgbImage downscaleToFit(const RgbImage& image, int maxSide) {
  const int longer = std::max(image.width, image.height);
  if (longer <= maxSide || image.empty()) return image;
  const double scale = static_cast<double>(maxSide) / longer;
  cv::Mat out;
  cv::resize(rgbView(image), out,
             cv::Size(std::max(1, static_cast<int>(image.width * scale + 0.5)),
                      std::max(1, static_cast<int>(image.height * scale + 0.5))),
             0, 0, cv::INTER_AREA);
  return rgbFromMat(out);
}

}  // namespace w2w
