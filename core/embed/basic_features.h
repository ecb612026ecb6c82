// Internal to core/embed: the feature blocks of the basic encoder, on cv::Mat.
// Never include this from a public header.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace w2w::basic {

// Sizes of the blocks, in the order they are concatenated.
inline constexpr int kColourDim = 512 + 8 + 6 + 12;
inline constexpr int kTextureDim = 32 + 6 + 10 + 10;
inline constexpr int kShapeDim = 64 + 14;

// The item without its padding: the item's box scaled to the working size,
// the foreground mask (255 = item) and the box (the whole image).
struct Foreground {
  cv::Mat rgb;   // CV_8UC3, R G B
  cv::Mat mask;  // CV_8UC1
  cv::Rect box;
};

// Separates the item from the white padding and scales the item's box to the
// working size (longer side 128 pixels): near-white pixels (all channels at least 248) are padding or
// masked-out background, everything else is the item. (Masked crops have
// white holes inside the box too, e.g. between the legs, so whiteness and
// not connectivity decides. A garment that is itself pure white is lost; when
// almost nothing is left, the whole crop counts as the item.)
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
