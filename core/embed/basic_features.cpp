#include "embed/basic_features.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace w2w::basic {
namespace {

constexpr int kWorkSize = 128;            // the item's box is scaled to this longer side
constexpr int kWhiteLevel = 248;          // all three channels at least this: white
constexpr double kMinForeground = 0.005;  // less than this of the crop: treat all as item

float clamp01(float t) { return std::min(1.f, std::max(0.f, t)); }

}  // namespace

void addSoft(float* hist, int bins, float t, float weight) {
  const float pos = clamp01(t) * bins - 0.5f;
  if (pos <= 0.f) {
    hist[0] += weight;
    return;
  }
  if (pos >= bins - 1) {
    hist[bins - 1] += weight;
    return;
  }
  const int i = static_cast<int>(pos);
  const float f = pos - i;
  hist[i] += weight * (1.f - f);
  hist[i + 1] += weight * f;
}

void addSoftCircular(float* hist, int bins, float t, float weight) {
  float pos = t * bins - 0.5f;
  pos -= bins * std::floor(pos / bins);  // into [0, bins)
  const int i = static_cast<int>(pos) % bins;
  const float f = pos - std::floor(pos);
  hist[i] += weight * (1.f - f);
  hist[(i + 1) % bins] += weight * f;
}

void hellinger(float* hist, int bins) {
  double sum = 0;
  for (int i = 0; i < bins; ++i) sum += hist[i];
  if (sum <= 0) return;
  for (int i = 0; i < bins; ++i) hist[i] = static_cast<float>(std::sqrt(hist[i] / sum));
}

void l2normalize(float* v, int n) {
  double sum = 0;
  for (int i = 0; i < n; ++i) sum += static_cast<double>(v[i]) * v[i];
  if (sum <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(sum));
  for (int i = 0; i < n; ++i) v[i] *= inv;
}

Foreground findForeground(const cv::Mat& rgb) {
  // Find the item at the crop's own resolution, then scale the item's box
  // (not the square) to the working size: the features then do not depend
  // on how much white padding surrounds the item.
  cv::Mat white;
  cv::inRange(rgb, cv::Scalar::all(kWhiteLevel), cv::Scalar::all(255), white);
  cv::Rect box = cv::boundingRect(~white);
  if (box.area() == 0 || cv::countNonZero(~white) < kMinForeground * rgb.total()) {
    // A blank (or all-white) crop: describe the whole square rather than a
    // few stray pixels, so that the vector is still well defined.
    box = cv::Rect(0, 0, rgb.cols, rgb.rows);
    white.setTo(0);
  }
  const double scale = static_cast<double>(kWorkSize) / std::max(box.width, box.height);
  const cv::Size size(std::max(1, static_cast<int>(std::lround(box.width * scale))),
                      std::max(1, static_cast<int>(std::lround(box.height * scale))));
  Foreground fg;
  cv::resize(rgb(box), fg.rgb, size, 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  cv::resize(~white(box), fg.mask, size, 0, 0, cv::INTER_NEAREST);
  fg.box = cv::Rect(0, 0, size.width, size.height);
  return fg;
}

void appendColour(const Foreground& fg, std::vector<float>& out) {
  const cv::Mat rgb = fg.rgb(fg.box);
  const cv::Mat mask = fg.mask(fg.box);
  cv::Mat lab, hsv;
  cv::cvtColor(rgb, lab, cv::COLOR_RGB2Lab);
  cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV_FULL);

  // The joint hue x saturation x value histogram carries most of it: the
  // colours of a garment, their shades and the light they were seen in.
  std::vector<float> joint(512, 0.f);
  float lightness[8] = {};
  double sum[3] = {}, sq[3] = {};
  double cellSum[4][3] = {}, cellCount[4] = {};
  double n = 0;
  for (int y = 0; y < rgb.rows; ++y) {
    const uchar* m = mask.ptr<uchar>(y);
    const cv::Vec3b* l = lab.ptr<cv::Vec3b>(y);
    const cv::Vec3b* h = hsv.ptr<cv::Vec3b>(y);
    const int cellY = (2 * y) / rgb.rows;
    for (int x = 0; x < rgb.cols; ++x) {
      if (!m[x]) continue;
      n += 1;
      float hue[8] = {}, sat[8] = {}, val[8] = {};
      addSoftCircular(hue, 8, h[x][0] / 256.f, 1.f);
      addSoft(sat, 8, h[x][1] / 255.f, 1.f);
      addSoft(val, 8, h[x][2] / 255.f, 1.f);
      for (int i = 0; i < 8; ++i) {
        if (hue[i] == 0.f) continue;
        for (int j = 0; j < 8; ++j) {
          if (sat[j] == 0.f) continue;
          const float hs = hue[i] * sat[j];
          float* cell = joint.data() + (i * 8 + j) * 8;
          for (int k = 0; k < 8; ++k) cell[k] += hs * val[k];
        }
      }
      const float L = l[x][0] / 255.f;
      addSoft(lightness, 8, L, 1.f);
      const double c[3] = {L, (l[x][1] - 128.) / 64., (l[x][2] - 128.) / 64.};
      const int cell = cellY * 2 + (2 * x) / rgb.cols;
      for (int k = 0; k < 3; ++k) {
        sum[k] += c[k];
        sq[k] += c[k] * c[k];
        cellSum[cell][k] += c[k];
      }
      cellCount[cell] += 1;
    }
  }
  hellinger(joint.data(), 512);
  hellinger(lightness, 8);
  const std::size_t begin = out.size();
  out.insert(out.end(), joint.begin(), joint.end());
  for (float v : lightness) out.push_back(0.5f * v);
  double mean[3];
  for (int k = 0; k < 3; ++k) {
    mean[k] = n > 0 ? sum[k] / n : 0.;
    const double var = n > 0 ? std::max(0., sq[k] / n - mean[k] * mean[k]) : 0.;
    out.push_back(static_cast<float>(0.5 * mean[k]));
    out.push_back(static_cast<float>(0.5 * std::sqrt(var)));
  }
  // Where the colour sits (a jacket over a shirt, a two-tone shoe): the mean
  // colour of each quarter of the item's box, the overall mean where empty.
  for (int cell = 0; cell < 4; ++cell) {
    for (int k = 0; k < 3; ++k) {
      const double m = cellCount[cell] > 0 ? cellSum[cell][k] / cellCount[cell] : mean[k];
      out.push_back(static_cast<float>(0.25 * m));
    }
  }
  l2normalize(out.data() + begin, static_cast<int>(out.size() - begin));
}

}  // namespace w2w::basic
