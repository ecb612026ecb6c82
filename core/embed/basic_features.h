// Internal to core/embed: the feature blocks of the basic encoder, on cv::Mat.
// Never include this from a public header.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace w2w::basic {

// Sizes of the blocks, in the order they are concatenated.
inline constexpr int kColourDim = 8 + 64 + 40 + 6 + 12;
inline constexpr int kTextureDim = 32 + 6 + 10 + 10;
inline constexpr int kShapeDim = 64 + 14;

// The item on its white padding: the working-size RGB image, the foreground
// mask (255 = item) and the tight box of the foreground.
struct Foreground {
  cv::Mat rgb;   // CV_8UC3, R G B
  cv::Mat mask;  // CV_8UC1
  cv::Rect box;
};

// Scales the crop to the working size and separates the item from the white
// padding: white pixels connected to the border are padding, everything else
// (white parts enclosed by the garment included) is the item.
Foreground findForeground(const cv::Mat& rgb);

// Each appends its block (L2-normalised) to `out`.
void appendColour(const Foreground& fg, std::vector<float>& out);
void appendTexture(const Foreground& fg, std::vector<float>& out);
void appendShape(const Foreground& fg, std::vector<float>& out);

// Histogram helpers (values in [0, 1]; soft assignment to the two nearest bin
// centres so that a small change of colour moves the vector a little).
void addSoft(float* hist, int bins, float t, float weight);
void addSoftCircular(float* hist, int bins, float t, float weight);
// Divides by the sum and takes square roots (the Hellinger mapping, which
// makes the cosine of two histograms a good similarity).
void hellinger(float* hist, int bins);
void l2normalize(float* v, int n);

}  // namespace w2w::basic
