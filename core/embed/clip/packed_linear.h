// PackedLinear: y = x W^T + b through LibTorch's operators, with the weight
// laid out once for the fastest of them on the device and precision. The
// transformer layers on the CPU normally call oneDNN directly instead
// (onednn_layers.h); this is the route for the patch embedding, for CUDA, and
// for builds without oneDNN's headers.
//
// Why not at::addmm everywhere: Debian's LibTorch sends float32 addmm to the
// system BLAS, and with OPENBLAS_CORETYPE=Haswell OpenBLAS runs AVX2 kernels
// at about half the speed oneDNN reaches on AVX-512 cores. oneDNN is reachable
// from LibTorch 1.13 through mkldnn_convolution: a 1x1 convolution over a
// channels-last [1,K,M,1] view of the [M,K] input is exactly the matrix
// product, and its channels-last output is the [M,N] result in row-major
// order, so no copy is needed either way. oneDNN reorders the weight on every
// call, which dominates for few rows; up to kSwapRows rows the product is
// computed transposed instead (weight as the image, input as the filter).
// Measured on one core of an AVX-512 EPYC, GFLOP/s for M=50/150/1600 rows of
// ViT-B/32's QKV shape: addmm (OpenBLAS, CORETYPE=Haswell) 95/104/123, oneDNN
// 88/156/232, swapped 141/179/208. bfloat16 addmm already goes to oneDNN's
// matmul, which wins for few rows (357 GFLOP/s at 50 rows vs 250 through the
// convolution) and loses for many (386 vs 484 at 1600 rows): bf16 takes the
// convolution only above kSwapRows rows. CUDA uses cuBLAS (addmm).
#pragma once

#include <torch/types.h>

namespace w2w::clip {

enum class LinearKernel {
  Auto,        // the fastest this build and device have: OneDnn, else MkldnnConv, else Addmm
  Addmm,       // at::addmm (system BLAS for CPU float32, oneDNN matmul for CPU bf16, cuBLAS)
  MkldnnConv,  // LibTorch's at::mkldnn_convolution 1x1 (CPU float32, and bf16 on CPUs with bf16 kernels)
  OneDnn,      // oneDNN's primitives called directly, weights pre-packed (CPU; see onednn_layers.h)
};
const char* linearKernelName(LinearKernel k);  // "auto", "addmm", "mkldnn-conv", "onednn"

// Whether oneDNN (and so LibTorch) has bfloat16 kernels for this CPU: it
// needs AVX-512 (BW, VL, DQ) or newer. Elsewhere bf16 products fall back to
// LibTorch's scalar loops, about 100x slower than float32.
bool cpuHasBf16Kernels();

class PackedLinear {
 public:
  PackedLinear() = default;
  // weight [N,K] and bias [N] (bias may be undefined), already on the target
  // device and in the compute dtype. kernel: Addmm or MkldnnConv.
  PackedLinear(const torch::Tensor& weight, const torch::Tensor& bias, LinearKernel kernel);

  // x [M,K] contiguous, same device and dtype as the weight; returns [M,N].
  torch::Tensor operator()(const torch::Tensor& x) const;

  static constexpr std::int64_t kSwapRows = 512;

  LinearKernel kernel() const { return kernel_; }
  std::int64_t outFeatures() const { return weight_.size(0); }

 private:
  torch::Tensor weight_;  // [N,K] contiguous
  torch::Tensor bias_;
  LinearKernel kernel_ = LinearKernel::Addmm;
};

// What a requested kernel resolves to for this build, device and dtype: the
// requested one if it can run there, else the next in the order OneDnn,
// MkldnnConv, Addmm (Auto starts at the top).
LinearKernel resolveLinearKernel(LinearKernel requested, const torch::Device& device, torch::Dtype dtype);

}  // namespace w2w::clip
