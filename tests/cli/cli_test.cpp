// End-to-end: the real `what2wear` executable on real files.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <sqlite3.h>
#include <csignal>

#include "cli_runner.h"
#include "json_types.h"
#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

using test::runCli;
using test::TempDir;

QString q(const std::string& s) { return QString::fromStdString(s); }

TEST(Cli, HelpListsTheSubcommands) {
  auto r = runCli({"--help"});
  EXPECT_EQ(r.exitCode, 0);
  for (const char* command : {"library", "import", "demo"}) EXPECT_TRUE(r.out.contains(command)) << command;
}

// The headless demo goes through the whole method: import and crop, encode,
// train, complete a look; run again it adds nothing and gives the same answer.
TEST(Cli, DemoImportsEncodesTrainsAndCompletesALook) {
  TempDir dir;
  const QStringList args{"demo", "--library", q(dir.path("demo.w2w")), "--quiet", "--json"};
  // Under a minute on two quiet cores; the limits only catch a hang (the
  // test's own limit is 600 s), so a busy machine does not fail it.
  const auto first = runCli(args, 250000);
  ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
  const QJsonObject a = first.json();
  EXPECT_EQ(a["photos_added"].toInt(), 30);
  EXPECT_EQ(a["items_added"].toInt(), 40);
  EXPECT_EQ(a["encoded"].toInt(), 130) << "90 crops and 40 single items";
  const QJsonObject model = a["model"].toObject();
  EXPECT_GE(model["train_outfits"].toInt() + model["val_outfits"].toInt(), 25);
  EXPECT_GT(model["best_val_auc"].toDouble(), 0.5);
  EXPECT_TRUE(QFileInfo::exists(model["checkpoint"].toString() + "/model.safetensors"));
  const QJsonObject example = a["example"].toObject();
  EXPECT_EQ(example["bottom"].toArray().size(), 3);
  EXPECT_EQ(example["shoes"].toArray().size(), 3);
  // Counts and ids print as integers, figures as doubles.
  const format::Json typed = first.typedJson();
  for (const char* count : {"photos_added", "photos_already_there", "photos_failed", "items_added", "photos",
                            "crops", "standalone_items", "outfits", "encoded", "already_encoded"})
    EXPECT_TRUE(test::isInteger(typed, count));
  const format::Json& trained = format::objectOf(typed, "model");
  for (const char* count : {"train_outfits", "val_outfits", "best_epoch"})
    EXPECT_TRUE(test::isInteger(trained, count));
  EXPECT_TRUE(test::isFigure(trained, "best_val_auc"));
  EXPECT_TRUE(test::isInteger(format::objectOf(typed, "example"), "given"));
  for (const format::Json& s : format::arrayOf(format::objectOf(typed, "example"), "shoes")) {
    EXPECT_TRUE(test::isInteger(s, "item"));
    EXPECT_TRUE(test::isFigure(s, "score"));
  }

  const auto second = runCli(args, 250000);  // trains again
  ASSERT_EQ(second.exitCode, 0) << second.err.toStdString();
  const QJsonObject b = second.json();
  EXPECT_EQ(b["photos_added"].toInt(), 0);
  EXPECT_EQ(b["photos_already_there"].toInt(), 30);
  EXPECT_EQ(b["encoded"].toInt(), 0);
  EXPECT_EQ(b["example"], a["example"]) << "same data, same seed, same answer";
}

TEST(Cli, TagAddsListsAndRemovesTags) {
  TempDir dir;
  const std::string path = dir.path("w.w2w");
  Id photo = 0;
  {
    auto library = Library::create(path);
    ASSERT_TRUE(library.ok()) << library.message();
    photo = *(*library)->addPhoto({dir.path("street.jpg"), "p1", 1, 10, 10});
  }
  auto r = runCli({"tag", "--library", q(path), "--photo", QString::number(photo), "client: Kim", "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(r.json()["action"].toString(), "add");
  r = runCli({"tag", "--library", q(path), "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonArray tags = r.json()["tags"].toArray();
  ASSERT_EQ(tags.size(), 1);
  EXPECT_EQ(tags[0].toObject()["tag"].toString(), "client: Kim");
  EXPECT_EQ(tags[0].toObject()["photos"].toInt(), 1);

  // One unknown id and nothing changes.
  r = runCli({"tag", "--library", q(path), "--photo", QString::number(photo), "--item", "77", "--remove",
              "client: Kim"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("no item 77")) << r.err.toStdString();
  EXPECT_EQ((*Library::open(path))->photoTags(photo)->size(), 1u);

  r = runCli({"tag", "--library", q(path), "--photo", QString::number(photo), "--remove", "client: Kim"});
  EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE((*Library::open(path))->photoTags(photo)->empty());
  r = runCli({"tag", "--library", q(path), "summer"});
  EXPECT_EQ(r.exitCode, 2) << "a tag without photos or items";
}

TEST(Cli, LibraryRemoveTakesPhotosAndItemsOutInOneStep) {
  TempDir dir;
  const std::string path = dir.path("w.w2w");
  Id photo = 0, other = 0;
  {
    auto library = Library::create(path);
    ASSERT_TRUE(library.ok()) << library.message();
    photo = *(*library)->addPhoto({dir.path("a.jpg"), "p1", 1, 10, 10});
    other = *(*library)->addPhoto({dir.path("b.jpg"), "p2", 1, 10, 10});
  }
  auto r = runCli({"library", "remove", q(path), "--photo", QString::number(photo), "--photo", "999"});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("no photo 999")) << r.err.toStdString();
  EXPECT_EQ(*(*Library::open(path))->photoCount(), 2) << "a bad id removes nothing";
  r = runCli({"library", "remove", q(path), "--photo", QString::number(photo), "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_EQ(r.json()["removed_photos"].toInt(), 1);
  auto left = (*Library::open(path))->photos();
  ASSERT_EQ(left->size(), 1u);
  EXPECT_EQ(left->front().id, other);
  EXPECT_EQ(runCli({"library", "remove", q(path)}).exitCode, 2) << "nothing named";
}

TEST(Cli, VersionNamesTheLibraries) {
  auto r = runCli({"--version"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(r.out.startsWith("what2wear 0."));
  EXPECT_TRUE(r.out.contains("LibTorch"));
  EXPECT_TRUE(r.out.contains("OpenCV"));
}

TEST(Cli, UnknownCommandIsAUsageError) {
  auto r = runCli({"fly"});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains("unknown command 'fly'"));
  EXPECT_EQ(r.err.count('\n'), 1) << "one line";
}

TEST(Cli, SubcommandHelp) {
  auto r = runCli({"import", "--help"});
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_TRUE(r.out.startsWith("Usage: what2wear import")) << r.out.toStdString();
  EXPECT_TRUE(r.out.contains("--library"));
}

TEST(Cli, LibraryInitAndInfo) {
  TempDir dir;
  const QString file = q(dir.path("w.w2w"));
  auto init = runCli({"library", "init", file, "--json"});
  ASSERT_EQ(init.exitCode, 0) << init.err.toStdString();
  EXPECT_EQ(init.json()["schema_version"].toInt(), Library::kSchemaVersion);
  auto again = runCli({"library", "init", file});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_TRUE(again.err.contains("already exists"));

  auto info = runCli({"library", "info", file, "--json"});
  ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
  const QJsonObject json = info.json();
  EXPECT_EQ(json["photos"].toObject()["total"].toInt(), 0);
  EXPECT_EQ(json["schema_version"].toInt(), Library::kSchemaVersion);
  auto check = runCli({"library", "check", file, "--json"});
  EXPECT_EQ(check.exitCode, 0);
  EXPECT_TRUE(check.json()["ok"].toBool());
}

TEST(Cli, LibraryInfoOnAMissingFile) {
  TempDir dir;
  auto r = runCli({"library", "info", q(dir.path("none.w2w"))});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("no such library"));
}

TEST(Cli, NewerLibraryIsRefusedUntouched) {
  TempDir dir;
  const std::string path = dir.path("future.w2w");
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               ("CREATE TABLE t(x); PRAGMA application_id = " + std::to_string(Library::kApplicationId) +
                "; PRAGMA user_version = 99;")
                   .c_str(),
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  QFile before(q(path));
  before.open(QIODevice::ReadOnly);
  const QByteArray bytes = before.readAll();
  before.close();
  auto r = runCli({"import", "--library", q(path), q(dir.path())});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("newer version of What2Wear")) << r.err.toStdString();
  QFile after(q(path));
  after.open(QIODevice::ReadOnly);
  EXPECT_EQ(after.readAll(), bytes);
}

TEST(Cli, ImportRegistersPhotosSkipsDuplicatesAndReportsBadFiles) {
  TempDir dir;
  QDir().mkpath(q(dir.path("photos/sub")));
  test::writeImage(dir.path("photos/a.jpg"), test::makeTestImage(60, 90, 1));
  test::writeImage(dir.path("photos/sub/b.png"), test::makeTestImage(70, 100, 2));
  test::writeImage(dir.path("photos/sub/copy-of-a.jpg"), test::makeTestImage(60, 90, 1));
  test::writeBytes(dir.path("photos/broken.jpg"), "not a photo");
  test::writeBytes(dir.path("photos/notes.txt"), "ignored: not an image extension");
  const QString lib = q(dir.path("w.w2w"));

  auto r = runCli({"import", "--library", lib, q(dir.path("photos")), "--json"});
  EXPECT_EQ(r.exitCode, 1) << "a file could not be imported: " << r.err.toStdString();
  const QJsonObject json = r.json();
  EXPECT_EQ(json["added"].toInt(), 2);
  EXPECT_EQ(json["duplicates"].toInt(), 1);
  EXPECT_EQ(json["failed"].toInt(), 1);
  EXPECT_TRUE(r.err.contains("broken.jpg: not an image")) << r.err.toStdString();
  EXPECT_EQ(json["files"].toArray().size(), 4);

  auto library = Library::open(lib.toStdString(), Library::Access::ReadOnly);
  ASSERT_TRUE(library.ok());
  auto photos = (*library)->photos();
  ASSERT_EQ(photos->size(), 2u);
  EXPECT_EQ((*photos)[0].width, 60);
  EXPECT_EQ((*photos)[0].height, 90);
  EXPECT_EQ((*photos)[0].contentHash.size(), 64u);
  EXPECT_GT((*photos)[0].fileSize, 0);

  auto again = runCli({"import", "--library", lib, q(dir.path("photos/a.jpg")), "--json"});
  EXPECT_EQ(again.json()["duplicates"].toInt(), 1);
  EXPECT_EQ(again.json()["added"].toInt(), 0);
}

TEST(Cli, ImportOfOnlyBadFilesFails) {
  TempDir dir;
  test::writeBytes(dir.path("empty.jpg"), "");
  auto r = runCli(
      {"import", "--library", q(dir.path("w.w2w")), q(dir.path("empty.jpg")), q(dir.path("missing.jpg"))});
  EXPECT_EQ(r.exitCode, 1);
  EXPECT_TRUE(r.err.contains("empty.jpg: empty file"));
  EXPECT_TRUE(r.err.contains("missing.jpg: no such file"));
}

TEST(Cli, ImportItemsTakesTheCategoryFromTheFolder) {
  TempDir dir;
  QDir().mkpath(q(dir.path("items/shoes")));
  QDir().mkpath(q(dir.path("items/t-shirt")));
  QDir().mkpath(q(dir.path("items/misc")));
  test::writeImage(dir.path("items/shoes/s.jpg"), test::makeTestImage(40, 40, 5));
  test::writeImage(dir.path("items/t-shirt/t.jpg"), test::makeTestImage(40, 50, 6));
  test::writeImage(dir.path("items/misc/h.jpg"), test::makeTestImage(40, 40, 7));
  auto r = runCli(
      {"import", "--library", q(dir.path("w.w2w")), "--category", "folder", q(dir.path("items")), "--json"});
  EXPECT_EQ(r.exitCode, 1) << r.err.toStdString();
  EXPECT_EQ(r.json()["added"].toInt(), 2);
  EXPECT_EQ(r.json()["failed"].toInt(), 1);
  EXPECT_TRUE(r.err.contains("cannot tell the category")) << r.err.toStdString();
  auto library = Library::open(dir.path("w.w2w"), Library::Access::ReadOnly);
  auto shoes = (*library)->items(ItemQuery().inCategory(Category::Shoes));
  ASSERT_EQ(shoes->size(), 1u);
  EXPECT_EQ((*shoes)[0].source, ItemSource::Standalone);
  EXPECT_FALSE((*library)->cropImage((*shoes)[0].id)->png.empty());
}

TEST(Cli, InterruptedImportKeepsWholePhotosOnly) {
  TempDir dir;
  QDir().mkpath(q(dir.path("many")));
  for (int i = 0; i < 400; ++i)
    test::writeImage(dir.path("many/p" + std::to_string(i) + ".png"), test::makeTestImage(320, 480, i));
  const QString lib = q(dir.path("w.w2w"));
  QProcess process;
  process.start(QStringLiteral(W2W_CLI_PATH),
                {"import", "--library", lib, q(dir.path("many")), "--threads", "1", "--json"});
  ASSERT_TRUE(process.waitForStarted());
  // Wait for the first photos to land, then press Ctrl-C.
  for (int tries = 0; tries < 200; ++tries) {
    process.waitForReadyRead(50);
    if (process.readAllStandardError().contains("added")) break;
  }
  ::kill(static_cast<pid_t>(process.processId()), SIGINT);
  ASSERT_TRUE(process.waitForFinished(60000));
  const QJsonObject json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
  EXPECT_EQ(process.exitCode(), 130);
  EXPECT_TRUE(json["cancelled"].toBool());
  const int added = json["added"].toInt();
  EXPECT_GT(added, 0);
  EXPECT_LT(added, 400);
  auto library = Library::open(lib.toStdString());
  ASSERT_TRUE(library.ok());
  EXPECT_TRUE((*library)->checkIntegrity().ok());
  EXPECT_EQ(*(*library)->photoCount(), added) << "exactly the photos reported";
}

}  // namespace
}  // namespace w2w
