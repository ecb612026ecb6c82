// Weight files that do not fit the config: each gives one clear line naming the key.
#include <gtest/gtest.h>

#include <limits>
#include <map>

#include "embed/clip/clip_vision.h"
#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"
#include "test_util.h"

namespace w2w::clip {
namespace {

using Tensors = std::map<std::string, torch::Tensor>;

Tensors readAll(const std::string& path) {
  Tensors out;
  auto f = format::SafetensorsFile::open(path);
  EXPECT_TRUE(f) << f.message();
  for (const auto& info : (*f)->tensors()) out[info.name] = tensorView(*f, info)->clone();
  return out;
}

void writeAll(const std::string& path, const Tensors& tensors) {
  std::vector<test::StEntry> entries;
  for (const auto& [k, t] : tensors) entries.push_back(test::entryFromTensor(k, t));
  test::writeFile(path, test::buildSafetensors(entries, R"({"format":"pt"})"));
}

// A copy of a golden model folder whose weights `edit` may change.
class BrokenWeights : public ::testing::Test {
 protected:
  std::string make(const char* model, const char* weights, const std::function<void(Tensors&)>& edit) {
    test::copyFolder(test::goldenDir() / model, dir_.path());
    const auto path = dir_.file(weights);
    Tensors t = readAll((test::goldenDir() / model / weights).string());
    edit(t);
    writeAll(path, t);
    return dir_.path().string();
  }
  std::string loadError(const std::string& folder) {
    auto m = ClipVision::load(folder, {});
    EXPECT_FALSE(m) << "loaded a broken model";
    if (m) return {};
    EXPECT_EQ(m.message().find('\n'), std::string::npos) << m.message();
    return m.message();
  }
  test::TempDir dir_;
};

TEST_F(BrokenWeights, MissingKey) {
  const auto msg = loadError(make("clip_tiny_hf", "model.safetensors", [](Tensors& t) {
    t.erase("vision_model.encoder.layers.1.self_attn.k_proj.bias");
  }));
  EXPECT_NE(msg.find("missing tensor \"vision_model.encoder.layers.1.self_attn.k_proj.bias\""),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("model.safetensors"), std::string::npos) << msg;
}

TEST_F(BrokenWeights, WrongShape) {
  const auto msg = loadError(make("clip_tiny_openclip", "open_clip_model.safetensors", [](Tensors& t) {
    t["visual.proj"] = t["visual.proj"].t().contiguous();  // HF orientation in an open_clip file
  }));
  EXPECT_NE(msg.find("\"visual.proj\" has shape [32,64], expected [64,32]"), std::string::npos) << msg;
}

TEST_F(BrokenWeights, UnexpectedVisionKey) {
  const auto msg = loadError(make("clip_tiny_hf", "model.safetensors", [](Tensors& t) {
    t["vision_model.encoder.layers.2.layer_norm1.weight"] = torch::ones({64});  // a third layer
  }));
  EXPECT_NE(msg.find("unexpected tensor \"vision_model.encoder.layers.2.layer_norm1.weight\""),
            std::string::npos)
      << msg;
}

TEST_F(BrokenWeights, IntegerWeight) {
  const auto msg = loadError(make("clip_tiny_hf", "model.safetensors", [](Tensors& t) {
    t["vision_model.post_layernorm.bias"] = torch::zeros({64}, torch::kInt64);
  }));
  EXPECT_NE(msg.find("\"vision_model.post_layernorm.bias\" has dtype I64"), std::string::npos) << msg;
}

// One NaN or infinity would make every embedding NaN: refused, naming the tensor.
TEST_F(BrokenWeights, NonFiniteWeight) {
  const auto msg = loadError(make("clip_tiny_hf", "model.safetensors", [](Tensors& t) {
    t["vision_model.encoder.layers.0.mlp.fc2.weight"][3][5] = std::numeric_limits<float>::quiet_NaN();
  }));
  EXPECT_NE(msg.find("model.safetensors: tensor \"vision_model.encoder.layers.0.mlp.fc2.weight\" has "
                     "non-finite values"),
            std::string::npos)
      << msg;
  const auto inf = loadError(make("clip_tiny_openclip", "open_clip_model.safetensors", [](Tensors& t) {
    t["visual.proj"][0][0] = std::numeric_limits<float>::infinity();
  }));
  EXPECT_NE(inf.find("\"visual.proj\" has non-finite values"), std::string::npos) << inf;
}

TEST_F(BrokenWeights, HalfPrecisionFileLoadsAsFloat32) {
  auto folder = make("clip_tiny_hf", "model.safetensors", [](Tensors& t) {
    for (auto& [k, v] : t)
      if (v.is_floating_point()) v = v.to(torch::kBFloat16);
  });
  auto m = ClipVision::load(folder, {});
  ASSERT_TRUE(m) << m.message();
  EXPECT_EQ((*m)->weightsPath(), dir_.file("model.safetensors"));
}

TEST_F(BrokenWeights, TextTowerAndBuffersAreIgnored) {
  // The golden files already hold text keys, logit_scale and both position_ids;
  // dropping all of them must not matter either.
  auto folder = make("clip_tiny_hf", "model.safetensors", [](Tensors& t) {
    for (auto it = t.begin(); it != t.end();)
      it =
          (it->first.rfind("vision_model.", 0) == 0 && it->first.find("position_ids") == std::string::npos) ||
                  it->first == "visual_projection.weight"
              ? std::next(it)
              : t.erase(it);
  });
  EXPECT_TRUE(ClipVision::load(folder, {}));
}

TEST(Weights, ConfigMismatchNamesTheKey) {
  test::TempDir dir;
  test::copyFolder(test::goldenDir() / "clip_tiny_hf", dir.path());
  auto config = test::readText(dir.file("config.json"));
  const auto at = config.find("\"intermediate_size\": 256");
  ASSERT_NE(at, std::string::npos);
  config.replace(at, 24, "\"intermediate_size\": 128");
  test::writeText(dir.file("config.json"), config);
  auto m = ClipVision::load(dir.path().string(), {});
  ASSERT_FALSE(m);
  EXPECT_NE(m.message().find(
                "\"vision_model.encoder.layers.0.mlp.fc1.weight\" has shape [256,64], expected [128,64]"),
            std::string::npos)
      << m.message();
}

}  // namespace
}  // namespace w2w::clip
