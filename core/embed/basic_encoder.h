// BasicEncoder: the built-in encoder that needs no model weights.
//
// It describes a square, white-padded item crop by hand-made features that
// OpenCV computes in about a millisecond: colour (Lab and HSV histograms and
// moments of the garment's pixels), texture (gradient orientations, gradient
// strength, local binary patterns) and shape (the silhouette's occupancy grid,
// aspect, fill and moments). White padding is ignored: the features are taken
// from the non-padding pixels and the tight box around them, so one item
// padded differently gives (nearly) the same vector.
//
// It is what runs when no FashionCLIP model is installed, and it says so in
// its display name: it never pretends to be FashionCLIP.
//
// Thread-safety: stateless apart from the immutable EncoderInfo; encode() and
// features() may run on several threads at once.
#pragma once

#include <vector>

#include "embed/encoder.h"

namespace w2w {

// Where each feature group sits in a basic embedding (half-open ranges).
struct BasicFeatureLayout {
  int colourBegin = 0, colourEnd = 0;
  int textureBegin = 0, textureEnd = 0;
  int shapeBegin = 0, shapeEnd = 0;
  int dim = 0;
};

class BasicEncoder : public Encoder {
 public:
  // Bump the number whenever the features change: cached embeddings are keyed
  // by this id and must not mix versions.
  static constexpr const char* kModelId = "basic-v1";
  static constexpr const char* kDisplayName = "Basic (colour, texture, shape; not FashionCLIP)";

  BasicEncoder();

  const EncoderInfo& info() const override { return info_; }
  Result<FloatMatrix> encode(const std::vector<RgbImage>& crops) override;

  // The L2-normalised embedding of one crop (any size, RGB). Deterministic.
  static std::vector<float> features(const RgbImage& crop);
  static const BasicFeatureLayout& layout();

 private:
  EncoderInfo info_;
};

}  // namespace w2w
