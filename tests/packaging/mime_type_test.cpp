// The .w2w file type (packaging/what2wear.xml) as a desktop sees it: Qt's MIME
// database reads the definition from XDG_DATA_DIRS, which the test points at
// a folder holding only that file, beside the system's own types.
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

constexpr const char* kLibraryType = "application/x-what2wear-library";

// Before the first QMimeDatabase: Qt reads the data folders once.
const bool kMimeFolderSet =
    qputenv("XDG_DATA_DIRS", QByteArray(W2W_MIME_SHARE) + ":/usr/local/share:/usr/share");

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

// What a desktop's file manager (GIO, over shared-mime-info) calls a file, with
// the definition compiled as a package install does (update-mime-database).
// Qt 6.4's own content matching prefers the SQLite parent type to any
// subclass, so the content rule is checked where desktops apply it. Empty
// when the tools are missing.
QString desktopTypeOf(const QString& file) {
  const QString compiler = QStandardPaths::findExecutable("update-mime-database");
  const QString gio = QStandardPaths::findExecutable("gio");
  if (compiler.isEmpty() || gio.isEmpty()) return {};
  static QTemporaryDir share;
  static const bool compiled = [&] {
    QDir().mkpath(share.filePath("mime/packages"));
    QFile::copy(QStringLiteral(W2W_MIME_SHARE "/mime/packages/what2wear.xml"),
                share.filePath("mime/packages/what2wear.xml"));
    QProcess update;
    update.start(compiler, {share.filePath("mime")});
    return update.waitForFinished(60000) && update.exitCode() == 0;
  }();
  EXPECT_TRUE(compiled) << "update-mime-database failed on packaging/what2wear.xml";
  QProcess info;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert("XDG_DATA_DIRS", share.path() + ":/usr/local/share:/usr/share");
  env.insert("XDG_DATA_HOME", share.filePath("home"));
  info.setProcessEnvironment(env);
  info.start(gio, {"info", "--attributes=standard::content-type", file});
  info.waitForFinished(60000);
  const QString out = QString::fromUtf8(info.readAllStandardOutput());
  const int at = out.indexOf("standard::content-type: ");
  return at < 0 ? QStringLiteral("(gio: %1)").arg(out + info.readAllStandardError())
                : out.mid(at + 24).section('\n', 0, 0).trimmed();
}

TEST(MimeType, LibraryIsRecognisedByItsContentWithoutTheExtension) {
  QTemporaryDir dir;
  const QString path = makeLibrary(dir, "wardrobe.w2w");
  const QString renamed = dir.filePath("wardrobe-copy");
  ASSERT_TRUE(QFile::copy(path, renamed));
  const QString type = desktopTypeOf(renamed);
  if (type.isEmpty())
    GTEST_SKIP() << "gio or update-mime-database missing (apt install libglib2.0-bin shared-mime-info)";
  EXPECT_EQ(type, kLibraryType);
  EXPECT_TRUE(QMimeDatabase().mimeTypeForName(kLibraryType).inherits("application/vnd.sqlite3"));
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
  const QString type = desktopTypeOf(path);
  if (type.isEmpty())
    GTEST_SKIP() << "gio or update-mime-database missing (apt install libglib2.0-bin shared-mime-info)";
  EXPECT_EQ(type, "application/vnd.sqlite3");
}

}  // namespace
