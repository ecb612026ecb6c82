// A curator's journey through the real main window, with the mouse and the
// keyboard only: draw a missing box (up-left, then down-right), fix an edge
// hidden under another box, accept, filter the queue, restart. The crops
// edited on the way are encoded by the time the Embeddings view is opened.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

#include <memory>

#include "crop_canvas.h"
#include "embed/basic_encoder.h"
#include "io/image_encoder.h"
#include "library/library.h"
#include "library_controller.h"
#include "main_window.h"
#include "studio_settings.h"
#include "test_support.h"
#include "translation_manager.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

using test::TempDir;

bool waitFor(const std::function<bool()>& done, int ms = 60000) {
  return QTest::qWaitFor([&] { return done(); }, ms);
}

// Two processed photos (200 x 300): "a" has no shoes box, and in "b" the top
// box reaches down over the bottom box's top edge.
std::string makeLibrary(const TempDir& dir, Id* a, Id* b) {
  const std::string path = dir.path("curator.w2w");
  auto library = Library::create(path);
  EXPECT_TRUE(library.ok());
  const auto add = [&](const char* name, int seed, const std::vector<std::pair<Category, Box>>& boxes) {
    const RgbImage photo = test::makeTestImage(200, 300, seed);
    test::writeImage(dir.path(name), photo);
    const Id id = *(*library)->addPhoto({dir.path(name), std::string("hash-") + name, 1, 200, 300});
    GrayImage mask;
    mask.width = 200;
    mask.height = 300;
    mask.pixels.assign(200 * 300, 255);
    PhotoAnalysis analysis;
    analysis.maskPng = *encodePng(mask);
    for (const auto& [c, box] : boxes)
      analysis.crops.push_back(
          {c, box, c == Category::Top ? 0.4 : 0.8, makeCropImage(renderCrop(photo, &mask, box))});
    EXPECT_TRUE((*library)->storeAnalysis(id, analysis).ok());
    return id;
  };
  *a = add("a.png", 1, {{Category::Top, {40, 30, 120, 100}}, {Category::Bottom, {50, 130, 100, 110}}});
  *b = add("b.png", 2,
           {{Category::Top, {40, 30, 120, 150}},
            {Category::Bottom, {50, 130, 100, 110}},
            {Category::Shoes, {60, 250, 80, 40}}});
  return path;
}

// The studio as main() builds it.
struct Studio {
  StudioSettings* settings;
  TranslationManager translations;
  LibraryController library;
  std::unique_ptr<MainWindow> window;

  Studio(StudioSettings* s, const std::string& path) : settings(s) {
    window = std::make_unique<MainWindow>(settings, &library, &translations);
    EXPECT_TRUE(window->openLibrary(QString::fromStdString(path)));
    window->resize(1280, 820);
    window->show();
    window->activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
  }
  ~Studio() { window->close(); }

  template <typename T>
  T* find(const char* name) {
    T* found = window->findChild<T*>(name);
    EXPECT_TRUE(found) << name;
    return found;
  }
  void clickTab(const QString& text) {
    QTabBar* bar = window->findChild<QTabWidget*>()->tabBar();
    for (int i = 0; i < bar->count(); ++i) {
      if (bar->tabText(i).remove('&') == text)
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(i).center());
    }
  }
  CropCanvas* canvas() { return find<CropCanvas>("cropCanvas"); }
  void key(int key, Qt::KeyboardModifiers modifiers = {}) {
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(),
                    static_cast<Qt::Key>(key), modifiers);
  }
  // A drag between two points of the photo on screen.
  void drag(QPointF from, QPointF to) {
    CropCanvas* c = canvas();
    const QPoint p = c->toWidget(from).toPoint(), q = c->toWidget(to).toPoint();
    QTest::mousePress(c, Qt::LeftButton, {}, p);
    QTest::mouseMove(c, (p + q) / 2);
    QTest::mouseMove(c, q);
    QTest::mouseRelease(c, Qt::LeftButton, {}, q);
  }
  std::optional<Box> box(Id photo, Category c) {
    auto items = library.library()->items(ItemQuery().fromPhoto(photo).inCategory(c));
    return items && !items->empty() ? (*items)[0].box : std::nullopt;
  }
};

TEST(CuratorJourney, DrawFixAcceptFilterAndRestart) {
  TempDir dir;
  Id a = 0, b = 0;
  const std::string path = makeLibrary(dir, &a, &b);
  StudioSettings settings;
  {
    Studio studio(&settings, path);
    studio.clickTab("Crops");
    auto* queue = studio.find<QListWidget>("reviewQueue");
    ASSERT_EQ(queue->count(), 2);
    EXPECT_TRUE(queue->item(0)->text().contains("a.png")) << "the photo missing a garment comes first";
    EXPECT_TRUE(queue->item(0)->text().contains("Shoes"));

    // Shoes: its number key, then a drag up and to the left.
    QTest::mouseClick(studio.canvas(), Qt::LeftButton, {}, QPoint(2, 2));  // the photo takes the keyboard
    studio.key(Qt::Key_1 + categoryIndex(Category::Shoes));
    studio.drag({130, 290}, {70, 255});
    ASSERT_TRUE(studio.box(a, Category::Shoes));
    EXPECT_NEAR(studio.box(a, Category::Shoes)->x, 70, 1);
    EXPECT_NEAR(studio.box(a, Category::Shoes)->width, 60, 2);
    EXPECT_FALSE(queue->item(0)->text().contains("missing")) << "the row's mark follows at once";
    // Wrong after all: delete it, and draw it down and to the right.
    studio.key(Qt::Key_Delete);
    EXPECT_FALSE(studio.box(a, Category::Shoes));
    studio.key(Qt::Key_1 + categoryIndex(Category::Shoes));
    studio.drag({65, 250}, {135, 292});
    ASSERT_TRUE(studio.box(a, Category::Shoes));
    EXPECT_NEAR(studio.box(a, Category::Shoes)->y, 250, 1);
    EXPECT_NEAR(studio.box(a, Category::Shoes)->height, 42, 2);

    // Accept: marked at once, and the next photo is shown.
    studio.key(Qt::Key_A);
    EXPECT_TRUE(queue->item(0)->text().startsWith(QStringLiteral("✓")));
    EXPECT_TRUE(studio.find<QLabel>("reviewCount")->text().startsWith("1 of 2"));

    // In b the top box covers the bottom box's top edge (y = 130): the edge
    // is grabbed, not the box in front.
    studio.drag({100, 130}, {100, 160});
    EXPECT_EQ(studio.box(b, Category::Bottom), (Box{50, 160, 100, 80}));
    EXPECT_EQ(studio.box(b, Category::Top), (Box{40, 30, 120, 150}));
    studio.key(Qt::Key_A);
    EXPECT_TRUE(studio.find<QLabel>("reviewCount")->text().startsWith("0 of 2"));

    // The reviewed photos, behind their filter.
    QTest::mouseClick(studio.find<QToolButton>("filterReviewed"), Qt::LeftButton);
    EXPECT_EQ(queue->count(), 2);
    EXPECT_TRUE(studio.find<QToolButton>("filterReviewed")->text().contains("2"));

    // The edited crops are encoded in the background; the count is true.
    studio.clickTab("Embeddings");
    ASSERT_TRUE(waitFor([&] { return !studio.window->busy(); }));
    const QString count = studio.find<QLabel>("encodedCount")->text();
    EXPECT_TRUE(count.startsWith("6 of 6")) << count.toStdString();
  }
  // A restart: the queue opens where the curator left it.
  Studio again(&settings, path);
  again.clickTab("Crops");
  EXPECT_TRUE(again.find<QToolButton>("filterReviewed")->isChecked());
  auto* queue = again.find<QListWidget>("reviewQueue");
  EXPECT_EQ(queue->count(), 2);
  ASSERT_NE(queue->currentItem(), nullptr);
  EXPECT_TRUE(queue->currentItem()->text().contains("b.png"));
}

}  // namespace
}  // namespace w2w
