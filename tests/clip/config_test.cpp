// Config files of both layouts, the two forms of preprocessor_config.json, and
// how a model folder is recognised (or refused).
#include <gtest/gtest.h>

#include "embed/clip/clip_vision.h"
#include "embed/clip/config_loader.h"
#include "test_util.h"

namespace w2w::clip {
namespace {

format::Json json(const std::string& text) {
  auto v = format::parseJson(text);
  EXPECT_TRUE(v) << v.message();
  return v ? *v : format::Json();
}

TEST(Config, GoldenHfFolder) {
  auto files = findModelFiles((test::goldenDir() / "clip_tiny_hf").string());
  ASSERT_TRUE(files) << files.message();
  EXPECT_EQ(files->layout, WeightLayout::HuggingFace);
  auto c = loadModelConfig(*files);
  ASSERT_TRUE(c) << c.message();
  EXPECT_EQ(c->imageSize, 64);
  EXPECT_EQ(c->patchSize, 16);
  EXPECT_EQ(c->width, 64);
  EXPECT_EQ(c->layers, 2);
  EXPECT_EQ(c->heads, 4);
  EXPECT_EQ(c->mlpDim, 256);
  EXPECT_EQ(c->outputDim, 32);
  EXPECT_EQ(c->activation, Activation::QuickGelu);
  EXPECT_EQ(c->preprocess.shortestEdge, 64);
  EXPECT_EQ(c->preprocess.cropHeight, 64);
  EXPECT_FLOAT_EQ(c->preprocess.mean[0], 0.48145466f);
  EXPECT_FLOAT_EQ(c->preprocess.std[2], 0.27577711f);
}

TEST(Config, GoldenOpenClipFolder) {
  auto files = findModelFiles((test::goldenDir() / "clip_tiny_openclip").string());
  ASSERT_TRUE(files) << files.message();
  EXPECT_EQ(files->layout, WeightLayout::OpenClip);
  auto c = loadModelConfig(*files);
  ASSERT_TRUE(c) << c.message();
  EXPECT_EQ(c->heads, 4);  // width 64 / head_width 16
  EXPECT_EQ(c->mlpDim, 256);
  EXPECT_EQ(c->outputDim, 32);
  EXPECT_EQ(c->activation, Activation::Gelu);  // no quick_gelu key
}

TEST(Config, OpenClipDefaultsAndQuickGeluFlag) {
  auto c = parseOpenClipConfig(json(R"({"model_cfg":{"embed_dim":512,"quick_gelu":true,
               "vision_cfg":{"image_size":224,"layers":12,"width":768,"patch_size":32}}})"),
                               "open_clip_config.json");
  ASSERT_TRUE(c) << c.message();
  EXPECT_EQ(c->heads, 12);     // head_width defaults to 64
  EXPECT_EQ(c->mlpDim, 3072);  // mlp_ratio defaults to 4
  EXPECT_EQ(c->activation, Activation::QuickGelu);
  EXPECT_TRUE(c->validate());
}

TEST(Config, OpenClipRefusesUnsupportedTowers) {
  auto c = parseOpenClipConfig(
      json(R"({"model_cfg":{"embed_dim":512,"vision_cfg":{"image_size":224,"layers":12,"width":768,
               "patch_size":32,"attentional_pool":true}}})"),
      "oc.json");
  ASSERT_FALSE(c);
  EXPECT_NE(c.message().find("model_cfg.vision_cfg.attentional_pool"), std::string::npos) << c.message();
  c = parseOpenClipConfig(json(R"({"model_cfg":{"embed_dim":512,"vision_cfg":{"layers":[3,4,6,3]}}})"),
                          "oc.json");
  ASSERT_FALSE(c);
  EXPECT_NE(c.message().find("ResNet"), std::string::npos) << c.message();
  c = parseOpenClipConfig(json(R"({"model_cfg":{"vision_cfg":{}}})"), "oc.json");
  ASSERT_FALSE(c);
  EXPECT_NE(c.message().find("model_cfg.embed_dim"), std::string::npos) << c.message();
}

TEST(Config, HfActivationsAndTypeErrors) {
  for (auto [name, act] : {std::pair{"gelu", Activation::Gelu}, std::pair{"gelu_new", Activation::GeluTanh},
                           std::pair{"gelu_pytorch_tanh", Activation::GeluTanh},
                           std::pair{"quick_gelu", Activation::QuickGelu}}) {
    auto c = parseHfConfig(
        json(std::string(R"({"model_type":"clip","vision_config":{"hidden_act":")") + name + "\"}}"),
        "config.json");
    ASSERT_TRUE(c) << c.message();
    EXPECT_EQ(c->activation, act);
  }
  auto c = parseHfConfig(json(R"({"vision_config":{"hidden_act":"relu"}})"), "config.json");
  ASSERT_FALSE(c);
  EXPECT_NE(c.message().find("vision_config.hidden_act"), std::string::npos) << c.message();
  c = parseHfConfig(json(R"({"vision_config":{"hidden_size":"768"}})"), "config.json");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.message(), "config.json: key \"vision_config.hidden_size\" must be an integer (got string)");
  c = parseHfConfig(json(R"({"model_type":"siglip","vision_config":{}})"), "config.json");
  ASSERT_FALSE(c);
  EXPECT_NE(c.message().find("siglip"), std::string::npos);
  // A bare CLIPVisionConfig (CLIPVisionModelWithProjection) works too; defaults are ViT-B/32.
  c = parseHfConfig(json(R"({"model_type":"clip_vision_model","projection_dim":256})"), "config.json");
  ASSERT_TRUE(c) << c.message();
  EXPECT_EQ(c->outputDim, 256);
  EXPECT_EQ(c->width, 768);
}

TEST(Config, PreprocessorNewForm) {
  auto p = parseHfPreprocessorConfig(
      json(R"({"crop_size":{"height":224,"width":224},"do_center_crop":true,"do_convert_rgb":true,
               "do_normalize":true,"do_rescale":true,"do_resize":true,"image_mean":[0.5,0.5,0.5],
               "image_processor_type":"CLIPImageProcessor","image_std":[0.25,0.25,0.25],"resample":3,
               "rescale_factor":0.00392156862745098,"size":{"shortest_edge":224}})"),
      "preprocessor_config.json");
  ASSERT_TRUE(p) << p.message();
  EXPECT_EQ(p->shortestEdge, 224);
  EXPECT_EQ(p->cropWidth, 224);
  EXPECT_FLOAT_EQ(p->mean[1], 0.5f);
  EXPECT_FLOAT_EQ(p->std[1], 0.25f);
}

TEST(Config, PreprocessorOldFormDefaultsRescaleAndConvert) {
  auto p = parseHfPreprocessorConfig(
      json(R"({"crop_size":224,"do_center_crop":true,"do_normalize":true,"do_resize":true,
               "feature_extractor_type":"CLIPFeatureExtractor","image_mean":[0.48145466,0.4578275,0.40821073],
               "image_std":[0.26862954,0.26130258,0.27577711],"resample":3,"size":224})"),
      "preprocessor_config.json");
  ASSERT_TRUE(p) << p.message();
  EXPECT_EQ(p->shortestEdge, 224);
  EXPECT_EQ(p->cropHeight, 224);
  EXPECT_EQ(p->cropWidth, 224);
  EXPECT_TRUE(p->doRescale);
  EXPECT_DOUBLE_EQ(p->rescaleFactor, 1.0 / 255.0);
}

TEST(Config, PreprocessorRefusesOtherFilters) {
  auto p = parseHfPreprocessorConfig(json(R"({"resample":2})"), "preprocessor_config.json");
  ASSERT_FALSE(p);
  EXPECT_NE(p.message().find("\"resample\""), std::string::npos) << p.message();
  p = parseHfPreprocessorConfig(json(R"({"crop_size":{"height":224}})"), "preprocessor_config.json");
  ASSERT_FALSE(p);
  EXPECT_NE(p.message().find("crop_size"), std::string::npos) << p.message();
}

TEST(ModelFolder, MissingConfigFilesAreNamed) {
  test::TempDir dir;
  auto r = findModelFiles(dir.path().string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.message().find("no model config found"), std::string::npos);

  test::copyFolder(test::goldenDir() / "clip_tiny_hf", dir.path());
  std::filesystem::remove(dir.path() / "preprocessor_config.json");
  auto m = ClipVision::load(dir.path().string(), {});
  ASSERT_FALSE(m);
  EXPECT_NE(m.message().find("preprocessor_config.json"), std::string::npos) << m.message();

  test::writeText(dir.file("preprocessor_config.json"), "{\"size\": 64,");
  m = ClipVision::load(dir.path().string(), {});
  ASSERT_FALSE(m);
  EXPECT_NE(m.message().find("preprocessor_config.json: not valid JSON"), std::string::npos) << m.message();

  auto missing = ClipVision::load(dir.file("does_not_exist"), {});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.message().find("not a folder"), std::string::npos);
}

TEST(ModelFolder, PickleOnlyIsRefusedWithAConversionHint) {
  test::TempDir dir;
  test::writeText(dir.file("config.json"),
                  test::readText((test::goldenDir() / "clip_tiny_hf/config.json").string()));
  test::writeText(dir.file("pytorch_model.bin"), "PK\x03\x04 pickle");
  auto m = ClipVision::load(dir.path().string(), {});
  ASSERT_FALSE(m);
  EXPECT_NE(m.message().find("pytorch_model.bin"), std::string::npos) << m.message();
  EXPECT_NE(m.message().find("safetensors"), std::string::npos) << m.message();
  EXPECT_NE(m.message().find("convert"), std::string::npos) << m.message();

  test::TempDir oc;
  test::writeText(oc.file("open_clip_config.json"), "{}");
  test::writeText(oc.file("open_clip_pytorch_model.bin"), "pickle");
  m = ClipVision::load(oc.path().string(), {});
  ASSERT_FALSE(m);
  EXPECT_NE(m.message().find("open_clip_pytorch_model.bin"), std::string::npos) << m.message();
}

TEST(ModelFolder, LayoutCanBeForced) {
  auto r = findModelFiles((test::goldenDir() / "clip_tiny_hf").string(), "openclip");
  ASSERT_FALSE(r);
  EXPECT_NE(r.message().find("open_clip_config.json"), std::string::npos);
  EXPECT_FALSE(findModelFiles((test::goldenDir() / "clip_tiny_hf").string(), "onnx"));
}

}  // namespace
}  // namespace w2w::clip
