#include "embed/basic_encoder.h"

#include "embed/basic_features.h"
#include "io/cv_convert.h"

namespace w2w {
namespace {

// Weights of the blocks before the final normalisation: colour carries most
// of what tells outfits apart; texture and shape refine it.
constexpr float kColourWeight = 1.0f;
constexpr float kTextureWeight = 0.4f;
constexpr float kShapeWeight = 0.4f;

BasicFeatureLayout makeLayout() {
  BasicFeatureLayout l;
  l.colourBegin = 0;
  l.colourEnd = l.textureBegin = basic::kColourDim;
  l.textureEnd = l.shapeBegin = l.textureBegin + basic::kTextureDim;
  l.shapeEnd = l.dim = l.shapeBegin + basic::kShapeDim;
  return l;
}

}  // namespace

BasicEncoder::BasicEncoder() {
  info_.id = kModelId;
  info_.kind = "basic";
  info_.displayName = kDisplayName;
  info_.dim = layout().dim;
  info_.device = "CPU";
  info_.normalized = true;
}

const BasicFeatureLayout& BasicEncoder::layout() {
  static const BasicFeatureLayout l = makeLayout();
  return l;
}

std::vector<float> BasicEncoder::features(const RgbImage& crop) {
  const BasicFeatureLayout& l = layout();
  std::vector<float> out;
  out.reserve(static_cast<std::size_t>(l.dim));
  if (crop.empty() || crop.pixels.size() < crop.byteCount()) {
    RgbImage blank;
    blank.width = blank.height = 8;
    blank.pixels.assign(blank.byteCount(), 255);
    return features(blank);
  }
  const basic::Foreground fg = basic::findForeground(rgbView(crop));
  basic::appendColour(fg, out);
  basic::appendTexture(fg, out);
  basic::appendShape(fg, out);
  for (int i = l.colourBegin; i < l.colourEnd; ++i) out[i] *= kColourWeight;
  for (int i = l.textureBegin; i < l.textureEnd; ++i) out[i] *= kTextureWeight;
  for (int i = l.shapeBegin; i < l.shapeEnd; ++i) out[i] *= kShapeWeight;
  basic::l2normalize(out.data(), l.dim);
  return out;
}

Result<FloatMatrix> BasicEncoder::encode(const std::vector<RgbImage>& crops) {
  FloatMatrix out(static_cast<std::int64_t>(crops.size()), info_.dim);
  for (std::size_t i = 0; i < crops.size(); ++i) {
    const RgbImage& crop = crops[i];
    if (crop.empty() || crop.pixels.size() != crop.byteCount()) {
      return makeError("basic encoder: crop " + std::to_string(i) + " is empty or has " +
                       std::to_string(crop.pixels.size()) + " bytes for " + std::to_string(crop.width) + "x" +
                       std::to_string(crop.height) + " RGB pixels");
    }
    const std::vector<float> v = features(crop);
    std::copy(v.begin(), v.end(), out.row(static_cast<std::int64_t>(i)));
  }
  return out;
}

}  // namespace w2w
