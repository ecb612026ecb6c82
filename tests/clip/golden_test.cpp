// The ViT against the golden reference (OpenAI's VisionTransformer in PyTorch),
// for both weight layouts and every linear kernel.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "embed/clip/clip_vision.h"
#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"
#include "test_util.h"

namespace w2w::clip {
namespace {

std::unique_ptr<ClipVision> load(const char* model, const std::string& kernel = "auto") {
  ClipLoadOptions o;
  o.device = "cpu";
  o.linearKernel = kernel;
  auto m = ClipVision::load((test::goldenDir() / model).string(), o);
  EXPECT_TRUE(m) << m.message();
  return m ? std::move(*m) : nullptr;
}

// A two-layer tower on 32-pixel images, for tests that need no reference.
ClipVisionConfig tinyConfig() {
  ClipVisionConfig c;
  c.imageSize = 32;
  c.patchSize = 8;
  c.width = 48;
  c.heads = 3;
  c.layers = 2;
  c.mlpDim = 96;
  c.outputDim = 16;
  c.preprocess.shortestEdge = c.preprocess.cropHeight = c.preprocess.cropWidth = 32;
  return c;
}

class GoldenKernels : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenKernels, HfModelMatchesReference) {
  auto m = load("clip_tiny_hf", GetParam());
  ASSERT_TRUE(m);
  auto e = m->encodePixels(test::goldenTensor("pixels"));
  ASSERT_TRUE(e) << e.message();
  EXPECT_EQ(e->sizes(), torch::IntArrayRef({3, 32}));
  EXPECT_LE(test::maxAbsDiff(*e, test::goldenTensor("hf_embeds")), 1e-4);
  auto p = m->encodePixels(test::goldenTensor("photo_pixels"));
  ASSERT_TRUE(p) << p.message();
  EXPECT_LE(test::maxAbsDiff(*p, test::goldenTensor("photo_hf_embeds")), 1e-4);
}

TEST_P(GoldenKernels, OpenClipModelMatchesReference) {
  auto m = load("clip_tiny_openclip", GetParam());
  ASSERT_TRUE(m);
  EXPECT_EQ(m->config().layout, WeightLayout::OpenClip);
  auto e = m->encodePixels(test::goldenTensor("pixels"));
  ASSERT_TRUE(e) << e.message();
  EXPECT_LE(test::maxAbsDiff(*e, test::goldenTensor("openclip_embeds")), 1e-4);
  auto p = m->encodePixels(test::goldenTensor("photo_pixels"));
  ASSERT_TRUE(p) << p.message();
  EXPECT_LE(test::maxAbsDiff(*p, test::goldenTensor("photo_openclip_embeds")), 1e-4);
}

TEST_P(GoldenKernels, IntermediateTensorsMatch) {
  auto m = load("clip_tiny_hf", GetParam());
  ASSERT_TRUE(m);
  test::expectHfIntermediatesMatch(*m);
}

INSTANTIATE_TEST_SUITE_P(Clip, GoldenKernels, ::testing::Values("auto", "addmm", "mkldnn-conv", "onednn"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

TEST(Golden, ReportsTheKernelInUse) {
  auto m = load("clip_tiny_hf");
  ASSERT_TRUE(m);
  const auto expected = OneDnnLayers::built() ? LinearKernel::OneDnn
                        : at::hasMKLDNN()     ? LinearKernel::MkldnnConv
                                              : LinearKernel::Addmm;
  EXPECT_EQ(m->linearKernel(), expected);
  EXPECT_EQ(load("clip_tiny_hf", "addmm")->linearKernel(), LinearKernel::Addmm);
}

// The oneDNN route fuses each activation into its product (swish with alpha
// 1.702, gelu_erf, gelu_tanh): all three against LibTorch's operators.
TEST(Golden, OneDnnLayersMatchLibTorchForEveryActivation) {
  if (!OneDnnLayers::built()) GTEST_SKIP() << "this build does not call oneDNN directly";
  ClipVisionConfig c = tinyConfig();
  torch::manual_seed(11);
  const auto x = torch::randn({5, 3, 32, 32});
  for (auto activation : {Activation::QuickGelu, Activation::Gelu, Activation::GeluTanh}) {
    c.activation = activation;
    ClipLoadOptions o;
    o.device = "cpu";
    o.linearKernel = "onednn";
    auto fused = ClipVision::createRandom(c, 5, o);
    o.linearKernel = "addmm";
    auto plain = ClipVision::createRandom(c, 5, o);
    ASSERT_TRUE(fused && plain);
    ASSERT_EQ((*fused)->linearKernel(), LinearKernel::OneDnn);
    auto a = (*fused)->encodePixels(x), b = (*plain)->encodePixels(x);
    ASSERT_TRUE(a && b);
    EXPECT_LE(test::maxAbsDiff(*a, *b), 1e-4 * b->abs().max().item<double>()) << activationName(activation);
  }
}

// Each thread on its own images, or all threads on each operation: the same embeddings.
TEST(Golden, SplitAndSharedThreadsAgree) {
  const auto pixels = test::goldenTensor("pixels");
  const auto expected = test::goldenTensor("hf_embeds");
  std::vector<torch::Tensor> results;
  for (bool split : {true, false}) {
    ClipLoadOptions o;
    o.device = "cpu";
    o.threads = 2;
    o.splitBatch = split;
    auto m = ClipVision::load((test::goldenDir() / "clip_tiny_hf").string(), o);
    ASSERT_TRUE(m) << m.message();
    auto e = (*m)->encodePixels(pixels);
    ASSERT_TRUE(e) << e.message();
    EXPECT_LE(test::maxAbsDiff(*e, expected), 1e-4) << (split ? "split" : "shared");
    results.push_back(*e);
  }
  EXPECT_LE(test::maxAbsDiff(results[0], results[1]), 1e-5);
}

TEST(Golden, NormalizeOptionGivesUnitVectorsInTheSameDirection) {
  ClipLoadOptions o;
  o.device = "cpu";
  o.normalize = true;
  auto m = ClipVision::load((test::goldenDir() / "clip_tiny_hf").string(), o);
  ASSERT_TRUE(m) << m.message();
  auto e = (*m)->encodePixels(test::goldenTensor("pixels"));
  ASSERT_TRUE(e);
  EXPECT_LE(test::maxAbsDiff(e->norm(2, {1}), torch::ones({3})), 1e-6);
  EXPECT_GE(test::rowCosine(*e, test::goldenTensor("hf_embeds")).min().item<double>(), 1 - 1e-6);
}

TEST(Golden, BatchingAndChunkingDoNotChangeResults) {
  ClipLoadOptions o;
  o.device = "cpu";
  o.maxBatch = 2;  // 3 images -> chunks of 2 and 1
  auto m = ClipVision::load((test::goldenDir() / "clip_tiny_hf").string(), o);
  ASSERT_TRUE(m);
  auto all = (*m)->encodePixels(test::goldenTensor("pixels"));
  ASSERT_TRUE(all);
  EXPECT_LE(test::maxAbsDiff(*all, test::goldenTensor("hf_embeds")), 1e-4);
  auto one = (*m)->encodePixels(test::goldenTensor("pixels")[1]);  // [3,S,S] is a batch of one
  ASSERT_TRUE(one);
  EXPECT_LE(test::maxAbsDiff(one->squeeze(0), (*all)[1]), 1e-5);
}

TEST(Golden, ConcurrentCallsAgree) {
  auto m = load("clip_tiny_openclip");
  ASSERT_TRUE(m);
  const auto pixels = test::goldenTensor("pixels");
  const auto expected = test::goldenTensor("openclip_embeds");
  std::vector<double> worst(4, 1.0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      double w = 0;
      for (int i = 0; i < 5; ++i) {
        auto e = m->encodePixels(pixels);
        w = std::max(w, e ? test::maxAbsDiff(*e, expected) : 1.0);
      }
      worst[t] = w;
    });
  }
  for (auto& t : threads) t.join();
  for (double w : worst) EXPECT_LE(w, 1e-4);
}

TEST(Golden, AcceptsAnyMemoryLayout) {
  auto m = load("clip_tiny_hf");
  ASSERT_TRUE(m);
  auto e = m->encodePixels(test::goldenTensor("pixels").contiguous(torch::MemoryFormat::ChannelsLast));
  ASSERT_TRUE(e) << e.message();
  EXPECT_LE(test::maxAbsDiff(*e, test::goldenTensor("hf_embeds")), 1e-4);
}

TEST(Golden, BadPixelsAreErrorsNotExceptions) {
  auto m = load("clip_tiny_hf");
  ASSERT_TRUE(m);
  auto r = m->encodePixels(torch::zeros({2, 3, 32, 32}));
  ASSERT_FALSE(r);
  EXPECT_NE(r.message().find("[2,3,32,32]"), std::string::npos) << r.message();
  EXPECT_FALSE(m->encodePixels(torch::zeros({1, 3, 64, 64}, torch::kUInt8)));
  EXPECT_FALSE(m->encodePixels(torch::Tensor()));
}

TEST(Golden, RandomModelFromConfigRuns) {
  ClipVisionConfig c = tinyConfig();
  c.activation = Activation::GeluTanh;
  ClipLoadOptions o;
  o.device = "cpu";
  auto a = ClipVision::createRandom(c, 7, o);
  auto b = ClipVision::createRandom(c, 7, o);
  ASSERT_TRUE(a) << a.message();
  ASSERT_TRUE(b);
  const auto x = torch::randn({2, 3, 32, 32});
  auto ea = (*a)->encodePixels(x), eb = (*b)->encodePixels(x);
  ASSERT_TRUE(ea && eb);
  EXPECT_EQ(ea->sizes(), torch::IntArrayRef({2, 16}));
  EXPECT_TRUE(torch::equal(*ea, *eb));  // same seed, same weights
  c.heads = 5;                          // 48 is not divisible by 5
  auto bad = ClipVision::createRandom(c, 7, o);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.message().find("divisible"), std::string::npos);
}

}  // namespace
}  // namespace w2w::clip
