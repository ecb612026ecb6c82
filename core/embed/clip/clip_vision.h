// ClipVision: the public face of w2w_clip. Loads a FashionCLIP/CLIP image tower
// from a model folder (Hugging Face or open_clip layout, safetensors only) and
// turns images or preprocessed pixels into embeddings.
//
//   ClipLoadOptions options;            // defaults: auto device, float32
//   auto model = ClipVision::load("models/fashion-clip", options);
//   if (!model) { report(model.message()); return; }
//   auto emb = (*model)->encodeImages({RgbView{pixels, w, h}});  // [1,512] float32 CPU
//
// Errors come back as Result values with a one-line message naming the file
// and key involved; no exception escapes this API.
//
// Thread-safety: a loaded ClipVision is immutable. encodePixels(),
// encodeImages() and encodePixelsDebug() are const and may be called from
// several threads at once (each call runs its own forward pass; running two at
// once on a 2-core CPU just splits the cores). Each call opens its own
// c10::InferenceMode, so any thread may call.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "common/result.h"
#include "embed/clip/clip_config.h"
#include "embed/clip/clip_weights.h"
#include "embed/clip/preprocess.h"
#include "embed/clip/vision_transformer.h"

namespace w2w::clip {

// Parameters of load(), whisper.cpp style: a struct of defaults.
struct ClipLoadOptions {
  std::string device = "auto";        // "auto" (CUDA if present), "cpu", "cuda", "cuda:N"
  std::string precision = "float32";  // "float32", "bf16" (CPU or CUDA), "fp16" (CUDA only)
  bool normalize = false;             // L2-normalise the embeddings (the model's own output is not)
  // CPU threads for the forward pass, set on the calling thread at each call
  // (LibTorch's OpenMP thread count is per calling thread). 0: one per hardware
  // thread (Debian's LibTorch would otherwise run on 1 thread on this machine);
  // -1: leave LibTorch's setting alone.
  int threads = 0;
  std::string layout = "auto";        // "auto", "hf" or "openclip"
  bool allowTf32 = false;             // CUDA only: TF32 matmuls (faster, ~1e-3 off float32). Process-wide.
  std::string linearKernel = "auto";  // "auto", "addmm", "mkldnn-conv", "onednn" (see packed_linear.h)
  int maxBatch = 32;                  // larger batches are run in chunks of this size
  // CPU with several threads and a chunk of at least two images: each thread
  // encodes its own share of the images (one thread per operation) instead of
  // all threads sharing every operation. See docs/benchmarks/clip.md.
  bool splitBatch = true;
  // glibc only: keep freed heap memory for reuse instead of faulting it back
  // in on every layer (process-wide; see malloc_tuning.h). Measured 1.15x
  // faster at batch 32 on the CPU (float32, one thread: 1.43 s vs 1.64 s).
  bool tuneMalloc = true;
};

class ClipVision {
 public:
  // Reads <modelDir>'s configs and safetensors weights (see config_loader.h).
  static Result<std::unique_ptr<ClipVision>> load(const std::string& modelDir,
                                                  const ClipLoadOptions& options = {});
  // A model from an in-memory config and weights (tests, benchmark, converters).
  static Result<std::unique_ptr<ClipVision>> fromWeights(const ClipVisionConfig& config,
                                                         const ClipVisionWeights& weights,
                                                         const ClipLoadOptions& options = {});
  // A model with random weights, reproducible from the seed.
  static Result<std::unique_ptr<ClipVision>> createRandom(const ClipVisionConfig& config, std::uint64_t seed,
                                                          const ClipLoadOptions& options = {});

  const ClipVisionConfig& config() const { return config_; }
  std::string weightsPath() const { return weightsPath_; }  // the .safetensors file; empty if in-memory
  torch::Device device() const { return vit_->options().device; }
  Precision precision() const { return vit_->options().precision; }
  LinearKernel linearKernel() const { return vit_->linearKernel(); }
  // The type the matrix products run in (float32 for bf16 on a CPU without bf16 kernels).
  torch::Dtype computeDtype() const { return vit_->computeDtype(); }
  int embeddingDim() const { return config_.outputDim; }
  bool normalizes() const { return options_.normalize; }

  // pixels: [B,3,S,S] (or [3,S,S]) float, already normalised as the config
  // says. Returns [B,D] float32 on the CPU.
  Result<torch::Tensor> encodePixels(const torch::Tensor& pixels) const;
  // Preprocesses (preprocess.h) and encodes, batched. Returns [N,D] float32 on the CPU.
  Result<torch::Tensor> encodeImages(const std::vector<RgbView>& images) const;
  // Like encodePixels (one chunk, no normalisation) plus the intermediate
  // tensors, all float32 on the CPU, for checking against a reference.
  Result<std::pair<torch::Tensor, VitIntermediates>> encodePixelsDebug(const torch::Tensor& pixels) const;

 private:
  ClipVision() = default;
  Result<torch::Tensor> checkPixels(const torch::Tensor& pixels) const;
  void applyThreads() const;
  torch::Tensor forwardChunk(const torch::Tensor& chunk) const;  // [B,D] float32 on the CPU

  ClipVisionConfig config_;
  ClipLoadOptions options_;
  std::string weightsPath_;
  VisionTransformer vit_{nullptr};
};

}  // namespace w2w::clip
