#include "embed/torchscript_image_encoder.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <filesystem>

#include "embed/clip/config_loader.h"
#include "embed/clip/device.h"
#include "embed/clip/preprocess.h"
#include "embed/clip/torchscript_encoder.h"
#include "embed/encoder_factory.h"
#include "embed/model_manager.h"
#include "embed/pixel_tensors.h"
#include "format/json.h"

namespace w2w {

struct TorchScriptImageEncoder::Impl {
  std::unique_ptr<clip::TorchScriptEncoder> module;
  clip::PreprocessConfig preprocess;
  int batchSize = 32;
  int threads = 0;
};

namespace {

// preprocessor_config.json beside the module, else CLIP's own preprocessing.
Result<clip::PreprocessConfig> preprocessFor(const std::string& folder) {
  const std::string path = (std::filesystem::u8path(folder) / "preprocessor_config.json").u8string();
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::u8path(path), ec)) return clip::PreprocessConfig{};
  auto json = format::readJsonFile(path, 16u << 20);
  if (!json) return json.error();
  return clip::parseHfPreprocessorConfig(*json, path);
}

}  // namespace

TorchScriptImageEncoder::TorchScriptImageEncoder(std::unique_ptr<Impl> impl, EncoderInfo info)
    : impl_(std::move(impl)), info_(std::move(info)) {}
TorchScriptImageEncoder::~TorchScriptImageEncoder() = default;

Result<std::unique_ptr<TorchScriptImageEncoder>> TorchScriptImageEncoder::open(
    const std::string& spec, const EncoderOptions& options) {
  auto described = ModelManager::inspect(spec);  // also the id: the SHA-256 of the .pt file
  if (!described) return described.error();
  auto preprocess = preprocessFor(described->folder);
  if (!preprocess) return preprocess.error();
  auto impl = std::make_unique<Impl>();
  impl->preprocess = *preprocess;
  impl->batchSize = std::max(1, options.batchSize);
  impl->threads = options.threads;
  auto module = clip::TorchScriptEncoder::load(described->weightsFile, options.device, options.normalize);
  if (!module) return module.error();
  impl->module = std::move(*module);

  // One blank image: the embedding size, and a module that cannot run is refused now.
  const int side = impl->preprocess.outputHeight(), width = impl->preprocess.outputWidth();
  auto probe = impl->module->encodePixels(torch::zeros({1, 3, side, width}));
  if (!probe) return probe.error();

  EncoderInfo info;
  info.id = described->id;
  info.kind = "torchscript";
  info.displayName = "TorchScript (" + described->name + ", " + std::to_string(width) + " px)";
  info.dim = static_cast<int>(probe->size(1));
  info.device = clip::describeDevice(impl->module->device());
  info.normalized = options.normalize;
  return std::unique_ptr<TorchScriptImageEncoder>(
      new TorchScriptImageEncoder(std::move(impl), std::move(info)));
}

Result<FloatMatrix> TorchScriptImageEncoder::encode(const std::vector<RgbImage>& crops) {
  // Thread counts are per calling thread in Debian's LibTorch (see clip_vision.h).
  if (impl_->threads > 0 && impl_->module->device().is_cpu() && at::get_num_threads() != impl_->threads)
    at::set_num_threads(impl_->threads);
  FloatMatrix out(static_cast<std::int64_t>(crops.size()), info_.dim);
  const auto batch = static_cast<std::size_t>(impl_->batchSize);
  for (std::size_t start = 0; start < crops.size(); start += batch) {
    const std::size_t end = std::min(crops.size(), start + batch);
    std::vector<clip::RgbView> views;
    for (std::size_t i = start; i < end; ++i) {
      if (crops[i].empty()) return makeError("crop " + std::to_string(i) + " is empty");
      views.push_back({crops[i].pixels.data(), crops[i].width, crops[i].height, 0});
    }
    auto pixels = clip::preprocessBatch(views, impl_->preprocess);
    if (!pixels) return pixels.error();
    auto embedded = impl_->module->encodePixels(*pixels);
    if (!embedded) return embedded.error();
    if (embedded->size(1) != info_.dim) {
      return makeError(impl_->module->path() + ": forward() returned " + std::to_string(embedded->size(1)) +
                       " dimensions, earlier " + std::to_string(info_.dim));
    }
    const FloatMatrix rows = toFloatMatrix(*embedded);
    std::copy(rows.data.begin(), rows.data.end(), out.row(static_cast<std::int64_t>(start)));
  }
  return out;
}

Result<FloatMatrix> TorchScriptImageEncoder::encodePixelsFile(const std::string& path,
                                                              const std::string& tensor) {
  auto pixels = readPixelTensor(path, tensor);
  if (!pixels) return pixels.error();
  auto embedded = impl_->module->encodePixels(*pixels);
  if (!embedded) return makeError(path + (tensor.empty() ? "" : ":" + tensor) + ": " + embedded.message());
  return toFloatMatrix(*embedded);
}

}  // namespace w2w
