// OneDnnLayers: the transformer layers of the CLIP tower on the CPU, calling
// oneDNN's primitives directly instead of going through LibTorch's operators.
//
// What this gains over the LibTorch route (VisionTransformerImpl::block):
//   - each weight is reordered once, at load, into the blocked layout oneDNN's
//     kernels read (each product is a 1x1 convolution, see onednn_layers.cpp),
//     where LibTorch's mkldnn_convolution reorders it on every call and
//     oneDNN's own matmul packs it again inside every call on AVX2;
//   - the bias, the activation (QuickGELU is oneDNN's swish with alpha 1.702;
//     GELU and its tanh form are eltwise algorithms too) and the residual
//     addition (a sum post-op writing into the float32 residual stream) run
//     inside the matrix product, on data still in cache;
//   - attention reads Q, K and V where the QKV product wrote them and writes
//     its context in [token, width] order: no permute copies;
//   - in bf16 each product writes the type its reader wants (bf16 for the next
//     product, float32 for the residual stream and the soft-max): no casts
//     besides the LayerNorm outputs.
// LayerNorm stays LibTorch's (about 1% of the time).
//
// Compiled in when oneDNN's headers are installed and LibTorch links the very
// same shared libdnnl (CMake option W2W_CLIP_ONEDNN); elsewhere built() is
// false and the model uses LibTorch's operators.
//
// Thread-safety: run() is const and may be called from several threads at
// once; each call brings its own buffers and scratchpad.
#pragma once

#include <memory>
#include <vector>

#include <torch/types.h>

#include "embed/clip/clip_config.h"
#include "embed/clip/clip_weights.h"

namespace w2w::clip {

class OneDnnLayers {
 public:
  // Whether this build calls oneDNN directly.
  static bool built();
  // Built, and oneDNN has kernels for dtype (float32 or bfloat16) on this CPU.
  // bf16 needs AVX-512 (BW, VL, DQ) or newer; oneDNN 2.6 has none for AVX2.
  static bool supports(torch::Dtype dtype);

  // layers: float32 CPU tensors in canonical form, with 1/sqrt(head_dim)
  // already folded into the Q rows of qkv. Throws c10::Error if oneDNN
  // refuses a shape.
  OneDnnLayers(const ClipVisionConfig& config, const std::vector<ClipLayerWeights>& layers,
               torch::Dtype dtype);
  ~OneDnnLayers();
  OneDnnLayers(const OneDnnLayers&) = delete;
  OneDnnLayers& operator=(const OneDnnLayers&) = delete;

  // Runs every layer on x, the residual stream [B,T,W]: float32, contiguous,
  // on the CPU; updated in place.
  void run(torch::Tensor& x) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace w2w::clip
