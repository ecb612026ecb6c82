#include "parser_augment.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace w2w {
namespace {

double uniform(std::mt19937& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}

// Brightness, contrast, saturation and a slight colour cast.
void jitterColour(cv::Mat& image, std::mt19937& rng) {
  cv::Mat f;
  image.convertTo(f, CV_32FC3);
  const double contrast = uniform(rng, 0.75, 1.25), brightness = uniform(rng, 0.75, 1.25);
  const double saturation = uniform(rng, 0.6, 1.3);
  const cv::Scalar cast(uniform(rng, 0.92, 1.08), uniform(rng, 0.92, 1.08), uniform(rng, 0.92, 1.08));
  cv::Mat gray;
  cv::cvtColor(f, gray, cv::COLOR_RGB2GRAY);
  cv::Mat gray3;
  cv::cvtColor(gray, gray3, cv::COLOR_GRAY2RGB);
  const double mean = cv::mean(gray)[0];
  f = gray3 + (f - gray3) * saturation;
  f = (f - mean) * contrast + mean;
  f = f.mul(cv::Scalar(brightness * cast[0], brightness * cast[1], brightness * cast[2]));
  f.convertTo(image, CV_8UC3);
  if (uniform(rng, 0, 1) < 0.15) cv::GaussianBlur(image, image, cv::Size(3, 3), uniform(rng, 0.4, 1.0));
}

}  // namespace

TrainingSample makeTrainingSample(const cv::Mat& rgb, const cv::Mat& labels, int storedHeight) {
  TrainingSample s;
  const double scale = static_cast<double>(storedHeight) / rgb.rows;
  const cv::Size size(static_cast<int>(std::lround(rgb.cols * scale)), storedHeight);
  cv::resize(rgb, s.rgb, size, 0, 0, cv::INTER_AREA);
  cv::resize(labels, s.labels, size, 0, 0, cv::INTER_NEAREST);
  return s;
}

void augmentSample(const TrainingSample& sample, std::mt19937& rng, cv::Mat& image, cv::Mat& labels) {
  const double W = image.cols, H = image.rows, w = sample.rgb.cols, h = sample.rgb.rows;
  // Mostly the whole photo letterboxed (the app's first pass and most
  // photos), sometimes a small person in a larger frame, sometimes a tight crop.
  const double mode = uniform(rng, 0, 1);
  const double factor = mode < 0.55  ? uniform(rng, 0.85, 1.15)
                        : mode < 0.8 ? std::exp(uniform(rng, std::log(0.35), std::log(0.85)))
                                     : uniform(rng, 1.15, 1.6);
  const double scale = std::min(W / w, H / h) * factor;
  const double cx = W / 2 + uniform(rng, -1, 1) * std::max(0.08 * W, std::abs(W - scale * w) / 2);
  const double cy = H / 2 + uniform(rng, -1, 1) * std::max(0.06 * H, std::abs(H - scale * h) / 2);
  const double angle = uniform(rng, -6, 6) * M_PI / 180;
  const double flip = uniform(rng, 0, 1) < 0.5 ? -1 : 1;
  const double c = std::cos(angle) * scale, s = std::sin(angle) * scale;
  // Photo centre to (cx, cy), rotated, scaled and mirrored about it.
  cv::Matx23d m(flip * c, -s, 0, flip * s, c, 0);
  m(0, 2) = cx - (m(0, 0) * w / 2 + m(0, 1) * h / 2);
  m(1, 2) = cy - (m(1, 0) * w / 2 + m(1, 1) * h / 2);
  std::uniform_int_distribution<int> byte(0, 255);
  const int grey = byte(rng);
  const cv::Scalar fill =
      uniform(rng, 0, 1) < 0.5 ? cv::Scalar(grey, grey, grey) : cv::Scalar(byte(rng), byte(rng), byte(rng));
  cv::warpAffine(sample.rgb, image, m, image.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, fill);
  cv::warpAffine(sample.labels, labels, m, labels.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT,
                 cv::Scalar(0));
  jitterColour(image, rng);
}

}  // namespace w2w
