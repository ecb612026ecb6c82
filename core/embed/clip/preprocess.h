// Image preprocessing exactly as Hugging Face's CLIPImageProcessor (slow PIL
// path) does it, from 8-bit RGB pixels:
//   1. resize the shortest edge to S with PIL BICUBIC (long side truncated:
//      int(S * long / short)), or to a fixed size when the config says so;
//   2. centre crop (offsets floored, as HF; torchvision rounding on request),
//      padding with black where the resized image is smaller than the crop;
//   3. value * rescale_factor computed in double then cast to float;
//   4. (value - mean) / std in float; HWC to CHW.
// Decoding, EXIF orientation and alpha compositing happen before this (in
// w2w_core, with OpenCV): the input is already RGB, not BGR.
//
// Thread-safety: all functions are stateless and may run concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <torch/types.h>

#include "common/result.h"
#include "embed/clip/clip_config.h"

namespace w2w::clip {

// A borrowed 8-bit RGB image: rows of `stride` bytes (0 means width * 3),
// 3 bytes per pixel in R, G, B order.
struct RgbView {
  const std::uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  std::ptrdiff_t stride = 0;

  std::ptrdiff_t rowBytes() const { return stride ? stride : static_cast<std::ptrdiff_t>(width) * 3; }
};

// Where the image goes: size after the resize, and the crop's top-left corner
// in the resized image (negative where the crop is padded).
struct PreprocessGeometry {
  int resizedWidth = 0;
  int resizedHeight = 0;
  int cropTop = 0;
  int cropLeft = 0;
  int outputWidth = 0;
  int outputHeight = 0;
};

// Largest accepted input side (decoders in the app refuse larger images anyway).
constexpr int kMaxInputSide = 1 << 16;

Result<PreprocessGeometry> planPreprocess(int width, int height, const PreprocessConfig& config);

// The resized and cropped 8-bit image (outputHeight x outputWidth x 3), before
// rescaling: what PIL would hold after resize + crop. For tests and previews.
Result<std::vector<std::uint8_t>> resizeAndCrop(const RgbView& image, const PreprocessConfig& config,
                                                PreprocessGeometry* geometry = nullptr);

// Preprocesses into `out` (3 x outputHeight x outputWidth floats, CHW).
Status preprocessInto(const RgbView& image, const PreprocessConfig& config, float* out,
                      PreprocessGeometry* geometry = nullptr);

// A float32 CPU tensor [B,3,H,W] from several images (an error names the
// index of the image that failed).
Result<torch::Tensor> preprocessBatch(const std::vector<RgbView>& images, const PreprocessConfig& config);

}  // namespace w2w::clip
