#include "embed/clip/torchscript_encoder.h"

#include <c10/core/InferenceMode.h>
#include <torch/script.h>

#include "embed/clip/device.h"

namespace w2w::clip {

TorchScriptEncoder::~TorchScriptEncoder() = default;

namespace {
std::string torchMessage(const std::exception& e) {
  if (const auto* c10e = dynamic_cast<const c10::Error*>(&e)) return c10e->what_without_backtrace();
  return e.what();
}
}  // namespace

Result<std::unique_ptr<TorchScriptEncoder>> TorchScriptEncoder::load(const std::string& path,
                                                                     const std::string& device,
                                                                     bool normalize) {
  const DeviceChoice choice = chooseDevice(device);
  if (!choice.error.empty()) return makeError(choice.error);
  std::unique_ptr<TorchScriptEncoder> enc(new TorchScriptEncoder());
  enc->path_ = path;
  enc->device_ = choice.device;
  enc->normalize_ = normalize;
  try {
    enc->module_ = std::make_unique<torch::jit::Module>(torch::jit::load(path, choice.device));
    enc->module_->eval();
  } catch (const std::exception& e) {
    // The first line is enough: TorchScript errors carry long stack traces.
    std::string msg = torchMessage(e);
    msg = msg.substr(0, msg.find('\n'));
    return makeError(path + ": cannot load the TorchScript encoder (" + msg + ")");
  }
  return enc;
}

Result<torch::Tensor> TorchScriptEncoder::encodePixels(const torch::Tensor& pixels) const {
  if (!pixels.defined() || pixels.dim() != 4 || pixels.size(1) != 3 || !pixels.is_floating_point())
    return makeError("pixels: expected a float tensor [B,3,H,W]");
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    c10::InferenceMode guard;
    auto out = module_->forward({pixels.to(device_, torch::kFloat32)});
    if (!out.isTensor()) return makeError(path_ + ": forward() did not return a tensor");
    auto t = out.toTensor().to(torch::kCPU, torch::kFloat32);
    if (t.dim() != 2 || t.size(0) != pixels.size(0))
      return makeError(path_ + ": forward() returned a tensor of the wrong shape (expected [B,D])");
    if (normalize_) t = t / t.norm(2, {1}, true).clamp_min(1e-12);
    return t.contiguous();
  } catch (const std::exception& e) {
    std::string msg = torchMessage(e);
    return makeError(path_ + ": forward failed (" + msg.substr(0, msg.find('\n')) + ")");
  }
}

}  // namespace w2w::clip
