// `what2wear export` and `what2wear import --annotations`: the command-line
// contract (--json summary, exit statuses, no overwriting without --force).
#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include "cli_runner.h"
#include "export_fixture.h"
#include "test_support.h"

namespace w2w {
namespace {

using test::runCli;

class ExportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    f_ = test::buildExportFixture(dir_.path("lib"));
    f_.library.reset();  // the command opens it itself
  }
  test::TempDir dir_;
  test::ExportFixture f_;
};

TEST_F(ExportCli, BadUsageExitsWithTwo) {
  EXPECT_EQ(runCli({"export", "--library", QString::fromStdString(f_.file), "--out", "x.json"}).exitCode, 2);
  EXPECT_EQ(runCli({"export", "--library", QString::fromStdString(f_.file), "--format", "xml", "--out", "x"})
                .exitCode,
            2);
  EXPECT_EQ(runCli({"export", "--library", QString::fromStdString(f_.file), "--format", "coco", "--out",
                    "x.json", "--outfits", "1"})
                .exitCode,
            2);
  EXPECT_EQ(
      runCli({"import", "--library", QString::fromStdString(dir_.path("n.w2w")), "--annotations", "a.json"})
          .exitCode,
      2);
  EXPECT_FALSE(QFileInfo::exists(QString::fromStdString(dir_.path("n.w2w"))));  // nothing created
}

TEST_F(ExportCli, CocoThenImportIntoANewLibrary) {
  const QString out = QString::fromStdString(dir_.path("lib/coco.json"));
  const auto exported = runCli(
      {"export", "--library", QString::fromStdString(f_.file), "--format", "coco", "--out", out, "--json"});
  ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
  const QJsonObject summary = exported.json();
  EXPECT_EQ(summary.value("images").toInt(), 3);
  EXPECT_EQ(summary.value("annotations").toInt(), 8);
  EXPECT_EQ(summary.value("outfits").toInt(), 3);

  // A second export to the same file is refused without --force; the file stays.
  QFile before(out);
  ASSERT_TRUE(before.open(QIODevice::ReadOnly));
  const QByteArray bytes = before.readAll();
  const auto again =
      runCli({"export", "--library", QString::fromStdString(f_.file), "--format", "coco", "--out", out});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_TRUE(again.err.contains("--force")) << again.err.toStdString();
  QFile after(out);
  ASSERT_TRUE(after.open(QIODevice::ReadOnly));
  EXPECT_EQ(after.readAll(), bytes);
  EXPECT_EQ(runCli({"export", "--library", QString::fromStdString(f_.file), "--format", "coco", "--out", out,
                    "--force", "--skip-flagged"})
                .exitCode,
            0);

  const auto imported = runCli({"import", "--library", QString::fromStdString(dir_.path("new.w2w")),
                                "--annotations", "coco:" + out, "--json"});
  ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
  EXPECT_EQ(imported.json().value("added").toInt(), 2);  // the flagged photo was left out
  EXPECT_EQ(imported.json().value("boxes").toInt(), 5);
}

TEST_F(ExportCli, LookbookFromTheCommandLine) {
  const QString out = QString::fromStdString(dir_.path("book"));
  const auto result = runCli({"export", "--library", QString::fromStdString(f_.file), "--format", "lookbook",
                              "--out", out, "--json"});
  ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
  EXPECT_EQ(result.json().value("outfits").toInt(), 1);  // the one saved outfit
  EXPECT_TRUE(result.json().value("files").toArray().contains("lookbook.pdf"));
  EXPECT_TRUE(QFileInfo(out + "/lookbook.pdf").size() > 1000);
}

}  // namespace
}  // namespace w2w
