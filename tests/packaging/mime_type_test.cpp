// The .w2w file type (packaging/what2wear.xml) as a desktop sees it: Qt's MIME
// database reads the definition from XDG_DATA_DIRS, which ctest points at a
// folder holding only that file, beside the system's own types.
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

constexpr const char* kLibraryType = "application/x-what2wear-library";

// A real library, made by the command line.
QString makeLibrary(const QTemporaryDir& dir, const QString& name) {
  const QString path = dir.filePath(name);
  QProcess cli;
  cli.start(W2W_CLI_PATH, {"library", "init", path});
  EXPECT_TRUE(cli.waitForFinished(60000));
  EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().constData();
  return path;
}

TEST(MimeType, LibraryIsRecognisedByItsExtension) {
  QTemporaryDir dir;
  const QString path = makeLibrary(dir, "wardrobe.w2w");
  EXPECT_EQ(QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchExtension).name(), kLibraryType);
  EXPECT_EQ(QMimeDatabase().mimeTypeForFile(path).name(), kLibraryType);
}

TEST(MimeType, LibraryIsRecognisedByItsContentWithoutTheExtension) {
  QTemporaryDir dir;
  const QString path = makeLibrary(dir, "wardrobe.w2w");
  const QString renamed = dir.filePath("wardrobe-copy");
  ASSERT_TRUE(QFile::copy(path, renamed));
  const QMimeType type = QMimeDatabase().mimeTypeForFile(renamed, QMimeDatabase::MatchContent);
  EXPECT_EQ(type.name(), kLibraryType);
  EXPECT_TRUE(type.inherits("application/vnd.sqlite3"));
}

TEST(MimeType, AnotherSqliteDatabaseIsNotALibrary) {
  QTemporaryDir dir;
  // An SQLite header with application id 0 (any other program's database).
  QByteArray header(100, '\0');
  header.replace(0, 16, QByteArray("SQLite format 3", 16));
  const QString path = dir.filePath("other-database");
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(header);
  file.close();
  EXPECT_NE(QMimeDatabase().mimeTypeForFile(path, QMimeDatabase::MatchContent).name(), kLibraryType);
}

}  // namespace
