// The crop editor: dragging and nudging boxes writes the library, undo restores.
#include <gtest/gtest.h>

#include <QApplication>
#include <QTest>

#include <QUndoStack>
#include <cstdlib>
#include <optional>

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QToolButton>
#include <QWheelEvent>

#include "crop_canvas.h"
#include "crop_legend.h"
#include "crop_review_view.h"
#include "crop_session.h"
#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "library_controller.h"
#include "studio_settings.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

using test::TempDir;

// A library with one processed photo (200 x 300) and its three auto crops.
struct Fixture {
  TempDir dir;
  std::string path = dir.path("w.w2w");
  Id photoId = 0;
  LibraryController controller;
  CropSession session{&controller};

  Fixture() {
    const RgbImage photo = test::makeTestImage(200, 300, 1);
    test::writeImage(dir.path("photo.png"), photo);
    auto library = Library::create(path);
    photoId = *(*library)->addPhoto({dir.path("photo.png"), "h", 1, 200, 300});
    GrayImage mask;
    mask.width = 200;
    mask.height = 300;
    mask.pixels.assign(200 * 300, 255);
    PhotoAnalysis a;
    a.person = Box{20, 10, 160, 280};
    a.maskPng = *encodePng(mask);
    const Box boxes[3] = {{40, 30, 120, 100}, {50, 130, 100, 110}, {60, 250, 80, 40}};
    for (Category c : kSeedSlots) {
      const Box& b = boxes[seedSlot(c)];
      a.crops.push_back({c, b, 0.5, makeCropImage(renderCrop(photo, &mask, b))});
    }
    EXPECT_TRUE((*library)->storeAnalysis(photoId, a).ok());
    library->reset();
    EXPECT_TRUE(controller.openLibrary(QString::fromStdString(path)).isEmpty());
  }

  Item crop(Category c) { return *has(c); }
  std::optional<Item> has(Category c) {
    return session.crops(photoId)[static_cast<std::size_t>(categoryIndex(c))];
  }
};

TEST(CropEditor, DraggingABoxStoresItAndUndoRestoresIt) {
  Fixture f;
  CropReviewView view(&f.session);
  view.resize(900, 700);
  view.show();
  view.showPhoto(f.photoId);
  QApplication::processEvents();
  CropCanvas* canvas = view.canvas();
  const Item before = f.crop(Category::Top);

  // Drag the middle of the top box 20 photo pixels right and 10 down.
  const QPointF centre = canvas->toWidget(QPointF(100, 80));
  const QPointF target = canvas->toWidget(QPointF(120, 90));
  QTest::mousePress(canvas, Qt::LeftButton, {}, centre.toPoint());
  QTest::mouseMove(canvas, ((centre + target) / 2).toPoint());
  QTest::mouseMove(canvas, target.toPoint());
  QTest::mouseRelease(canvas, Qt::LeftButton, {}, target.toPoint());

  const Item moved = f.crop(Category::Top);
  ASSERT_TRUE(moved.box.has_value());
  EXPECT_NEAR(moved.box->x, 60, 1);
  EXPECT_NEAR(moved.box->y, 40, 1);
  EXPECT_EQ(moved.box->width, 120);
  EXPECT_EQ(moved.source, ItemSource::Manual);
  EXPECT_NE(moved.cropHash, before.cropHash) << "the crop image was re-rendered";
  EXPECT_EQ(f.crop(Category::Bottom).box, (Box{50, 130, 100, 110})) << "other boxes untouched";

  f.session.undoStack()->undo();
  const Item restored = f.crop(Category::Top);
  EXPECT_EQ(restored.box, before.box);
  EXPECT_EQ(restored.source, ItemSource::Auto);
  EXPECT_DOUBLE_EQ(restored.confidence, 0.5);
  EXPECT_EQ(restored.cropHash, before.cropHash);
  EXPECT_EQ(canvas->box(Category::Top), QRect(40, 30, 120, 100)) << "the view follows the undo";

  f.session.undoStack()->redo();
  EXPECT_EQ(f.crop(Category::Top).box, moved.box);
}

TEST(CropEditor, DraggingAnEdgeResizes) {
  Fixture f;
  CropReviewView view(&f.session);
  view.resize(900, 700);
  view.show();
  view.showPhoto(f.photoId);
  CropCanvas* canvas = view.canvas();
  // The right edge of the shoes box (x = 140) dragged to x = 170.
  const QPointF edge = canvas->toWidget(QPointF(140, 270));
  const QPointF target = canvas->toWidget(QPointF(170, 270));
  QTest::mousePress(canvas, Qt::LeftButton, {}, edge.toPoint());
  QTest::mouseMove(canvas, target.toPoint());
  QTest::mouseRelease(canvas, Qt::LeftButton, {}, target.toPoint());
  const Item shoes = f.crop(Category::Shoes);
  EXPECT_EQ(shoes.box->x, 60);
  EXPECT_NEAR(shoes.box->width, 110, 2);
  EXPECT_EQ(shoes.box->height, 40);
}

TEST(CropEditor, KeyboardNudgesMergeIntoOneUndoStep) {
  Fixture f;
  CropReviewView view(&f.session);
  view.show();
  view.showPhoto(f.photoId);
  CropCanvas* canvas = view.canvas();
  canvas->setSelected(Category::Bottom);
  QTest::keyClick(canvas, Qt::Key_Right);
  QTest::keyClick(canvas, Qt::Key_Right);
  QTest::keyClick(canvas, Qt::Key_Down, Qt::ShiftModifier);
  EXPECT_EQ(f.crop(Category::Bottom).box, (Box{52, 140, 100, 110}));
  EXPECT_EQ(f.session.undoStack()->count(), 1);
  f.session.undoStack()->undo();
  EXPECT_EQ(f.crop(Category::Bottom).box, (Box{50, 130, 100, 110}));
}

TEST(CropEditor, BoxesStayInsideThePhoto) {
  Fixture f;
  CropReviewView view(&f.session);
  view.show();
  view.showPhoto(f.photoId);
  CropCanvas* canvas = view.canvas();
  canvas->setSelected(Category::Shoes);
  for (int i = 0; i < 10; ++i) QTest::keyClick(canvas, Qt::Key_Down, Qt::ShiftModifier);
  const Item shoes = f.crop(Category::Shoes);
  EXPECT_EQ(shoes.box->y + shoes.box->height, 300);
  EXPECT_EQ(shoes.box->height, 40);
}

TEST(CropEditor, AcceptMarksThePhotoReviewedAndIsUndoable) {
  Fixture f;
  CropReviewView view(&f.session);
  view.show();
  view.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
  view.reloadQueue();
  EXPECT_EQ(view.currentPhoto(), f.photoId) << "the queue opens its first photo";
  QTest::keyClick(view.canvas(), Qt::Key_A);
  EXPECT_EQ((*f.controller.library()->photo(f.photoId))->status, PhotoStatus::Reviewed);
  f.session.undoStack()->undo();
  EXPECT_EQ((*f.controller.library()->photo(f.photoId))->status, PhotoStatus::Processed);
}

// The photo under review is removed from the library: the editor lets it go
// (and its undo steps, which would write to a photo that is gone).
TEST(CropEditor, ARemovedPhotoLeavesTheEditor) {
  Fixture f;
  CropReviewView view(&f.session);
  view.reloadQueue();
  ASSERT_EQ(view.currentPhoto(), f.photoId);
  f.session.setPhotoStatus(f.photoId, PhotoStatus::Flagged);
  ASSERT_TRUE(f.session.undoStack()->canUndo());
  GridEntry photo;
  photo.id = f.photoId;
  ASSERT_EQ(f.controller.removeEntries({photo}), QString());
  view.reloadQueue();
  EXPECT_EQ(view.currentPhoto(), 0);
  EXPECT_FALSE(f.session.undoStack()->canUndo());
}

// The editor shown, active (so its keys work) and on the fixture's photo.
struct Editor {
  CropReviewView view;
  CropCanvas* canvas;

  explicit Editor(Fixture& f, StudioSettings* settings = nullptr) : view(&f.session, settings) {
    view.resize(900, 700);
    view.show();
    view.activateWindow();
    EXPECT_TRUE(QTest::qWaitForWindowActive(&view));
    view.showPhoto(f.photoId);
    canvas = view.canvas();
  }

  // A left-button drag between two photo points.
  void drag(QPointF from, QPointF to) {
    const QPoint a = canvas->toWidget(from).toPoint(), b = canvas->toWidget(to).toPoint();
    QTest::mousePress(canvas, Qt::LeftButton, {}, a);
    QTest::mouseMove(canvas, (a + b) / 2);
    QTest::mouseMove(canvas, b);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, b);
  }
  void key(int key, Qt::KeyboardModifiers modifiers = {}) {
    QTest::keyClick(canvas, static_cast<Qt::Key>(key), modifiers);
  }
};

TEST(CropEditor, TheNumberKeyOfAMissingCategoryDrawsItsBox) {
  Fixture f;
  ASSERT_TRUE(f.controller.library()->removeItem(f.crop(Category::Shoes).id).ok());
  Editor e(f);
  e.key(Qt::Key_1 + categoryIndex(Category::Shoes));
  EXPECT_EQ(e.canvas->selected(), Category::Shoes);
  ASSERT_EQ(e.canvas->drawing(), Category::Shoes) << "a category without a box: the next drag draws it";
  e.drag({70, 255}, {130, 290});
  auto drawn = f.has(Category::Shoes);
  ASSERT_TRUE(drawn.has_value());
  EXPECT_EQ(drawn->source, ItemSource::Manual);
  EXPECT_NEAR(drawn->box->x, 70, 1);
  EXPECT_NEAR(drawn->box->width, 60, 2);
  EXPECT_FALSE(e.canvas->drawing().has_value());
  f.session.undoStack()->undo();
  EXPECT_FALSE(f.has(Category::Shoes));
}

// Dragging up and to the left gives the same box as down and to the right.
TEST(CropEditor, DrawingUpAndLeftGivesTheSameBox) {
  Fixture f;
  ASSERT_TRUE(f.controller.library()->removeItem(f.crop(Category::Shoes).id).ok());
  Editor e(f);
  e.key(Qt::Key_1 + categoryIndex(Category::Shoes));
  e.drag({130, 290}, {70, 255});
  const Item shoes = f.crop(Category::Shoes);
  EXPECT_NEAR(shoes.box->x, 70, 1);
  EXPECT_NEAR(shoes.box->y, 255, 1);
  EXPECT_NEAR(shoes.box->width, 60, 2);
  EXPECT_NEAR(shoes.box->height, 35, 2);
}

TEST(CropEditor, ClickingTheLegendChoosesTheCategoryToDraw) {
  Fixture f;
  ASSERT_TRUE(f.controller.library()->removeItem(f.crop(Category::Shoes).id).ok());
  Editor e(f);
  auto* legend = e.view.findChild<CropLegend*>("cropLegend");
  ASSERT_TRUE(legend);
  EXPECT_EQ(legend->state(Category::Shoes), CropLegend::State::Missing);
  QTest::mouseClick(legend->button(Category::Shoes), Qt::LeftButton);
  EXPECT_EQ(e.canvas->drawing(), Category::Shoes);
  e.drag({60, 250}, {140, 290});
  EXPECT_TRUE(f.has(Category::Shoes));
  EXPECT_EQ(legend->state(Category::Shoes), CropLegend::State::Boxed);
}

// Where boxes overlap, an edge under the pointer is resized rather than the
// box drawn over it moved; where two edges coincide, the selected box's wins.
// Boxes equal to within a pixel on each side: a drag lands on whole screen
// pixels, which map back to the photo's pixels at the canvas's scale.
::testing::AssertionResult withinAPixel(const std::optional<Box>& found, const Box& b) {
  if (!found) return ::testing::AssertionFailure() << "no box";
  const Box& a = *found;
  const bool near = std::abs(a.x - b.x) <= 1 && std::abs(a.y - b.y) <= 1 &&
                    std::abs(a.x + a.width - b.x - b.width) <= 1 &&
                    std::abs(a.y + a.height - b.y - b.height) <= 1;
  if (near) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "box " << a.x << "," << a.y << " " << a.width << "x" << a.height << " is not within a pixel of "
         << b.x << "," << b.y << " " << b.width << "x" << b.height;
}

TEST(CropEditor, EdgesWinOverTheBoxDrawnOverThem) {
  Fixture f;
  Editor e(f);
  // The top box now reaches down over the bottom box's top edge (y = 130).
  f.session.moveBox(f.photoId, Category::Top, QRect(40, 30, 120, 150), false);
  e.key(Qt::Key_1 + categoryIndex(Category::Shoes));  // neither of the two is selected
  e.drag({100, 130}, {100, 150});
  EXPECT_TRUE(withinAPixel(f.crop(Category::Bottom).box, Box{50, 150, 100, 90}));
  EXPECT_TRUE(withinAPixel(f.crop(Category::Top).box, Box{40, 30, 120, 150}))
      << "the box in front did not move";

  // Coinciding edges: the top's bottom and the bottom's top, both at y = 150.
  f.session.moveBox(f.photoId, Category::Top, QRect(40, 30, 120, 120), false);
  e.key(Qt::Key_1 + categoryIndex(Category::Bottom));
  e.drag({100, 150}, {100, 160});
  EXPECT_TRUE(withinAPixel(f.crop(Category::Bottom).box, Box{50, 160, 100, 80}));
  EXPECT_TRUE(withinAPixel(f.crop(Category::Top).box, Box{40, 30, 120, 120}));
  f.session.moveBox(f.photoId, Category::Bottom, QRect(50, 150, 100, 90), false);
  e.key(Qt::Key_1 + categoryIndex(Category::Top));
  e.drag({100, 150}, {100, 140});
  EXPECT_TRUE(withinAPixel(f.crop(Category::Top).box, Box{40, 30, 120, 110}));
  EXPECT_TRUE(withinAPixel(f.crop(Category::Bottom).box, Box{50, 150, 100, 90}));
}

TEST(CropEditor, DeletingABoxIsUndoable) {
  Fixture f;
  Editor e(f);
  const Item before = f.crop(Category::Shoes);
  e.key(Qt::Key_1 + categoryIndex(Category::Shoes));
  e.key(Qt::Key_Delete);
  EXPECT_FALSE(f.has(Category::Shoes));
  auto entry = f.controller.library()->reviewEntry(f.photoId);
  ASSERT_TRUE(entry.ok() && entry->has_value());
  EXPECT_EQ((*entry)->missing, std::vector<Category>{Category::Shoes});
  f.session.undoStack()->undo();
  const Item back = f.crop(Category::Shoes);
  EXPECT_EQ(back.box, before.box);
  EXPECT_EQ(back.source, ItemSource::Auto) << "the automatic crop comes back as it was";
  EXPECT_DOUBLE_EQ(back.confidence, 0.5);
  EXPECT_EQ(back.cropHash, before.cropHash);
}

// "Not visible": the crop goes, the garment is no longer missing, and the
// pipeline run again on the photo does not propose it.
TEST(CropEditor, AGarmentMarkedNotVisibleIsNeitherMissingNorProposedAgain) {
  Fixture f;
  Editor e(f);
  const Item before = f.crop(Category::Shoes);
  e.key(Qt::Key_1 + categoryIndex(Category::Shoes));
  e.key(Qt::Key_V);
  Library* library = f.controller.library();
  EXPECT_FALSE(f.has(Category::Shoes));
  EXPECT_EQ(*library->notVisibleGarments(f.photoId), std::vector<Category>{Category::Shoes});
  EXPECT_TRUE((*library->reviewEntry(f.photoId))->missing.empty());
  auto legend = e.view.findChild<CropLegend*>("cropLegend");
  EXPECT_EQ(legend->state(Category::Shoes), CropLegend::State::NotVisible);

  // Crop again: the pipeline proposes shoes; they are not stored.
  PhotoAnalysis again;
  again.crops.push_back(
      {Category::Shoes, Box{60, 250, 80, 40}, 0.9,
       makeCropImage(renderCrop(test::makeTestImage(200, 300, 1), nullptr, {60, 250, 80, 40}))});
  ASSERT_TRUE(library->storeAnalysis(f.photoId, again).ok());
  EXPECT_FALSE(f.has(Category::Shoes));

  f.session.undoStack()->undo();
  EXPECT_TRUE(library->notVisibleGarments(f.photoId)->empty());
  EXPECT_EQ(f.crop(Category::Shoes).box, before.box);
}

TEST(CropEditor, WheelZoomsAroundThePointerAndMiddleDragPans) {
  Fixture f;
  Editor e(f);
  const QPointF pointer = e.canvas->toWidget(QPointF(100, 150));
  QWheelEvent wheel(pointer, e.canvas->mapToGlobal(pointer), QPoint(), QPoint(0, 240), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(e.canvas, &wheel);
  EXPECT_GT(e.canvas->zoom(), 1.3);
  const QPointF under = e.canvas->toImage(pointer);
  EXPECT_NEAR(under.x(), 100, 1) << "the photo point under the pointer stays there";
  EXPECT_NEAR(under.y(), 150, 1);

  // Downwards: the photo is taller than the canvas at this zoom (across, it
  // still fits and stays centred).
  const QPoint from = pointer.toPoint(), to = from + QPoint(0, 80);
  QTest::mousePress(e.canvas, Qt::MiddleButton, {}, from);
  QTest::mouseMove(e.canvas, to);
  QTest::mouseRelease(e.canvas, Qt::MiddleButton, {}, to);
  EXPECT_LT(e.canvas->toImage(pointer).y(), 150 - 10) << "panned down: the photo moved with the pointer";
  EXPECT_EQ(f.crop(Category::Top).box, (Box{40, 30, 120, 100})) << "panning moves no box";

  e.key(Qt::Key_0);
  EXPECT_DOUBLE_EQ(e.canvas->zoom(), 1.0);
  e.key(Qt::Key_Plus);
  EXPECT_GT(e.canvas->zoom(), 1.0);
}

// A read-only library: the photo can be looked at closely, not changed.
TEST(CropEditor, AReadOnlyEditorZoomsButNeitherMovesNorDraws) {
  Fixture f;
  Editor e(f);
  e.view.setEditable(false);
  e.drag({100, 80}, {130, 110});
  EXPECT_EQ(f.crop(Category::Top).box, (Box{40, 30, 120, 100})) << "the drag moved nothing";
  e.key(Qt::Key_Right);
  EXPECT_EQ(f.crop(Category::Top).box, (Box{40, 30, 120, 100})) << "nor does a nudge";
  e.key(Qt::Key_D);
  EXPECT_FALSE(e.canvas->drawing().has_value());
  e.key(Qt::Key_Plus);
  EXPECT_GT(e.canvas->zoom(), 1.0) << "zoom still works";
  e.key(Qt::Key_0);
  e.view.setEditable(true);
  e.drag({100, 80}, {130, 110});
  EXPECT_EQ(f.crop(Category::Top).box, (Box{70, 60, 120, 100})) << "editable again";
}

// The photo leaves Tab to the focus chain: keyboard users can get out of it.
TEST(CropEditor, TabLeavesThePhoto) {
  Fixture f;
  Editor e(f);
  e.canvas->setFocus();
  ASSERT_TRUE(e.canvas->hasFocus());
  e.key(Qt::Key_Tab);
  EXPECT_FALSE(e.canvas->hasFocus());
}

// A mask that keeps the whole photo (white everywhere).
GrayImage wholeMask(int width, int height) {
  GrayImage mask;
  mask.width = width;
  mask.height = height;
  mask.pixels.assign(static_cast<std::size_t>(width) * height, 255);
  return mask;
}

// Stores a new person mask for the fixture's photo; the crops stay as they are.
void storeMask(Fixture& f, const GrayImage& mask) {
  PhotoAnalysis a;
  a.maskPng = *encodePng(mask);
  ASSERT_TRUE(f.controller.library()->storeAnalysis(f.photoId, a).ok());
}

// The core cuts edited crops, with its checks: a stored mask that does not
// match the photo is refused with a clear message instead of a wrong crop.
TEST(CropEditor, EditedCropsAreCutByTheCoreWithItsChecks) {
  Fixture f;
  storeMask(f, wholeMask(100, 100));
  QSignalSpy errors(&f.session, &CropSession::errorOccurred);
  const Item before = f.crop(Category::Top);
  f.session.moveBox(f.photoId, Category::Top, QRect(50, 30, 120, 100), false);
  ASSERT_EQ(errors.count(), 1);
  EXPECT_TRUE(errors.at(0).at(0).toString().contains("mask does not match"))
      << errors.at(0).at(0).toString().toStdString();
  EXPECT_EQ(f.crop(Category::Top).box, before.box) << "nothing stored";
}

// A bag's box keeps every pixel: the person mask has gaps where a bag is held
// away from the body, and a curator's box around it must not cut holes in it.
// A top's box is still cut with the mask.
TEST(CropEditor, ABagBoxKeepsThePixelsTheMaskMisses) {
  Fixture f;
  GrayImage holed = wholeMask(200, 300);
  for (int y = 60; y < 100; ++y)
    for (int x = 70; x < 130; ++x) holed.pixels[static_cast<std::size_t>(y * 200 + x)] = 0;
  storeMask(f, holed);
  const QRect aroundTheHole(60, 50, 80, 60);
  f.session.addBox(f.photoId, Category::Bag, aroundTheHole);
  f.session.moveBox(f.photoId, Category::Top, aroundTheHole, false);
  const auto whiteShare = [&](Category c) {
    auto crop = f.controller.library()->cropImage(f.crop(c).id);
    EXPECT_TRUE(crop.ok());
    auto image = decodeImageBytes(crop->png, "crop.png");
    EXPECT_TRUE(image.ok());
    long long white = 0, inside = 0;
    // The crop is the box padded to a square with white: look at its middle.
    const RgbImage& rgb = image->image;
    for (int y = rgb.height / 3; y < 2 * rgb.height / 3; ++y)
      for (int x = rgb.width / 3; x < 2 * rgb.width / 3; ++x) {
        const std::uint8_t* px = &rgb.pixels[static_cast<std::size_t>((y * rgb.width + x) * 3)];
        white += px[0] == 255 && px[1] == 255 && px[2] == 255;
        ++inside;
      }
    return static_cast<double>(white) / static_cast<double>(inside);
  };
  EXPECT_LT(whiteShare(Category::Bag), 0.05) << "the bag keeps the photo's pixels";
  EXPECT_GT(whiteShare(Category::Top), 0.5) << "the top is still cut with the mask";
}

TEST(CropEditor, DrawingAMissingBoxAddsAManualCrop) {
  Fixture f;
  const Item shoes = f.crop(Category::Shoes);
  ASSERT_TRUE(f.controller.library()->removeItem(shoes.id).ok());
  Editor e(f);
  e.canvas->setSelected(Category::Shoes);
  e.key(Qt::Key_D);
  e.drag({70, 255}, {130, 290});
  auto drawn = f.has(Category::Shoes);
  ASSERT_TRUE(drawn.has_value());
  EXPECT_EQ(drawn->source, ItemSource::Manual);
  EXPECT_NEAR(drawn->box->x, 70, 1);
  EXPECT_NEAR(drawn->box->width, 60, 2);
  f.session.undoStack()->undo();
  EXPECT_FALSE(f.has(Category::Shoes).has_value());
}

// The queue: filters with counts, marks that change at once, and the filter
// and photo remembered for the next start.
TEST(CropReviewQueue, FiltersCountsMarksAndRestart) {
  Fixture f;
  StudioSettings settings;
  {
    Editor e(f, &settings);
    e.view.reloadQueue();
    auto* queue = e.view.findChild<QListWidget*>("reviewQueue");
    auto* count = e.view.findChild<QLabel*>("reviewCount");
    ASSERT_EQ(queue->count(), 1);
    EXPECT_TRUE(queue->item(0)->text().startsWith(QStringLiteral("•")));
    EXPECT_TRUE(count->text().startsWith("1 of 1")) << count->text().toStdString();
    e.key(Qt::Key_A);
    EXPECT_TRUE(queue->item(0)->text().startsWith(QStringLiteral("✓"))) << "marked at once, still listed";
    EXPECT_TRUE(count->text().startsWith("0 of 1")) << count->text().toStdString();
    auto* reviewed = e.view.findChild<QToolButton*>("filterReviewed");
    EXPECT_TRUE(reviewed->text().contains("1"));
    QTest::mouseClick(reviewed, Qt::LeftButton);
    EXPECT_EQ(e.view.filter(), PhotoStatus::Reviewed);
    ASSERT_EQ(queue->count(), 1);
    EXPECT_EQ(e.view.currentPhoto(), f.photoId);
  }
  // A new view (a restart): the same filter and photo.
  CropReviewView again(&f.session, &settings);
  again.reloadQueue();
  EXPECT_EQ(again.filter(), PhotoStatus::Reviewed);
  EXPECT_EQ(again.currentPhoto(), f.photoId);
}

}  // namespace
}  // namespace w2w
