// End-to-end tests of the what2wear-studio command line: the options that
// scripted demos and the documentation's screenshots rely on.
#include <gtest/gtest.h>

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>

#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

struct ProgramRun {
  int exitCode = -1;
  QString out, err;
};

// Runs a program with its settings and caches in `home`, so the test never
// reads or changes the user's studio settings.
ProgramRun runProgram(const QString& program, const QStringList& args, const std::string& home) {
  QProcess process;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("XDG_CONFIG_HOME", QString::fromStdString(home + "/config"));
  env.insert("XDG_CACHE_HOME", QString::fromStdString(home + "/cache"));
  env.insert("QT_QPA_PLATFORM", "offscreen");
  process.setProcessEnvironment(env);
  process.start(program, args);
  ProgramRun r;
  if (!process.waitForFinished(180000)) {
    process.kill();
    process.waitForFinished();
    return r;
  }
  r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  r.out = QString::fromUtf8(process.readAllStandardOutput());
  r.err = QString::fromUtf8(process.readAllStandardError());
  return r;
}

class StudioCli : public ::testing::Test {
 protected:
  // A library of the eight street photos in tests/data/ccp-mini (six outfits).
  void makeLibrary() {
    const QString photos = QString::fromStdString(test::dataPath("ccp-mini/photos"));
    const ProgramRun import =
        runProgram(W2W_CLI_PATH, {"import", "--library", library(), photos, "--quiet"}, dir_.path());
    ASSERT_EQ(import.exitCode, 0) << import.err.toStdString();
  }
  QString library() const { return QString::fromStdString(dir_.path("street.w2w")); }
  QString path(const char* name) const { return QString::fromStdString(dir_.path(name)); }
  ProgramRun studio(const QStringList& args) const { return runProgram(W2W_STUDIO_PATH, args, dir_.path()); }

  test::TempDir dir_;
};

TEST_F(StudioCli, TrainsAndScreenshotsTheTrainingView) {
  ASSERT_NO_FATAL_FAILURE(makeLibrary());
  const ProgramRun r = studio({"--library", library(), "--train", "--screenshot", path("training.png")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QImage shot(path("training.png"));
  EXPECT_EQ(shot.size(), QSize(1280, 820));

  // The screenshot waited for the run: it is in the library, finished, with a checkpoint.
  auto opened = Library::open(library().toStdString(), Library::Access::ReadOnly);
  ASSERT_TRUE(opened.ok()) << opened.message();
  auto runs = (*opened)->runs();
  ASSERT_TRUE(runs.ok()) << runs.message();
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ(runs->front().status, RunStatus::Finished) << runs->front().error;
  EXPECT_FALSE(runs->front().checkpointPath.empty());
}

TEST_F(StudioCli, RefusesAnUnknownViewAndAMissingLibrary) {
  ASSERT_TRUE(Library::create(library().toStdString()).ok());
  ProgramRun r = studio({"--library", library(), "--view", "wardrobe", "--screenshot", path("x.png")});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("unknown view 'wardrobe'")) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("training")) << "lists the views: " << r.err.toStdString();
  r = studio({"--library", path("nowhere.w2w"), "--screenshot", path("x.png")});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("nowhere.w2w")) << r.err.toStdString();
}

}  // namespace
}  // namespace w2w
