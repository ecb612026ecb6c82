// VisionTransformer: the CLIP image tower (OpenAI's VisionTransformer, HF's
// CLIPVisionTransformer + visual_projection) as a LibTorch module.
//
//   patches (conv P x P, stride P, no bias; token = row * grid + col)
//   -> [class token; patches] + position embedding -> pre-LayerNorm
//   -> layers x { x += out(attn(LN1 x));  x += fc2(act(fc1(LN2 x))) }
//   -> post-LayerNorm of token 0 -> projection (not normalised)
//
// Attention splits Q/K/V into contiguous head_dim chunks and scales logits by
// 1/sqrt(head_dim) (folded into the Q weights at construction).
//
// On the CPU the layers run through oneDNN directly when the build has it
// (onednn_layers.h), otherwise through LibTorch's operators (block()).
//
// Reduced precision (bf16 on CPUs with bf16 kernels or on CUDA, fp16 on CUDA)
// runs the matrix products in that type while the residual stream, the
// LayerNorms, softmax and the final projection stay in float32, as autocast
// would do it. On a CPU without bf16 kernels (no AVX-512: cpuHasBf16Kernels)
// bf16 rounds the weights to bf16 and computes in float32: the same weights,
// at float32's speed instead of LibTorch's scalar bf16 loops (100x slower).
//
// Thread-safety: forward() does not modify the module; several threads may
// call it at once on the same module (each call needs its own memory).
#pragma once

#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include "embed/clip/clip_config.h"
#include "embed/clip/clip_weights.h"
#include "embed/clip/onednn_layers.h"
#include "embed/clip/packed_linear.h"

namespace w2w::clip {

enum class Precision { Float32, BFloat16, Float16 };
const char* precisionName(Precision p);  // "float32", "bf16", "fp16"
torch::Dtype precisionDtype(Precision p);

struct VitOptions {
  torch::Device device{torch::kCPU};
  Precision precision = Precision::Float32;
  LinearKernel linearKernel = LinearKernel::Auto;
};

// Intermediate tensors, for checking against a reference (float32, [B,...]).
struct VitIntermediates {
  torch::Tensor embeddings;  // after class token + position embedding, before the pre-LayerNorm
  torch::Tensor lastHidden;  // output of the last block, before the post-LayerNorm
  torch::Tensor pooled;      // post-LayerNorm of token 0, before the projection
};

class VisionTransformerImpl : public torch::nn::Module {
 public:
  // Moves and converts the weights once; throws c10::Error on device trouble
  // (ClipVision catches it).
  VisionTransformerImpl(const ClipVisionConfig& config, const ClipVisionWeights& weights,
                        const VitOptions& options);

  // pixels: [B,3,S,S] float32, any device. Returns [B,D] float32 on the
  // module's device. Call under c10::InferenceMode or NoGradGuard.
  torch::Tensor forward(const torch::Tensor& pixels, VitIntermediates* intermediates = nullptr) const;

  const VitOptions& options() const { return options_; }
  LinearKernel linearKernel() const { return kernel_; }
  // The type the matrix products run in: the precision's, except float32 for
  // bf16 on a CPU without bf16 kernels.
  torch::Dtype computeDtype() const { return computeDtype_; }

 private:
  struct Layer {
    torch::Tensor ln1Weight, ln1Bias, ln2Weight, ln2Bias;
    PackedLinear qkv, out, fc1, fc2;
  };
  torch::Tensor block(const Layer& layer, torch::Tensor x) const;
  torch::Tensor activation(torch::Tensor x) const;

  ClipVisionConfig config_;
  VitOptions options_;
  LinearKernel kernel_ = LinearKernel::Addmm;
  torch::Dtype computeDtype_ = torch::kFloat32;
  PackedLinear patch_;
  torch::Tensor classEmbedding_, positionEmbedding_;
  torch::Tensor preLnWeight_, preLnBias_, postLnWeight_, postLnBias_;
  torch::Tensor projectionT_;                   // [W,D] float32
  std::vector<Layer> layers_;                   // LibTorch route
  std::shared_ptr<const OneDnnLayers> oneDnn_;  // or oneDNN's (kernel_ == OneDnn)
};
TORCH_MODULE(VisionTransformer);

}  // namespace w2w::clip
