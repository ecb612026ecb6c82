// End-to-end: the real `what2wear` executable trains and evaluates on a tiny
// ccp-format dataset that the test writes (photos, masks, annotations.json).
#include <gtest/gtest.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QThread>

#include <csignal>

#include "ccp_fixture.h"
#include "compat/checkpoint.h"
#include "compat/training_run.h"
#include "format/json.h"
#include "json_types.h"
#include "library_fixture.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

struct CliRun {
  int exitCode = -1;
  QByteArray out, err;
  QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
  // Keeps integers apart from doubles (test::isInteger, test::isFigure).
  format::Json typedJson() const { return format::parseObjectOrEmpty(out.toStdString()); }
};

CliRun what2wear(const QStringList& args) {
  QProcess process;
  process.start(W2W_CLI_PATH, args);
  process.waitForFinished(120000);
  return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

class CompatCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fixture::CcpFixtureOptions options;
    options.outfits = 24;
    fixture::writeCcpFixture(dir_.path(), options);
  }
  QString data() const { return QString::fromStdString("ccp:" + dir_.path()); }
  QString path(const char* name) const { return QString::fromStdString(dir_.path(name)); }
  test::TempDir dir_;
};

TEST_F(CompatCliTest, TrainThenEvaluate) {
  const CliRun train = what2wear({"train", "--dataset", data(), "--boxes", "gt", "--out", path("ckpt"),
                                  "--epochs", "3", "--seed", "7", "--cache", path("cache"), "--json"});
  ASSERT_EQ(train.exitCode, 0) << train.err.toStdString();
  const QJsonObject t = train.json();
  EXPECT_EQ(t["outcome"].toString(), "finished");
  EXPECT_EQ(t["epochs_done"].toInt(), 3);
  EXPECT_EQ(t["history"].toArray().size(), 3);
  EXPECT_EQ(t["outfits"].toInt(), 16) << "the train split: photo numbers not ending in 0, 1, 2";
  EXPECT_EQ(t["dataset"].toObject()["background"].toString(), "garment");
  for (const char* file : {"ckpt/config.json", "ckpt/model.safetensors", "ckpt/state.safetensors"}) {
    EXPECT_TRUE(QFileInfo::exists(path(file))) << file;
  }
  EXPECT_FALSE(train.err.isEmpty()) << "progress goes to stderr";
  const format::Json typedTrain = train.typedJson();
  for (const char* count : {"outfits", "train_outfits", "val_outfits", "epochs_done", "best_epoch"})
    EXPECT_TRUE(test::isInteger(typedTrain, count));
  EXPECT_TRUE(test::isFigure(typedTrain, "best_val_auc"));

  const CliRun eval = what2wear({"eval", "--checkpoint", path("ckpt"), "--dataset", data(), "--seed", "3",
                                 "--cache", path("cache"), "--json"});
  ASSERT_EQ(eval.exitCode, 0) << eval.err.toStdString();
  EXPECT_EQ(eval.out.count('\n'), 1) << "one JSON line on stdout";
  const QJsonObject e = eval.json();
  for (const char* key : {"auc", "fitb", "baseline", "pairs", "thresholds", "real_sim", "modified_sim"}) {
    EXPECT_TRUE(e.contains(key)) << key;
  }
  EXPECT_GE(e["auc"].toDouble(), 0.0);
  EXPECT_LE(e["auc"].toDouble(), 1.0);
  EXPECT_TRUE(e["baseline"].toObject().contains("auc"));
  EXPECT_TRUE(e["baseline"].toObject().contains("fitb"));
  // Every pair the test outfits have: separates with bags (1, 10, 22) and a dress (11).
  const QStringList pairs = e["pairs"].toObject().keys();
  for (const char* pair :
       {"top_bottom", "top_shoes", "bottom_shoes", "onepiece_shoes", "top_bag", "shoes_bag"})
    EXPECT_TRUE(pairs.contains(pair)) << pair;
  EXPECT_FALSE(pairs.contains("bottom_onepiece"));
  EXPECT_EQ(e["kinds"].toObject()["separates"].toObject()["outfits"].toInt(), 7);
  EXPECT_EQ(e["kinds"].toObject()["onepiece"].toObject()["outfits"].toInt(), 1);
  EXPECT_EQ(e["thresholds"].toArray().size(), 41);
  EXPECT_EQ(e["real_sim"].toObject()["counts"].toArray().size(), 40);
  EXPECT_EQ(e["outfits"].toInt(), 8) << "the test split by default";
  EXPECT_EQ(e["dataset"].toObject()["split"].toString(), "test");
  const format::Json typedEval = eval.typedJson();
  for (const char* count : {"outfits", "rounds", "fitb_questions"})
    EXPECT_TRUE(test::isInteger(typedEval, count));
  EXPECT_TRUE(test::isFigure(typedEval, "auc"));
  EXPECT_TRUE(test::isFigure(format::objectOf(typedEval, "baseline"), "fitb"));
  const format::Json& topBottom = format::objectOf(format::objectOf(typedEval, "pairs"), "top_bottom");
  EXPECT_TRUE(test::isInteger(topBottom, "outfits"));
  EXPECT_TRUE(test::isFigure(topBottom, "auc"));
  EXPECT_EQ(format::stringOr(typedEval, "seed"), "3") << "the seed as text, as it always was";

  const CliRun again = what2wear({"eval", "--checkpoint", path("ckpt"), "--dataset", data(), "--seed", "3",
                                  "--cache", path("cache"), "--json"});
  EXPECT_EQ(again.out, eval.out) << "same seed, same numbers";
}

// A checkpoint evaluated on another dataset than its own sees all of it:
// the test split only keeps the training outfits out.
TEST_F(CompatCliTest, EvalOnAnotherDatasetUsesAllItsOutfits) {
  const CliRun train = what2wear({"train", "--dataset", data(), "--boxes", "gt", "--out", path("ckpt"),
                                  "--epochs", "1", "--cache", path("cache"), "--quiet", "--json"});
  ASSERT_EQ(train.exitCode, 0) << train.err.toStdString();
  test::TempDir other;
  fixture::CcpFixtureOptions options;
  options.outfits = 12;
  fixture::writeCcpFixture(other.path(), options);
  const QString otherData = QString::fromStdString("ccp:" + other.path());
  const CliRun all = what2wear({"eval", "--checkpoint", path("ckpt"), "--dataset", otherData, "--cache",
                                path("cache"), "--quiet", "--json"});
  ASSERT_EQ(all.exitCode, 0) << all.err.toStdString();
  EXPECT_EQ(all.json()["outfits"].toInt(), 12) << "every valid outfit, one-pieces included";
  EXPECT_EQ(all.json()["dataset"].toObject()["split"].toString(), "all");
  const CliRun test = what2wear({"eval", "--checkpoint", path("ckpt"), "--dataset", otherData, "--split",
                                 "test", "--cache", path("cache"), "--quiet", "--json"});
  ASSERT_EQ(test.exitCode, 0) << test.err.toStdString();
  EXPECT_EQ(test.json()["outfits"].toInt(), 5) << "--split still chooses";
}

TEST_F(CompatCliTest, BadInputExitsWithAReason) {
  CliRun r = what2wear({"train", "--dataset", data()});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("--out CKPT is required")) << r.err.toStdString();
  r = what2wear({"train", "--dataset", data(), "--out", path("x"), "--boxes", "all"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("--boxes must be gt or auto")) << r.err.toStdString();
  r = what2wear({"train", "--dataset", "imagenet:/tmp", "--out", path("x")});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("expected ccp:DIR")) << r.err.toStdString();
  r = what2wear({"train", "--dataset", data(), "--boxes", "gt", "--out", path("x"), "--epochs", "zero"});
  EXPECT_EQ(r.exitCode, 2);
  r = what2wear(
      {"train", "--dataset", data(), "--boxes", "gt", "--out", path("x"), "--encoder", path("no-model")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("no such model folder")) << r.err.toStdString();
  r = what2wear({"eval", "--checkpoint", path("photos"), "--dataset", data()});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("not a checkpoint folder")) << r.err.toStdString();
}

TEST_F(CompatCliTest, CtrlCKeepsTheLastCheckpointAndResumeFinishes) {
  QProcess process;
  process.start(W2W_CLI_PATH,
                {"train", "--dataset", data(), "--boxes", "gt", "--out", path("ckpt"), "--epochs", "100000",
                 "--patience", "100000", "--cache", path("cache"), "--quiet"});
  ASSERT_TRUE(process.waitForStarted());
  for (int i = 0; i < 600 && !QFileInfo::exists(path("ckpt/config.json")); ++i) QThread::msleep(100);
  ASSERT_TRUE(QFileInfo::exists(path("ckpt/config.json"))) << "no checkpoint after a minute";
  ::kill(static_cast<pid_t>(process.processId()), SIGINT);
  ASSERT_TRUE(process.waitForFinished(60000));
  EXPECT_EQ(process.exitCode(), 130) << process.readAllStandardError().toStdString();
  auto kept = readCheckpointInfo(dir_.path("ckpt"));
  ASSERT_TRUE(kept.ok()) << kept.message();
  ASSERT_GE(kept->epochsDone, 1);

  const QString epochs = QString::number(kept->epochsDone + 1);
  const CliRun resumed =
      what2wear({"train", "--dataset", data(), "--boxes", "gt", "--out", path("ckpt"), "--resume", "--epochs",
                 epochs, "--patience", "100000", "--cache", path("cache"), "--json"});
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err.toStdString();
  EXPECT_EQ(resumed.json()["epochs_done"].toInt(), kept->epochsDone + 1);
}

// By default train crops real street photos with the import pipeline (the
// bundled garment parser), keeping each garment's own pixels.
TEST_F(CompatCliTest, TrainsOnTheCropPipelinesBoxes) {
  const QString mini = QString::fromStdString("ccp:" + test::dataPath("ccp-mini"));
  const CliRun train = what2wear({"train", "--dataset", mini, "--split", "all", "--out", path("auto"),
                                  "--epochs", "1", "--no-cache", "--quiet", "--json"});
  ASSERT_EQ(train.exitCode, 0) << train.err.toStdString();
  const QJsonObject dataset = train.json()["dataset"].toObject();
  EXPECT_EQ(dataset["boxes"].toString(), "auto");
  EXPECT_EQ(dataset["background"].toString(), "garment");
  EXPECT_GE(train.json()["outfits"].toInt(), 4) << "most of the six complete outfits are found";
}

// On a library the run is recorded in it, as a run trained in the studio is:
// the library lists it with its metrics, and a second run gets its own row.
TEST(CompatCli, TrainingOnALibraryRecordsTheRun) {
  test::TempDir dir;
  const std::string library = dir.path("wardrobe.w2w");
  test::makePhotoOutfitLibrary(library, 12);
  const QString spec = QString::fromStdString("library:" + library);
  const CliRun train =
      what2wear({"train", "--dataset", spec, "--split", "all", "--epochs", "2", "--seed", "3", "--json"});
  ASSERT_EQ(train.exitCode, 0) << train.err.toStdString();
  const QJsonObject t = train.json();
  EXPECT_EQ(t["outcome"].toString(), "finished");
  EXPECT_EQ(t["outfits"].toInt(), 12);
  const qint64 runId = t["run"].toInteger();
  ASSERT_GT(runId, 0);

  auto opened = Library::open(library, Library::Access::ReadOnly);
  ASSERT_TRUE(opened.ok()) << opened.message();
  auto runs = (*opened)->runs();
  ASSERT_TRUE(runs.ok()) << runs.message();
  ASSERT_EQ(runs->size(), 1u);
  const TrainingRun& run = runs->front();
  EXPECT_EQ(run.id, runId);
  EXPECT_EQ(run.status, RunStatus::Finished);
  const RunMetrics metrics = parseRunMetrics(run.metricsJson);
  EXPECT_EQ(metrics.epochsDone(), 2);
  EXPECT_EQ(metrics.outfits, 12);
  EXPECT_FALSE(metrics.steps.empty());
  EXPECT_TRUE(metrics.bestEvaluation.has_value());
  const std::string folder = (*opened)->resolvePath(run.checkpointPath);
  EXPECT_EQ(folder, t["checkpoint"].toString().toStdString());
  EXPECT_EQ(folder, defaultRunFolder(library, runId));
  auto info = readCheckpointInfo(folder);
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->epochsDone, 2);

  opened->reset();
  const CliRun second = what2wear({"train", "--dataset", spec, "--split", "all", "--epochs", "1", "--out",
                                   QString::fromStdString(dir.path("elsewhere")), "--quiet", "--json"});
  ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
  EXPECT_EQ(second.json()["run"].toInteger(), runId + 1);
  EXPECT_TRUE(QFileInfo::exists(QString::fromStdString(dir.path("elsewhere/config.json"))));

  const CliRun resume = what2wear({"train", "--dataset", spec, "--resume"});
  EXPECT_EQ(resume.exitCode, 2) << "library runs are continued in the studio";
}

}  // namespace
}  // namespace w2w::compat
