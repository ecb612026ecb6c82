// TorchScriptEncoder: runs an image encoder that a user exported from Python
// with torch.jit.trace / torch.jit.script (a module whose forward maps
// [B,3,S,S] float32 normalised pixels to [B,D] embeddings).
//
// TRUSTED FILES ONLY. A TorchScript archive contains code and pickled data;
// torch::jit::load runs it with the full rights of this process. Load only
// files you exported yourself or got from a source you trust. The native
// ClipVision path (safetensors) is the one to use for downloaded models.
//
// Thread-safety: calls are serialised by an internal mutex (one forward at a
// time); the object may be shared between threads.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <torch/types.h>

#include "common/result.h"

namespace torch::jit {
struct Module;
}

namespace w2w::clip {

class TorchScriptEncoder {
 public:
  // device: as in ClipLoadOptions ("auto", "cpu", "cuda", "cuda:N").
  static Result<std::unique_ptr<TorchScriptEncoder>> load(const std::string& path,
                                                          const std::string& device = "auto",
                                                          bool normalize = false);
  ~TorchScriptEncoder();

  // pixels [B,3,H,W] float; returns [B,D] float32 on the CPU.
  Result<torch::Tensor> encodePixels(const torch::Tensor& pixels) const;
  torch::Device device() const { return device_; }
  const std::string& path() const { return path_; }

 private:
  TorchScriptEncoder() = default;
  std::string path_;
  torch::Device device_{torch::kCPU};
  bool normalize_ = false;
  std::unique_ptr<torch::jit::Module> module_;
  mutable std::mutex mutex_;
};

}  // namespace w2w::clip
