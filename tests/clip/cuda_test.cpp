// The golden tests on a CUDA device, in every precision the GPU runs: float32
// to the CPU's tolerances (TF32 stays off by default), fp16 and bf16 by
// cosine to the float32 reference. Skipped without a CUDA device (as in CI);
// bench/clip/run_cuda_check.sh runs them on a GPU machine and prints the
// figures each case measured.
#include <gtest/gtest.h>
#include <torch/cuda.h>

#include <cstdio>
#include <ostream>
#include <string>
#include <tuple>

#include "embed/clip/clip_vision.h"
#include "test_util.h"

namespace w2w::clip {
namespace {

struct GoldenModel {
  const char* folder;
  const char* embeds;       // reference embeddings of "pixels"
  const char* photoEmbeds;  // ... and of "photo_pixels"
};

// How GoogleTest names the parameter in test lists and failures.
void PrintTo(const GoldenModel& model, std::ostream* os) { *os << model.folder; }

constexpr GoldenModel kHf{"clip_tiny_hf", "hf_embeds", "photo_hf_embeds"};
constexpr GoldenModel kOpenClip{"clip_tiny_openclip", "openclip_embeds", "photo_openclip_embeds"};

std::unique_ptr<ClipVision> loadOnCuda(const GoldenModel& model, const std::string& precision,
                                       int maxBatch = 32) {
  ClipLoadOptions o;
  o.device = "cuda";
  o.precision = precision;
  o.maxBatch = maxBatch;
  auto m = ClipVision::load((test::goldenDir() / model.folder).string(), o);
  EXPECT_TRUE(m) << m.message();
  return m ? std::move(*m) : nullptr;
}

class GoldenCuda : public ::testing::TestWithParam<std::tuple<GoldenModel, std::string>> {
 protected:
  void SetUp() override {
    if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
  }
};

TEST_P(GoldenCuda, MatchesTheReference) {
  const auto& [model, precision] = GetParam();
  auto m = loadOnCuda(model, precision);
  ASSERT_TRUE(m);
  EXPECT_TRUE(m->device().is_cuda());
  for (const auto& [input, reference] :
       {std::pair{"pixels", model.embeds}, {"photo_pixels", model.photoEmbeds}}) {
    auto e = m->encodePixels(test::goldenTensor(input));
    ASSERT_TRUE(e) << e.message();
    // The API hands back host float32 whatever the device and precision.
    EXPECT_TRUE(e->device().is_cpu());
    EXPECT_EQ(e->scalar_type(), torch::kFloat32);
    const auto ref = test::goldenTensor(reference);
    const double maxAbs = test::maxAbsDiff(*e, ref);
    const double cosine = test::rowCosine(*e, ref).min().item<double>();
    std::printf("cuda golden %s %s %s: max abs diff %.3g, min cosine %.7f\n", model.folder, precision.c_str(),
                input, maxAbs, cosine);
    if (precision == "float32") {
      EXPECT_LE(maxAbs, 1e-4) << input;  // the CPU's golden tolerance
    } else {
      // Random pixels: the bound the CPU's bf16 meets; photos: the bf16 target.
      EXPECT_GE(cosine, std::string(input) == "pixels" ? 0.999 : 0.9999) << input;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Clip, GoldenCuda,
                         ::testing::Combine(::testing::Values(kHf, kOpenClip),
                                            ::testing::Values("float32", "fp16", "bf16")),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param).folder == kHf.folder ? "hf_"
                                                                                           : "openclip_") +
                                  std::get<1>(info.param);
                         });

TEST(GoldenCudaFloat32, IntermediateTensorsMatch) {
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
  auto m = loadOnCuda(kHf, "float32");
  ASSERT_TRUE(m);
  test::expectHfIntermediatesMatch(*m);
}

// Chunks of one image and one pass over all: the same embeddings, and the
// same as the CPU's.
TEST(GoldenCudaFloat32, ChunkingAndTheCpuAgree) {
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device";
  const auto pixels = test::goldenTensor("photo_pixels");
  auto whole = loadOnCuda(kHf, "float32");
  auto single = loadOnCuda(kHf, "float32", 1);
  ClipLoadOptions o;
  o.device = "cpu";
  auto cpu = ClipVision::load((test::goldenDir() / kHf.folder).string(), o);
  ASSERT_TRUE(whole && single && cpu);
  auto a = whole->encodePixels(pixels), b = single->encodePixels(pixels), c = (*cpu)->encodePixels(pixels);
  ASSERT_TRUE(a && b && c);
  EXPECT_LE(test::maxAbsDiff(*a, *b), 1e-5);
  EXPECT_LE(test::maxAbsDiff(*a, *c), 1e-4);
}

}  // namespace
}  // namespace w2w::clip
