#include <gtest/gtest.h>

#include <ATen/Context.h>

#include "embed/clip/onednn_layers.h"
#include "embed/clip/packed_linear.h"

namespace w2w::clip {
namespace {

// Both oneDNN paths (transposed for few rows, direct for many) against addmm.
TEST(PackedLinear, OneDnnMatchesAddmm) {
  if (!at::hasMKLDNN()) GTEST_SKIP() << "LibTorch without oneDNN";
  torch::manual_seed(3);
  const auto w = torch::randn({96, 40}) * 0.2, b = torch::randn({96});
  const PackedLinear ref(w, b, LinearKernel::Addmm), dnn(w, b, LinearKernel::MkldnnConv),
      noBias(w, {}, LinearKernel::MkldnnConv);
  for (std::int64_t rows : {std::int64_t{1}, std::int64_t{17}, PackedLinear::kSwapRows,
                            PackedLinear::kSwapRows + 1, std::int64_t{700}}) {
    const auto x = torch::randn({rows, 40});
    const auto expected = ref(x);
    const auto y = dnn(x);
    ASSERT_EQ(y.sizes(), expected.sizes());
    EXPECT_TRUE(y.is_contiguous());
    EXPECT_LE((y - expected).abs().max().item<double>(), 1e-5) << rows << " rows";
    EXPECT_LE((noBias(x) - at::mm(x, w.t())).abs().max().item<double>(), 1e-5) << rows << " rows";
  }
}

TEST(PackedLinear, Bf16OneDnnMatchesAddmm) {
  if (resolveLinearKernel(LinearKernel::MkldnnConv, torch::kCPU, torch::kBFloat16) !=
      LinearKernel::MkldnnConv)
    GTEST_SKIP() << "no oneDNN bf16 on this CPU";
  torch::manual_seed(4);
  const auto w = (torch::randn({64, 48}) * 0.2).to(torch::kBFloat16),
             b = torch::randn({64}).to(torch::kBFloat16);
  const PackedLinear ref(w, b, LinearKernel::Addmm), dnn(w, b, LinearKernel::MkldnnConv);
  for (std::int64_t rows : {std::int64_t{5}, PackedLinear::kSwapRows + 3}) {
    const auto x = torch::randn({rows, 48}).to(torch::kBFloat16);
    const auto y = dnn(x).to(torch::kFloat32), expected = ref(x).to(torch::kFloat32);
    EXPECT_LE((y - expected).abs().max().item<double>(), 0.05) << rows << " rows";
  }
}

TEST(PackedLinear, KernelsResolveToWhatTheBuildAndDeviceHave) {
  const auto cpu = torch::Device(torch::kCPU);
  const auto cuda = torch::Device(torch::kCUDA, 0);
  const auto conv = at::hasMKLDNN() ? LinearKernel::MkldnnConv : LinearKernel::Addmm;
  const auto best = OneDnnLayers::built() ? LinearKernel::OneDnn : conv;
  EXPECT_EQ(resolveLinearKernel(LinearKernel::Auto, cpu, torch::kFloat32), best);
  EXPECT_EQ(resolveLinearKernel(LinearKernel::OneDnn, cpu, torch::kFloat32), best);
  EXPECT_EQ(resolveLinearKernel(LinearKernel::MkldnnConv, cpu, torch::kFloat32), conv);
  EXPECT_EQ(resolveLinearKernel(LinearKernel::Addmm, cpu, torch::kFloat32), LinearKernel::Addmm);
  EXPECT_EQ(resolveLinearKernel(LinearKernel::Auto, cpu, torch::kFloat16), LinearKernel::Addmm);
  for (auto k : {LinearKernel::Auto, LinearKernel::OneDnn, LinearKernel::MkldnnConv})
    EXPECT_EQ(resolveLinearKernel(k, cuda, torch::kFloat32), LinearKernel::Addmm) << linearKernelName(k);
  // bf16 takes oneDNN only where the CPU has bf16 kernels.
  if (!cpuHasBf16Kernels()) {
    EXPECT_EQ(resolveLinearKernel(LinearKernel::Auto, cpu, torch::kBFloat16), LinearKernel::Addmm);
    EXPECT_FALSE(OneDnnLayers::supports(torch::kBFloat16));
  }
}

}  // namespace
}  // namespace w2w::clip
