// The coco export and import: a structurally valid file with the library's
// boxes, masks, review states and outfits; flagged photos left out on
// request; and a round trip through a new library that exports the same.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <set>
#include <tuple>

#include "coco_checker.h"
#include "export/category_table.h"
#include "export/coco_import.h"
#include "export/coco_rle.h"
#include "export/export_library.h"
#include "export_fixture.h"
#include "io/file_io.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

QJsonObject readJson(const std::string& path) {
  auto bytes = readFileBytes(path);
  EXPECT_TRUE(bytes.ok()) << bytes.message();
  return QJsonDocument::fromJson(
             QByteArray(reinterpret_cast<const char*>(bytes->data()), static_cast<int>(bytes->size())))
      .object();
}

QJsonObject exportCoco(Library& library, const std::string& out, bool skipFlagged = false) {
  ExportOptions options;
  options.format = ExportFormat::Coco;
  options.out = out;
  options.skipFlagged = skipFlagged;
  auto report = exportLibrary(library, options);
  EXPECT_TRUE(report.ok()) << report.message();
  return readJson(out);
}

std::map<qint64, QJsonObject> byId(const QJsonArray& list) {
  std::map<qint64, QJsonObject> out;
  for (const QJsonValue& v : list) out[v.toObject().value("id").toInteger()] = v.toObject();
  return out;
}

std::string joinedProblems(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) out += p + "\n";
  return out;
}

class CocoExport : public ::testing::Test {
 protected:
  void SetUp() override { f_ = test::buildExportFixture(dir_.path("lib")); }
  test::TempDir dir_;
  test::ExportFixture f_;
};

TEST_F(CocoExport, PassesTheStructuralCheckAndHoldsEveryBoxWithItsState) {
  const QJsonObject coco = exportCoco(*f_.library, dir_.path("lib/annotations.json"));
  EXPECT_EQ(test::cocoProblems(coco), std::vector<std::string>{}) << joinedProblems(test::cocoProblems(coco));
  ASSERT_EQ(coco.value("images").toArray().size(), 3);
  const auto images = byId(coco.value("images").toArray());
  EXPECT_EQ(images.at(f_.photoA).value("file_name").toString(), "photos/a.png");  // next to the JSON file
  EXPECT_EQ(images.at(f_.photoA).value("width").toInt(), 200);
  EXPECT_EQ(images.at(f_.photoB).value("w2w_status").toString(), "flagged");

  const auto annotations = byId(coco.value("annotations").toArray());
  ASSERT_EQ(annotations.size(), 8u);  // 3 + 3 + 2 (C has no shoes); the single-item photo has no box
  const QJsonObject edited = annotations.at(f_.editedItem);
  EXPECT_EQ(edited.value("w2w_box_source").toString(), "edited");
  EXPECT_EQ(edited.value("bbox").toArray(), (QJsonArray{52, 118, 95, 104}));
  EXPECT_EQ(edited.value("w2w_review").toString(), "reviewed");
  EXPECT_EQ(annotations.at(f_.flaggedItem).value("w2w_review").toString(), "flagged");
  int automatic = 0, withMask = 0, flaggedPhotoBoxes = 0;
  for (const auto& [id, a] : annotations) {
    automatic += a.value("w2w_box_source").toString() == "automatic";
    withMask += a.value("segmentation").isObject();
    if (a.value("image_id").toInteger() == f_.photoB) {
      ++flaggedPhotoBoxes;
      EXPECT_EQ(a.value("w2w_review").toString(), "flagged");
      EXPECT_FALSE(a.contains("segmentation"));  // B has no mask
      EXPECT_EQ(a.value("area").toDouble(),
                a.value("bbox").toArray()[2].toDouble() * a.value("bbox").toArray()[3].toDouble());
    }
    EXPECT_EQ(a.value("iscrowd").toInt(-1), 0);
  }
  EXPECT_EQ(automatic, 7);
  EXPECT_EQ(withMask, 5);
  EXPECT_EQ(flaggedPhotoBoxes, 3);

  // C's bottom reached past the photo: clipped to its lower edge.
  for (const auto& [id, a] : annotations) {
    if (a.value("image_id").toInteger() == f_.photoC && a.value("category_id").toInt() == 2) {
      EXPECT_EQ(a.value("bbox").toArray(), (QJsonArray{35, 100, 90, 100}));
    }
  }

  // Segmentation: the photo's mask inside the box, its area the pixel count.
  const QJsonObject top = annotations.begin()->second;
  const QJsonObject rle = top.value("segmentation").toObject();
  auto runs = decodeRleCounts(rle.value("counts").toString().toStdString());
  ASSERT_TRUE(runs);
  auto mask = maskFromRuns(*runs, 200, 300);
  ASSERT_TRUE(mask);
  long long set = 0, outside = 0;
  const QJsonArray b = top.value("bbox").toArray();
  for (int y = 0; y < 300; ++y) {
    for (int x = 0; x < 200; ++x) {
      if (!mask->pixels[static_cast<std::size_t>(y) * 200 + x]) continue;
      ++set;
      outside += x < b[0].toInt() || y < b[1].toInt() || x >= b[0].toInt() + b[2].toInt() ||
                 y >= b[1].toInt() + b[3].toInt();
    }
  }
  EXPECT_GT(set, 0);
  EXPECT_EQ(outside, 0);
  EXPECT_EQ(top.value("area").toDouble(), static_cast<double>(set));

  // Outfits: the photo outfits of A and B and the saved one, by annotation ids.
  const QJsonArray outfits = coco.value("w2w_outfits").toArray();
  ASSERT_EQ(outfits.size(), 3);
  const auto saved = byId(outfits).at(f_.savedOutfit);
  EXPECT_EQ(saved.value("origin").toString(), "user");
  EXPECT_EQ(saved.value("name").toString(), "Client look");
  for (const QJsonValue& member : saved.value("annotation_ids").toArray())
    EXPECT_TRUE(annotations.count(member.toInteger()));
}

TEST_F(CocoExport, SkipFlaggedLeavesOutFlaggedPhotosTheirBoxesAndOutfits) {
  ExportOptions options;
  options.out = dir_.path("skip.json");
  options.skipFlagged = true;
  auto report = exportLibrary(*f_.library, options);
  ASSERT_TRUE(report.ok()) << report.message();
  const QJsonObject coco = readJson(options.out);
  EXPECT_TRUE(test::cocoProblems(coco).empty()) << joinedProblems(test::cocoProblems(coco));
  EXPECT_EQ(coco.value("images").toArray().size(), 2);
  EXPECT_EQ(coco.value("annotations").toArray().size(), 5);
  for (const QJsonValue& v : coco.value("annotations").toArray())
    EXPECT_NE(v.toObject().value("image_id").toInteger(), f_.photoB);
  // Only A's photo outfit is left: B's is gone and the saved one wears B's shoes.
  ASSERT_EQ(coco.value("w2w_outfits").toArray().size(), 1);
  EXPECT_EQ(report->skipped, 3);  // one photo, two outfits
}

TEST(CocoChecker, FindsBrokenFiles) {
  const QJsonObject good{
      {"images", QJsonArray{QJsonObject{{"id", 1}, {"width", 4}, {"height", 2}, {"file_name", "x.png"}}}},
      {"categories", QJsonArray{QJsonObject{{"id", 1}, {"name", "top"}}}},
      {"annotations",
       QJsonArray{QJsonObject{
           {"id", 1},
           {"image_id", 1},
           {"category_id", 1},
           {"bbox", QJsonArray{0, 0, 4, 2}},
           {"area", 8},
           {"iscrowd", 0},
           {"segmentation", QJsonObject{{"size", QJsonArray{2, 4}},
                                        {"counts", QString::fromStdString(encodeRleCounts({0, 8}))}}}}}}};
  EXPECT_TRUE(test::cocoProblems(good).empty()) << joinedProblems(test::cocoProblems(good));
  const auto broken = [&](const char* list, const QJsonObject& annotationChanges) {
    QJsonObject doc = good;
    QJsonArray items = doc.value(list).toArray();
    QJsonObject first = items[0].toObject();
    for (auto it = annotationChanges.begin(); it != annotationChanges.end(); ++it)
      first[it.key()] = it.value();
    items.append(first);
    items[0] = first;
    doc[list] = items;
    return test::cocoProblems(doc).size();
  };
  EXPECT_GT(broken("annotations", {}), 0u);                                             // id used twice
  EXPECT_GT(broken("images", {}), 0u);                                                  // id used twice
  EXPECT_GT(broken("annotations", {{"id", 2}, {"image_id", 9}}), 0u);                   // no such image
  EXPECT_GT(broken("annotations", {{"id", 2}, {"category_id", 9}}), 0u);                // no such category
  EXPECT_GT(broken("annotations", {{"id", 2}, {"bbox", QJsonArray{1, 0, 4, 2}}}), 0u);  // past the edge
  EXPECT_GT(
      broken("annotations",
             {{"id", 2},
              {"segmentation", QJsonObject{{"size", QJsonArray{2, 4}},
                                           {"counts", QString::fromStdString(encodeRleCounts({0, 7}))}}}}),
      0u);  // one pixel short
}

TEST(CocoRle, EncodesAndDecodesAnyMask) {
  for (int seed = 0; seed < 20; ++seed) {
    const int width = 7 + seed, height = 5 + seed % 4;
    GrayImage mask{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height)};
    unsigned state = 12345u + seed;
    for (auto& p : mask.pixels) {
      state = state * 1103515245u + 12345u;
      p = ((state >> 16) % 5 < static_cast<unsigned>(2 + seed % 2)) ? 255 : 0;
    }
    auto runs = decodeRleCounts(encodeRleCounts(maskRuns(mask)));
    ASSERT_TRUE(runs);
    auto back = maskFromRuns(*runs, width, height);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->pixels, mask.pixels);
  }
  EXPECT_FALSE(decodeRleCounts("0\x7f"));
  EXPECT_FALSE(maskFromRuns({3, 2}, 2, 2));  // 5 pixels for 4
}

TEST(CategoryTable, MapsDeepFashion2ModaNetAndCcpNames) {
  EXPECT_EQ(categoryForForeignName("short sleeve top"), Category::Top);
  EXPECT_EQ(categoryForForeignName("Short_Sleeve  Top"), Category::Top);
  EXPECT_EQ(categoryForForeignName("trousers"), Category::Bottom);
  EXPECT_EQ(categoryForForeignName("skirt"), Category::Bottom);
  EXPECT_EQ(categoryForForeignName("footwear"), Category::Shoes);
  EXPECT_EQ(categoryForForeignName("boots"), Category::Shoes);
  EXPECT_EQ(categoryForForeignName("t-shirt"), Category::Top);
  EXPECT_EQ(categoryForForeignName("jeans"), Category::Bottom);
  EXPECT_EQ(categoryForForeignName("sneakers"), Category::Shoes);
  EXPECT_EQ(categoryForForeignName("SHOES"), Category::Shoes);
  EXPECT_EQ(categoryForForeignName("long sleeve outwear"), Category::Outer);
  EXPECT_EQ(categoryForForeignName("coat"), Category::Outer);
  EXPECT_EQ(categoryForForeignName("vest dress"), Category::Onepiece);
  EXPECT_EQ(categoryForForeignName("romper"), Category::Onepiece);
  EXPECT_EQ(categoryForForeignName("purse"), Category::Bag);
  EXPECT_EQ(categoryForForeignName("belt"), Category::Accessory);
  EXPECT_EQ(categoryForForeignName("sunglasses"), Category::Accessory);
  EXPECT_FALSE(categoryForForeignName("hair"));
  EXPECT_FALSE(categoryForForeignName("skin"));
  EXPECT_FALSE(categoryForForeignName(""));
}

// What a round trip must keep, independent of ids: per photo file, the boxes
// by category with their source, review state and mask; the outfits as sets
// of (photo file, category) pieces.
struct Comparable {
  std::map<std::string, std::map<int, std::tuple<QJsonArray, QString, QString, QString, double>>> boxes;
  std::set<std::tuple<QString, QString, std::set<std::pair<std::string, int>>>> outfits;
  std::map<std::string, QString> status;
};

Comparable comparable(const QJsonObject& coco, const std::string& folder) {
  Comparable c;
  std::map<qint64, std::string> fileOf;
  for (const QJsonValue& v : coco.value("images").toArray()) {
    const QJsonObject image = v.toObject();
    // Files relative to each JSON's folder: compare by absolute path.
    const QString name = image.value("file_name").toString();
    fileOf[image.value("id").toInteger()] =
        (name.startsWith('/') ? name : QString::fromStdString(folder) + "/" + name).toStdString();
    c.status[fileOf[image.value("id").toInteger()]] = image.value("w2w_status").toString();
  }
  std::map<qint64, std::pair<std::string, int>> pieceOf;
  for (const QJsonValue& v : coco.value("annotations").toArray()) {
    const QJsonObject a = v.toObject();
    const std::string file = fileOf[a.value("image_id").toInteger()];
    const int category = a.value("category_id").toInt();
    c.boxes[file][category] = {
        a.value("bbox").toArray(), a.value("w2w_box_source").toString(), a.value("w2w_review").toString(),
        a.value("segmentation").toObject().value("counts").toString(), a.value("area").toDouble()};
    pieceOf[a.value("id").toInteger()] = {file, category};
  }
  for (const QJsonValue& v : coco.value("w2w_outfits").toArray()) {
    const QJsonObject o = v.toObject();
    std::set<std::pair<std::string, int>> pieces;
    for (const QJsonValue& m : o.value("annotation_ids").toArray()) pieces.insert(pieceOf.at(m.toInteger()));
    c.outfits.insert({o.value("origin").toString(), o.value("name").toString(), pieces});
  }
  return c;
}

TEST_F(CocoExport, RoundTripThroughANewLibraryExportsTheSame) {
  const std::string first = dir_.path("lib/first.json");
  const QJsonObject before = exportCoco(*f_.library, first);

  auto fresh = Library::create(dir_.path("copy.w2w"));
  ASSERT_TRUE(fresh.ok()) << fresh.message();
  CocoImportOptions options;
  options.annotations = first;
  auto report = importCoco(**fresh, options);
  ASSERT_TRUE(report.ok()) << report.message();
  EXPECT_EQ(report->added, 3);
  EXPECT_EQ(report->boxes, 8);
  EXPECT_EQ(report->outfits, 1);
  EXPECT_TRUE(report->errors.empty());

  auto items = (*fresh)->items(ItemQuery().onlyCrops());
  ASSERT_TRUE(items.ok());
  for (const Item& item : *items) EXPECT_EQ(item.source, ItemSource::Manual);

  const std::string second = dir_.path("second.json");
  const QJsonObject after = exportCoco(**fresh, second);
  EXPECT_TRUE(test::cocoProblems(after).empty()) << joinedProblems(test::cocoProblems(after));
  const Comparable a = comparable(before, dir_.path("lib")), b = comparable(after, dir_.path(""));
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(a.outfits, b.outfits);
  ASSERT_EQ(a.boxes.size(), b.boxes.size());
  for (const auto& [file, boxes] : a.boxes) {
    ASSERT_TRUE(b.boxes.count(file)) << file;
    for (const auto& [category, box] : boxes) {
      const auto& other = b.boxes.at(file).at(category);
      EXPECT_EQ(std::get<0>(box), std::get<0>(other)) << file << " category " << category;
      EXPECT_EQ(std::get<2>(box), std::get<2>(other)) << file << " category " << category;
      EXPECT_EQ(std::get<3>(box), std::get<3>(other)) << file << " category " << category;  // same mask
      EXPECT_EQ(std::get<4>(box), std::get<4>(other)) << file << " category " << category;
      EXPECT_EQ(std::get<1>(other), "edited");  // imported boxes count as a person's
    }
  }

  // Imported boxes are edited boxes: running the crop pipeline again keeps them.
  const Item imported = items->front();
  PhotoAnalysis rerun;
  rerun.crops = {{imported.category, Box{0, 0, 10, 10}, 0.9, makeCropImage(test::makeTestImage(8, 8, 1))}};
  ASSERT_TRUE((*fresh)->storeAnalysis(*imported.photoId, rerun).ok());
  auto afterRerun = (*fresh)->item(imported.id);
  ASSERT_TRUE(afterRerun.ok() && *afterRerun);
  EXPECT_EQ(*(*afterRerun)->box, *imported.box);
  EXPECT_EQ((*afterRerun)->source, ItemSource::Manual);
}

TEST(CocoImport, TakesForeignNamesPolygonsAndOneBoxPerCategory) {
  test::TempDir dir;
  test::writeImage(dir.path("street.png"), test::makeTestImage(100, 120, 7));
  const QJsonObject coco{
      {"images",
       QJsonArray{QJsonObject{{"id", 10}, {"width", 100}, {"height", 120}, {"file_name", "street.png"}},
                  QJsonObject{{"id", 11}, {"width", 100}, {"height", 120}, {"file_name", "missing.png"}}}},
      {"categories",
       QJsonArray{QJsonObject{{"id", 1}, {"name", "short sleeve top"}},
                  QJsonObject{{"id", 7}, {"name", "trousers"}}, QJsonObject{{"id", 9}, {"name", "hair"}},
                  QJsonObject{{"id", 12}, {"name", "bag"}}}},
      {"annotations",
       QJsonArray{
           QJsonObject{{"id", 1},
                       {"image_id", 10},
                       {"category_id", 1},
                       {"bbox", QJsonArray{10, 10, 30, 30}},
                       {"segmentation", QJsonArray{QJsonArray{10, 10, 40, 10, 40, 40, 10, 40}}}},
           QJsonObject{
               {"id", 2}, {"image_id", 10}, {"category_id", 1}, {"bbox", QJsonArray{5.4, 8.6, 60, 40}}},
           QJsonObject{
               {"id", 3}, {"image_id", 10}, {"category_id", 7}, {"bbox", QJsonArray{20, 60, 50, 200}}},
           QJsonObject{{"id", 4}, {"image_id", 10}, {"category_id", 9}, {"bbox", QJsonArray{20, 55, 50, 5}}},
           QJsonObject{
               {"id", 5}, {"image_id", 10}, {"category_id", 12}, {"bbox", QJsonArray{70, 60, 20, 25}}}}}};
  const QByteArray json = QJsonDocument(coco).toJson();
  ASSERT_TRUE(writeFileAtomically(dir.path("dataset.json"), Bytes(json.begin(), json.end())).ok());

  auto library = Library::create(dir.path("w.w2w"));
  ASSERT_TRUE(library.ok());
  auto report = importCoco(**library, {dir.path("dataset.json"), ""});
  ASSERT_TRUE(report.ok()) << report.message();
  EXPECT_EQ(report->added, 1);
  EXPECT_EQ(report->boxes, 3);
  EXPECT_EQ(report->extraBoxes, 1);
  EXPECT_EQ(report->unmapped.at("hair"), 1);
  ASSERT_EQ(report->errors.size(), 1u);  // missing.png, named
  EXPECT_NE(report->errors.front().find("missing.png"), std::string::npos);

  auto top = (*library)->items(ItemQuery().inCategory(Category::Top));
  ASSERT_TRUE(top.ok() && top->size() == 1);
  EXPECT_EQ(*top->front().box, (Box{5, 9, 60, 40}));  // the larger top, rounded to pixels
  auto bottom = (*library)->items(ItemQuery().inCategory(Category::Bottom));
  ASSERT_TRUE(bottom.ok() && bottom->size() == 1);
  EXPECT_EQ(*bottom->front().box, (Box{20, 60, 50, 60}));  // clipped to the photo
  auto bag = (*library)->items(ItemQuery().inCategory(Category::Bag));
  ASSERT_TRUE(bag.ok() && bag->size() == 1) << "a bag is a garment category of its own";
  EXPECT_EQ(*bag->front().box, (Box{70, 60, 20, 25}));
  // The smaller top's polygon was not kept; the photo has no mask from it.
  auto mask = (*library)->photoMask(*top->front().photoId);
  ASSERT_TRUE(mask.ok());
  EXPECT_TRUE(mask->empty());

  // Importing the same file again adds nothing.
  auto again = importCoco(**library, {dir.path("dataset.json"), ""});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->duplicates, 1);
}

TEST(CocoImport, RefusesAFileThatIsNotCoco) {
  test::TempDir dir;
  test::writeBytes(dir.path("x.json"), "{\"images\": 3}");
  test::writeBytes(dir.path("y.json"), "not json");
  auto library = Library::create(dir.path("w.w2w"));
  ASSERT_TRUE(library.ok());
  auto x = importCoco(**library, {dir.path("x.json"), ""});
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.message().find("not a COCO file"), std::string::npos);
  EXPECT_FALSE(importCoco(**library, {dir.path("y.json"), ""}).ok());
  EXPECT_FALSE(importCoco(**library, {dir.path("none.json"), ""}).ok());
}

}  // namespace
}  // namespace w2w
