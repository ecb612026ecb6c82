// The one place that decides which encoder a spec names (encoder_factory.h):
// basic, FashionCLIP folders in both layouts, and TorchScript encoders.
#include <gtest/gtest.h>

#include <torch/script.h>

#include <filesystem>
#include <fstream>

#include "embed/basic_encoder.h"
#include "embed/encoder_factory.h"
#include "embed/model_manager.h"
#include "format/safetensors_writer.h"
#include "io/file_io.h"
#include "test_support.h"

namespace w2w {
namespace {

namespace fs = std::filesystem;

// A stand-in for a user's traced image encoder: the mean of each channel, [B,3].
void saveMeanColourModule(const std::string& path) {
  torch::jit::Module m("Encoder");
  m.define(R"(
def forward(self, x):
    return x.mean(dim=[2, 3])
)");
  m.save(path);
}

RgbImage grey(int side, std::uint8_t value) {
  RgbImage image;
  image.width = image.height = side;
  image.pixels.assign(image.byteCount(), value);
  return image;
}

TEST(EncoderFactory, OpensBasicAndExplainsFolders) {
  auto basic = openEncoder(kBasicEncoderSpec);
  ASSERT_TRUE(basic.ok()) << basic.message();
  EXPECT_EQ((*basic)->info().id, BasicEncoder::kModelId);
  EXPECT_EQ(*encoderModelId(kBasicEncoderSpec), BasicEncoder::kModelId);
  auto missing = openEncoder("/no/such/model");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("no such model folder"), std::string::npos) << missing.message();
  test::TempDir dir;
  auto folder = openEncoder(dir.path());
  ASSERT_FALSE(folder.ok());
  EXPECT_NE(folder.message().find("not a model folder"), std::string::npos) << folder.message();
  test::writeBytes(dir.path("notes.txt"), "hello");
  EXPECT_NE(openEncoder(dir.path("notes.txt")).message().find("not a model"), std::string::npos);
  auto clip = openEncoder(test::dataPath("golden/clip_tiny_hf"));
  ASSERT_TRUE(clip.ok()) << clip.message();
  EXPECT_EQ((*clip)->info().kind, "fashionclip");
  EXPECT_EQ((*clip)->info().dim, 32);
}

TEST(EncoderFactory, IdentifiesEachKindWithoutLoadingIt) {
  auto hf = identifyEncoder(test::dataPath("golden/clip_tiny_hf"));
  ASSERT_TRUE(hf.ok()) << hf.message();
  EXPECT_EQ(hf->kind, "fashionclip");
  EXPECT_EQ(hf->layout, "hf");
  EXPECT_EQ(fs::path(hf->weightsFile).filename(), "model.safetensors");
  auto openclip = identifyEncoder(test::dataPath("golden/clip_tiny_openclip"));
  ASSERT_TRUE(openclip.ok()) << openclip.message();
  EXPECT_EQ(openclip->layout, "openclip");

  test::TempDir dir;
  fs::create_directories(dir.path("ts"));
  test::writeBytes(dir.path("ts/encoder.pt"), "not loaded: identifying reads nothing");
  auto folder = identifyEncoder(dir.path("ts"));
  ASSERT_TRUE(folder.ok()) << folder.message();
  EXPECT_EQ(folder->kind, "torchscript");
  EXPECT_EQ(folder->weightsFile, fs::path(dir.path("ts/encoder.pt")).lexically_normal().string());
  auto file = identifyEncoder(dir.path("ts/encoder.pt"));
  ASSERT_TRUE(file.ok()) << file.message();
  EXPECT_EQ(file->kind, "torchscript");
  EXPECT_EQ(file->name, "encoder.pt");

  // Pickle weights are refused with the way out, whatever asks.
  fs::create_directories(dir.path("old"));
  test::writeBytes(dir.path("old/config.json"), "{}");
  test::writeBytes(dir.path("old/pytorch_model.bin"), "PK");
  auto pickle = identifyEncoder(dir.path("old"));
  ASSERT_FALSE(pickle.ok());
  EXPECT_NE(pickle.message().find("pickle"), std::string::npos) << pickle.message();
}

// The TorchScript encoder is reachable: a folder holding encoder.pt opens
// through the factory, prepares pixels as its preprocessor_config.json says,
// and is identified by the SHA-256 of the .pt file.
TEST(EncoderFactory, OpensATorchScriptEncoderFolder) {
  test::TempDir dir;
  fs::create_directories(dir.path("mean-colour"));
  const std::string module = dir.path("mean-colour/encoder.pt");
  saveMeanColourModule(module);
  // No normalisation: the module sees value / 255.
  test::writeBytes(dir.path("mean-colour/preprocessor_config.json"),
                   R"({"size": {"shortest_edge": 32}, "crop_size": 32, "do_normalize": false})");
  EncoderOptions options;
  options.device = "cpu";
  options.normalize = false;
  auto encoder = openEncoder(dir.path("mean-colour"), options);
  ASSERT_TRUE(encoder.ok()) << encoder.message();
  const EncoderInfo& info = (*encoder)->info();
  EXPECT_EQ(info.kind, "torchscript");
  EXPECT_EQ(info.dim, 3) << "learned from a blank image at open";
  auto bytes = readFileBytes(module);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(info.id, sha256Hex(*bytes));
  EXPECT_EQ(*encoderModelId(dir.path("mean-colour")), info.id);

  auto out = (*encoder)->encode({grey(40, 51), grey(20, 204)});
  ASSERT_TRUE(out.ok()) << out.message();
  ASSERT_EQ(out->rows, 2);
  for (int c = 0; c < 3; ++c) {
    EXPECT_NEAR(out->at(0, c), 0.2, 1e-5);
    EXPECT_NEAR(out->at(1, c), 0.8, 1e-5);
  }

  // Preprocessed pixels go straight in.
  const std::vector<float> pixels(2 * 3 * 4 * 4, 0.25f);
  ASSERT_TRUE(format::writeSafetensorsFile(dir.path("pixels.safetensors"),
                                           {{"pixels", format::StDtype::F32, {2, 3, 4, 4}, pixels.data()}})
                  .ok());
  auto direct = (*encoder)->encodePixelsFile(dir.path("pixels.safetensors"), "");
  ASSERT_TRUE(direct.ok()) << direct.message();
  EXPECT_NEAR(direct->at(1, 2), 0.25, 1e-6);

  // Installed, it is one of the user's models.
  ModelManager manager(dir.path("models"));
  auto installed = manager.installFromFolder(dir.path("mean-colour"), "mean");
  ASSERT_TRUE(installed.ok()) << installed.message();
  EXPECT_EQ(installed->layout, "torchscript");
  EXPECT_EQ(installed->id, info.id);
  ASSERT_EQ(manager.installed().size(), 1u);
}

TEST(EncoderFactory, TorchScriptFilesAloneUseClipPreprocessingAndBadOnesAreRefused) {
  test::TempDir dir;
  saveMeanColourModule(dir.path("mine.pt"));
  EncoderOptions options;
  options.device = "cpu";
  options.normalize = false;
  auto encoder = openEncoder(dir.path("mine.pt"), options);
  ASSERT_TRUE(encoder.ok()) << encoder.message();
  auto out = (*encoder)->encode({grey(30, 255)});
  ASSERT_TRUE(out.ok()) << out.message();
  EXPECT_NEAR(out->at(0, 0), (1.0 - 0.48145466) / 0.26862954, 1e-4) << "CLIP's mean and std";

  test::writeBytes(dir.path("junk.pt"), "not a zip archive");
  auto junk = openEncoder(dir.path("junk.pt"), options);
  ASSERT_FALSE(junk.ok());
  EXPECT_NE(junk.message().find("junk.pt"), std::string::npos) << junk.message();
  EXPECT_EQ(junk.message().find('\n'), std::string::npos) << junk.message();

  // The basic encoder takes images only.
  auto basic = openEncoder(kBasicEncoderSpec);
  EXPECT_FALSE((*basic)->encodePixelsFile(dir.path("none.safetensors"), "").ok());
}

}  // namespace
}  // namespace w2w
