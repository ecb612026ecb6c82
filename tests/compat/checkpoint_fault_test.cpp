// A checkpoint save killed at every write, sync, rename and folder change it
// makes (strace's fault injection): a reader then finds the previous
// checkpoint or the new one, complete, and the next save succeeds.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <set>

#include "compat/checkpoint.h"
#include "compat/checkpoint_io.h"
#include "compat/compat_model.h"
#include "test_support.h"

namespace w2w::compat {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

struct WriterRun {
  bool killed = false;
  int exitCode = -1;
  QString err;
};

// The writer saves `version` into `dir`; with a syscall, strace kills it at
// that call's `nth` use.
WriterRun write(const std::string& dir, int version, const QString& syscall = {}, int nth = 0) {
  QStringList args;
  QString program = QStringLiteral(W2W_CHECKPOINT_WRITER);
  if (!syscall.isEmpty()) {
    args << "-f" << "-qq" << "-o" << "/dev/null" << "-e" << "trace=" + syscall << "-e"
         << QStringLiteral("inject=%1:signal=KILL:when=%2").arg(syscall).arg(nth) << program;
    program = QStandardPaths::findExecutable("strace");
  }
  args << q(dir) << QString::number(version);
  QProcess process;
  process.start(program, args);
  process.waitForFinished(120000);
  WriterRun run;
  // strace ends itself with the signal that ended the program it ran.
  run.killed = process.exitStatus() == QProcess::CrashExit;
  run.exitCode = process.exitCode();
  run.err = QString::fromUtf8(process.readAllStandardError());
  return run;
}

void copyCheckpoint(const std::string& from, const std::string& to) {
  QDir(q(to)).removeRecursively();
  QDir().mkpath(q(to));
  for (const char* file : {kCheckpointConfigFile, kCheckpointModelFile, kCheckpointStateFile})
    ASSERT_TRUE(QFile::copy(q(from + "/" + file), q(to + "/" + file)));
}

// "" when `dir` holds version 1 or 2 of the writer's checkpoint, complete
// (model and training state load); else what is wrong.
std::string checkComplete(const std::string& dir, int* version) {
  auto info = readCheckpointInfo(dir);
  if (!info) return info.message();
  *version = info->epochsDone;
  if (*version != 1 && *version != 2) return "unexpected version " + std::to_string(*version);
  auto model = CompatModel::load(dir);
  if (!model) return model.message();
  CompatHead head(info->config.head);
  AdamW optimizer(headTensors(*head), info->config.weightDecay);
  if (Status s = loadTrainingState(dir, *head, optimizer); !s) return s.message();
  if (optimizer.steps() != *version) return "the training state is of another version";
  return "";
}

TEST(CheckpointSave, AKillAtAnyWriteOrRenameLeavesTheOldOrTheNewCheckpoint) {
  if (QStandardPaths::findExecutable("strace").isEmpty()) {
    GTEST_SKIP() << "strace is not installed (scripts/quickstart.sh installs it): fault injection skipped";
  }
  QProcess probe;
  probe.start(QStandardPaths::findExecutable("strace"), {"-qq", "-o", "/dev/null", "true"});
  probe.waitForFinished(30000);
  if (probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
    GTEST_SKIP() << "strace cannot trace here (ptrace not permitted): fault injection skipped";
  }
  test::TempDir dir;
  const std::string first = dir.path("first");
  ASSERT_EQ(write(first, 1).exitCode, 0);
  int version = 0;
  ASSERT_EQ(checkComplete(first, &version), "");

  const std::string work = dir.path("work");
  std::set<int> seen;
  int kills = 0;
  for (const QString syscall : {"write", "fsync", "rename", "mkdir", "rmdir", "unlink"}) {
    for (int nth = 1; nth < 100; ++nth) {
      copyCheckpoint(first, work);
      const WriterRun run = write(work, 2, syscall, nth);
      if (!run.killed) {
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        break;  // the save made fewer such calls: it finished
      }
      ++kills;
      const std::string problem = checkComplete(work, &version);
      ASSERT_EQ(problem, "") << "killed at " << syscall.toStdString() << " #" << nth;
      seen.insert(version);
      // The next save finishes or discards what the killed one left.
      ASSERT_EQ(write(work, 2).exitCode, 0) << "after a kill at " << syscall.toStdString() << " #" << nth;
      ASSERT_EQ(checkComplete(work, &version), "");
      EXPECT_EQ(version, 2);
      EXPECT_FALSE(QFileInfo::exists(q(work + "/.saving")));
      EXPECT_FALSE(QFileInfo::exists(q(work + "/.pending")));
    }
  }
  std::printf("%d kills; versions seen afterwards:", kills);
  for (int v : seen) std::printf(" %d", v);
  std::printf("\n");
  EXPECT_GE(kills, 8) << "every write and rename of a save was tried";
  EXPECT_EQ(seen, (std::set<int>{1, 2})) << "kills before the commit keep the old, after it the new";
}

}  // namespace
}  // namespace w2w::compat
