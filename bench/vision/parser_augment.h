// Training data for the garment parser: photos kept at a reduced size, and
// random views of them at the network's input size (scale, position, small
// rotation, mirror, colour), so the parser sees people large and small, cut
// by the frame and letterboxed, as the app's photos will show them.
#pragma once

#include <random>

#include <opencv2/core.hpp>

namespace w2w {

struct TrainingSample {
  cv::Mat rgb;     // CV_8UC3, about twice the network's input height
  cv::Mat labels;  // CV_8UC1 GarmentLabel values, same size
};

// Downscales a photo and its label map (nearest neighbour) for storage.
TrainingSample makeTrainingSample(const cv::Mat& rgb, const cv::Mat& labels, int storedHeight = 384);

// Fills `image` (CV_8UC3) and `labels` (CV_8UC1), both of the input size, with
// one random view of `sample`.
void augmentSample(const TrainingSample& sample, std::mt19937& rng, cv::Mat& image, cv::Mat& labels);

}  // namespace w2w
