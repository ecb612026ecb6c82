// The studio fits a 1024x768 screen: no view asks for a wider window, in
// English or Korean, with the demo library's photos, items and outfits in it
// (each view's minimum counts, since the tabs share the window).
#include <gtest/gtest.h>

#include <QTabWidget>
#include <QTest>

#include "embed/basic_encoder.h"
#include "library/library.h"
#include "library_controller.h"
#include "main_window.h"
#include "pipeline/default_analyzer.h"
#include "pipeline/demo_library.h"
#include "pipeline/library_encoding.h"
#include "studio_settings.h"
#include "test_support.h"
#include "translation_manager.h"

namespace w2w {
namespace {

class SmallScreen : public ::testing::TestWithParam<const char*> {};

TEST_P(SmallScreen, EveryViewFitsA1024PixelScreen) {
  test::TempDir dir;
  const std::string path = dir.path("demo.w2w");
  auto analyzer = defaultPhotoAnalyzer();
  ASSERT_TRUE(analyzer.ok()) << analyzer.message();
  ASSERT_TRUE(buildDemoLibrary(path, *analyzer).ok());
  {  // encoded, with an outfit saved, as after a first session
    auto demo = Library::open(path);
    ASSERT_TRUE(demo.ok()) << demo.message();
    BasicEncoder encoder;
    ASSERT_TRUE(encodeLibrary(**demo, encoder).ok());
    auto outfits = (*demo)->outfits();
    ASSERT_TRUE(outfits.ok() && !outfits->empty());
    Outfit saved = outfits->front();
    saved.id = 0;
    saved.name = "Friday look";
    saved.origin = OutfitOrigin::User;
    ASSERT_TRUE((*demo)->addOutfit(saved).ok());
  }
  StudioSettings settings;
  settings.setEncoder("basic");
  LibraryController library;
  TranslationManager translations;
  translations.apply(GetParam());
  MainWindow window{&settings, &library, &translations};
  QString error;
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(path), &error)) << error.toStdString();
  window.show();
  // Room for the window's frame and a desktop's side panel or dock.
  constexpr int kWidest = 960, kTallest = 700;
  auto* tabs = window.findChild<QTabWidget*>();
  ASSERT_NE(tabs, nullptr);
  for (int i = 0; i < tabs->count(); ++i) {  // each view filled as a person sees it
    tabs->setCurrentIndex(i);
    QTest::qWait(200);
  }
  ASSERT_TRUE(QTest::qWaitFor([&] { return !window.busy(); }, 60000));
  for (int i = 0; i < tabs->count(); ++i) {
    EXPECT_LE(tabs->widget(i)->minimumSizeHint().width(), kWidest) << tabs->tabText(i).toStdString();
    EXPECT_LE(tabs->widget(i)->minimumSizeHint().height(), kTallest) << tabs->tabText(i).toStdString();
  }
  EXPECT_LE(window.minimumSizeHint().width(), kWidest);
  EXPECT_LE(window.minimumSizeHint().height(), kTallest);
}

INSTANTIATE_TEST_SUITE_P(Languages, SmallScreen, ::testing::Values("en", "ko"));

}  // namespace
}  // namespace w2w
