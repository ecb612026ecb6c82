// The crop editor: dragging and nudging boxes writes the library, undo restores.
#include <gtest/gtest.h>

#include <QApplication>
#include <QTest>
#include <QUndoStack>

#include "crop_canvas.h"
#include "crop_review_view.h"
#include "crop_session.h"
#include "io/image_encoder.h"
#include "library_controller.h"
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

  Item crop(Category c) { return *session.crops(photoId)[static_cast<std::size_t>(seedSlot(c))]; }
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
  QTest::keyClick(canvas, Qt::Key_Tab);
  EXPECT_EQ(canvas->selected(), Category::Shoes);
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

TEST(CropEditor, DrawingAMissingBoxAddsAManualCrop) {
  Fixture f;
  const Item shoes = f.crop(Category::Shoes);
  ASSERT_TRUE(f.controller.library()->removeItem(shoes.id).ok());
  CropReviewView view(&f.session);
  view.resize(900, 700);
  view.show();
  view.activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(&view));
  view.showPhoto(f.photoId);
  CropCanvas* canvas = view.canvas();
  canvas->setSelected(Category::Shoes);
  QTest::keyClick(canvas, Qt::Key_D);
  const QPointF from = canvas->toWidget(QPointF(70, 255));
  const QPointF to = canvas->toWidget(QPointF(130, 290));
  QTest::mousePress(canvas, Qt::LeftButton, {}, from.toPoint());
  QTest::mouseMove(canvas, to.toPoint());
  QTest::mouseRelease(canvas, Qt::LeftButton, {}, to.toPoint());
  auto drawn = f.session.crops(f.photoId)[2];
  ASSERT_TRUE(drawn.has_value());
  EXPECT_EQ(drawn->source, ItemSource::Manual);
  EXPECT_NEAR(drawn->box->x, 70, 1);
  EXPECT_NEAR(drawn->box->width, 60, 2);
  f.session.undoStack()->undo();
  EXPECT_FALSE(f.session.crops(f.photoId)[2].has_value());
}

}  // namespace
}  // namespace w2w
