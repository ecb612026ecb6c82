#include "embed/clip/clip_config.h"

#include <cmath>

namespace w2w::clip {

const char* activationName(Activation a) {
  switch (a) {
    case Activation::QuickGelu: return "quick_gelu";
    case Activation::Gelu: return "gelu";
    case Activation::GeluTanh: return "gelu_tanh";
  }
  return "?";
}

const char* layoutName(WeightLayout layout) { return layout == WeightLayout::OpenClip ? "openclip" : "hf"; }

int PreprocessConfig::outputHeight() const {
  if (doCenterCrop) return cropHeight;
  return resizeHeight > 0 ? resizeHeight : shortestEdge;
}

int PreprocessConfig::outputWidth() const {
  if (doCenterCrop) return cropWidth;
  return resizeWidth > 0 ? resizeWidth : shortestEdge;
}

Status PreprocessConfig::validate() const {
  // 16384 px keeps every intermediate size computation far from int overflow.
  constexpr int kMax = 16384;
  auto bad = [](int v) { return v <= 0 || v > kMax; };
  if (doResize && (resizeHeight > 0 || resizeWidth > 0)) {
    if (bad(resizeHeight) || bad(resizeWidth)) return makeError("preprocess: bad resize size");
  } else if (doResize && bad(shortestEdge)) {
    return makeError("preprocess: bad shortest_edge " + std::to_string(shortestEdge));
  }
  if (doCenterCrop && (bad(cropHeight) || bad(cropWidth)))
    return makeError("preprocess: bad crop size " + std::to_string(cropHeight) + "x" +
                     std::to_string(cropWidth));
  if (!doCenterCrop && !doResize)
    return makeError("preprocess: neither resize nor crop fixes the image size");
  if (!std::isfinite(rescaleFactor) || rescaleFactor <= 0) return makeError("preprocess: bad rescale_factor");
  for (int c = 0; c < 3; ++c) {
    if (!std::isfinite(mean[c]) || !std::isfinite(this->std[c]) || this->std[c] <= 0.f)
      return makeError("preprocess: bad image_mean/image_std");
  }
  return Status::success();
}

Status ClipVisionConfig::validate() const {
  auto positive = [](int v) { return v > 0; };
  if (!positive(imageSize) || !positive(patchSize) || !positive(width) || !positive(layers) ||
      !positive(heads) || !positive(mlpDim) || !positive(outputDim))
    return makeError("config: every size must be positive (" + describe() + ")");
  if (imageSize > 4096 || width > 16384 || layers > 256 || mlpDim > 65536 || outputDim > 65536)
    return makeError("config: sizes are implausibly large (" + describe() + ")");
  if (channels != 3) return makeError("config: num_channels must be 3, got " + std::to_string(channels));
  if (imageSize % patchSize != 0)
    return makeError("config: image size " + std::to_string(imageSize) + " is not a multiple of patch size " +
                     std::to_string(patchSize));
  if (width % heads != 0)
    return makeError("config: width " + std::to_string(width) + " is not divisible by " +
                     std::to_string(heads) + " heads");
  if (!(layerNormEps > 0) || !std::isfinite(layerNormEps)) return makeError("config: bad layer_norm_eps");
  if (Status s = preprocess.validate(); !s) return s;
  if (preprocess.outputHeight() != imageSize || preprocess.outputWidth() != imageSize)
    return makeError("config: preprocessing gives " + std::to_string(preprocess.outputWidth()) + "x" +
                     std::to_string(preprocess.outputHeight()) + " images, the model takes " +
                     std::to_string(imageSize) + "x" + std::to_string(imageSize));
  return Status::success();
}

std::string ClipVisionConfig::describe() const {
  return "ViT " + std::to_string(imageSize) + "px/" + std::to_string(patchSize) + ", width " +
         std::to_string(width) + ", " + std::to_string(layers) + " layers, " + std::to_string(heads) +
         " heads, mlp " + std::to_string(mlpDim) + ", out " + std::to_string(outputDim) + ", " +
         activationName(activation) + ", " + layoutName(layout);
}

}  // namespace w2w::clip
