#include "embed/clip/clip_vision.h"

#include <algorithm>
#include <thread>

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include "embed/clip/config_loader.h"
#include "embed/clip/device.h"
#include "embed/clip/malloc_tuning.h"
#include "format/safetensors.h"

namespace w2w::clip {

namespace {

Result<VitOptions> resolveOptions(const ClipLoadOptions& o) {
  VitOptions v;
  const DeviceChoice choice = chooseDevice(o.device);
  if (!choice.error.empty()) return makeError(choice.error);
  v.device = choice.device;
  if (o.precision == "float32" || o.precision == "fp32")
    v.precision = Precision::Float32;
  else if (o.precision == "bf16" || o.precision == "bfloat16")
    v.precision = Precision::BFloat16;
  else if (o.precision == "fp16" || o.precision == "float16")
    v.precision = Precision::Float16;
  else
    return makeError("unknown precision \"" + o.precision + "\" (expected float32, bf16 or fp16)");
  if (v.precision == Precision::Float16 && !v.device.is_cuda())
    return makeError("precision fp16 needs a CUDA device; use bf16 or float32 on the CPU");
  bool knownKernel = false;
  for (auto k : {LinearKernel::Auto, LinearKernel::Addmm, LinearKernel::MkldnnConv, LinearKernel::OneDnn}) {
    if (o.linearKernel == linearKernelName(k)) {
      v.linearKernel = k;
      knownKernel = true;
    }
  }
  if (!knownKernel)
    return makeError("unknown linear kernel \"" + o.linearKernel +
                     "\" (expected auto, addmm, mkldnn-conv or onednn)");
  if (o.maxBatch <= 0) return makeError("maxBatch must be positive");
  if (o.threads < -1) return makeError("threads must be -1, 0 or positive");
  return v;
}

std::string torchMessage(const std::exception& e) {
  if (const auto* c10e = dynamic_cast<const c10::Error*>(&e)) return c10e->what_without_backtrace();
  return e.what();
}

}  // namespace

Result<std::unique_ptr<ClipVision>> ClipVision::fromWeights(const ClipVisionConfig& config,
                                                            const ClipVisionWeights& weights,
                                                            const ClipLoadOptions& options) {
  if (Status s = config.validate(); !s) return s.error();
  auto vitOptions = resolveOptions(options);
  if (!vitOptions) return vitOptions.error();
  if (static_cast<int>(weights.layers.size()) != config.layers)
    return makeError("weights have " + std::to_string(weights.layers.size()) + " layers, the config " +
                     std::to_string(config.layers));
  std::unique_ptr<ClipVision> model(new ClipVision());
  model->config_ = config;
  model->options_ = options;
  try {
    if (vitOptions->device.is_cuda()) {
      // Process-wide switches: TF32 would put float32 results ~1e-3 off.
      at::globalContext().setAllowTF32CuBLAS(options.allowTf32);
      at::globalContext().setAllowTF32CuDNN(options.allowTf32);
    }
    if (options.tuneMalloc && vitOptions->device.is_cpu()) tuneMallocForTensors();
    model->vit_ = VisionTransformer(config, weights, *vitOptions);
  } catch (const std::exception& e) {
    return makeError("cannot set up the model on " + describeDevice(vitOptions->device) + ": " +
                     torchMessage(e));
  }
  return model;
}

Result<std::unique_ptr<ClipVision>> ClipVision::createRandom(const ClipVisionConfig& config,
                                                             std::uint64_t seed,
                                                             const ClipLoadOptions& options) {
  if (Status s = config.validate(); !s) return s.error();
  try {
    return fromWeights(config, randomClipWeights(config, seed), options);
  } catch (const std::exception& e) {
    return makeError("cannot create random weights: " + torchMessage(e));
  }
}

Result<std::unique_ptr<ClipVision>> ClipVision::load(const std::string& modelDir,
                                                     const ClipLoadOptions& options) {
  auto files = findModelFiles(modelDir, options.layout);
  if (!files) return files.error();
  auto config = loadModelConfig(*files);
  if (!config) return config.error();
  auto file = format::SafetensorsFile::open(files->weightsPath);
  if (!file) return file.error();
  auto weights = loadClipWeights(*file, *config);
  if (!weights) return weights.error();
  auto model = fromWeights(*config, *weights, options);
  if (model) (*model)->weightsPath_ = files->weightsPath;
  return model;
}

void ClipVision::applyThreads() const {
  if (!device().is_cpu() || options_.threads < 0) return;
  int n = options_.threads;
  if (n == 0) n = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (at::get_num_threads() != n) at::set_num_threads(n);
}

Result<torch::Tensor> ClipVision::checkPixels(const torch::Tensor& pixels) const {
  if (!pixels.defined()) return makeError("pixels: undefined tensor");
  torch::Tensor p = pixels.dim() == 3 ? pixels.unsqueeze(0) : pixels;
  const std::int64_t s = config_.imageSize;
  if (p.dim() != 4 || p.size(0) < 1 || p.size(1) != 3 || p.size(2) != s || p.size(3) != s) {
    std::string shape = "[";
    for (std::int64_t i = 0; i < pixels.dim(); ++i) shape += (i ? "," : "") + std::to_string(pixels.size(i));
    return makeError("pixels: shape " + shape + "], expected [B,3," + std::to_string(s) + "," +
                     std::to_string(s) + "]");
  }
  if (!p.is_floating_point()) return makeError("pixels: expected a floating-point tensor");
  return p;
}

torch::Tensor ClipVision::forwardChunk(const torch::Tensor& chunk) const {
  const std::int64_t n = chunk.size(0);
  const std::int64_t parts = std::min<std::int64_t>(at::get_num_threads(), n);
  if (!options_.splitBatch || !device().is_cpu() || parts < 2) return vit_->forward(chunk).to(torch::kCPU);
  // Each thread encodes its own share of the images: the operations inside
  // a parallel region run on one thread, with no waiting for each other.
  auto out = torch::empty({n, config_.outputDim}, torch::kFloat32);
  at::parallel_for(0, parts, 1, [&](std::int64_t begin, std::int64_t end) {
    c10::InferenceMode guard;  // thread-local: the pool's threads need their own
    for (std::int64_t p = begin; p < end; ++p) {
      const std::int64_t first = n * p / parts, count = n * (p + 1) / parts - first;
      out.narrow(0, first, count).copy_(vit_->forward(chunk.narrow(0, first, count)));
    }
  });
  return out;
}

Result<torch::Tensor> ClipVision::encodePixels(const torch::Tensor& pixels) const {
  auto checked = checkPixels(pixels);
  if (!checked) return checked;
  try {
    c10::InferenceMode guard;
    applyThreads();
    std::vector<torch::Tensor> parts;
    const std::int64_t b = checked->size(0);
    for (std::int64_t i = 0; i < b; i += options_.maxBatch) {
      const auto chunk = checked->narrow(0, i, std::min<std::int64_t>(options_.maxBatch, b - i));
      parts.push_back(forwardChunk(chunk));
    }
    auto out = parts.size() == 1 ? parts[0] : torch::cat(parts, 0);
    if (options_.normalize) out = out / out.norm(2, {1}, true).clamp_min(1e-12);
    return out.contiguous();
  } catch (const std::exception& e) {
    return makeError("encoding failed: " + torchMessage(e));
  }
}

Result<torch::Tensor> ClipVision::encodeImages(const std::vector<RgbView>& images) const {
  auto pixels = preprocessBatch(images, config_.preprocess);
  if (!pixels) return pixels;
  return encodePixels(*pixels);
}

Result<std::pair<torch::Tensor, VitIntermediates>> ClipVision::encodePixelsDebug(
    const torch::Tensor& pixels) const {
  auto checked = checkPixels(pixels);
  if (!checked) return checked.error();
  try {
    c10::InferenceMode guard;
    applyThreads();
    VitIntermediates mid;
    auto out = vit_->forward(*checked, &mid).to(torch::kCPU);
    mid.embeddings = mid.embeddings.to(torch::kCPU);
    mid.lastHidden = mid.lastHidden.to(torch::kCPU);
    mid.pooled = mid.pooled.to(torch::kCPU);
    return std::make_pair(out, mid);
  } catch (const std::exception& e) {
    return makeError("encoding failed: " + torchMessage(e));
  }
}

}  // namespace w2w::clip
