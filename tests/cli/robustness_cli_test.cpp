// The exit status tells the truth: bad usage, interrupted work, files that
// could not be imported or encoded, read-only libraries, a full disk.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QThread>

#include <sqlite3.h>
#include <unistd.h>

#include <csignal>

#include "cli_runner.h"
#include "io/file_io.h"
#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

using test::runCli;
using test::TempDir;

QString q(const std::string& s) { return QString::fromStdString(s); }

// A library with `photos` registered photos (no crops) and one standalone item.
std::string makeLibrary(const TempDir& dir, int photos) {
  QDir().mkpath(q(dir.path("photos")));
  for (int i = 0; i < photos; ++i)
    test::writeImage(dir.path("photos/p" + std::to_string(i) + ".png"), test::makeTestImage(40, 60, i));
  const std::string lib = dir.path("w.w2w");
  const auto r = runCli({"import", "--library", q(lib), "--no-crops", q(dir.path("photos")), "--quiet"});
  EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
  return lib;
}

// Waits until the program has `file` open: it is then past its start (its
// signal handlers are installed first) and in or just before the busy wait.
// A loaded machine takes seconds to start a program linked with LibTorch.
bool waitUntilOpened(qint64 pid, const std::string& file) {
  QElapsedTimer clock;
  clock.start();
  const std::string fds = "/proc/" + std::to_string(pid) + "/fd";
  while (clock.elapsed() < 60000) {
    for (const QString& fd : QDir(q(fds)).entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
      char target[4096];
      const ssize_t n = readlink((fds + "/" + fd.toStdString()).c_str(), target, sizeof target - 1);
      if (n > 0 && std::string(target, static_cast<size_t>(n)) == file) return true;
    }
    QThread::msleep(20);
  }
  return false;
}

TEST(CliArguments, AStrayPositionalArgumentIsBadUsageForEveryCommand) {
  TempDir dir;
  const QString lib = q(makeLibrary(dir, 1));
  const QString png = q(dir.path("photos/p0.png"));
  const QList<QStringList> commands = {
      {"embed", "--model", "basic", "--image", png, png},
      {"encode", "--library", lib, "stray"},
      {"train", "--dataset", "library:" + lib, "--out", q(dir.path("m")), "stray"},
      {"eval", "--checkpoint", q(dir.path("m")), "stray"},
      {"recommend", "--library", lib, "--checkpoint", q(dir.path("m")), "--item", "1", "stray"},
      {"demo", "stray"},
      {"library", "info", lib, "stray"},
      {"tag", "--library", lib, "--photo", "1", "summer", "stray"},
  };
  for (const QStringList& args : commands) {
    const auto r = runCli(args);
    EXPECT_EQ(r.exitCode, 2) << args.join(' ').toStdString() << "\n" << r.err.toStdString();
    EXPECT_EQ(r.err.count('\n'), 1) << "one line: " << r.err.toStdString();
  }
  const auto embed = runCli({"embed", "--model", "basic", "--image", png, "b.png"});
  EXPECT_TRUE(embed.err.contains("unexpected argument 'b.png'")) << embed.err.toStdString();
}

// SIGTERM while the command waits for another program's write to end: the
// wait does not look at the interrupt, so the grace period ends the command,
// with 130 (not 1 for "busy" after SQLite's 10 s timeout).
// A library another program is writing (it holds the write lock), and
// `what2wear tag` waiting for it, past its start.
class CliSignals : public ::testing::Test {
 protected:
  void SetUp() override {
    lib = makeLibrary(dir, 1);
    ASSERT_EQ(sqlite3_open(lib.c_str(), &holder), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    tag.start(QStringLiteral(W2W_CLI_PATH), {"tag", "--library", q(lib), "--photo", "1", "summer"});
    ASSERT_TRUE(tag.waitForStarted());
    ASSERT_TRUE(waitUntilOpened(tag.processId(), lib)) << "the command never opened the library";
  }
  // Lets the library go, as the other program would.
  void releaseLibrary() {
    if (!holder) return;
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    holder = nullptr;
  }
  void TearDown() override { releaseLibrary(); }

  TempDir dir;
  std::string lib;
  sqlite3* holder = nullptr;
  QProcess tag;
};

TEST_F(CliSignals, TermEndsACommandWaitingForABusyLibrary) {
  QThread::msleep(300);  // inside the busy wait by now (or soon: the signal is kept either way)
  QElapsedTimer clock;
  clock.start();
  tag.terminate();
  ASSERT_TRUE(tag.waitForFinished(30000));
  std::printf("exit %d after %lld ms\n", tag.exitCode(), static_cast<long long>(clock.elapsed()));
  EXPECT_EQ(tag.exitStatus(), QProcess::NormalExit);
  EXPECT_EQ(tag.exitCode(), 130) << tag.readAllStandardError().toStdString();
  EXPECT_TRUE(tag.readAllStandardError().contains("interrupted"));

  releaseLibrary();
  auto library = Library::open(lib);
  ASSERT_TRUE(library.ok()) << library.message();
  EXPECT_TRUE((*library)->checkIntegrity().ok());
  EXPECT_TRUE((*library)->tags()->empty()) << "the interrupted tag was not half-written";
}

TEST_F(CliSignals, ASecondSignalEndsTheCommandAtOnce) {
  tag.terminate();
  QThread::msleep(200);
  tag.terminate();
  ASSERT_TRUE(tag.waitForFinished(30000));
  EXPECT_EQ(tag.exitStatus(), QProcess::CrashExit) << "ended by the second signal itself";
}

TEST(CliImport, AnUnreadableSubfolderAndTheLibraryItselfAreListedAndTheStatusIsOne) {
  TempDir dir;
  QDir().mkpath(q(dir.path("in/locked")));
  test::writeImage(dir.path("in/a.png"), test::makeTestImage(40, 60, 1));
  test::writeImage(dir.path("in/locked/b.png"), test::makeTestImage(40, 60, 2));
  const QString lib = q(dir.path("in/w.w2w"));
  ASSERT_EQ(runCli({"library", "init", lib}).exitCode, 0);
  test::letEveryoneIn(dir.path(), dir.path("in"));
  QFile::setPermissions(lib, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther |
                                 QFileDevice::WriteOther);
  QFile::setPermissions(q(dir.path("in")), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                               QFileDevice::WriteOther | QFileDevice::ExeOther);
  QFile::setPermissions(q(dir.path("in/locked")), QFileDevice::Permissions());

  const auto r =
      runCli({"import", "--library", lib, "--no-crops", q(dir.path("in")), lib, "--json"}, {true, -1});
  EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
  EXPECT_EQ(r.json()["added"].toInt(), 1);
  EXPECT_EQ(r.json()["failed"].toInt(), 2);
  EXPECT_TRUE(r.err.contains("locked: cannot read the folder")) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains("w.w2w: is the library itself")) << r.err.toStdString();
  QFile::setPermissions(q(dir.path("in/locked")),
                        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

// A full disk: the files the library may grow to are limited to the size
// the library has now, so the write-ahead log fills after a few photos.
// Every photo that could not be stored is named with the reason, the status
// is 1, and the library holds exactly the photos reported as added, whole.
TEST(CliImport, AFullDiskFailsEachPhotoWithTheReasonAndKeepsTheLibraryWhole) {
  TempDir dir;
  const std::string lib = makeLibrary(dir, 2);
  QDir().mkpath(q(dir.path("more")));
  for (int i = 0; i < 12; ++i)
    test::writeImage(dir.path("more/m" + std::to_string(i) + ".png"), test::makeTestImage(600, 800, 50 + i));
  const long long size = QFileInfo(q(lib)).size() + QFileInfo(q(lib + "-wal")).size();
  const auto r =
      runCli({"import", "--library", q(lib), q(dir.path("more")), "--threads", "1", "--json"}, {false, size});
  EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
  const QJsonArray files = r.json()["files"].toArray();
  ASSERT_EQ(files.size(), 12);
  int added = 0, failed = 0;
  for (const auto& f : files) {
    const QString outcome = f.toObject()["outcome"].toString();
    if (outcome == "added") {
      ++added;
      continue;
    }
    ++failed;
    EXPECT_EQ(outcome, "failed") << f.toObject()["file"].toString().toStdString();
    EXPECT_FALSE(f.toObject()["error"].toString().isEmpty());
    EXPECT_TRUE(r.err.contains(QFileInfo(f.toObject()["file"].toString()).fileName())) << r.err.toStdString();
  }
  EXPECT_GE(failed, 1) << "the disk limit was never reached";
  auto library = Library::open(lib);
  ASSERT_TRUE(library.ok()) << library.message();
  EXPECT_TRUE((*library)->checkIntegrity().ok());
  EXPECT_EQ(*(*library)->photoCount(), 2 + added);
  const auto check = runCli({"library", "check", q(lib)});
  EXPECT_EQ(check.exitCode, 0) << check.out.toStdString() << check.err.toStdString();
}

TEST(CliEncode, NamesEachItemItCouldNotEncodeAndFails) {
  TempDir dir;
  const std::string lib = dir.path("w.w2w");
  Id bad = 0;
  {
    auto library = Library::create(lib);
    ASSERT_TRUE(library.ok());
    test::writeImage(dir.path("good.png"), test::makeTestImage(40, 40, 3));
    QFile good(q(dir.path("good.png")));
    ASSERT_TRUE(good.open(QIODevice::ReadOnly));
    const QByteArray goodPng = good.readAll();
    auto ok = (*library)->addStandaloneItem(Category::Top, {dir.path("good.png"), "file-good", 1, 40, 40},
                                            {"crop-good", Bytes(goodPng.begin(), goodPng.end())});
    ASSERT_TRUE(ok.ok()) << ok.message();
    auto broken = (*library)->addStandaloneItem(Category::Shoes, {dir.path("bad.png"), "file-bad", 1, 40, 40},
                                                {"crop-bad", Bytes{'n', 'o', 't', ' ', 'p', 'n', 'g'}});
    ASSERT_TRUE(broken.ok()) << broken.message();
    bad = *broken;
  }
  const auto r = runCli({"encode", "--library", q(lib), "--json", "--quiet"});
  EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
  EXPECT_EQ(r.json()["encoded"].toInt(), 1);
  const QJsonArray failures = r.json()["failures"].toArray();
  ASSERT_EQ(failures.size(), 1);
  EXPECT_EQ(failures[0].toObject()["item"].toInteger(), bad);
  EXPECT_TRUE(r.err.contains(QStringLiteral("item %1").arg(bad))) << r.err.toStdString();
}

// A library the user may not write: commands that only read work as usual,
// commands that write say why they cannot.
TEST(CliReadOnly, ReadingCommandsWorkAndWritingOnesSayWhy) {
  TempDir dir;
  const std::string lib = makeLibrary(dir, 2);
  ASSERT_EQ(runCli({"tag", "--library", q(lib), "--photo", "1", "summer"}).exitCode, 0);
  test::letEveryoneIn(dir.path(), dir.path());
  QFile::setPermissions(q(lib), QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
  for (const char* suffix : {"-wal", "-shm"}) {
    QFile::setPermissions(q(lib + suffix),
                          QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
  }

  const test::CliLimits nobody{true, -1};
  auto info = runCli({"library", "info", q(lib), "--json"}, nobody);
  EXPECT_EQ(info.exitCode, 0) << info.err.toStdString();
  EXPECT_EQ(info.json()["photos"].toObject()["total"].toInt(), 2);
  auto check = runCli({"library", "check", q(lib)}, nobody);
  EXPECT_EQ(check.exitCode, 0) << check.err.toStdString();
  auto tags = runCli({"tag", "--library", q(lib), "--json"}, nobody);
  EXPECT_EQ(tags.exitCode, 0) << tags.err.toStdString();
  EXPECT_EQ(tags.json()["tags"].toArray().size(), 1);

  auto write = runCli({"tag", "--library", q(lib), "--photo", "2", "winter"}, nobody);
  EXPECT_EQ(write.exitCode, 1);
  EXPECT_TRUE(write.err.contains("read-only")) << write.err.toStdString();
}

TEST(CliReadOnly, AWritableLibraryInAnUnwritableFolderNamesTheFolder) {
  TempDir dir;
  QDir().mkpath(q(dir.path("shelf")));
  const std::string lib = dir.path("shelf/w.w2w");
  ASSERT_EQ(runCli({"library", "init", q(lib)}).exitCode, 0);
  test::letEveryoneIn(dir.path(), dir.path("shelf"));
  QFile::setPermissions(q(lib), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther |
                                    QFileDevice::WriteOther);
  const auto readAndEnter =
      QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther | QFileDevice::ExeOther;
  QFile::setPermissions(q(dir.path("shelf")), readAndEnter);
  auto write = runCli({"tag", "--library", q(lib), "--photo", "1", "x"}, {true, -1});
  EXPECT_EQ(write.exitCode, 1);
  EXPECT_TRUE(write.err.contains("the folder " + q(dir.path("shelf")) + " is not writable"))
      << write.err.toStdString();
  auto read = runCli({"library", "info", q(lib)}, {true, -1});
  EXPECT_EQ(read.exitCode, 0) << read.err.toStdString();
  QFile::setPermissions(q(dir.path("shelf")), readAndEnter | QFileDevice::WriteOwner);
}

}  // namespace
}  // namespace w2w
