#include "embed/clip/preprocess.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "embed/clip/pil_resample.h"

namespace w2w::clip {

namespace {

// Offset of a crop of `crop` pixels in an axis of `size` pixels; negative
// means that many pixels of padding come first.
int cropOffset(int size, int crop, CropRounding rounding) {
  const int diff = size - crop;
  if (rounding == CropRounding::Floor) {
    // HF: floor division; when padding, ceil((crop - size) / 2) pixels first.
    return diff >= 0 ? diff / 2 : -((-diff + 1) / 2);
  }
  // torchvision: int(round(diff / 2)) with Python's round half to even; when
  // padding, floor((crop - size) / 2) pixels first.
  if (diff < 0) return -((-diff) / 2);
  const int half = diff / 2;
  return (diff % 2 == 1 && half % 2 == 1) ? half + 1 : half;
}

}  // namespace

Result<PreprocessGeometry> planPreprocess(int width, int height, const PreprocessConfig& config) {
  if (Status s = config.validate(); !s) return s.error();
  if (width <= 0 || height <= 0 || width > kMaxInputSide || height > kMaxInputSide)
    return makeError("image size " + std::to_string(width) + "x" + std::to_string(height) +
                     " is empty or larger than " + std::to_string(kMaxInputSide) + " pixels per side");
  PreprocessGeometry g;
  g.resizedWidth = width;
  g.resizedHeight = height;
  if (config.doResize) {
    if (config.resizeHeight > 0) {
      g.resizedWidth = config.resizeWidth;
      g.resizedHeight = config.resizeHeight;
    } else {
      // HF: new_long = int(S * long / short); integer division gives the same.
      const long long s = config.shortestEdge;
      const long long shortSide = std::min(width, height), longSide = std::max(width, height);
      const long long newLong = s * longSide / shortSide;
      if (newLong > (1LL << 30)) return makeError("image aspect ratio too extreme to resize");
      g.resizedWidth = static_cast<int>(width <= height ? s : newLong);
      g.resizedHeight = static_cast<int>(width <= height ? newLong : s);
    }
  }
  if (config.doCenterCrop) {
    g.outputWidth = config.cropWidth;
    g.outputHeight = config.cropHeight;
    g.cropTop = cropOffset(g.resizedHeight, config.cropHeight, config.cropRounding);
    g.cropLeft = cropOffset(g.resizedWidth, config.cropWidth, config.cropRounding);
  } else {
    g.outputWidth = g.resizedWidth;
    g.outputHeight = g.resizedHeight;
  }
  return g;
}

Result<std::vector<std::uint8_t>> resizeAndCrop(const RgbView& image, const PreprocessConfig& config,
                                                PreprocessGeometry* geometry) {
  if (!image.data) return makeError("image has no pixels");
  if (image.stride != 0 && image.stride < static_cast<std::ptrdiff_t>(image.width) * 3)
    return makeError("image stride is smaller than its width");
  auto plan = planPreprocess(image.width, image.height, config);
  if (!plan) return plan.error();
  const PreprocessGeometry& g = *plan;
  if (geometry) *geometry = g;

  std::vector<std::uint8_t> out(static_cast<std::size_t>(g.outputWidth) * g.outputHeight * 3, 0);
  // The part of the crop that lies inside the resized image; the rest stays black.
  const int x0 = std::max(g.cropLeft, 0), y0 = std::max(g.cropTop, 0);
  const int x1 = std::min(g.cropLeft + g.outputWidth, g.resizedWidth);
  const int y1 = std::min(g.cropTop + g.outputHeight, g.resizedHeight);
  if (x1 <= x0 || y1 <= y0) return out;
  ResampleWindow win{g.resizedWidth, g.resizedHeight, x0, y0, x1 - x0, y1 - y0};
  std::vector<std::uint8_t> inside(static_cast<std::size_t>(win.width) * win.height * 3);
  PilResampler::resizeBicubic(image.data, image.width, image.height, image.rowBytes(), win, inside.data());
  for (int y = 0; y < win.height; ++y) {
    std::memcpy(
        out.data() + (static_cast<std::size_t>(y0 - g.cropTop + y) * g.outputWidth + (x0 - g.cropLeft)) * 3,
        inside.data() + static_cast<std::size_t>(y) * win.width * 3, static_cast<std::size_t>(win.width) * 3);
  }
  return out;
}

Status preprocessInto(const RgbView& image, const PreprocessConfig& config, float* out,
                      PreprocessGeometry* geometry) {
  PreprocessGeometry g;
  auto pixels = resizeAndCrop(image, config, &g);
  if (!pixels) return pixels.error();
  if (geometry) *geometry = g;
  if (g.outputWidth != config.outputWidth() || g.outputHeight != config.outputHeight())
    return makeError("without a centre crop the image resizes to " + std::to_string(g.outputWidth) + "x" +
                     std::to_string(g.outputHeight) + ", not " + std::to_string(config.outputWidth()) + "x" +
                     std::to_string(config.outputHeight()));
  const std::size_t plane = static_cast<std::size_t>(g.outputWidth) * g.outputHeight;
  // Precomputed per byte value and channel: HF rescales in float64, casts to
  // float32, then normalises in float32.
  float lut[3][256];
  for (int c = 0; c < 3; ++c) {
    for (int v = 0; v < 256; ++v) {
      float x = config.doRescale ? static_cast<float>(static_cast<double>(v) * config.rescaleFactor)
                                 : static_cast<float>(v);
      if (config.doNormalize) x = (x - config.mean[c]) / config.std[c];
      lut[c][v] = x;
    }
  }
  const std::uint8_t* p = pixels->data();
  for (std::size_t i = 0; i < plane; ++i, p += 3) {
    out[i] = lut[0][p[0]];
    out[plane + i] = lut[1][p[1]];
    out[2 * plane + i] = lut[2][p[2]];
  }
  return Status::success();
}

Result<torch::Tensor> preprocessBatch(const std::vector<RgbView>& images, const PreprocessConfig& config) {
  if (images.empty()) return makeError("no images to preprocess");
  if (Status s = config.validate(); !s) return s.error();
  try {
    const auto b = static_cast<std::int64_t>(images.size());
    auto batch = torch::empty({b, 3, config.outputHeight(), config.outputWidth()}, torch::kFloat32);
    for (std::int64_t i = 0; i < b; ++i) {
      Status s = preprocessInto(images[i], config, batch[i].data_ptr<float>());
      if (!s) return makeError("image " + std::to_string(i) + ": " + s.message());
    }
    return batch;
  } catch (const std::exception& e) {
    return makeError(std::string("preprocessing failed: ") + e.what());
  }
}

}  // namespace w2w::clip
