// The library view: a library's photos and items appear in the grid with
// thumbnails made in the background.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QListView>
#include <QMenu>
#include <QPixmap>
#include <QSettings>
#include <QTabWidget>
#include <QTest>

#include "library_controller.h"
#include "library_grid_model.h"
#include "main_window.h"
#include "studio_settings.h"
#include "test_support.h"
#include "thumbnail_cache.h"
#include "translation_manager.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

using test::TempDir;

// Processes events until `done` or a generous deadline.
template <typename F>
bool waitUntil(F done, int ms = 20000) {
  return QTest::qWaitFor([&] { return done(); }, ms);
}

std::string makeLibrary(const TempDir& dir, int photos) {
  const std::string path = dir.path("w.w2w");
  auto library = Library::create(path);
  EXPECT_TRUE(library.ok());
  for (int i = 0; i < photos; ++i) {
    const std::string file = dir.path("p" + std::to_string(i) + ".png");
    test::writeImage(file, test::makeTestImage(80, 120, i));
    EXPECT_TRUE((*library)->addPhoto({file, "hash" + std::to_string(i), 1, 80, 120}).ok());
  }
  const RgbImage item = test::makeTestImage(50, 50, 99);
  EXPECT_TRUE((*library)
                  ->addStandaloneItem(Category::Shoes, {dir.path("shoe.png"), "shoe", 1, 50, 50},
                                      makeCropImage(renderWholeImage(item, nullptr, 64)))
                  .ok());
  return path;
}

TEST(LibraryView, ShowsPhotosAndItemsWithThumbnails) {
  TempDir dir;
  const std::string path = makeLibrary(dir, 3);
  StudioSettings settings;
  LibraryController controller;
  TranslationManager translations;
  MainWindow window(&settings, &controller, &translations);
  QString error;
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(path), &error)) << error.toStdString();
  window.show();

  auto* grid = window.findChild<QListView*>("libraryGrid");
  ASSERT_NE(grid, nullptr);
  QAbstractItemModel* model = grid->model();
  ASSERT_EQ(model->rowCount(), 4);
  EXPECT_EQ(model->index(0, 0).data().toString(), "p0.png");
  EXPECT_EQ(model->index(0, 0).data(LibraryGridModel::BadgeRole).toString(), "new");
  EXPECT_EQ(model->index(3, 0).data(LibraryGridModel::BadgeRole).toString(), "shoes");

  // Thumbnails arrive in the background; the item's comes from its stored crop.
  for (int row = 0; row < 4; ++row) model->index(row, 0).data(Qt::DecorationRole);
  ASSERT_TRUE(waitUntil([&] {
    for (int row = 0; row < 4; ++row) {
      if (model->index(row, 0).data(Qt::DecorationRole).value<QPixmap>().isNull()) return false;
    }
    return true;
  }));
  const QPixmap first = model->index(0, 0).data(Qt::DecorationRole).value<QPixmap>();
  EXPECT_EQ(first.height(), 120) << "small images are not enlarged";
  EXPECT_TRUE(settings.recentLibraries().contains(QString::fromStdString(path)));
}

TEST(LibraryView, ThumbnailsAreCachedOnDisk) {
  TempDir dir;
  const std::string image = dir.path("big.png");
  test::writeImage(image, test::makeTestImage(900, 600, 4));
  ThumbnailCache cache(128, QString::fromStdString(dir.path("cache")));
  bool ready = false;
  QObject::connect(&cache, &ThumbnailCache::ready, [&] { ready = true; });
  EXPECT_TRUE(cache.thumbnail({"k1", QString::fromStdString(image), {}}).isNull()) << "not ready at once";
  ASSERT_TRUE(waitUntil([&] { return ready; }));
  const QPixmap made = cache.thumbnail({"k1", QString::fromStdString(image), {}});
  EXPECT_EQ(made.width(), 128);
  EXPECT_EQ(made.height(), 85);
  EXPECT_TRUE(QFile::exists(QString::fromStdString(dir.path("cache/k1-128.jpg"))));

  // A second cache (the next start) loads the file, even if the source is gone.
  QFile::remove(QString::fromStdString(image));
  ThumbnailCache next(128, QString::fromStdString(dir.path("cache")));
  ready = false;
  QObject::connect(&next, &ThumbnailCache::ready, [&] { ready = true; });
  next.thumbnail({"k1", QString::fromStdString(image), {}});
  ASSERT_TRUE(waitUntil([&] { return ready; }));
  EXPECT_EQ(next.cached("k1").width(), 128);
}

TEST(LibraryView, BrokenImageReportsFailureOnce) {
  TempDir dir;
  test::writeBytes(dir.path("bad.jpg"), "nope");
  ThumbnailCache cache(64, QString::fromStdString(dir.path("cache")));
  QString reason;
  QObject::connect(&cache, &ThumbnailCache::failed,
                   [&](const QString&, const QString& why) { reason = why; });
  cache.thumbnail({"bad", QString::fromStdString(dir.path("bad.jpg")), {}});
  ASSERT_TRUE(waitUntil([&] { return !reason.isEmpty(); }));
  EXPECT_TRUE(reason.contains("not an image"));
  EXPECT_TRUE(cache.hasFailed("bad"));
  EXPECT_TRUE(cache.thumbnail({"bad", QString::fromStdString(dir.path("bad.jpg")), {}}).isNull());
  EXPECT_FALSE(cache.isPending("bad")) << "not retried";
}

TEST(LibraryView, OpeningABadLibraryKeepsTheCurrentOne) {
  TempDir dir;
  const std::string path = makeLibrary(dir, 1);
  test::writeBytes(dir.path("junk.w2w"), "junk junk junk junk");
  StudioSettings settings;
  LibraryController controller;
  TranslationManager translations;
  MainWindow window(&settings, &controller, &translations);
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(path)));
  QString error;
  EXPECT_FALSE(window.openLibrary(QString::fromStdString(dir.path("junk.w2w")), &error));
  EXPECT_TRUE(error.contains("not an SQLite database"));
  EXPECT_EQ(controller.path(), QString::fromStdString(path));
}

TEST(LibraryView, SwitchingLanguageChangesVisibleStrings) {
  TempDir dir;
  const std::string path = makeLibrary(dir, 1);
  StudioSettings settings;
  LibraryController controller;
  TranslationManager translations;
  translations.apply("en");
  MainWindow window(&settings, &controller, &translations);
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(path)));
  auto* tabs = window.findChild<QTabWidget*>();
  ASSERT_NE(tabs, nullptr);
  EXPECT_EQ(tabs->tabText(0), "Library");
  auto* korean = window.findChild<QAction*>("actionLanguage_ko");
  ASSERT_NE(korean, nullptr);
  korean->trigger();
  QApplication::processEvents();
  EXPECT_EQ(tabs->tabText(0), QStringLiteral("라이브러리"));
  EXPECT_EQ(window.findChild<QMenu*>("menuFile")->title(), QStringLiteral("파일(&F)"));
  EXPECT_EQ(settings.language(), "ko");
  window.findChild<QAction*>("actionLanguage_en")->trigger();
  QApplication::processEvents();
  EXPECT_EQ(tabs->tabText(0), "Library");
  settings.setLanguage(QString());
}

}  // namespace
}  // namespace w2w
