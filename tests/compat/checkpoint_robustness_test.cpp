// Hostile and damaged checkpoints: every size is checked before anything is
// allocated, non-finite weights are refused naming the file and the tensor,
// and the head's size formula matches the head.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <functional>
#include <limits>

#include "compat/checkpoint_io.h"
#include "compat/compat_head.h"
#include "compat/compat_model.h"
#include "compat/trainer.h"
#include "io/file_io.h"
#include "synthetic_outfits.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

TEST(HeadSize, TheFormulaCountsWhatTheHeadHolds) {
  const std::vector<Category> street = {Category::Top,      Category::Outer, Category::Bottom,
                                        Category::Onepiece, Category::Shoes, Category::Bag};
  for (const std::vector<Category>& slots : {std::vector<Category>{}, street}) {
    for (HeadMode mode : {HeadMode::Shared, HeadMode::PerCategory, HeadMode::PairSpaces}) {
      for (int ensemble : {1, 3}) {
        HeadConfig config;
        config.slots = slots;
        config.inputDim = 7;
        config.hiddenDim = 5;
        config.outputDim = 4;
        config.mode = mode;
        config.ensemble = ensemble;
        CompatHead head(config);
        long long values = 0;
        for (const auto& [name, tensor] : headTensors(*head)) values += tensor.numel();
        EXPECT_EQ(headParameterCount(config), values)
            << headModeName(mode) << " x" << ensemble << ", " << slots.size() << " slots";
      }
    }
  }
}

TEST(HeadSize, TrainingConfigurationsBeyondTheLimitsAreRefused) {
  TrainConfig c;
  c.head.inputDim = 674;
  EXPECT_TRUE(validateConfig(c).ok());
  c.head.ensemble = kMaxEnsemble + 1;
  EXPECT_NE(validateConfig(c).message().find("ensemble must be from 1 to 64"), std::string::npos);
  c.head.ensemble = 64;
  c.head.hiddenDim = 60000;  // each limit alone is fine, together 2.6e9 parameters
  EXPECT_NE(validateConfig(c).message().find("parameters"), std::string::npos) << validateConfig(c).message();
}

// A small trained checkpoint, copied and damaged one way per case.
class BadCheckpoint : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir;
    TrainRequest r;
    r.outfits = synth::plantedOutfits(60, 12, 3, 0.3, 1, 4);
    r.config.head.hiddenDim = 16;
    r.config.head.outputDim = 8;
    r.config.head.ensemble = 2;
    r.config.epochs = 1;
    r.config.threads = 1;
    r.checkpointDir = dir_->path("good");
    r.encoderKind = "synthetic";
    r.encoderSpec = "synthetic";
    auto trained = trainCompat(r);
    ASSERT_TRUE(trained.ok()) << trained.message();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // A fresh copy of the good checkpoint.
  std::string copy(const std::string& name) {
    const std::string to = dir_->path(name);
    QDir().mkpath(QString::fromStdString(to));
    for (const char* file : {kCheckpointConfigFile, kCheckpointModelFile, kCheckpointStateFile}) {
      QFile::copy(QString::fromStdString(dir_->path("good/") + file),
                  QString::fromStdString(to + "/" + file));
    }
    return to;
  }

  static QJsonObject config(const std::string& dir) {
    auto bytes = readFileBytes(dir + "/" + kCheckpointConfigFile);
    return QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(bytes->data()),
                                              static_cast<qsizetype>(bytes->size())))
        .object();
  }
  static void writeConfig(const std::string& dir, const QJsonObject& json) {
    test::writeBytes(dir + "/" + kCheckpointConfigFile, QJsonDocument(json).toJson().toStdString());
  }
  // Sets config.json's `section`.`key`.
  static void setConfigValue(const std::string& dir, const char* section, const char* key,
                             const QJsonValue& value) {
    QJsonObject json = config(dir);
    QJsonObject part = json[section].toObject();
    part[key] = value;
    json[section] = part;
    writeConfig(dir, json);
  }
  // Changes one tensor of a tensor file and records the file's new hash, so
  // only the change itself can be refused.
  static void editTensor(const std::string& dir, const char* file,
                         const std::function<void(format::TensorData&)>& edit) {
    auto content = format::readSafetensors(dir + "/" + file);
    ASSERT_TRUE(content.ok()) << content.message();
    edit(content->tensors.begin()->second);
    const Bytes bytes = format::serializeSafetensors(*content);
    ASSERT_TRUE(writeFileAtomically(dir + "/" + file, bytes).ok());
    QJsonObject json = config(dir);
    QJsonObject files = json["files"].toObject();
    files[file] = QString::fromStdString(sha256Hex(bytes));
    json["files"] = files;
    writeConfig(dir, json);
  }
  static std::string firstTensorName(const std::string& dir, const char* file) {
    return format::readSafetensors(dir + "/" + file)->tensors.begin()->first;
  }

  static test::TempDir* dir_;
};

test::TempDir* BadCheckpoint::dir_ = nullptr;

void setFloat(format::TensorData& t, float value) {
  std::vector<float> values = t.floats();
  values[values.size() / 2] = value;
  t = format::TensorData::fromFloats(t.shape, values.data());
}

TEST_F(BadCheckpoint, EverySizeIsCheckedBeforeAllocating) {
  struct Case {
    const char* section;
    const char* key;
    QJsonValue value;
    const char* expected;
  };
  const Case cases[] = {
      {"head", "ensemble", 1000000, "ensemble must be from 1 to 64"},
      {"head", "ensemble", 0, "ensemble must be from 1 to 64"},
      {"head", "hidden_dim", 1e9, "at most 65536"},
      {"head", "output_dim", -5, "must be positive"},
      {"head", "input_dim", 13, "the head takes 13-dimensional embeddings but the encoder gives 12"},
      {"head", "ensemble", 64, "holds"},  // within the limits, but not what the tensors hold
      {"encoder", "dim", 0, "names no encoder"},
      {"progress", "best_epoch", 7, "inconsistent progress"},
  };
  int n = 0;
  for (const Case& c : cases) {
    const std::string dir = copy("size-" + std::to_string(n++));
    setConfigValue(dir, c.section, c.key, c.value);
    auto model = CompatModel::load(dir);
    ASSERT_FALSE(model.ok()) << c.section << "." << c.key;
    EXPECT_NE(model.message().find(c.expected), std::string::npos) << model.message();
    EXPECT_EQ(model.message().find('\n'), std::string::npos) << "one line";
  }
}

TEST_F(BadCheckpoint, DamagedFilesAreRefusedNamingTheFileAndTheTensor) {
  {
    const std::string dir = copy("nan");
    const std::string tensor = firstTensorName(dir, kCheckpointModelFile);
    editTensor(dir, kCheckpointModelFile,
               [](format::TensorData& t) { setFloat(t, std::numeric_limits<float>::quiet_NaN()); });
    auto model = CompatModel::load(dir);
    ASSERT_FALSE(model.ok());
    EXPECT_NE(model.message().find("model.safetensors: tensor '" + tensor + "' has non-finite values"),
              std::string::npos)
        << model.message();
  }
  {
    const std::string dir = copy("inf");
    editTensor(dir, kCheckpointModelFile,
               [](format::TensorData& t) { setFloat(t, -std::numeric_limits<float>::infinity()); });
    EXPECT_NE(CompatModel::load(dir).message().find("non-finite"), std::string::npos);
  }
  {
    const std::string dir = copy("shape");  // the same number of values in another shape
    editTensor(dir, kCheckpointModelFile, [](format::TensorData& t) {
      std::int64_t all = 1;
      for (std::int64_t d : t.shape) all *= d;
      t.shape = {all};
    });
    EXPECT_NE(CompatModel::load(dir).message().find("has shape"), std::string::npos);
  }
  {
    const std::string dir = copy("missing");
    QFile::remove(QString::fromStdString(dir + "/" + kCheckpointModelFile));
    EXPECT_NE(CompatModel::load(dir).message().find("checkpoint is incomplete"), std::string::npos);
  }
  {
    const std::string dir = copy("version");
    QJsonObject json = config(dir);
    json["format_version"] = 99;
    writeConfig(dir, json);
    EXPECT_NE(CompatModel::load(dir).message().find("checkpoint format version 99"), std::string::npos);
  }
}

// Resuming reads state.safetensors: a NaN there is refused too, before the
// run trains on it.
TEST_F(BadCheckpoint, ANonFiniteTrainingStateIsRefusedOnResume) {
  const std::string dir = copy("state");
  editTensor(dir, kCheckpointStateFile,
             [](format::TensorData& t) { setFloat(t, std::numeric_limits<float>::quiet_NaN()); });
  TrainRequest r;
  r.outfits = synth::plantedOutfits(60, 12, 3, 0.3, 1, 4);
  r.config.head.hiddenDim = 16;
  r.config.head.outputDim = 8;
  r.config.head.ensemble = 2;
  r.config.epochs = 2;
  r.config.threads = 1;
  r.checkpointDir = dir;
  r.resume = true;
  auto resumed = trainCompat(r);
  ASSERT_FALSE(resumed.ok());
  EXPECT_NE(resumed.message().find("state.safetensors: tensor"), std::string::npos) << resumed.message();
  EXPECT_NE(resumed.message().find("non-finite"), std::string::npos) << resumed.message();
}

}  // namespace
}  // namespace w2w::compat
