// The demo library is there to be tried at once: a demo left without
// embeddings (built by an earlier version, or before a change of encoder) is
// encoded in the background when the studio opens it.
#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
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

}  // namespace
}  // namespace w2w
