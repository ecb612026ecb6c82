#include <gtest/gtest.h>

#include "compat/compat_model.h"
#include "compat/evaluator.h"
#include "compat/trainer.h"
#include "format/safetensors_content.h"
#include "io/file_io.h"
#include "synthetic_outfits.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

TEST(Safetensors, RoundTripAndClearErrors) {
  format::SafetensorsContent content;
  const float values[6] = {1, 2, 3, 4, 5, 6};
  const std::int64_t count = 7;
  content.tensors["w"] = format::TensorData::fromFloats({2, 3}, values);
  content.tensors["n"] = format::TensorData::fromInt64({1}, &count);
  content.metadata["note"] = "hello";
  const Bytes bytes = format::serializeSafetensors(content);
  auto parsed = format::parseSafetensors(bytes, "x.safetensors");
  ASSERT_TRUE(parsed.ok()) << parsed.message();
  EXPECT_EQ(parsed->metadata.at("note"), "hello");
  auto w = parsed->get("w", "F32", {2, 3}, "x.safetensors");
  ASSERT_TRUE(w.ok());
  EXPECT_EQ((*w)->floats(), std::vector<float>(values, values + 6));
  EXPECT_EQ(parsed->tensors.at("n").int64s().at(0), 7);

  auto wrongShape = parsed->get("w", "F32", {3, 2}, "x.safetensors");
  ASSERT_FALSE(wrongShape.ok());
  EXPECT_NE(wrongShape.message().find("has shape [2, 3], expected [3, 2]"), std::string::npos);
  EXPECT_NE(parsed->get("v", "F32", {1}, "x.safetensors").message().find("'v' is missing"),
            std::string::npos);

  const Bytes truncated(bytes.begin(), bytes.end() - 5);
  auto cut = format::parseSafetensors(truncated, "cut.safetensors");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.message().rfind("cut.safetensors: ", 0), 0u) << cut.message();
  EXPECT_NE(cut.message().find("truncated file"), std::string::npos) << cut.message();
  Bytes garbage = bytes;
  garbage[9] = '!';
  EXPECT_NE(format::parseSafetensors(garbage, "g").message().find("g: header"), std::string::npos);
  EXPECT_NE(format::parseSafetensors(Bytes{1, 2, 3}, "s").message().find("not a safetensors file"),
            std::string::npos);
}

class CheckpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = synth::plantedOutfits(120, 12, 3, 0.3, 1, 4);
    TrainRequest r;
    r.outfits = data_;
    r.config.head.hiddenDim = 32;
    r.config.head.outputDim = 8;
    r.config.head.mode = HeadMode::PerCategory;
    r.config.epochs = 2;
    r.config.threads = 1;
    r.checkpointDir = dir_.path("ckpt");
    r.encoderKind = "synthetic";
    r.encoderSpec = "synthetic";
    r.dataJson = R"({"dataset":"synthetic"})";
    auto s = trainCompat(r);
    ASSERT_TRUE(s.ok()) << s.message();
    summary_ = *s;
  }

  test::TempDir dir_;
  OutfitSet data_;
  TrainSummary summary_;
};

TEST_F(CheckpointTest, LoadsWhatWasSaved) {
  auto info = readCheckpointInfo(dir_.path("ckpt"));
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->encoderId, "synthetic");
  EXPECT_EQ(info->encoderDim, 12);
  EXPECT_EQ(info->config.head.mode, HeadMode::PerCategory);
  EXPECT_EQ(info->config.head.inputDim, 12);
  EXPECT_EQ(info->history.size(), 2u);
  EXPECT_EQ(info->history[1].valAuc, summary_.checkpoint.history[1].valAuc);
  EXPECT_EQ(info->dataJson, R"({"dataset":"synthetic"})");
  EXPECT_TRUE(info->finished);
  EXPECT_EQ(info->outcome, "finished");

  auto a = CompatModel::load(dir_.path("ckpt"));
  auto b = CompatModel::load(dir_.path("ckpt"));
  ASSERT_TRUE(a.ok() && b.ok());
  auto sa = (*a)->score(data_);
  auto sb = (*b)->score(data_);
  ASSERT_TRUE(sa.ok() && sb.ok());
  EXPECT_EQ(*sa, *sb);
  // embed() of one category equals that slot of project().
  auto latent = (*a)->project(data_);
  ASSERT_TRUE(latent.ok());
  FloatMatrix shoes(data_.size(), data_.dim);
  for (int i = 0; i < data_.size(); ++i)
    std::copy(data_.vector(i, 2), data_.vector(i, 2) + data_.dim, shoes.row(i));
  auto embedded = (*a)->embed(Category::Shoes, shoes);
  ASSERT_TRUE(embedded.ok());
  ASSERT_EQ(embedded->cols, (*a)->latentDim());
  for (int i = 0; i < data_.size(); ++i)
    for (int k = 0; k < embedded->cols; ++k) EXPECT_NEAR(embedded->at(i, k), latent->vector(i, 2)[k], 1e-6);

  OutfitSet other = data_;
  other.encoderId = "basic-v1";
  EXPECT_NE((*a)->project(other).message().find("trained on synthetic embeddings"), std::string::npos);
}

TEST_F(CheckpointTest, TruncatedOrCorruptFilesGiveClearErrors) {
  const std::string dir = dir_.path("ckpt");
  auto model = readFileBytes(dir + "/model.safetensors");
  ASSERT_TRUE(model.ok());
  ASSERT_TRUE(
      writeFileAtomically(dir + "/model.safetensors", Bytes(model->begin(), model->begin() + 100)).ok());
  auto truncated = CompatModel::load(dir);
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.message().find("model.safetensors: does not match config.json"), std::string::npos)
      << truncated.message();

  test::writeBytes(dir + "/config.json", "{\"format\": \"what2wear-compat\", ");
  auto corrupt = CompatModel::load(dir);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.message().find("corrupt checkpoint config"), std::string::npos) << corrupt.message();

  auto missing = CompatModel::load(dir_.path("nothing-here"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("not a checkpoint folder"), std::string::npos) << missing.message();
}

TEST(CompatConfig, JsonRoundTripAndUnknownKeys) {
  TrainConfig c;
  c.head.inputDim = 265;
  c.head.mode = HeadMode::PairSpaces;
  c.loss.temperature = 0.07;
  c.curriculumEpochs = 5;
  c.seed = 18446744073709551557ull;  // above 2^53: kept exactly as text
  auto back = parseTrainConfig(trainConfigJson(c));
  ASSERT_TRUE(back.ok()) << back.message();
  EXPECT_EQ(back->head, c.head);
  EXPECT_EQ(back->loss.temperature, 0.07);
  EXPECT_EQ(back->curriculumEpochs, 5);
  EXPECT_EQ(back->seed, c.seed);
  auto unknown = parseTrainConfig(R"({"epochz": 3})");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.message().find("unknown key 'epochz'"), std::string::npos);
  c.loss.temperature = 0;
  EXPECT_NE(validateConfig(c).message().find("temperature"), std::string::npos);
}

}  // namespace
}  // namespace w2w::compat
