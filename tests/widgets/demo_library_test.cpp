// The demo library is there to be tried at once: a demo left without
// embeddings (built by an earlier version, or before a change of encoder) is
// encoded in the background when the studio opens it.
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>
#include <QTest>

#include "embed/basic_encoder.h"
#include "library/library.h"
#include "library_controller.h"
#include "main_window.h"
#include "pipeline/default_analyzer.h"
#include "pipeline/demo_library.h"
#include "studio_settings.h"
#include "translation_manager.h"

namespace w2w {
namespace {

// The demo library's folder, in the test folders (widgets_main.cpp turns on
// QStandardPaths' test mode), emptied before and after the test.
class DemoFolder {
 public:
  DemoFolder() { clear(); }
  ~DemoFolder() { clear(); }
  std::string libraryPath() const { return defaultDemoLibraryPath(); }

 private:
  static void clear() {
    QDir(QFileInfo(QString::fromStdString(defaultDemoLibraryPath())).absolutePath()).removeRecursively();
  }
};

TEST(DemoLibrary, AnUnencodedDemoIsEncodedWhenOpened) {
  DemoFolder folder;
  const std::string path = folder.libraryPath();
  ASSERT_NE(path.find(".qttest"), std::string::npos) << "not the user's own demo: " << path;
  auto analyzer = defaultPhotoAnalyzer();
  ASSERT_TRUE(analyzer.ok()) << analyzer.message();
  auto built = buildDemoLibrary(path, *analyzer);  // photos, crops and items, no embeddings
  ASSERT_TRUE(built.ok()) << built.message();

  StudioSettings settings;
  settings.setEncoder("basic");
  LibraryController library;
  TranslationManager translations;
  translations.apply("en");
  MainWindow window{&settings, &library, &translations};
  window.openDemoLibrary();
  ASSERT_NE(library.library(), nullptr);
  auto info = library.library()->info();
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->photos, 30);
  const auto encoded = [&] {
    return library.library()->itemEmbeddings(BasicEncoder::kModelId)->vectors.rows;
  };
  EXPECT_TRUE(QTest::qWaitFor([&] { return !window.busy() && encoded() == info->items; }, 120000))
      << encoded() << " of " << info->items << " items encoded";
}

// The status bar counts a saved outfit as soon as it is saved.
TEST(DemoLibrary, TheStatusBarCountsASavedOutfitAtOnce) {
  DemoFolder folder;
  auto analyzer = defaultPhotoAnalyzer();
  ASSERT_TRUE(analyzer.ok()) << analyzer.message();
  ASSERT_TRUE(buildDemoLibrary(folder.libraryPath(), *analyzer).ok());
  StudioSettings settings;
  settings.setEncoder("basic");
  LibraryController library;
  TranslationManager translations;
  translations.apply("en");
  MainWindow window{&settings, &library, &translations};
  window.openDemoLibrary();
  const auto shown = [&] {
    QStringList texts;
    for (auto* label : window.statusBar()->findChildren<QLabel*>()) texts << label->text();
    return texts.join(" | ");
  };
  ASSERT_TRUE(shown().contains("30 outfits")) << shown().toStdString();
  auto outfits = library.library()->outfits();
  ASSERT_TRUE(outfits.ok() && !outfits->empty());
  Outfit saved = outfits->front();
  saved.id = 0;
  saved.name = "Friday look";
  saved.origin = OutfitOrigin::User;
  ASSERT_EQ(library.addOutfit(saved), QString());
  EXPECT_TRUE(shown().contains("31 outfits")) << shown().toStdString();
  EXPECT_TRUE(QTest::qWaitFor([&] { return !window.busy(); }, 120000));
}

}  // namespace
}  // namespace w2w
