// Several connections and several processes on one library: nothing one of
// them does may delete or truncate a file another one still uses, and every
// committed change survives.
#include <gtest/gtest.h>

#include <QFileInfo>

#include <cstdlib>

#include "child_process.h"
#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

NewPhoto photoNumber(int n) {
  return {"/photos/" + std::to_string(n) + ".jpg", "hash-" + std::to_string(n), 100 + n, 40, 60};
}

bool exists(const std::string& path) { return QFileInfo::exists(QString::fromStdString(path)); }

// Not a test on its own: another process that opens the library, adds the
// photo numbered W2W_CHILD_PHOTO when given, and closes it again.
TEST(LibraryOtherProcess, OpenAddClose) {
  const char* path = std::getenv("W2W_CHILD_LIBRARY");
  if (!path) GTEST_SKIP() << "runs only as a child of the concurrency tests";
  auto library = Library::open(path);
  ASSERT_TRUE(library.ok()) << library.message();
  if (const char* photo = std::getenv("W2W_CHILD_PHOTO")) {
    ASSERT_TRUE((*library)->addPhoto(photoNumber(std::atoi(photo))).ok());
  }
}

void runOtherProcess(const std::string& path, int photo = 0) {
  std::map<std::string, std::string> env{{"W2W_CHILD_LIBRARY", path}};
  if (photo) env["W2W_CHILD_PHOTO"] = std::to_string(photo);
  auto child = test::ChildProcess::self("LibraryOtherProcess.OpenAddClose", env);
  child.readAll();
  EXPECT_EQ(test::describeWaitStatus(child.wait()), "exit 0");
}

// The studio holds several connections (GUI thread, workers). Opening one
// more must not drop the locks of the others: if it did, another process
// closing its last connection would believe it was the last user of the file
// and delete the write-ahead log the studio is still writing into.
TEST(LibraryConcurrency, OpeningASecondConnectionKeepsTheFirstOnesLocks) {
  test::TempDir dir;
  const std::string path = dir.path("shared.w2w");
  { ASSERT_TRUE(Library::create(path).ok()); }

  auto first = Library::open(path);
  ASSERT_TRUE(first.ok()) << first.message();
  ASSERT_TRUE((*first)->addPhoto(photoNumber(1)).ok());
  auto second = Library::open(path, Library::Access::ReadOnly);
  ASSERT_TRUE(second.ok()) << second.message();
  ASSERT_TRUE(exists(path + "-wal"));

  runOtherProcess(path);
  EXPECT_TRUE(exists(path + "-wal")) << "another process deleted the log this one still uses";
  EXPECT_TRUE(exists(path + "-shm")) << "another process deleted the index this one still uses";

  // Both sides keep writing; every change must be there afterwards.
  ASSERT_TRUE((*first)->addPhoto(photoNumber(2)).ok());
  runOtherProcess(path, 3);
  ASSERT_TRUE((*first)->addPhoto(photoNumber(4)).ok());
  auto seen = (*second)->photoCount();
  ASSERT_TRUE(seen.ok()) << seen.message();
  EXPECT_EQ(*seen, 4) << "the second connection sees every commit";
  first->reset();
  second->reset();

  auto reopened = Library::open(path);
  ASSERT_TRUE(reopened.ok()) << reopened.message();
  EXPECT_TRUE((*reopened)->checkIntegrity().ok());
  for (int n = 1; n <= 4; ++n) {
    auto photo = (*reopened)->photoByHash("hash-" + std::to_string(n));
    ASSERT_TRUE(photo.ok());
    EXPECT_TRUE(photo->has_value()) << "photo " << n << " was lost";
  }
}

// Opening checks that the file is a library through SQLite itself: the check
// reads nothing behind SQLite's back, so it is safe while other connections
// of this process are open, and still tells a text file from a library.
TEST(LibraryConcurrency, OpeningManyTimesWhileOthersWriteLosesNothing) {
  test::TempDir dir;
  const std::string path = dir.path("busy.w2w");
  { ASSERT_TRUE(Library::create(path).ok()); }
  auto writer = Library::open(path);
  ASSERT_TRUE(writer.ok());
  for (int n = 1; n <= 6; ++n) {
    ASSERT_TRUE((*writer)->addPhoto(photoNumber(n)).ok());
    {
      auto reader = Library::open(path, Library::Access::ReadOnly);  // opened and closed at once
      ASSERT_TRUE(reader.ok()) << reader.message();
    }
    runOtherProcess(path, 100 + n);
    ASSERT_TRUE(exists(path + "-wal")) << "after round " << n;
  }
  writer->reset();
  auto reopened = Library::open(path, Library::Access::ReadOnly);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(*(*reopened)->photoCount(), 12);
}

}  // namespace
}  // namespace w2w
