// A writer killed mid-import, and a reader while a writer works.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

constexpr int kBatch = 50;

PhotoAnalysis analysisFor(int n) {
  PhotoAnalysis a;
  a.person = Box{1, 2, 100, 300};
  for (Category c : kSeedSlots) {
    const std::string hash = "crop-" + std::to_string(n) + "-" + categoryName(c);
    a.crops.push_back(
        {c, Box{5, 5 + 90 * seedSlot(c), 80, 80}, 0.5, CropImage{hash, std::vector<std::uint8_t>(2048, 7)}});
  }
  return a;
}

// One import batch: kBatch photos, each with three crops, in one transaction.
Status writeBatch(Library& library, int batch) {
  return library.transaction([&]() -> Status {
    for (int i = 0; i < kBatch; ++i) {
      const int n = batch * kBatch + i;
      auto id = library.addPhoto({"/p/" + std::to_string(n) + ".jpg", "h" + std::to_string(n), 1, 10, 20});
      if (!id) return id.error();
      if (Status s = library.storeAnalysis(*id, analysisFor(n)); !s) return s;
    }
    return Status::success();
  });
}

// Not a test on its own: the child process of WriterKilledMidImport. It
// writes batches forever, announcing each commit on stdout, until killed.
TEST(LibraryWriterChild, WriteUntilKilled) {
  const char* path = std::getenv("W2W_CHILD_LIBRARY");
  if (!path) GTEST_SKIP() << "runs only as the child of WriterKilledMidImport";
  auto library = Library::open(path);
  ASSERT_TRUE(library.ok()) << library.message();
  for (int batch = 0;; ++batch) {
    ASSERT_TRUE(writeBatch(**library, batch).ok());
    std::printf("committed %d\n", batch + 1);
    std::fflush(stdout);
  }
}

TEST(LibraryCrash, WriterKilledMidImportLeavesExactlyTheCommittedRows) {
  test::TempDir dir;
  const std::string path = dir.path("crash.w2w");
  { ASSERT_TRUE(Library::create(path).ok()); }

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    setenv("W2W_CHILD_LIBRARY", path.c_str(), 1);
    execl("/proc/self/exe", "child", "--gtest_filter=LibraryWriterChild.WriteUntilKilled", nullptr);
    _exit(127);
  }
  close(fds[1]);
  FILE* out = fdopen(fds[0], "r");
  int committed = 0;
  char line[256];
  while (committed < 6 && std::fgets(line, sizeof line, out)) std::sscanf(line, "committed %d", &committed);
  // Kill it while it is (very likely) inside the next transaction.
  usleep(3000);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  std::fclose(out);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child should have been killed, not have exited";
  ASSERT_GE(committed, 6);

  auto library = Library::open(path);
  ASSERT_TRUE(library.ok()) << library.message();
  EXPECT_TRUE((*library)->checkIntegrity().ok());
  auto info = (*library)->info();
  ASSERT_TRUE(info.ok());
  // Whole batches only: the transaction in flight is gone entirely (one more
  // batch may have committed between the last line read and the kill).
  EXPECT_EQ(info->photos % kBatch, 0) << info->photos;
  EXPECT_GE(info->photos, committed * kBatch);
  EXPECT_LE(info->photos, (committed + 1) * kBatch);
  EXPECT_EQ(info->items, 3 * info->photos);
  EXPECT_EQ(info->photosByStatus[static_cast<int>(PhotoStatus::Processed)], info->photos);
}

TEST(LibraryConcurrency, ReaderSeesConsistentSnapshotsWhileAWriterWorks) {
  test::TempDir dir;
  const std::string path = dir.path("busy.w2w");
  { ASSERT_TRUE(Library::create(path).ok()); }

  std::atomic<bool> done{false};
  std::thread writer([&] {
    auto library = Library::open(path);
    ASSERT_TRUE(library.ok());
    for (int batch = 0; batch < 20; ++batch) ASSERT_TRUE(writeBatch(**library, batch).ok());
    done = true;
  });

  auto reader = Library::open(path, Library::Access::ReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.message();
  int reads = 0;
  long long last = 0;
  while (!done || reads == 0) {
    auto info = (*reader)->info();
    ASSERT_TRUE(info.ok()) << info.message();
    EXPECT_EQ(info->photos % kBatch, 0);
    EXPECT_EQ(info->items, 3 * info->photos);
    EXPECT_GE(info->photos, last) << "never goes back in time";
    last = info->photos;
    ++reads;
  }
  writer.join();
  EXPECT_EQ((*(*reader)->info()).photos, 20 * kBatch);
  EXPECT_GT(reads, 1);
}

}  // namespace
}  // namespace w2w
