// The wardrobe library: round trips, migrations, refusals, consistency.
#include <gtest/gtest.h>

#include <QFile>
#include <QFileDevice>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "library/library.h"
#include "test_support.h"

namespace w2w {
namespace {

using test::TempDir;

std::unique_ptr<Library> createLibrary(const std::string& path) {
  auto library = Library::create(path);
  EXPECT_TRUE(library.ok()) << (library.ok() ? "" : library.message());
  return library.ok() ? std::move(*library) : nullptr;
}

NewPhoto newPhoto(int n) {
  return {"/photos/outfit-" + std::to_string(n) + ".jpg", "hash-" + std::to_string(n), 1000 + n, 400, 600};
}

CropImage crop(const std::string& hash) {
  return {hash, {0x89, 'P', 'N', 'G', static_cast<std::uint8_t>(hash.size())}};
}

PhotoAnalysis threeCrops(const std::string& prefix) {
  PhotoAnalysis a;
  a.person = Box{10, 20, 300, 560};
  a.maskPng = {1, 2, 3};
  a.crops = {{Category::Top, {20, 40, 200, 200}, 0.9, crop(prefix + "-top")},
             {Category::Bottom, {30, 240, 180, 220}, 0.8, crop(prefix + "-bottom")},
             {Category::Shoes, {40, 470, 160, 80}, 0.7, crop(prefix + "-shoes")}};
  return a;
}

QByteArray fileBytes(const std::string& path) {
  QFile f(QString::fromStdString(path));
  f.open(QIODevice::ReadOnly);
  return f.readAll();
}

void setPragmas(const std::string& path, int userVersion, int applicationId) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string sql =
      "CREATE TABLE IF NOT EXISTS x(y); PRAGMA user_version = " + std::to_string(userVersion) +
      "; PRAGMA application_id = " + std::to_string(applicationId) + ";";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

TEST(Library, CreateThenOpenReportsTheSchema) {
  TempDir dir;
  const std::string path = dir.path("wardrobe.w2w");
  { ASSERT_TRUE(createLibrary(path)); }
  auto library = Library::open(path);
  ASSERT_TRUE(library.ok()) << library.message();
  auto info = (*library)->info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->schemaVersion, Library::kSchemaVersion);
  EXPECT_NE(info->createdWith.find("What2Wear"), std::string::npos);
  EXPECT_EQ(info->photos, 0);
  EXPECT_TRUE((*library)->checkIntegrity().ok());
}

TEST(Library, CreateRefusesAnExistingFile) {
  TempDir dir;
  const std::string path = dir.path("wardrobe.w2w");
  ASSERT_TRUE(createLibrary(path));
  auto again = Library::create(path);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.message().find("already exists"), std::string::npos);
}

TEST(Library, MigratesAnEmptyFile) {
  TempDir dir;
  const std::string path = dir.path("empty.w2w");
  test::writeBytes(path, "");
  auto library = Library::open(path);
  ASSERT_TRUE(library.ok()) << library.message();
  auto info = (*library)->info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->schemaVersion, Library::kSchemaVersion);
  EXPECT_TRUE((*library)->addPhoto(newPhoto(1)).ok());
}

TEST(Library, RefusesANewerLibraryAndLeavesItUnchanged) {
  TempDir dir;
  const std::string path = dir.path("future.w2w");
  setPragmas(path, Library::kSchemaVersion + 5, Library::kApplicationId);
  const QByteArray before = fileBytes(path);
  for (auto access : {Library::Access::ReadWrite, Library::Access::ReadOnly}) {
    auto library = Library::open(path, access);
    ASSERT_FALSE(library.ok());
    EXPECT_NE(library.message().find("newer version"), std::string::npos) << library.message();
    EXPECT_EQ(library.message().find('\n'), std::string::npos) << "one line";
  }
  EXPECT_EQ(fileBytes(path), before);
  EXPECT_FALSE(QFile::exists(QString::fromStdString(path + "-wal")));
}

TEST(Library, RefusesAnotherProgramsDatabase) {
  TempDir dir;
  const std::string path = dir.path("other.sqlite");
  setPragmas(path, 0, 0);
  const QByteArray before = fileBytes(path);
  auto library = Library::open(path);
  ASSERT_FALSE(library.ok());
  EXPECT_NE(library.message().find("not a What2Wear library"), std::string::npos);
  EXPECT_EQ(fileBytes(path), before);
}

TEST(Library, RefusesATextFile) {
  TempDir dir;
  const std::string path = dir.path("notes.w2w");
  test::writeBytes(path, "these are not the photos you are looking for\n");
  auto library = Library::open(path);
  ASSERT_FALSE(library.ok());
  EXPECT_NE(library.message().find("not an SQLite database"), std::string::npos);
}

TEST(Library, MissingFileIsAClearError) {
  TempDir dir;
  auto library = Library::open(dir.path("nope.w2w"));
  ASSERT_FALSE(library.ok());
  EXPECT_NE(library.message().find("no such library"), std::string::npos);
  EXPECT_NE(library.message().find("nope.w2w"), std::string::npos);
}

// Opens a read-only library for writing and for reading; returns "" when both
// behave, else what went wrong.
std::string checkReadOnlyFile(const std::string& path) {
  auto writable = Library::open(path);
  if (writable.ok()) return "a read-only file opened for writing";
  if (writable.message().find("read-only") == std::string::npos)
    return "unclear error: " + writable.message();
  auto readable = Library::open(path, Library::Access::ReadOnly);
  if (!readable.ok()) return "cannot read: " + readable.message();
  if (*(*readable)->photoCount() != 1) return "wrong photo count";
  return "";
}

TEST(Library, ReadOnlyFileIsAClearErrorForWritingButOpensForReading) {
  TempDir dir;
  const std::string path = dir.path("locked.w2w");
  {
    auto library = createLibrary(path);
    ASSERT_TRUE(library->addPhoto(newPhoto(1)).ok());
  }
  QFile::setPermissions(QString::fromStdString(path), QFileDevice::ReadOwner | QFileDevice::ReadOther);
  if (geteuid() != 0) {
    EXPECT_EQ(checkReadOnlyFile(path), "");
    return;
  }
  // Root may write anything, so check as an ordinary user in a child process.
  QFile::setPermissions(QString::fromStdString(dir.path()),
                        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ReadOther | QFileDevice::ExeOther);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    std::string result =
        (setgid(65534) == 0 && setuid(65534) == 0) ? checkReadOnlyFile(path) : "setuid failed";
    if (result.empty()) result = "ok";
    (void)!write(fds[1], result.data(), result.size());
    _exit(0);
  }
  close(fds[1]);
  std::string result;
  char buffer[512];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
    result.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_EQ(result, "ok");
}

TEST(Library, ReadOnlyAccessRefusesWrites) {
  TempDir dir;
  const std::string path = dir.path("wardrobe.w2w");
  { createLibrary(path); }
  auto library = Library::open(path, Library::Access::ReadOnly);
  ASSERT_TRUE(library.ok());
  auto added = (*library)->addPhoto(newPhoto(1));
  ASSERT_FALSE(added.ok());
  EXPECT_NE(added.message().find("cannot add photo"), std::string::npos) << added.message();
}

TEST(Library, PhotoRoundTrip) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  auto id = library->addPhoto(newPhoto(7));
  ASSERT_TRUE(id.ok()) << id.message();
  auto photo = library->photo(*id);
  ASSERT_TRUE(photo.ok() && photo->has_value());
  const Photo& p = **photo;
  EXPECT_EQ(p.path, "/photos/outfit-7.jpg");
  EXPECT_EQ(p.contentHash, "hash-7");
  EXPECT_EQ(p.fileSize, 1007);
  EXPECT_EQ(p.width, 400);
  EXPECT_EQ(p.height, 600);
  EXPECT_EQ(p.status, PhotoStatus::Imported);
  EXPECT_FALSE(p.importedAt.empty());
  EXPECT_FALSE(p.person.has_value());

  ASSERT_TRUE(library->setPhotoStatus(*id, PhotoStatus::Failed, "no person").ok());
  auto byHash = library->photoByHash("hash-7");
  ASSERT_TRUE(byHash.ok() && byHash->has_value());
  EXPECT_EQ((*byHash)->status, PhotoStatus::Failed);
  EXPECT_EQ((*byHash)->error, "no person");
  EXPECT_FALSE(library->addPhoto(newPhoto(7)).ok()) << "duplicate content hash";
}

TEST(Library, PathsInsideTheLibraryFolderAreStoredRelative) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  NewPhoto inside = newPhoto(1);
  inside.path = dir.path("photos/a.jpg");
  auto id = library->addPhoto(inside);
  ASSERT_TRUE(id.ok());
  auto photo = library->photo(*id);
  EXPECT_EQ((*photo)->path, "photos/a.jpg");
  EXPECT_EQ(library->resolvePath((*photo)->path), dir.path("photos/a.jpg"));
  EXPECT_EQ(library->resolvePath("/elsewhere/b.jpg"), "/elsewhere/b.jpg");
}

TEST(Library, AnalysisStoresCropsAndKeepsManualEdits) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id photoId = *library->addPhoto(newPhoto(1));
  ASSERT_TRUE(library->storeAnalysis(photoId, threeCrops("a")).ok());
  auto photo = library->photo(photoId);
  EXPECT_EQ((*photo)->status, PhotoStatus::Processed);
  EXPECT_EQ((*photo)->person, (Box{10, 20, 300, 560}));
  EXPECT_EQ(*library->photoMask(photoId), (std::vector<std::uint8_t>{1, 2, 3}));

  auto crops = library->items(ItemQuery().fromPhoto(photoId));
  ASSERT_TRUE(crops.ok());
  ASSERT_EQ(crops->size(), 3u);
  const Item top = (*crops)[0];
  EXPECT_EQ(top.category, Category::Top);
  EXPECT_EQ(top.source, ItemSource::Auto);
  EXPECT_EQ(top.box, (Box{20, 40, 200, 200}));
  EXPECT_DOUBLE_EQ(top.confidence, 0.9);
  EXPECT_EQ(top.cropHash, "a-top");
  EXPECT_EQ(library->cropImage(top.id)->png, crop("a-top").png);

  // A person edits the top; a re-run of the pipeline must not undo that.
  ASSERT_TRUE(library->updateCrop(top.id, {25, 45, 190, 190}, crop("edited-top")).ok());
  ASSERT_TRUE(library->storeAnalysis(photoId, threeCrops("b")).ok());
  auto after = library->items(ItemQuery().fromPhoto(photoId));
  ASSERT_EQ(after->size(), 3u);
  EXPECT_EQ((*after)[0].source, ItemSource::Manual);
  EXPECT_EQ((*after)[0].box, (Box{25, 45, 190, 190}));
  EXPECT_EQ((*after)[0].cropHash, "edited-top");
  EXPECT_EQ((*after)[1].cropHash, "b-bottom");
  EXPECT_EQ((*after)[0].id, top.id) << "item ids are stable across re-runs";

  // A newer pipeline sees a dress where the old one saw a top and a bottom:
  // the automatic bottom goes, the person's top stays, and the photo's
  // outfit follows its crops.
  EXPECT_EQ(*library->syncPhotoOutfits(), 1);
  PhotoAnalysis dress;
  dress.person = Box{10, 20, 300, 560};
  dress.crops = {{Category::Onepiece, {20, 40, 200, 400}, 0.8, crop("c-dress")},
                 {Category::Shoes, {40, 470, 160, 80}, 0.7, crop("c-shoes")},
                 {Category::Bag, {220, 300, 60, 80}, 0.6, crop("c-bag")}};
  ASSERT_TRUE(library->storeAnalysis(photoId, dress).ok());
  auto redone = library->items(ItemQuery().fromPhoto(photoId));
  ASSERT_EQ(redone->size(), 4u);
  std::vector<Category> categories;
  for (const Item& item : *redone) categories.push_back(item.category);
  EXPECT_EQ(categories,
            (std::vector<Category>{Category::Top, Category::Shoes, Category::Onepiece, Category::Bag}));
  EXPECT_EQ((*redone)[0].source, ItemSource::Manual);
  EXPECT_EQ(*library->syncPhotoOutfits(), 1);
  const Outfit photoOutfit = library->outfits(OutfitOrigin::Photo)->front();
  EXPECT_EQ(photoOutfit.items.size(), 4u)
      << "the edited top over the dress, the dress, the shoes and the bag";
  EXPECT_EQ(photoOutfit.member(Category::Bottom), 0);
}

TEST(Library, SetCropRestoresAnAutomaticCropExactly) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id photoId = *library->addPhoto(newPhoto(1));
  ASSERT_TRUE(library->storeAnalysis(photoId, threeCrops("a")).ok());
  const Item before = (*library->items(ItemQuery().fromPhoto(photoId)))[2];
  ASSERT_TRUE(library->updateCrop(before.id, {1, 2, 30, 40}, crop("edit")).ok());
  ASSERT_TRUE(
      library->setCrop(before.id, *before.box, crop("a-shoes"), before.source, before.confidence).ok());
  const Item after = **library->item(before.id);
  EXPECT_EQ(after.box, before.box);
  EXPECT_EQ(after.source, ItemSource::Auto);
  EXPECT_DOUBLE_EQ(after.confidence, 0.7);
  EXPECT_EQ(after.cropHash, "a-shoes");
  EXPECT_FALSE(library->setCrop(before.id, {0, 0, 0, 5}, crop("x"), ItemSource::Manual, 1).ok())
      << "empty box";
}

TEST(Library, ReviewQueuePutsTheLeastCertainPhotosFirst) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id sure = *library->addPhoto(newPhoto(1));
  const Id unsure = *library->addPhoto(newPhoto(2));
  const Id partial = *library->addPhoto(newPhoto(3));
  const Id done = *library->addPhoto(newPhoto(4));
  *library->addPhoto(newPhoto(5));  // never processed: not in the queue
  PhotoAnalysis high = threeCrops("s");
  for (auto& c : high.crops) c.confidence = 0.95;
  PhotoAnalysis low = threeCrops("u");
  low.crops[1].confidence = 0.2;
  PhotoAnalysis missing = threeCrops("p");
  missing.crops.pop_back();
  ASSERT_TRUE(library->storeAnalysis(sure, high).ok());
  ASSERT_TRUE(library->storeAnalysis(unsure, low).ok());
  ASSERT_TRUE(library->storeAnalysis(partial, missing).ok());
  ASSERT_TRUE(library->storeAnalysis(done, threeCrops("d")).ok());
  ASSERT_TRUE(library->setPhotoStatus(done, PhotoStatus::Reviewed).ok());
  // A dress and shoes is a whole outfit: not "missing a crop".
  const Id dress = *library->addPhoto(newPhoto(6));
  PhotoAnalysis onepiece;
  onepiece.crops = {{Category::Onepiece, {20, 40, 200, 400}, 0.9, crop("dress")},
                    {Category::Shoes, {40, 470, 160, 80}, 0.5, crop("dress-shoes")}};
  ASSERT_TRUE(library->storeAnalysis(dress, onepiece).ok());
  auto queue = library->reviewQueue();
  ASSERT_TRUE(queue.ok()) << queue.message();
  ASSERT_EQ(queue->size(), 4u);
  EXPECT_EQ((*queue)[0].photo.id, partial);
  EXPECT_EQ((*queue)[0].missing, std::vector<Category>{Category::Shoes});
  EXPECT_EQ((*queue)[1].photo.id, unsure);
  EXPECT_DOUBLE_EQ((*queue)[1].lowestConfidence, 0.2);
  EXPECT_EQ((*queue)[2].photo.id, dress);
  EXPECT_TRUE((*queue)[2].missing.empty());
  EXPECT_EQ((*queue)[3].photo.id, sure);
  EXPECT_EQ(library->reviewQueue(PhotoStatus::Processed, 2)->size(), 2u);
  auto reviewed = library->reviewQueue(PhotoStatus::Reviewed);
  ASSERT_EQ(reviewed->size(), 1u);
  EXPECT_EQ((*reviewed)[0].photo.id, done);
  EXPECT_EQ((*reviewed)[0].crops, 3);
}

// A garment marked not visible is not missing, the pipeline proposes it no
// more, and drawing its box takes the mark away.
TEST(Library, GarmentsMarkedNotVisible) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id photo = *library->addPhoto(newPhoto(1));
  PhotoAnalysis noShoes = threeCrops("a");
  noShoes.crops.pop_back();
  ASSERT_TRUE(library->storeAnalysis(photo, noShoes).ok());
  EXPECT_EQ((*library->reviewEntry(photo))->missing, std::vector<Category>{Category::Shoes});
  ASSERT_TRUE(library->setNotVisible(photo, Category::Shoes, true).ok());
  ASSERT_TRUE(library->setNotVisible(photo, Category::Shoes, true).ok()) << "twice is once";
  EXPECT_EQ(*library->notVisibleGarments(photo), std::vector<Category>{Category::Shoes});
  auto entry = library->reviewEntry(photo);
  EXPECT_TRUE((*entry)->missing.empty());
  EXPECT_EQ((*entry)->notVisible, std::vector<Category>{Category::Shoes});

  ASSERT_TRUE(library->storeAnalysis(photo, threeCrops("b")).ok());  // the pipeline again, shoes found
  EXPECT_TRUE(library->items(ItemQuery().fromPhoto(photo).inCategory(Category::Shoes))->empty());
  EXPECT_EQ(library->items(ItemQuery().fromPhoto(photo))->size(), 2u);

  ASSERT_TRUE(library->addManualCrop(photo, Category::Shoes, {40, 470, 160, 80}, crop("drawn")).ok());
  EXPECT_TRUE(library->notVisibleGarments(photo)->empty());
  EXPECT_FALSE(library->setNotVisible(999, Category::Top, true).ok()) << "no such photo";
  ASSERT_TRUE(library->removePhoto(photo).ok());
  EXPECT_TRUE(library->notVisibleGarments(photo)->empty());
}

TEST(Library, StandaloneItemRoundTripAndQueries) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  NewPhoto file = newPhoto(3);
  auto id = library->addStandaloneItem(Category::Shoes, file, crop("shoe-crop"));
  ASSERT_TRUE(id.ok()) << id.message();
  auto item = library->item(*id);
  ASSERT_TRUE(item->has_value());
  EXPECT_EQ((*item)->category, Category::Shoes);
  EXPECT_EQ((*item)->source, ItemSource::Standalone);
  EXPECT_FALSE((*item)->photoId.has_value());
  EXPECT_EQ((*item)->fileHash, "hash-3");
  EXPECT_EQ((*item)->imagePath, "/photos/outfit-3.jpg");
  EXPECT_TRUE(library->itemByHash("hash-3")->has_value());
  EXPECT_FALSE(library->addStandaloneItem(Category::Shoes, file, crop("x")).ok()) << "duplicate file";

  ASSERT_TRUE(library->setItemFlagged(*id, true).ok());
  EXPECT_EQ(library->items(ItemQuery().withFlag(true))->size(), 1u);
  EXPECT_EQ(library->items(ItemQuery().inCategory(Category::Top))->size(), 0u);
  EXPECT_EQ(library->items(ItemQuery().onlyStandalone())->size(), 1u);
  EXPECT_EQ(library->items(ItemQuery().onlyCrops())->size(), 0u);
  ASSERT_TRUE(library->setItemCategory(*id, Category::Bottom).ok());
  EXPECT_EQ((*library->item(*id))->category, Category::Bottom);
}

TEST(Library, ReviewQueueIsSortedByConfidence) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id photoId = *library->addPhoto(newPhoto(1));
  ASSERT_TRUE(library->storeAnalysis(photoId, threeCrops("a")).ok());
  auto queue = library->items(ItemQuery().byConfidence().first(2));
  ASSERT_EQ(queue->size(), 2u);
  EXPECT_EQ((*queue)[0].category, Category::Shoes);   // 0.7
  EXPECT_EQ((*queue)[1].category, Category::Bottom);  // 0.8
}

TEST(Library, EmbeddingsRoundTripAndInvalidation) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id photoId = *library->addPhoto(newPhoto(1));
  ASSERT_TRUE(library->storeAnalysis(photoId, threeCrops("a")).ok());
  ASSERT_TRUE(library->registerModel({"basic-v1", "Basic", "basic", 4, "", ""}).ok());

  EXPECT_FALSE(library->putEmbedding("a-top", "unknown-model", {1, 2, 3, 4}).ok());
  auto wrongDim = library->putEmbedding("a-top", "basic-v1", {1, 2, 3});
  ASSERT_FALSE(wrongDim.ok());
  EXPECT_NE(wrongDim.message().find("dimension 4"), std::string::npos);

  FloatMatrix vectors(3, 4);
  for (int i = 0; i < 12; ++i) vectors.data[i] = 0.5f * i;
  ASSERT_TRUE(library->putEmbeddings({"a-top", "a-bottom", "a-shoes"}, "basic-v1", vectors).ok());
  auto one = library->embedding("a-bottom", "basic-v1");
  ASSERT_TRUE(one.ok() && one->has_value());
  EXPECT_EQ(**one, (std::vector<float>{2.0f, 2.5f, 3.0f, 3.5f}));

  auto all = library->itemEmbeddings("basic-v1");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->vectors.rows, 3);
  EXPECT_EQ(all->vectors.cols, 4);
  EXPECT_EQ(all->categories[2], Category::Shoes);
  EXPECT_EQ(library->itemEmbeddings("basic-v1", Category::Top)->vectors.rows, 1);
  EXPECT_EQ(library->items(ItemQuery().notEncodedBy("basic-v1"))->size(), 0u);

  // Editing the top drops the old crop's embedding, and only that one.
  auto top = (*library->items(ItemQuery().inCategory(Category::Top)))[0];
  ASSERT_TRUE(library->updateCrop(top.id, {1, 1, 50, 50}, crop("new-top")).ok());
  EXPECT_FALSE(library->embedding("a-top", "basic-v1")->has_value());
  EXPECT_TRUE(library->embedding("a-bottom", "basic-v1")->has_value());
  auto missing = library->items(ItemQuery().notEncodedBy("basic-v1"));
  ASSERT_EQ(missing->size(), 1u);
  EXPECT_EQ((*missing)[0].id, top.id);
  EXPECT_EQ(*library->embeddingCount("basic-v1"), 2);
  auto models = library->models();
  ASSERT_EQ(models->size(), 1u);
  EXPECT_EQ((*models)[0].dim, 4);
}

TEST(Library, OutfitsRoundTripAndCheckCategories) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id p1 = *library->addPhoto(newPhoto(1));
  const Id p2 = *library->addPhoto(newPhoto(2));
  ASSERT_TRUE(library->storeAnalysis(p1, threeCrops("a")).ok());
  PhotoAnalysis partial = threeCrops("b");
  partial.crops.pop_back();  // no shoes found on photo 2
  ASSERT_TRUE(library->storeAnalysis(p2, partial).ok());
  EXPECT_EQ(*library->syncPhotoOutfits(), 1);
  EXPECT_EQ(*library->syncPhotoOutfits(), 1) << "idempotent";
  auto fromPhotos = library->outfits(OutfitOrigin::Photo);
  ASSERT_EQ(fromPhotos->size(), 1u);
  EXPECT_EQ((*fromPhotos)[0].photoId, p1);

  auto items1 = *library->items(ItemQuery().fromPhoto(p1));
  auto items2 = *library->items(ItemQuery().fromPhoto(p2));
  Outfit mine;
  mine.name = "Friday";
  mine.setMember(Category::Top, items2[0].id);
  mine.setMember(Category::Bottom, items1[1].id);
  mine.setMember(Category::Shoes, items1[2].id);
  auto id = library->addOutfit(mine);
  ASSERT_TRUE(id.ok()) << id.message();
  auto stored = library->outfit(*id);
  EXPECT_EQ((*stored)->name, "Friday");
  EXPECT_EQ((*stored)->origin, OutfitOrigin::User);
  EXPECT_EQ((*stored)->member(Category::Top), items2[0].id);
  EXPECT_EQ((*stored)->items, mine.items);

  Outfit wrong = mine;
  wrong.setMember(Category::Top, items1[1].id);  // a bottom given as the top
  auto refused = library->addOutfit(wrong);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("is a bottom, not a top"), std::string::npos);

  mine.id = *id;
  mine.origin = OutfitOrigin::Modified;
  ASSERT_TRUE(library->updateOutfit(mine).ok());
  EXPECT_EQ((*library->outfit(*id))->origin, OutfitOrigin::Modified);

  // Removing a photo removes its crops and every outfit that used them.
  ASSERT_TRUE(library->removePhoto(p1).ok());
  EXPECT_EQ(library->outfits()->size(), 0u);
  EXPECT_TRUE(library->checkIntegrity().ok());
}

TEST(Library, TrainingRunRoundTrip) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  TrainingRun run;
  run.name = "seed config";
  run.encoderModelId = "basic-v1";
  run.configJson = R"({"epochs":5})";
  auto id = library->addRun(run);
  ASSERT_TRUE(id.ok());
  run.id = *id;
  run.status = RunStatus::Finished;
  run.metricsJson = R"({"auc":0.9})";
  run.checkpointPath = "/ckpt/model.safetensors";
  run.finishedAt = "2026-01-01T00:00:00Z";
  ASSERT_TRUE(library->updateRun(run).ok());
  auto stored = library->run(*id);
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->status, RunStatus::Finished);
  EXPECT_EQ((*stored)->configJson, R"({"epochs":5})");
  EXPECT_EQ((*stored)->metricsJson, R"({"auc":0.9})");
  EXPECT_EQ((*stored)->checkpointPath, "/ckpt/model.safetensors");
  EXPECT_FALSE((*stored)->startedAt.empty());
  EXPECT_EQ(library->runs()->size(), 1u);
  ASSERT_TRUE(library->removeRun(*id).ok());
  EXPECT_EQ(library->runs()->size(), 0u);
}

TEST(Library, TagsRoundTrip) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id photoId = *library->addPhoto(newPhoto(1));
  ASSERT_TRUE(library->storeAnalysis(photoId, threeCrops("a")).ok());
  const Id top = (*library->items(ItemQuery().inCategory(Category::Top)))[0].id;
  ASSERT_TRUE(library->tagPhoto(photoId, "summer").ok());
  ASSERT_TRUE(library->tagPhoto(photoId, "Summer").ok()) << "tags are case-insensitive";
  ASSERT_TRUE(library->tagItem(top, "denim").ok());
  EXPECT_EQ(*library->photoTags(photoId), (std::vector<std::string>{"summer"}));
  EXPECT_EQ(*library->itemTags(top), (std::vector<std::string>{"denim"}));
  EXPECT_EQ(library->photos(PhotoQuery().withTag("summer"))->size(), 1u);
  EXPECT_EQ(library->items(ItemQuery().withTag("denim"))->size(), 1u);
  EXPECT_EQ(library->tags()->size(), 2u);
  ASSERT_TRUE(library->untagItem(top, "denim").ok());
  EXPECT_TRUE(library->itemTags(top)->empty());
  ASSERT_TRUE(library->untagItem(top, "winter").ok());
  EXPECT_EQ(library->tags()->size(), 2u) << "removing an unknown tag does not create it";
  EXPECT_FALSE(library->tagPhoto(9999, "x").ok()) << "no such photo";
}

TEST(Library, RemoveEntriesTakesACropBesideItsPhotoAndNothingOnABadId) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  const Id photoId = *library->addPhoto(newPhoto(1));
  ASSERT_TRUE(library->storeAnalysis(photoId, threeCrops("a")).ok());
  const Id top = (*library->items(ItemQuery().inCategory(Category::Top)))[0].id;
  EXPECT_FALSE(library->removeEntries({photoId}, {top, 9999}).ok());
  EXPECT_EQ(*library->photoCount(), 1) << "a bad id removes nothing";
  EXPECT_EQ(library->items()->size(), 3u);
  ASSERT_TRUE(library->removeEntries({photoId}, {top}).ok());
  EXPECT_EQ(*library->photoCount(), 0);
  EXPECT_TRUE(library->items()->empty());
}

TEST(Library, TransactionRollsBackEverythingOnError) {
  TempDir dir;
  auto library = createLibrary(dir.path("w.w2w"));
  Status status = library->transaction([&]() -> Status {
    EXPECT_TRUE(library->addPhoto(newPhoto(1)).ok());
    EXPECT_TRUE(library->addPhoto(newPhoto(2)).ok());
    return library->addPhoto(newPhoto(1)).error();  // duplicate: the whole change goes
  });
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(*library->photoCount(), 0);
}

}  // namespace
}  // namespace w2w
