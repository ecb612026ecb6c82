// The crops, embeddings and lookbook exports, and what every export promises
// about its output: an existing non-empty output is replaced only when asked,
// and an interrupted export leaves it as it was.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

#include "export/export_library.h"
#include "export_fixture.h"
#include "format/safetensors_content.h"
#include "io/file_io.h"
#include "test_support.h"

namespace w2w {
namespace {

QStringList csvLines(const std::string& path) {
  QFile f(QString::fromStdString(path));
  EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path;
  return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

class Formats : public ::testing::Test {
 protected:
  void SetUp() override { f_ = test::buildExportFixture(dir_.path("lib")); }
  Result<ExportReport> run(ExportFormat format, const std::string& out, bool force = false,
                           const CancelFlag* cancel = nullptr) {
    ExportOptions options;
    options.format = format;
    options.out = out;
    options.force = force;
    return exportLibrary(*f_.library, options, {}, cancel);
  }
  test::TempDir dir_;
  test::ExportFixture f_;
};

TEST_F(Formats, CropsGoToAFolderPerCategoryWithAManifest) {
  const std::string out = dir_.path("crops");
  auto report = run(ExportFormat::Crops, out);
  ASSERT_TRUE(report.ok()) << report.message();
  EXPECT_EQ(report->annotations, 9);  // 8 crops of photos and the single-item photo
  EXPECT_EQ(QDir(QString::fromStdString(out + "/top")).entryList(QDir::Files).size(), 3);
  EXPECT_EQ(QDir(QString::fromStdString(out + "/bottom")).entryList(QDir::Files).size(), 3);
  EXPECT_EQ(QDir(QString::fromStdString(out + "/shoes")).entryList(QDir::Files).size(), 3);
  // The files are the crops the encoder sees, byte for byte.
  auto stored = f_.library->cropImage(f_.editedItem);
  ASSERT_TRUE(stored.ok());
  auto written = readFileBytes(out + "/bottom/" + std::to_string(f_.editedItem) + ".png");
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(*written, stored->png);

  const QStringList csv = csvLines(out + "/manifest.csv");
  ASSERT_EQ(csv.size(), 10);
  EXPECT_TRUE(csv[0].startsWith("item_id,category,file,source"));
  EXPECT_TRUE(csv.filter(QStringLiteral("single-item photo")).size() == 1);
  auto json = readFileBytes(out + "/manifest.json");
  ASSERT_TRUE(json.ok());
  const QJsonArray crops = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char*>(json->data()),
                                                              static_cast<int>(json->size())))
                               .object()
                               .value("crops")
                               .toArray();
  ASSERT_EQ(crops.size(), 9);
  int edited = 0;
  for (const QJsonValue& c : crops) edited += c.toObject().value("source").toString() == "edited";
  EXPECT_EQ(edited, 1);
}

TEST_F(Formats, EmbeddingsHoldTheVectorsItemsAndOutfitPairSimilarities) {
  // Vectors of a made-up 4-dimensional encoder for every crop.
  ASSERT_TRUE(f_.library->registerModel({"test-enc", "Test encoder", "basic", 4, "", ""}).ok());
  auto items = f_.library->items();
  ASSERT_TRUE(items.ok());
  std::map<Id, std::vector<float>> vectorOf;
  for (const Item& item : *items) {
    const float s = static_cast<float>(item.id);
    vectorOf[item.id] = {1.f, s, s * s * 0.1f, -s};
    ASSERT_TRUE(f_.library->putEmbedding(item.cropHash, "test-enc", vectorOf[item.id]).ok());
  }
  const std::string out = dir_.path("vectors");
  auto report = run(ExportFormat::Embeddings, out);
  ASSERT_TRUE(report.ok()) << report.message();
  EXPECT_EQ(report->encoderId, "test-enc");
  EXPECT_EQ(report->vectors, 9);

  auto tensors = format::readSafetensors(out + "/embeddings.safetensors");
  ASSERT_TRUE(tensors.ok()) << tensors.message();
  auto vectors = tensors->get("embeddings", "F32", {9, 4}, "export");
  ASSERT_TRUE(vectors.ok()) << vectors.message();
  auto ids = tensors->get("item_ids", "I64", {9}, "export");
  ASSERT_TRUE(ids.ok()) << ids.message();
  const std::vector<float> values = (*vectors)->floats();
  const std::vector<std::int64_t> idList = (*ids)->int64s();
  for (std::size_t r = 0; r < idList.size(); ++r) {
    for (int d = 0; d < 4; ++d) EXPECT_EQ(values[r * 4 + d], vectorOf.at(idList[r])[d]);
  }
  EXPECT_EQ(tensors->metadata.at("encoder_id"), "test-enc");
  EXPECT_EQ(csvLines(out + "/items.csv").size(), 10);

  // pairs.csv: three pairs for each of the three outfits, with the cosine.
  const QStringList pairs = csvLines(out + "/pairs.csv");
  ASSERT_EQ(pairs.size(), 10);
  for (int i = 1; i < pairs.size(); ++i) {
    const QStringList cells = pairs[i].split(',');
    ASSERT_EQ(cells.size(), 7) << pairs[i].toStdString();
    const auto& a = vectorOf.at(cells[4].toLongLong());
    const auto& b = vectorOf.at(cells[5].toLongLong());
    double dot = 0, na = 0, nb = 0;
    for (int d = 0; d < 4; ++d) {
      dot += a[d] * b[d];
      na += a[d] * a[d];
      nb += b[d] * b[d];
    }
    EXPECT_NEAR(cells[6].toDouble(), dot / std::sqrt(na * nb), 1e-5);
  }
}

TEST_F(Formats, EmbeddingsOfALibraryWithoutVectorsFailWithAReason) {
  auto report = run(ExportFormat::Embeddings, dir_.path("vectors"));
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.message().find("no embeddings"), std::string::npos);
  EXPECT_FALSE(QFileInfo::exists(QString::fromStdString(dir_.path("vectors"))));  // nothing left behind
}

TEST_F(Formats, LookbookHasOnePagePerSavedOutfitAndAPicture) {
  static int argc = 1;
  static char name[] = "test_export";
  static char* argv[] = {name, nullptr};
  // Painting needs a QGuiApplication; no display is needed.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static QGuiApplication app(argc, argv);
  const std::string out = dir_.path("lookbook");
  ExportOptions options;
  options.format = ExportFormat::Lookbook;
  options.out = out;
  options.outfitIds = {f_.savedOutfit, 1};
  auto report = exportLibrary(*f_.library, options);
  ASSERT_TRUE(report.ok()) << report.message();
  EXPECT_EQ(report->outfits, 2);
  auto pdf = readFileBytes(out + "/lookbook.pdf");
  ASSERT_TRUE(pdf.ok());
  const std::string text(pdf->begin(), pdf->end());
  EXPECT_EQ(text.rfind("%PDF", 0), 0u);
  std::size_t pages = 0;
  for (std::size_t at = text.find("/Type /Page\n"); at != std::string::npos;
       at = text.find("/Type /Page\n", at + 1))
    ++pages;
  for (std::size_t at = text.find("/Type /Page "); at != std::string::npos;
       at = text.find("/Type /Page ", at + 1))
    ++pages;
  for (std::size_t at = text.find("/Type/Page"); at != std::string::npos;
       at = text.find("/Type/Page", at + 1))
    pages += text.compare(at, 11, "/Type/Pages") != 0;
  EXPECT_EQ(pages, 2u);
  const QImage picture(QString::fromStdString(out + "/outfit-" + std::to_string(f_.savedOutfit) + ".png"));
  ASSERT_FALSE(picture.isNull());
  // Three crops painted: plenty of pixels that are not the white page.
  int coloured = 0;
  for (int y = 0; y < picture.height(); y += 4) {
    for (int x = 0; x < picture.width(); x += 4) coloured += picture.pixel(x, y) != qRgb(255, 255, 255);
  }
  EXPECT_GT(coloured, 2000);

  // Without saved outfits named, every saved outfit; an unknown id fails.
  options.outfitIds = {999};
  options.force = true;
  auto unknown = exportLibrary(*f_.library, options);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.message().find("999"), std::string::npos);
}

TEST_F(Formats, AnExistingOutputIsReplacedOnlyWhenAskedAndNeverHalfWritten) {
  const std::string out = dir_.path("crops");
  QDir().mkpath(QString::fromStdString(out));
  test::writeBytes(out + "/keep.txt", "mine");
  auto refused = run(ExportFormat::Crops, out);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("--force"), std::string::npos);
  EXPECT_TRUE(QFileInfo::exists(QString::fromStdString(out + "/keep.txt")));

  CancelFlag cancel;
  cancel.cancel();
  auto cancelled = run(ExportFormat::Crops, out, true, &cancel);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_TRUE(cancelled->cancelled);
  EXPECT_TRUE(QFileInfo::exists(QString::fromStdString(out + "/keep.txt")));
  // No staging folder is left beside it.
  EXPECT_EQ(QDir(QString::fromStdString(dir_.path("")))
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            (QStringList{"crops", "lib"}));

  auto replaced = run(ExportFormat::Crops, out, true);
  ASSERT_TRUE(replaced.ok()) << replaced.message();
  EXPECT_FALSE(QFileInfo::exists(QString::fromStdString(out + "/keep.txt")));
  EXPECT_TRUE(QFileInfo::exists(QString::fromStdString(out + "/manifest.csv")));

  // A file where a folder belongs, and the other way round.
  test::writeBytes(dir_.path("file"), "x");
  EXPECT_FALSE(run(ExportFormat::Crops, dir_.path("file"), true).ok());
  EXPECT_FALSE(run(ExportFormat::Coco, out, true).ok());
  // coco: an existing file is kept without --force.
  test::writeBytes(dir_.path("a.json"), "{}");
  EXPECT_FALSE(run(ExportFormat::Coco, dir_.path("a.json")).ok());
  auto bytes = readFileBytes(dir_.path("a.json"));
  EXPECT_EQ(std::string(bytes->begin(), bytes->end()), "{}");
}

}  // namespace
}  // namespace w2w
