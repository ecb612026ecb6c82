#include "vision/person_finder.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace w2w {

PersonBlob findMainPerson(const cv::Mat& foreground, const cv::Rect& valid, double minAreaFraction) {
  PersonBlob out;
  out.mask = cv::Mat::zeros(foreground.size(), CV_8U);
  cv::Mat binary = cv::Mat::zeros(foreground.size(), CV_8U);
  cv::Mat inside = foreground(valid) > 0.5;
  inside.copyTo(binary(valid));
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  const double validArea = static_cast<double>(valid.area());
  const cv::Point2d centre(valid.x + valid.width / 2.0, valid.y + valid.height / 2.0);
  int best = -1;
  double bestScore = 0;
  for (int i = 1; i < count; ++i) {
    const double area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (area < minAreaFraction * validArea) continue;
    // Horizontal distance from the centre matters most: people stand side by side.
    const double dx = std::abs(centroids.at<double>(i, 0) - centre.x) / (valid.width / 2.0);
    const double dy = std::abs(centroids.at<double>(i, 1) - centre.y) / (valid.height / 2.0);
    const double score = area * (1.0 - 0.5 * std::min(1.0, dx)) * (1.0 - 0.25 * std::min(1.0, dy));
    if (score > bestScore) bestScore = score, best = i;
  }
  if (best < 0) return out;

  auto rectOf = [&](int i) {
    return cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                    stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
  };
  const cv::Rect main = rectOf(best);
  const int mainArea = stats.at<int>(best, cv::CC_STAT_AREA);
  // Pieces of the same person lie within (or just beside) the main blob's box.
  const cv::Rect reach(main.x - main.width / 5, main.y - main.height / 20, main.width + 2 * (main.width / 5),
                       main.height + 2 * (main.height / 20));
  std::vector<std::uint8_t> keep(count, 0);
  keep[best] = 1;
  for (int i = 1; i < count; ++i) {
    if (i == best || stats.at<int>(i, cv::CC_STAT_AREA) < mainArea / 100) continue;
    const cv::Rect r = rectOf(i);
    if ((r & reach).area() >= r.area() / 2) keep[i] = 1;
  }
  double probSum = 0;
  long long pixels = 0;
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    const float* p = foreground.ptr<float>(y);
    std::uint8_t* m = out.mask.ptr<std::uint8_t>(y);
    for (int x = 0; x < labels.cols; ++x) {
      if (!keep[l[x]] || l[x] == 0) continue;
      m[x] = 255;
      probSum += p[x];
      ++pixels;
    }
  }
  out.found = true;
  out.box = cv::boundingRect(out.mask);
  // Sure pixels and a person of plausible size (a quarter of the frame's
  // height or more) give a high confidence; a faint or tiny blob a low one.
  const double meanProb = probSum / std::max(1LL, pixels);
  const double size = std::min(1.0, out.box.height / (0.25 * valid.height));
  out.confidence = std::clamp((meanProb - 0.5) * 2.0, 0.0, 1.0) * (0.5 + 0.5 * size);
  return out;
}

}  // namespace w2w
