// Crops per second of the basic encoder (one thread, as the Encoder
// interface runs it), on 224 x 224 white-padded garment crops.
#include <benchmark/benchmark.h>

#include <opencv2/imgproc.hpp>

#include "embed/basic_encoder.h"
#include "io/cv_convert.h"
#include "vision/crop_renderer.h"

namespace {

// A textured garment on white: noise over a colour, inside a trapezoid.
w2w::RgbImage garmentCrop(int seed) {
  cv::Mat item(300, 220, CV_8UC3, cv::Scalar::all(255));
  cv::Mat noise(item.size(), CV_8UC3);
  cv::theRNG().state = static_cast<std::uint64_t>(seed) + 1;
  cv::randn(noise, cv::Scalar(60 + seed * 20 % 150, 90, 140), cv::Scalar::all(25));
  cv::Mat inside(item.size(), CV_8UC1, cv::Scalar(0));
  const std::vector<cv::Point> outline = {{40, 10}, {180, 10}, {210, 290}, {10, 290}};
  cv::fillPoly(inside, std::vector<std::vector<cv::Point>>{outline}, cv::Scalar(255));
  noise.copyTo(item, inside);
  return w2w::renderWholeImage(w2w::rgbFromMat(item), nullptr, w2w::kCropSize);
}

void BM_BasicEncoder(benchmark::State& state) {
  w2w::BasicEncoder encoder;
  std::vector<w2w::RgbImage> crops;
  for (int i = 0; i < state.range(0); ++i) crops.push_back(garmentCrop(i));
  for (auto _ : state) {
    auto out = encoder.encode(crops);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["dim"] = encoder.info().dim;
}
BENCHMARK(BM_BasicEncoder)->Arg(1)->Arg(32)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
