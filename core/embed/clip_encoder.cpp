#include "embed/clip_encoder.h"

#include <algorithm>
#include <cstring>

#include "embed/clip/clip_vision.h"
#include "embed/clip/device.h"
#include "embed/model_manager.h"
#include "embed/pixel_tensors.h"

namespace w2w {

struct ClipEncoder::Impl {
  std::unique_ptr<clip::ClipVision> model;
  int batchSize = 32;
};

ClipEncoder::ClipEncoder(std::unique_ptr<Impl> impl, EncoderInfo info)
    : impl_(std::move(impl)), info_(std::move(info)) {}
ClipEncoder::~ClipEncoder() = default;

Result<std::unique_ptr<ClipEncoder>> ClipEncoder::open(const std::string& modelFolder,
                                                       const ClipEncoderOptions& options) {
  // The folder check names what is missing (and refuses pickle-only folders)
  // before the loader reads hundreds of megabytes.
  auto described = ModelManager::inspect(modelFolder);
  if (!described) return described.error();
  clip::ClipLoadOptions load;
  load.device = options.device;
  load.precision = options.precision;
  load.normalize = options.normalize;
  load.threads = options.threads;
  load.maxBatch = std::max(1, options.batchSize);
  auto model = clip::ClipVision::load(modelFolder, load);
  if (!model) return model.error();
  auto impl = std::make_unique<Impl>();
  impl->model = std::move(*model);
  impl->batchSize = load.maxBatch;
  EncoderInfo info;
  info.id = described->id;
  info.kind = "fashionclip";
  const auto& config = impl->model->config();
  info.displayName = "FashionCLIP (" + described->name + ", ViT patch " + std::to_string(config.patchSize) +
                     ", " + std::to_string(config.imageSize) + " px)";
  info.dim = impl->model->embeddingDim();
  info.device = clip::describeDevice(impl->model->device());
  info.normalized = options.normalize;
  return std::unique_ptr<ClipEncoder>(new ClipEncoder(std::move(impl), std::move(info)));
}

Result<FloatMatrix> ClipEncoder::encode(const std::vector<RgbImage>& crops) {
  FloatMatrix out(static_cast<std::int64_t>(crops.size()), info_.dim);
  for (std::size_t start = 0; start < crops.size(); start += static_cast<std::size_t>(impl_->batchSize)) {
    const std::size_t end = std::min(crops.size(), start + static_cast<std::size_t>(impl_->batchSize));
    std::vector<clip::RgbView> views;
    for (std::size_t i = start; i < end; ++i) {
      if (crops[i].empty()) return makeError("crop " + std::to_string(i) + " is empty");
      views.push_back({crops[i].pixels.data(), crops[i].width, crops[i].height, 0});
    }
    auto embedded = impl_->model->encodeImages(views);
    if (!embedded) return embedded.error();
    const torch::Tensor result = embedded->contiguous();
    std::memcpy(out.row(static_cast<std::int64_t>(start)), result.data_ptr<float>(),
                (end - start) * static_cast<std::size_t>(info_.dim) * sizeof(float));
  }
  return out;
}

Result<FloatMatrix> ClipEncoder::encodePixelsFile(const std::string& path, const std::string& tensor) {
  auto pixels = readPixelTensor(path, tensor);
  if (!pixels) return pixels.error();
  auto embedded = impl_->model->encodePixels(*pixels);
  if (!embedded) return makeError(path + (tensor.empty() ? "" : ":" + tensor) + ": " + embedded.message());
  return toFloatMatrix(*embedded);
}

}  // namespace w2w
