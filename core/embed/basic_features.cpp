#include "embed/basic_features.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace w2w::basic {
namespace {

constexpr int kWorkSize = 128;            // crops are scaled to this square first
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
  Foreground fg;
  const bool shrink = rgb.cols > kWorkSize || rgb.rows > kWorkSize;
  cv::resize(rgb, fg.rgb, cv::Size(kWorkSize, kWorkSize), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_LINEAR);

  cv::Mat white;
  cv::inRange(fg.rgb, cv::Scalar::all(kWhiteLevel), cv::Scalar::all(255), white);
  cv::Mat labels;
  const int count = cv::connectedComponents(white, labels, 4, CV_32S);
  std::vector<char> padding(static_cast<std::size_t>(count), 0);
  const int last = kWorkSize - 1;
  for (int i = 0; i < kWorkSize; ++i) {
    for (const cv::Point p : {cv::Point(i, 0), cv::Point(i, last), cv::Point(0, i), cv::Point(last, i)}) {
      if (white.at<uchar>(p)) padding[static_cast<std::size_t>(labels.at<int>(p))] = 1;
    }
  }
  fg.mask = cv::Mat(kWorkSize, kWorkSize, CV_8UC1);
  for (int y = 0; y < kWorkSize; ++y) {
    const int* lab = labels.ptr<int>(y);
    const uchar* w = white.ptr<uchar>(y);
    uchar* m = fg.mask.ptr<uchar>(y);
    for (int x = 0; x < kWorkSize; ++x) m[x] = (w[x] && padding[static_cast<std::size_t>(lab[x])]) ? 0 : 255;
  }
  if (cv::countNonZero(fg.mask) < kMinForeground * kWorkSize * kWorkSize) {
    // A blank (or all-white) crop: describe the whole square rather than a
    // few stray pixels, so that the vector is still well defined.
    fg.mask.setTo(255);
  }
  fg.box = cv::boundingRect(fg.mask);
  return fg;
}

void appendColour(const Foreground& fg, std::vector<float>& out) {
  const cv::Mat rgb = fg.rgb(fg.box);
  const cv::Mat mask = fg.mask(fg.box);
  cv::Mat lab, hsv;
  cv::cvtColor(rgb, lab, cv::COLOR_RGB2Lab);
  cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV_FULL);

  float lightness[8] = {};
  float ab[64] = {};
  float hue[40] = {};  // 18 hues x 2 saturation levels, then 4 grey levels
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
      const float L = l[x][0] / 255.f, A = l[x][1], B = l[x][2];
      addSoft(lightness, 8, L, 1.f);
      // Colours of real garments stay within about +-56 of grey on a and b.
      float aRow[8] = {};
      addSoft(aRow, 8, (A - 72.f) / 112.f, 1.f);
      float bCol[8] = {};
      addSoft(bCol, 8, (B - 72.f) / 112.f, 1.f);
      for (int i = 0; i < 8; ++i) {
        if (aRow[i] == 0.f) continue;
        for (int j = 0; j < 8; ++j) ab[i * 8 + j] += aRow[i] * bCol[j];
      }
      const int s = h[x][1], v = h[x][2];
      if (s >= 40 && v >= 40) {
        float level[2] = {};
        addSoft(level, 2, (s - 40) / 215.f, 1.f);
        addSoftCircular(hue, 18, h[x][0] / 256.f, level[0]);
        addSoftCircular(hue + 18, 18, h[x][0] / 256.f, level[1]);
      } else {
        addSoft(hue + 36, 4, v / 255.f, 1.f);
      }
      const double c[3] = {L, (A - 128.) / 64., (B - 128.) / 64.};
      const int cell = cellY * 2 + (2 * x) / rgb.cols;
      for (int k = 0; k < 3; ++k) {
        sum[k] += c[k];
        sq[k] += c[k] * c[k];
        cellSum[cell][k] += c[k];
      }
      cellCount[cell] += 1;
    }
  }
  hellinger(lightness, 8);
  hellinger(ab, 64);
  hellinger(hue, 40);
  const std::size_t begin = out.size();
  for (float v : lightness) out.push_back(0.5f * v);
  out.insert(out.end(), ab, ab + 64);
  out.insert(out.end(), hue, hue + 40);
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
