#include <gtest/gtest.h>

#include <ATen/Context.h>

#include "embed/clip/packed_linear.h"

namespace w2w::clip {
namespace {

// Both oneDNN paths (transposed for few rows, direct for many) against addmm.
TEST(PackedLinear, OneDnnMatchesAddmm) {
  if (!at::hasMKLDNN()) GTEST_SKIP() << "LibTorch without oneDNN";
  torch::manual_seed(3);
  const auto w = torch::randn({96, 40}) * 0.2, b = torch::randn({96});
  const PackedLinear ref(w, b, LinearKernel::Addmm), dnn(w, b, LinearKernel::OneDnn),
      noBias(w, {}, LinearKernel::OneDnn);
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
  if (resolveLinearKernel(LinearKernel::Auto, torch::kCPU, torch::kBFloat16) != LinearKernel::OneDnn)
    GTEST_SKIP() << "no oneDNN bf16 on this CPU";
  torch::manual_seed(4);
  const auto w = (torch::randn({64, 48}) * 0.2).to(torch::kBFloat16),
             b = torch::randn({64}).to(torch::kBFloat16);
  const PackedLinear ref(w, b, LinearKernel::Addmm), dnn(w, b, LinearKernel::OneDnn);
  for (std::int64_t rows : {std::int64_t{5}, PackedLinear::kSwapRows + 3}) {
    const auto x = torch::randn({rows, 48}).to(torch::kBFloat16);
    const auto y = dnn(x).to(torch::kFloat32), expected = ref(x).to(torch::kFloat32);
    EXPECT_LE((y - expected).abs().max().item<double>(), 0.05) << rows << " rows";
  }
}

TEST(PackedLinear, AutoPicksOneDnnOnlyForCpuFloat32AndBf16) {
  const auto cpu = torch::Device(torch::kCPU);
  const auto expected = at::hasMKLDNN() ? LinearKernel::OneDnn : LinearKernel::Addmm;
  EXPECT_EQ(resolveLinearKernel(LinearKernel::Auto, cpu, torch::kFloat32), expected);
  EXPECT_EQ(resolveLinearKernel(LinearKernel::Auto, cpu, torch::kFloat16), LinearKernel::Addmm);
  EXPECT_EQ(resolveLinearKernel(LinearKernel::OneDnn, torch::Device(torch::kCUDA, 0), torch::kFloat32),
            LinearKernel::Addmm);
}

}  // namespace
}  // namespace w2w::clip
