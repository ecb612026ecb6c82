// Internal to core/vision (OpenCV types): item boxes from a garment label map.
//
// Boxes follow the rules of the CCP ground truth, so that they mean the same
// thing: a label's pixels are grouped into pieces after bridging small gaps
// (the two shoes, a sleeve cut off by a bag strap become one piece), pieces
// too small to be a garment are dropped as noise, and the box is the tight
// box of the pixels kept (the bridging never widens it).
#pragma once

#include <optional>
#include <vector>

#include <opencv2/core.hpp>

namespace w2w {

struct LabelBox {
  cv::Rect box;
  double confidence = 0;  // mean probability of the label over the kept pixels
  long long pixels = 0;   // kept pixels
};

struct GarmentBoxes {
  std::optional<LabelBox> upper, bottom, shoes, onepiece;
  bool onepieceOutfit = false;  // a dress or jumpsuit takes the place of top and bottom
};

// `labels`: CV_8U GarmentLabel values (0 outside the person); `probs`: the
// label probability planes of the same size; `person`: the person's box in
// the same coordinates (sets the scale of gaps and noise).
GarmentBoxes findGarmentBoxes(const cv::Mat& labels, const std::vector<cv::Mat>& probs,
                              const cv::Rect& person);

}  // namespace w2w
