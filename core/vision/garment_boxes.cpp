#include "vision/garment_boxes.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "vision/garment_labels.h"

namespace w2w {
namespace {

// Gaps up to this fraction of the person's height are bridged.
constexpr double kBridge = 0.03;
// Pieces below this fraction of the person box's area are noise.
constexpr double kMinPiece = 0.0025;

std::optional<LabelBox> boxOfLabel(const cv::Mat& labels, const cv::Mat& prob, GarmentLabel label,
                                   const cv::Rect& person) {
  const cv::Mat pixels = labels == static_cast<int>(label);
  const int r = std::max(1, static_cast<int>(kBridge * person.height + 0.5));
  cv::Mat bridged;
  cv::dilate(pixels, bridged, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * r + 1, 2 * r + 1)));
  cv::Mat pieces;
  const int count = cv::connectedComponents(bridged, pieces, 8, CV_32S);
  if (count <= 1) return std::nullopt;
  struct Piece {
    long long pixels = 0;
    double prob = 0;
    int x0 = INT32_MAX, y0 = INT32_MAX, x1 = -1, y1 = -1;
  };
  std::vector<Piece> stats(count);
  for (int y = 0; y < labels.rows; ++y) {
    const std::uint8_t* m = pixels.ptr<std::uint8_t>(y);
    const int* id = pieces.ptr<int>(y);
    const float* p = prob.ptr<float>(y);
    for (int x = 0; x < labels.cols; ++x) {
      if (!m[x]) continue;
      Piece& s = stats[id[x]];
      ++s.pixels;
      s.prob += p[x];
      s.x0 = std::min(s.x0, x), s.x1 = std::max(s.x1, x);
      s.y0 = std::min(s.y0, y), s.y1 = std::max(s.y1, y);
    }
  }
  const double minPixels = kMinPiece * person.area();
  LabelBox out;
  int x0 = INT32_MAX, y0 = INT32_MAX, x1 = -1, y1 = -1;
  double probSum = 0;
  for (int i = 1; i < count; ++i) {
    const Piece& s = stats[i];
    if (s.pixels < minPixels) continue;
    out.pixels += s.pixels;
    probSum += s.prob;
    x0 = std::min(x0, s.x0), x1 = std::max(x1, s.x1), y0 = std::min(y0, s.y0), y1 = std::max(y1, s.y1);
  }
  if (out.pixels == 0) return std::nullopt;
  out.box = cv::Rect(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  out.confidence = probSum / out.pixels;
  return out;
}

}  // namespace

GarmentBoxes findGarmentBoxes(const cv::Mat& labels, const std::vector<cv::Mat>& probs,
                              const cv::Rect& person) {
  GarmentBoxes out;
  auto find = [&](GarmentLabel l) { return boxOfLabel(labels, probs[static_cast<int>(l)], l, person); };
  out.upper = find(GarmentLabel::Upper);
  out.bottom = find(GarmentLabel::Bottom);
  out.shoes = find(GarmentLabel::Shoes);
  out.onepiece = find(GarmentLabel::OnePiece);
  // A one-piece outfit: the dress is a sizeable garment and outweighs any
  // bottom (a dress worn over jeans still counts, as in the dataset).
  if (out.onepiece) {
    const long long bottom = out.bottom ? out.bottom->pixels : 0;
    out.onepieceOutfit = out.onepiece->pixels >= 0.03 * person.area() && out.onepiece->pixels >= bottom / 2;
  }
  return out;
}

}  // namespace w2w
