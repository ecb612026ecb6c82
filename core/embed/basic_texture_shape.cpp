// Texture and shape blocks of the basic encoder (see basic_features.h).
#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "embed/basic_features.h"

namespace w2w::basic {
namespace {

constexpr int kTextureSide = 96;  // the item's box is scaled to this longer side
constexpr float kPi = 3.14159265358979f;

// Rotation-invariant uniform local binary patterns (8 neighbours at distance
// one): 0..8 for the number of brighter neighbours of a uniform pattern, 9 for
// the rest. Brighter means by more than 2 grey levels, so flat cloth reads as
// flat and not as sensor noise.
void lbpHistogram(const cv::Mat& gray, const cv::Mat& mask, float* hist) {
  static const int dx[8] = {-1, 0, 1, 1, 1, 0, -1, -1};
  static const int dy[8] = {-1, -1, -1, 0, 1, 1, 1, 0};
  for (int y = 1; y + 1 < gray.rows; ++y) {
    for (int x = 1; x + 1 < gray.cols; ++x) {
      if (!mask.at<uchar>(y, x)) continue;
      const int centre = gray.at<uchar>(y, x) + 2;
      int bits[8];
      int ones = 0;
      for (int k = 0; k < 8; ++k) {
        bits[k] = gray.at<uchar>(y + dy[k], x + dx[k]) > centre ? 1 : 0;
        ones += bits[k];
      }
      int transitions = 0;
      for (int k = 0; k < 8; ++k) transitions += bits[k] != bits[(k + 1) % 8];
      hist[transitions <= 2 ? ones : 9] += 1.f;
    }
  }
  hellinger(hist, 10);
}

cv::Mat scaledToSide(const cv::Mat& image, int side, int interpolationUp) {
  const double scale = static_cast<double>(side) / std::max(image.cols, image.rows);
  const cv::Size size(std::max(1, static_cast<int>(std::lround(image.cols * scale))),
                      std::max(1, static_cast<int>(std::lround(image.rows * scale))));
  cv::Mat out;
  cv::resize(image, out, size, 0, 0, scale < 1 ? cv::INTER_AREA : interpolationUp);
  return out;
}

}  // namespace

void appendTexture(const Foreground& fg, std::vector<float>& out) {
  cv::Mat gray;
  cv::cvtColor(fg.rgb(fg.box), gray, cv::COLOR_RGB2GRAY);
  gray = scaledToSide(gray, kTextureSide, cv::INTER_LINEAR);
  cv::Mat mask = scaledToSide(fg.mask(fg.box), kTextureSide, cv::INTER_NEAREST);
  cv::threshold(mask, mask, 127, 255, cv::THRESH_BINARY);
  // The outline against the white padding is shape, not texture: keep away
  // from it unless the item is too thin to have an inside.
  cv::Mat inner;
  cv::erode(mask, inner, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  if (cv::countNonZero(inner) < 16) inner = mask;

  cv::Mat gx, gy;
  cv::Sobel(gray, gx, CV_32F, 1, 0, 3);
  cv::Sobel(gray, gy, CV_32F, 0, 1, 3);
  float orientation[32] = {};  // 2 x 2 cells x 8 unsigned orientations
  float strength[6] = {};
  for (int y = 0; y < gray.rows; ++y) {
    const int cellY = (2 * y) / gray.rows;
    for (int x = 0; x < gray.cols; ++x) {
      if (!inner.at<uchar>(y, x)) continue;
      const float ux = gx.at<float>(y, x), uy = gy.at<float>(y, x);
      const float magnitude = std::sqrt(ux * ux + uy * uy);
      addSoft(strength, 6, std::log1p(magnitude) / std::log1p(1024.f), 1.f);
      if (magnitude < 1e-3f) continue;
      float angle = std::atan2(uy, ux);
      if (angle < 0) angle += kPi;
      const int cell = cellY * 2 + (2 * x) / gray.cols;
      addSoftCircular(orientation + cell * 8, 8, angle / kPi, magnitude);
    }
  }
  hellinger(orientation, 32);
  hellinger(strength, 6);
  float lbpFine[10] = {}, lbpCoarse[10] = {};
  lbpHistogram(gray, inner, lbpFine);
  cv::Mat halfGray, halfMask;
  cv::resize(gray, halfGray, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
  cv::resize(inner, halfMask, halfGray.size(), 0, 0, cv::INTER_NEAREST);
  lbpHistogram(halfGray, halfMask, lbpCoarse);

  const std::size_t begin = out.size();
  out.insert(out.end(), orientation, orientation + 32);
  for (float v : strength) out.push_back(0.5f * v);
  for (float v : lbpFine) out.push_back(0.7f * v);
  for (float v : lbpCoarse) out.push_back(0.7f * v);
  l2normalize(out.data() + begin, static_cast<int>(out.size() - begin));
}

void appendShape(const Foreground& fg, std::vector<float>& out) {
  const cv::Mat mask = fg.mask(fg.box);
  cv::Mat unit;
  mask.convertTo(unit, CV_32F, 1.0 / 255.0);
  cv::Mat grid;
  cv::resize(unit, grid, cv::Size(8, 8), 0, 0, cv::INTER_AREA);
  const std::size_t begin = out.size();
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 8; ++x) out.push_back(grid.at<float>(y, x) / 8.f);

  const double area = cv::countNonZero(mask);
  const double boxArea = static_cast<double>(mask.cols) * mask.rows;
  std::vector<cv::Point> points;
  cv::findNonZero(mask, points);
  std::vector<cv::Point> hull;
  if (points.size() >= 3) cv::convexHull(points, hull);
  const double hullArea = hull.size() >= 3 ? cv::contourArea(hull) : 0.0;
  const cv::Moments m = cv::moments(mask, true);
  double hu[7] = {};
  cv::HuMoments(m, hu);
  const double aspect = std::log(static_cast<double>(mask.cols) / mask.rows);

  auto push = [&](double v) { out.push_back(static_cast<float>(0.5 * std::max(-1.0, std::min(1.0, v)))); };
  push(aspect / 2.0);
  push(area / boxArea);
  push(hullArea > 0 ? std::min(1.0, area / hullArea) : 1.0);
  push(m.m00 > 0 ? (m.m10 / m.m00) / mask.cols - 0.5 : 0.0);
  push(m.m00 > 0 ? (m.m01 / m.m00) / mask.rows - 0.5 : 0.0);
  // Hu moments span many decades: compare their logarithms, at half weight.
  for (double h : hu) push(h != 0 ? -std::copysign(1.0, h) * std::log10(std::abs(h)) / 20.0 : 0.0);
  // Elongation and tilt of the silhouette from its second moments.
  const double mu20 = m.m00 > 0 ? m.mu20 / m.m00 : 0, mu02 = m.m00 > 0 ? m.mu02 / m.m00 : 0;
  const double mu11 = m.m00 > 0 ? m.mu11 / m.m00 : 0;
  const double spread = std::sqrt(4 * mu11 * mu11 + (mu20 - mu02) * (mu20 - mu02));
  push(mu20 + mu02 > 0 ? spread / (mu20 + mu02) : 0.0);
  push(mu20 + mu02 > 0 ? 2 * mu11 / (mu20 + mu02) : 0.0);
  l2normalize(out.data() + begin, static_cast<int>(out.size() - begin));
}

}  // namespace w2w::basic
