// Preprocessing against Hugging Face CLIPImageProcessor: geometry, PIL-exact
// resampling, the golden photo_pixels, and end-to-end embeddings.
#include <gtest/gtest.h>

#include "embed/clip/clip_vision.h"
#include "embed/clip/pil_resample.h"
#include "embed/clip/preprocess.h"
#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"
#include "test_util.h"

namespace w2w::clip {
namespace {

const char* kPhotos[] = {"chelsea", "rocket", "coffee_portrait"};

// Decoded photos (see tests/data/clip/make_photo_fixture.py).
torch::Tensor photo(const std::string& key) {
  static auto file =
      format::SafetensorsFile::open((test::dataDir() / "clip" / "photos_rgb.safetensors").string());
  EXPECT_TRUE(file) << file.message();
  auto info = (*file)->find(key);
  EXPECT_NE(info, nullptr) << key;
  return tensorView(*file, *info)->clone();
}

RgbView view(const torch::Tensor& hwc) {
  return RgbView{hwc.data_ptr<std::uint8_t>(), static_cast<int>(hwc.size(1)), static_cast<int>(hwc.size(0)),
                 0};
}

PreprocessConfig config64() {
  PreprocessConfig p;
  p.shortestEdge = p.cropHeight = p.cropWidth = 64;
  return p;
}

TEST(Preprocess, GeometryMatchesHf) {
  struct Case {
    int w, h, rw, rh, top, left;
  } cases[] = {{451, 300, 96, 64, 0, 16}, {640, 427, 95, 64, 0, 15}, {400, 600, 64, 96, 16, 0}};
  for (const auto& c : cases) {
    auto g = planPreprocess(c.w, c.h, config64());
    ASSERT_TRUE(g) << g.message();
    EXPECT_EQ(g->resizedWidth, c.rw) << c.w;
    EXPECT_EQ(g->resizedHeight, c.rh) << c.w;
    EXPECT_EQ(g->cropTop, c.top) << c.w;
    EXPECT_EQ(g->cropLeft, c.left) << c.w;
  }
  auto tv = config64();
  tv.cropRounding = CropRounding::Torchvision;
  EXPECT_EQ(planPreprocess(640, 427, tv)->cropLeft, 16);  // round(15.5) = 16
  EXPECT_EQ(planPreprocess(93 * 3, 64 * 3, tv)->cropLeft,
            14);  // 93 - 64 = 29: round(14.5) = 14 (half to even)
}

TEST(Preprocess, ResamplingIsBitExactWithPil) {
  for (const char* name : kPhotos) {
    const auto img = photo(name);
    PreprocessGeometry g;
    auto crop = resizeAndCrop(view(img), config64(), &g);
    ASSERT_TRUE(crop) << crop.message();
    const auto pil = photo(std::string(name) + "_pil64");
    const auto ours = torch::from_blob(crop->data(), {64, 64, 3}, torch::kUInt8);
    const auto diff = (ours.to(torch::kInt32) - pil.to(torch::kInt32)).abs();
    EXPECT_EQ(diff.max().item<int>(), 0) << name << ": mean " << diff.to(torch::kFloat).mean().item<float>();
  }
}

TEST(Preprocess, PixelsWithinToleranceOfGolden) {
  const auto expected = test::goldenTensor("photo_pixels");
  const auto stdv = torch::tensor({0.26862954f, 0.26130258f, 0.27577711f}).view({3, 1, 1});
  for (int i = 0; i < 3; ++i) {
    const auto img = photo(kPhotos[i]);
    auto batch = preprocessBatch({view(img)}, config64());
    ASSERT_TRUE(batch) << batch.message();
    const auto levels = ((*batch)[0] - expected[i]).abs() * 255.0 * stdv;
    EXPECT_LE(levels.mean().item<double>(), 0.5) << kPhotos[i];
    EXPECT_LE(levels.max().item<double>(), 8.0) << kPhotos[i];
  }
}

TEST(Preprocess, EndToEndCosinePerPhoto) {
  std::vector<torch::Tensor> imgs;
  std::vector<RgbView> views;
  for (const char* name : kPhotos) imgs.push_back(photo(name));
  for (const auto& t : imgs) views.push_back(view(t));
  for (auto [model, key] : {std::pair{"clip_tiny_hf", "photo_hf_embeds"},
                            std::pair{"clip_tiny_openclip", "photo_openclip_embeds"}}) {
    auto m = ClipVision::load((test::goldenDir() / model).string(), {});
    ASSERT_TRUE(m) << m.message();
    auto e = (*m)->encodeImages(views);
    ASSERT_TRUE(e) << e.message();
    const auto cos = test::rowCosine(*e, test::goldenTensor(key));
    for (int i = 0; i < 3; ++i) EXPECT_GE(cos[i].item<double>(), 0.9999) << model << " " << kPhotos[i];
  }
}

TEST(Preprocess, SmallImagesAreUpscaledAndStridesHonoured) {
  // A 5x3 image inside rows of 32 bytes: upscaled to 106x64, then cropped.
  std::vector<std::uint8_t> buf(3 * 32, 7);
  for (int y = 0; y < 3; ++y)
    for (int x = 0; x < 5; ++x)
      for (int c = 0; c < 3; ++c) buf[y * 32 + x * 3 + c] = static_cast<std::uint8_t>(40 * x + 10 * y + c);
  PreprocessGeometry g;
  auto crop = resizeAndCrop(RgbView{buf.data(), 5, 3, 32}, config64(), &g);
  ASSERT_TRUE(crop) << crop.message();
  EXPECT_EQ(g.resizedWidth, 106);
  EXPECT_EQ(g.resizedHeight, 64);
  EXPECT_EQ(g.cropLeft, 21);
  // Horizontal gradient survives: left edge darker than right edge.
  EXPECT_LT((*crop)[32 * 64 * 3 + 0], (*crop)[32 * 64 * 3 + 63 * 3]);
}

TEST(Preprocess, CropLargerThanResizePadsWithBlackAsHf) {
  PreprocessConfig p = config64();
  p.shortestEdge = 60;  // resize to 60 x 90, crop 64 x 64: 2 rows of padding on top (ceil(4/2))
  std::vector<std::uint8_t> white(60 * 90 * 3, 255);
  PreprocessGeometry g;
  auto crop = resizeAndCrop(RgbView{white.data(), 90, 60, 0}, p, &g);
  ASSERT_TRUE(crop) << crop.message();
  EXPECT_EQ(g.cropTop, -2);
  EXPECT_EQ(g.cropLeft, 13);
  EXPECT_EQ((*crop)[(1 * 64 + 10) * 3], 0);
  EXPECT_EQ((*crop)[(2 * 64 + 10) * 3], 255);
  EXPECT_EQ((*crop)[(61 * 64 + 10) * 3], 255);
  EXPECT_EQ((*crop)[(62 * 64 + 10) * 3], 0);
  std::vector<float> out(3 * 64 * 64);
  ASSERT_TRUE(preprocessInto(RgbView{white.data(), 90, 60, 0}, p, out.data()));
  EXPECT_FLOAT_EQ(out[0], (0.f - p.mean[0]) / p.std[0]);
}

TEST(Preprocess, RescaleAndNormaliseLikeHf) {
  PreprocessConfig p = config64();
  std::vector<std::uint8_t> img(64 * 64 * 3, 200);
  std::vector<float> out(3 * 64 * 64);
  ASSERT_TRUE(preprocessInto(RgbView{img.data(), 64, 64, 0}, p, out.data()));
  const float v = static_cast<float>(200.0 * (1.0 / 255.0));
  EXPECT_EQ(out[64 * 64], (v - p.mean[1]) / p.std[1]);
}

TEST(Preprocess, BadImagesAreErrors) {
  std::vector<std::uint8_t> px(12, 0);
  EXPECT_FALSE(preprocessBatch({}, config64()));
  auto r = preprocessBatch({RgbView{px.data(), 2, 2, 0}, RgbView{nullptr, 2, 2, 0}}, config64());
  ASSERT_FALSE(r);
  EXPECT_NE(r.message().find("image 1"), std::string::npos) << r.message();
  EXPECT_FALSE(preprocessBatch({RgbView{px.data(), 0, 2, 0}}, config64()));
  EXPECT_FALSE(preprocessBatch({RgbView{px.data(), 2, 2, 5}}, config64()));  // stride < width * 3
  EXPECT_FALSE(planPreprocess(1 << 17, 10, config64()));
}

TEST(PilResampler, WeightsSumToOneInFixedPoint) {
  for (auto [in, out] : {std::pair{451, 96}, std::pair{300, 64}, std::pair{5, 106}}) {
    auto c = PilResampler::coefficients(in, out, 0, out);
    for (int i = 0; i < out; ++i) {
      std::int64_t sum = 0;
      for (int t = 0; t < c.count[i]; ++t) sum += c.weights[i * c.taps + t];
      EXPECT_NEAR(static_cast<double>(sum), 1 << 22, c.count[i]) << in << "->" << out << " at " << i;
      EXPECT_GE(c.start[i], 0);
      EXPECT_LE(c.start[i] + c.count[i], in);
    }
  }
}

}  // namespace
}  // namespace w2w::clip
