// The library view: filters, and the import report with its error rows.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>
#include <QUndoStack>

#include "background_task.h"
#include "library_controller.h"
#include "library_filter_model.h"
#include "library_grid_view.h"
#include "library_view.h"
#include "test_support.h"
#include "thumbnail_cache.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

TEST(LibraryFilters, ByKindCategoryStateAndName) {
  test::TempDir dir;
  const std::string path = dir.path("w.w2w");
  {
    auto library = Library::create(path);
    (void)(*library)->addPhoto({dir.path("street.jpg"), "p1", 1, 10, 10});
    const Id failed = *(*library)->addPhoto({dir.path("blurry.jpg"), "p2", 1, 10, 10});
    ASSERT_TRUE((*library)->setPhotoStatus(failed, PhotoStatus::Failed, "no person").ok());
    int n = 0;
    for (Category c : {Category::Top, Category::Shoes, Category::Shoes}) {
      const CropImage crop = makeCropImage(renderWholeImage(test::makeTestImage(20, 20, ++n), nullptr, 32));
      const std::string name = std::string(categoryName(c)) + std::to_string(n) + ".jpg";
      (void)(*library)->addStandaloneItem(c, {dir.path(name), crop.hash, 1, 20, 20}, crop);
    }
  }
  LibraryController controller;
  ASSERT_TRUE(controller.openLibrary(QString::fromStdString(path)).isEmpty());
  ThumbnailCache thumbnails(64, QString::fromStdString(dir.path("cache")));
  LibraryView view(&controller, &thumbnails);
  view.refresh("basic-v1");
  LibraryFilterModel* shown = view.filterModel();
  EXPECT_EQ(shown->rowCount(), 5);

  auto combos = view.findChildren<QComboBox*>();
  ASSERT_GE(combos.size(), 4);
  combos[0]->setCurrentIndex(1);  // photos
  EXPECT_EQ(shown->rowCount(), 2);
  combos[2]->setCurrentIndex(5);  // failed
  EXPECT_EQ(shown->rowCount(), 1);
  EXPECT_EQ(shown->entry(shown->index(0, 0)).title, "blurry.jpg");
  combos[0]->setCurrentIndex(2);  // items
  combos[2]->setCurrentIndex(0);
  combos[1]->setCurrentIndex(categoryIndex(Category::Shoes) + 1);  // after "Any category"
  EXPECT_EQ(shown->rowCount(), 2);
  combos[1]->setCurrentIndex(0);
  view.findChild<QLineEdit*>("librarySearch")->setText("TOP");
  EXPECT_EQ(shown->rowCount(), 1) << "case-insensitive name filter";
}

// Tagging the selection: the tag filter finds the entries, undo takes the tag
// off only where the step put it, redo puts it back.
TEST(LibraryFilters, TagTheSelectionThenUndoAndRedo) {
  test::TempDir dir;
  const std::string path = dir.path("w.w2w");
  std::vector<Id> items;
  {
    auto library = Library::create(path);
    for (int n = 1; n <= 3; ++n) {
      const CropImage crop = makeCropImage(renderWholeImage(test::makeTestImage(20, 20, n), nullptr, 32));
      items.push_back(*(*library)->addStandaloneItem(
          Category::Top, {dir.path("top" + std::to_string(n) + ".jpg"), crop.hash, 1, 20, 20}, crop));
    }
    ASSERT_TRUE((*library)->tagItem(items[0], "summer").ok());  // already tagged before
  }
  LibraryController controller;
  ASSERT_TRUE(controller.openLibrary(QString::fromStdString(path)).isEmpty());
  ThumbnailCache thumbnails(64, QString::fromStdString(dir.path("cache")));
  LibraryView view(&controller, &thumbnails);
  view.refresh("basic-v1");
  LibraryFilterModel* shown = view.filterModel();
  QComboBox* tagFilter = view.findChildren<QComboBox*>()[3];

  EXPECT_FALSE(view.tagSelection("summer", true).isEmpty()) << "nothing selected";
  view.grid()->selectAll();
  ASSERT_EQ(view.tagSelection(" summer ", true), QString());
  ASSERT_EQ(tagFilter->count(), 2) << "any tag, summer";
  tagFilter->setCurrentIndex(1);
  EXPECT_EQ(shown->rowCount(), 3);

  view.undoStack()->undo();
  EXPECT_EQ(shown->rowCount(), 1) << "the item tagged before keeps its tag";
  EXPECT_EQ(shown->entry(shown->index(0, 0)).id, items[0]);
  view.undoStack()->redo();
  EXPECT_EQ(shown->rowCount(), 3);

  // The same tag in other letters changes nothing, and undoing that step too.
  ASSERT_EQ(view.tagSelection("SUMMER", true), QString());
  view.undoStack()->undo();
  EXPECT_EQ(shown->rowCount(), 3);

  tagFilter->setCurrentIndex(0);
  view.grid()->selectAll();
  ASSERT_EQ(view.tagSelection("summer", false), QString());
  tagFilter->setCurrentIndex(1);
  EXPECT_EQ(shown->rowCount(), 0);
  view.undoStack()->undo();
  EXPECT_EQ(shown->rowCount(), 3);
  EXPECT_EQ(controller.library()->itemTags(items[2])->size(), 1u);
}

TEST(LibraryFilters, RemovingTheSelectionTakesItOutOfTheLibraryAndTheGrid) {
  test::TempDir dir;
  const std::string path = dir.path("w.w2w");
  {
    auto library = Library::create(path);
    (void)(*library)->addPhoto({dir.path("street.jpg"), "p1", 1, 10, 10});
    const CropImage crop = makeCropImage(renderWholeImage(test::makeTestImage(20, 20, 1), nullptr, 32));
    (void)(*library)->addStandaloneItem(Category::Top, {dir.path("top.jpg"), crop.hash, 1, 20, 20}, crop);
  }
  LibraryController controller;
  ASSERT_TRUE(controller.openLibrary(QString::fromStdString(path)).isEmpty());
  ThumbnailCache thumbnails(64, QString::fromStdString(dir.path("cache")));
  LibraryView view(&controller, &thumbnails);
  QObject::connect(&controller, &LibraryController::contentChanged, &view, [&] { view.refresh("basic-v1"); });
  view.refresh("basic-v1");
  ASSERT_EQ(view.filterModel()->rowCount(), 2);
  EXPECT_FALSE(view.removeSelection(false).isEmpty()) << "nothing selected";
  view.grid()->selectAll();
  ASSERT_EQ(view.removeSelection(false), QString());
  EXPECT_EQ(view.filterModel()->rowCount(), 0);
  EXPECT_EQ(*controller.library()->photoCount(), 0);
  EXPECT_TRUE(controller.library()->items()->empty());
  EXPECT_TRUE(QFileInfo::exists(QString::fromStdString(path))) << "the library file itself stays";
}

TEST(LibraryFilters, CorruptPhotoShowsAnErrorRowAndTheImportGoesOn) {
  test::TempDir dir;
  QDir().mkpath(QString::fromStdString(dir.path("photos")));
  test::writeImage(dir.path("photos/a.jpg"), test::makeTestImage(120, 200, 1));
  test::writeImage(dir.path("photos/c.png"), test::makeTestImage(120, 200, 2));
  test::writeBytes(dir.path("photos/b-corrupt.jpg"), "\xFF\xD8\xFF\xE0 this is not really a photo");
  LibraryController controller;
  ASSERT_TRUE(controller.openLibrary(QString::fromStdString(dir.path("w.w2w")), true).isEmpty());
  ThumbnailCache thumbnails(64, QString::fromStdString(dir.path("cache")));
  LibraryView view(&controller, &thumbnails);
  QObject::connect(&controller, &LibraryController::importReported, &view, &LibraryView::showImportReport);
  bool reported = false;
  QObject::connect(&controller, &LibraryController::importReported, [&] { reported = true; });
  controller.importPhotos({QString::fromStdString(dir.path("photos"))});
  ASSERT_TRUE(QTest::qWaitFor([&] { return reported; }, 60000));
  QListWidget* rows = view.importReport();
  ASSERT_EQ(rows->count(), 3);
  EXPECT_TRUE(rows->item(0)->text().contains("b-corrupt.jpg")) << rows->item(0)->text().toStdString();
  EXPECT_TRUE(rows->item(0)->text().contains("JPEG")) << "the reason is shown";
  EXPECT_EQ(*controller.library()->photoCount(), 2) << "the good photos were imported";
}

}  // namespace
}  // namespace w2w
