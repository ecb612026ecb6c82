#include "embed/clip/packed_linear.h"

#include <ATen/Context.h>

#include "embed/clip/onednn_layers.h"

namespace w2w::clip {

const char* linearKernelName(LinearKernel k) {
  switch (k) {
    case LinearKernel::Auto: return "auto";
    case LinearKernel::Addmm: return "addmm";
    case LinearKernel::MkldnnConv: return "mkldnn-conv";
    case LinearKernel::OneDnn: return "onednn";
  }
  return "?";
}

bool cpuHasBf16Kernels() {
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
  return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
         __builtin_cpu_supports("avx512dq");
#else
  return false;
#endif
}

LinearKernel resolveLinearKernel(LinearKernel requested, const torch::Device& device, torch::Dtype dtype) {
  const bool cpu = device.is_cpu();
  const bool oneDnn = cpu && OneDnnLayers::supports(dtype);
  const bool conv = cpu && at::hasMKLDNN() &&
                    (dtype == torch::kFloat32 || (dtype == torch::kBFloat16 && cpuHasBf16Kernels()));
  switch (requested) {
    case LinearKernel::Auto:
    case LinearKernel::OneDnn:
      if (oneDnn) return LinearKernel::OneDnn;
      [[fallthrough]];
    case LinearKernel::MkldnnConv:
      if (conv) return LinearKernel::MkldnnConv;
      [[fallthrough]];
    case LinearKernel::Addmm: break;
  }
  return LinearKernel::Addmm;
}

PackedLinear::PackedLinear(const torch::Tensor& weight, const torch::Tensor& bias, LinearKernel kernel)
    : weight_(weight.contiguous()), bias_(bias), kernel_(kernel) {}

torch::Tensor PackedLinear::operator()(const torch::Tensor& x) const {
  if (kernel_ == LinearKernel::MkldnnConv) {
    const auto m = x.size(0), k = x.size(1), n = weight_.size(0);
    if (m <= kSwapRows && x.scalar_type() != torch::kFloat32) {
      // bf16 with few rows: the oneDNN matmul behind addmm is the faster one.
      return bias_.defined() ? at::addmm(bias_, x, weight_.t()) : at::mm(x, weight_.t());
    }
    if (m <= kSwapRows) {
      // Few rows: oneDNN would spend more time reordering the weight (on every
      // call) than multiplying. Swap the roles instead: the weight [N,K] is a
      // channels-last image of N pixels that needs no reorder, the input the
      // filter: the result is y^T [N,M], transposed back while adding the bias.
      const auto image = weight_.view({1, n, 1, k}).permute({0, 3, 1, 2});
      const auto yt =
          at::mkldnn_convolution(image, x.view({m, k, 1, 1}), c10::nullopt, {0, 0}, {1, 1}, {1, 1}, 1);
      auto y = torch::empty({m, n}, x.options());
      const auto transposed = yt.permute({0, 2, 3, 1}).reshape({n, m}).t();
      if (bias_.defined())
        at::add_out(y, transposed, bias_);
      else
        y.copy_(transposed);
      return y;
    }
    // [M,K] row-major is [1,K,M,1] in channels-last order: a view, no copy.
    const auto input = x.view({1, m, 1, k}).permute({0, 3, 1, 2});
    const c10::optional<torch::Tensor> bias =
        bias_.defined() ? c10::optional<torch::Tensor>(bias_) : c10::nullopt;
    auto y = at::mkldnn_convolution(input, weight_.view({n, k, 1, 1}), bias, {0, 0}, {1, 1}, {1, 1}, 1);
    // Channels-last [1,N,M,1] is row-major [M,N]; the reshape is then a view.
    return y.permute({0, 2, 3, 1}).reshape({m, n});
  }
  if (bias_.defined()) return at::addmm(bias_, x, weight_.t());
  return at::mm(x, weight_.t());
}

}  // namespace w2w::clip
