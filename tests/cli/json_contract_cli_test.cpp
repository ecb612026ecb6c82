// The --json reports as scripts read them: counts and ids are JSON integers
// (`3`, never `3.0`), measured figures are numbers written as doubles, and
// names in any script (Korean file names and tags) come back byte for byte.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>

#include "cli_runner.h"
#include "json_types.h"
#include "test_support.h"

namespace w2w {
namespace {

using format::Json;
using test::isFigure;
using test::isInteger;
using test::runCli;

QString q(const std::string& s) { return QString::fromStdString(s); }

// Every member of an object of counts (library info's "photos" and "items").
void expectAllIntegers(const Json& counts, const std::string& name) {
  ASSERT_TRUE(counts.is_object()) << name;
  EXPECT_FALSE(counts.empty()) << name;
  for (const auto& [key, value] : counts.items()) EXPECT_TRUE(isInteger(counts, key)) << name;
}

TEST(JsonContract, LibraryImportAndTagReportsKeepCountsIntegersAndKoreanNames) {
  test::TempDir dir;
  const std::string photos = dir.path("사진");
  QDir().mkpath(q(photos));
  const std::string dress = photos + "/원피스 코디.jpg";
  test::writeImage(dress, test::makeTestImage(60, 90, 1));
  test::writeImage(photos + "/겨울-룩.png", test::makeTestImage(70, 100, 2));
  test::writeImage(photos + "/같은 사진.jpg", test::makeTestImage(60, 90, 1));
  test::writeBytes(photos + "/깨진.jpg", "not a photo");
  const QString lib = q(dir.path("옷장.w2w"));

  auto imported = runCli({"import", "--library", lib, q(photos), "--no-crops", "--threads", "1", "--json"});
  EXPECT_EQ(imported.exitCode, 1) << "the broken photo: " << imported.err.toStdString();
  const Json report = imported.typedJson();
  for (const char* count : {"added", "duplicates", "failed", "outfits"})
    EXPECT_TRUE(isInteger(report, count));
  EXPECT_EQ(format::integerOr(report, "added"), 2);
  EXPECT_EQ(format::stringOr(report, "library"), lib.toStdString());
  const Json& files = format::arrayOf(report, "files");
  ASSERT_EQ(files.size(), 4u);
  bool sawDress = false;
  QStringList photoOptions;  // --photo ID for each photo added
  for (const Json& file : files) {
    if (format::stringOr(file, "outcome") == "added") {
      EXPECT_TRUE(isInteger(file, "photo_id"));
      photoOptions << "--photo" << QString::number(format::integerOr(file, "photo_id"));
    }
    sawDress = sawDress || format::stringOr(file, "file") == dress;
  }
  ASSERT_EQ(photoOptions.size(), 4);
  EXPECT_TRUE(sawDress) << "the Korean file name comes back as written: " << imported.out.toStdString();
  EXPECT_TRUE(imported.out.toStdString().find("원피스 코디.jpg") != std::string::npos)
      << "UTF-8 text, not \\u escapes";

  auto info = runCli({"library", "info", lib, "--json"});
  ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
  const Json library = info.typedJson();
  for (const char* count :
       {"schema_version", "file_bytes", "embeddings", "models", "outfits", "training_runs", "tags"})
    EXPECT_TRUE(isInteger(library, count));
  expectAllIntegers(format::objectOf(library, "photos"), "photos");
  expectAllIntegers(format::objectOf(library, "items"), "items");
  EXPECT_EQ(format::integerOr(format::objectOf(library, "photos"), "total"), 2);

  const std::string tag = "여름 룩";
  auto tagged = runCli(QStringList{"tag", "--library", lib} + photoOptions + QStringList{q(tag), "--json"});
  ASSERT_EQ(tagged.exitCode, 0) << tagged.err.toStdString();
  const Json added = tagged.typedJson();
  EXPECT_EQ(format::stringOr(added, "tag"), tag);
  EXPECT_TRUE(isInteger(added, "photos"));
  EXPECT_TRUE(isInteger(added, "items"));
  auto listed = runCli({"tag", "--library", lib, "--json"});
  ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
  const Json list = listed.typedJson();
  const Json& tags = format::arrayOf(list, "tags");
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(format::stringOr(tags[0], "tag"), tag);
  EXPECT_TRUE(isInteger(tags[0], "photos"));
  EXPECT_EQ(format::integerOr(tags[0], "photos"), 2);

  auto removed = runCli({"library", "remove", lib, photoOptions[0], photoOptions[1], "--json"});
  ASSERT_EQ(removed.exitCode, 0) << removed.err.toStdString();
  EXPECT_TRUE(isInteger(removed.typedJson(), "removed_photos"));
  EXPECT_TRUE(isInteger(removed.typedJson(), "removed_items"));
}

TEST(JsonContract, CropAndEmbedReportPixelsAsIntegersAndFiguresAsDoubles) {
  test::TempDir dir;
  const std::string photo = dir.path("거리 사진.jpg");
  ASSERT_TRUE(QFile::copy(q(test::dataPath("ccp-mini/photos/0401.jpg")), q(photo)));

  auto crop = runCli({"crop", q(photo), "--json", "--quiet"});
  ASSERT_EQ(crop.exitCode, 0) << crop.err.toStdString();
  const Json proposal = crop.typedJson();
  EXPECT_EQ(format::stringOr(proposal, "file"), photo);
  EXPECT_TRUE(isInteger(proposal, "width"));
  EXPECT_TRUE(isInteger(proposal, "height"));
  const Json& person = format::arrayOf(proposal, "person");
  ASSERT_EQ(person.size(), 4u);
  for (const Json& v : person) EXPECT_TRUE(v.is_number_integer()) << format::dumpJson(person);
  for (const auto& [category, box] : format::objectOf(proposal, "boxes").items()) {
    if (box.is_null()) continue;
    ASSERT_EQ(box.size(), 4u) << category;
    for (const Json& v : box) EXPECT_TRUE(v.is_number_integer()) << category << ": " << format::dumpJson(box);
  }
  const Json& confidence = format::objectOf(proposal, "confidence");
  EXPECT_TRUE(isFigure(confidence, "person"));
  EXPECT_TRUE(isFigure(confidence, "top"));

  auto embed = runCli({"embed", "--model", "basic", "--image", q(photo), "--json"});
  ASSERT_EQ(embed.exitCode, 0) << embed.err.toStdString();
  const Json vectors = embed.typedJson();
  EXPECT_TRUE(isInteger(vectors, "dim"));
  const Json& rows = format::arrayOf(vectors, "embeddings");
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(static_cast<std::int64_t>(rows[0].size()), format::integerOr(vectors, "dim"));
  for (const Json& v : rows[0]) ASSERT_TRUE(v.is_number_float()) << format::dumpJson(v);
}

}  // namespace
}  // namespace w2w
