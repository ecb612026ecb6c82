// Libraries written by earlier versions open with everything kept.
//
// tests/data/library/wardrobe-v1.w2w and wardrobe-v2.w2w were written by the
// code of schema 1 (three slot columns per outfit, items of three categories)
// and schema 2 (plus garments marked not visible): photos with automatic and
// edited crops, a failed photo, standalone items, embeddings, photo, user and
// modified outfits, a training run and tags (README.md beside them). The test
// reads each with SQLite as it is, opens a copy with Library (which migrates
// it step by step), and compares.
#include <gtest/gtest.h>

#include <QFile>

#include <sqlite3.h>
#include <map>
#include <set>

#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

using test::TempDir;

// Rows of a query on a file, as text, without going through Library.
std::vector<std::vector<std::string>> rows(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  std::vector<std::vector<std::string>> out;
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      row.push_back(text ? text : "<null>");
    }
    out.push_back(std::move(row));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// A library file written by an earlier version.
struct Fixture {
  const char* file;
  int schema;
  std::size_t photos;
};
const Fixture kFixtures[] = {{"wardrobe-v1.w2w", 1, 3}, {"wardrobe-v2.w2w", 2, 4}};

// A copy of the fixture in a temporary folder (the committed file stays as it is).
std::string copyOfFixture(const TempDir& dir, const Fixture& fixture) {
  const std::string copy = dir.path(fixture.file);
  EXPECT_TRUE(QFile::copy(QString::fromStdString(test::dataPath(std::string("library/") + fixture.file)),
                          QString::fromStdString(copy)));
  QFile::setPermissions(QString::fromStdString(copy), QFile::ReadOwner | QFile::WriteOwner);
  return copy;
}

// Every table that schema 3 keeps as it was, with its columns in order.
const char* const kUnchangedTables[] = {
    "SELECT * FROM photos ORDER BY id",
    "SELECT id, category, source, photo_id, box_x, box_y, box_w, box_h, confidence, image_path, file_hash, "
    "crop_hash, hex(crop_png), flagged, created_at, updated_at FROM items ORDER BY id",
    "SELECT * FROM models ORDER BY id",
    "SELECT crop_hash, model_id, dim, hex(vector), created_at FROM embeddings ORDER BY crop_hash, model_id",
    "SELECT * FROM training_runs ORDER BY id",
    "SELECT * FROM tags ORDER BY id",
    "SELECT * FROM photo_tags ORDER BY photo_id, tag_id",
    "SELECT * FROM item_tags ORDER BY item_id, tag_id",
    "SELECT * FROM meta ORDER BY key",
};

class LibraryMigration : public ::testing::TestWithParam<Fixture> {};

TEST_P(LibraryMigration, OpensWithEverythingKept) {
  TempDir dir;
  const std::string path = copyOfFixture(dir, GetParam());
  ASSERT_EQ(rows(path, "PRAGMA user_version"),
            (std::vector<std::vector<std::string>>{{std::to_string(GetParam().schema)}}));
  std::map<std::string, std::vector<std::vector<std::string>>> before;
  for (const char* query : kUnchangedTables) before[query] = rows(path, query);
  const char* const kMarks = "SELECT * FROM garments_not_visible ORDER BY photo_id, category";
  if (GetParam().schema >= 2) {
    before[kMarks] = rows(path, kMarks);
    ASSERT_EQ(before[kMarks].size(), 1u) << "the shoes of the fourth photo";
  }
  const auto oldOutfits = rows(
      path,
      "SELECT id, name, origin, photo_id, created_at, top_id, bottom_id, shoes_id FROM outfits ORDER BY id");
  ASSERT_EQ(oldOutfits.size(), 4u) << "two photo outfits, a user outfit and a modified one";
  ASSERT_EQ(before["SELECT * FROM photos ORDER BY id"].size(), GetParam().photos);

  {
    auto library = Library::open(path);
    ASSERT_TRUE(library.ok()) << library.message();
    EXPECT_EQ((*library)->info()->schemaVersion, Library::kSchemaVersion);
    EXPECT_TRUE((*library)->checkIntegrity().ok());

    auto outfits = (*library)->outfits();
    ASSERT_TRUE(outfits.ok()) << outfits.message();
    ASSERT_EQ(outfits->size(), oldOutfits.size());
    for (std::size_t i = 0; i < outfits->size(); ++i) {
      const Outfit& o = (*outfits)[i];
      const auto& old = oldOutfits[i];
      EXPECT_EQ(std::to_string(o.id), old[0]);
      EXPECT_EQ(o.name, old[1]);
      EXPECT_EQ(outfitOriginName(o.origin), old[2]);
      EXPECT_EQ(o.photoId ? std::to_string(*o.photoId) : "<null>", old[3]);
      EXPECT_EQ(o.createdAt, old[4]);
      EXPECT_EQ(std::to_string(o.member(Category::Top)), old[5]);
      EXPECT_EQ(std::to_string(o.member(Category::Bottom)), old[6]);
      EXPECT_EQ(std::to_string(o.member(Category::Shoes)), old[7]);
      EXPECT_EQ(o.items.size(), 3u);
    }
    // The photo outfits stay what syncing makes of the photos' crops.
    EXPECT_EQ(*(*library)->syncPhotoOutfits(), 2);
    if (GetParam().schema >= 2) {  // the curator's mark still counts
      auto cutOff = (*library)->reviewEntry(4);
      ASSERT_TRUE(cutOff.ok() && *cutOff);
      EXPECT_EQ((*cutOff)->notVisible, std::vector<Category>{Category::Shoes});
      EXPECT_TRUE((*cutOff)->missing.empty());
    }
    EXPECT_EQ((*library)->outfits()->size(), oldOutfits.size());
  }
  for (const auto& [query, old] : before) EXPECT_EQ(rows(path, query), old) << query;
  EXPECT_EQ(rows(path, "PRAGMA user_version"),
            (std::vector<std::vector<std::string>>{{std::to_string(Library::kSchemaVersion)}}));
  EXPECT_TRUE(rows(path, "PRAGMA foreign_key_check").empty());
}

TEST_P(LibraryMigration, MigratedLibraryTakesTheWiderCategoriesAndKeepsRemovalRules) {
  TempDir dir;
  const std::string path = copyOfFixture(dir, GetParam());
  auto library = Library::open(path);
  ASSERT_TRUE(library.ok()) << library.message();
  Library& lib = **library;
  auto shoes = lib.items(ItemQuery().inCategory(Category::Shoes).onlyStandalone());
  ASSERT_TRUE(shoes.ok());
  ASSERT_FALSE(shoes->empty());

  // A dress, a coat and a bag: categories the old schemas refused.
  std::vector<Id> added;
  for (Category c : {Category::Onepiece, Category::Outer, Category::Bag}) {
    const std::string hash = "new-" + std::string(categoryName(c));
    auto id = lib.addStandaloneItem(c, {dir.path(hash + ".png"), hash, 10, 20, 30}, {hash, {1, 2, 3}});
    ASSERT_TRUE(id.ok()) << id.message();
    added.push_back(*id);
  }
  Outfit dress;
  dress.name = "garden party";
  dress.setMember(Category::Onepiece, added[0]);
  dress.setMember(Category::Outer, added[1]);
  dress.setMember(Category::Bag, added[2]);
  dress.setMember(Category::Shoes, shoes->front().id);
  auto dressId = lib.addOutfit(dress);
  ASSERT_TRUE(dressId.ok()) << dressId.message();
  auto stored = lib.outfit(*dressId);
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_EQ((*stored)->items, dress.items);
  EXPECT_EQ((*lib.info()).itemsByCategory[categoryIndex(Category::Onepiece)], 1);

  // A bottom with the dress is no outfit.
  auto bottoms = lib.items(ItemQuery().inCategory(Category::Bottom));
  Outfit clash = dress;
  clash.setMember(Category::Bottom, bottoms->front().id);
  auto refused = lib.addOutfit(clash);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("cannot be worn together"), std::string::npos) << refused.message();

  // Removing an item still removes the outfits that wear it, old and new.
  const auto before = lib.outfits()->size();
  ASSERT_TRUE(lib.removeItem(shoes->front().id).ok());
  EXPECT_EQ(lib.outfits()->size(), before - 2) << "the user outfit of the old schema and the dress";
  EXPECT_FALSE(*lib.outfit(*dressId));
  EXPECT_TRUE(lib.checkIntegrity().ok());
}

TEST_P(LibraryMigration, ReadOnlyOpeningLeavesTheOldFileUntouched) {
  TempDir dir;
  const std::string path = copyOfFixture(dir, GetParam());
  QFile file(QString::fromStdString(path));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const QByteArray bytes = file.readAll();
  file.close();
  auto library = Library::open(path, Library::Access::ReadOnly);
  if (library.ok()) library->reset();
  QFile again(QString::fromStdString(path));
  ASSERT_TRUE(again.open(QIODevice::ReadOnly));
  EXPECT_EQ(again.readAll(), bytes);
}

INSTANTIATE_TEST_SUITE_P(EarlierSchemas, LibraryMigration, ::testing::ValuesIn(kFixtures),
                         [](const auto& info) { return "Schema" + std::to_string(info.param.schema); });

}  // namespace
}  // namespace w2w
