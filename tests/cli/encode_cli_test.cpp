// End-to-end: embed and encode with the real executable.
#include <gtest/gtest.h>

#include <QJsonArray>

#include <torch/script.h>

#include "cli_runner.h"
#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"
#include "library/library.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

using test::runCli;

QString q(const std::string& s) { return QString::fromStdString(s); }

TEST(EmbedCli, PixelsThroughTheGoldenModelsMatchTheReference) {
  auto golden = format::SafetensorsFile::open(test::dataPath("golden/golden_io.safetensors"));
  ASSERT_TRUE(golden.ok());
  for (auto [folder, reference] : {std::pair{"golden/clip_tiny_hf", "hf_embeds"},
                                   std::pair{"golden/clip_tiny_openclip", "openclip_embeds"}}) {
    auto r =
        runCli({"embed", "--model", q(test::dataPath(folder)), "--pixels",
                q(test::dataPath("golden/golden_io.safetensors")) + ":pixels", "--device", "cpu", "--json"});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject json = r.json();
    EXPECT_EQ(json["dim"].toInt(), 32);
    const QJsonArray rows = json["embeddings"].toArray();
    ASSERT_EQ(rows.size(), 3);
    auto expected = clip::loadFloatTensor(*golden, reference);
    double worst = 0;
    for (int i = 0; i < 3; ++i) {
      for (int d = 0; d < 32; ++d) {
        worst = std::max(worst,
                         std::abs(rows[i].toArray()[d].toDouble() - expected->data_ptr<float>()[i * 32 + d]));
      }
    }
    EXPECT_LE(worst, 1e-4) << folder;
  }
}

TEST(EmbedCli, ImagesWithTheBasicEncoderAreUnitVectors) {
  test::TempDir dir;
  test::writeImage(dir.path("a.png"), test::makeTestImage(50, 80, 3));
  auto r = runCli({"embed", "--model", "basic", "--image", q(dir.path("a.png")), "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonArray row = r.json()["embeddings"].toArray()[0].toArray();
  double norm = 0;
  for (const auto& v : row) norm += v.toDouble() * v.toDouble();
  EXPECT_NEAR(norm, 1.0, 1e-5);
  EXPECT_EQ(r.json()["model"].toString(), "basic-v1");
}

TEST(EmbedCli, BadArgumentsAreUsageErrors) {
  EXPECT_EQ(runCli({"embed", "--model", "basic"}).exitCode, 2);
  auto pixels = runCli({"embed", "--model", "basic", "--pixels", "x.safetensors"});
  EXPECT_EQ(pixels.exitCode, 2);
  EXPECT_TRUE(pixels.err.contains("needs a model encoder")) << pixels.err.toStdString();
  auto missing = runCli({"embed", "--model", "/no/model", "--image", "x.png"});
  EXPECT_EQ(missing.exitCode, 1);
}

// A user's TorchScript encoder is chosen like any other: a .pt file or a folder
// holding encoder.pt, with the same --model option.
TEST(EmbedCli, TorchScriptEncodersAreReachable) {
  test::TempDir dir;
  torch::jit::Module m("Encoder");
  m.define(R"(
def forward(self, x):
    return x.mean(dim=[2, 3])
)");
  m.save(dir.path("mean.pt"));
  test::writeImage(dir.path("a.png"), test::makeTestImage(50, 80, 3));
  auto r = runCli({"embed", "--model", q(dir.path("mean.pt")), "--image", q(dir.path("a.png")), "--device",
                   "cpu", "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(r.json()["kind"].toString(), "torchscript");
  EXPECT_EQ(r.json()["dim"].toInt(), 3);
  EXPECT_FALSE(r.json()["normalized"].toBool());
  EXPECT_EQ(r.json()["embeddings"].toArray().size(), 1);
}

TEST(EncodeCli, EncodesOnlyWhatIsMissing) {
  test::TempDir dir;
  const std::string lib = dir.path("w.w2w");
  {
    auto library = Library::create(lib);
    for (int i = 0; i < 5; ++i) {
      const RgbImage crop = renderWholeImage(test::makeTestImage(40, 60, i), nullptr, 64);
      ASSERT_TRUE((*library)
                      ->addStandaloneItem(Category::Top,
                                          {dir.path(std::to_string(i)), "h" + std::to_string(i), 1, 40, 60},
                                          makeCropImage(crop))
                      .ok());
    }
  }
  auto first = runCli({"encode", "--library", q(lib), "--model", "basic", "--json", "--batch", "2"});
  ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
  EXPECT_EQ(first.json()["encoded"].toInt(), 5);
  auto again = runCli({"encode", "--library", q(lib), "--model", "basic", "--json"});
  EXPECT_EQ(again.json()["encoded"].toInt(), 0);
  EXPECT_EQ(again.json()["already_cached"].toInt(), 5);
  // A new item: only it is encoded.
  {
    auto library = Library::open(lib);
    const RgbImage crop = renderWholeImage(test::makeTestImage(40, 60, 9), nullptr, 64);
    ASSERT_TRUE(
        (*library)
            ->addStandaloneItem(Category::Shoes, {dir.path("9"), "h9", 1, 40, 60}, makeCropImage(crop))
            .ok());
  }
  auto third = runCli({"encode", "--library", q(lib), "--model", "basic", "--json"});
  EXPECT_EQ(third.json()["encoded"].toInt(), 1);
  auto library = Library::open(lib, Library::Access::ReadOnly);
  EXPECT_EQ(*(*library)->embeddingCount("basic-v1"), 6);
}

}  // namespace
}  // namespace w2w
