// Internal to core/vision (OpenCV types): the garment parser, a small U-Net
// that labels every pixel of a person photo with a GarmentLabel.
//
// parse() letterboxes a region of an RGB image (which may reach past the
// image's edges; the outside is padded grey) into the network's input,
// runs it, and keeps the per-label probabilities at the input's resolution.
// ParsedRegion then renders them at any image resolution.
//
// Thread-safety: a loaded GarmentParser is immutable; parse() may be called
// from many threads at once on the same object (inference only, under
// c10::InferenceMode, with BatchNorm in evaluation mode).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "common/result.h"

namespace w2w {

// Probabilities of one pass, with the mapping between image and network input.
struct ParsedRegion {
  std::vector<cv::Mat> probs;       // kGarmentLabelCount planes, CV_32F, input size
  cv::Size imageSize;               // the parsed image's size
  double scale = 1;                 // input pixels per image pixel
  double offsetX = 0, offsetY = 0;  // input position of image point (0, 0)
  cv::Rect covered;                 // the input pixels that show the image

  // Probability planes for `rect` of the image at image resolution (bilinear).
  std::vector<cv::Mat> planesFor(const cv::Rect& rect) const;
  // Where an input-pixel rectangle lies in the image (clipped to it).
  cv::Rect toImage(const cv::Rect& inputRect) const;
};

class GarmentParser {
 public:
  // Loads a model written by saveParserNet; errors name the file.
  static Result<std::shared_ptr<const GarmentParser>> load(const std::string& path);
  ~GarmentParser();

  // `region` in image pixels; the result covers it letterboxed.
  ParsedRegion parse(const cv::Mat& rgb, const cv::Rect& region) const;

  cv::Size inputSize() const;
  const std::map<std::string, std::string>& metadata() const { return metadata_; }

 private:
  struct Net;
  GarmentParser() = default;
  std::unique_ptr<Net> net_;
  std::map<std::string, std::string> metadata_;
};

}  // namespace w2w
