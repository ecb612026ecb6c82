// CropCanvas: a photo with its top, bottom and shoes boxes, colour-coded,
// which a curator drags and resizes with the mouse or nudges with the keyboard.
//
// Mouse: drag inside a box to move it, drag an edge or corner to resize it,
// drag on the photo in "draw" mode to create the box of a missing category.
// Keyboard: Tab picks the next box; arrows move it by one pixel (Shift: ten);
// Ctrl+arrows grow or shrink its right and bottom edges.
// Every finished change is reported as boxEdited(before, after) in photo
// pixels; the canvas itself keeps no history (the undo stack does).
#pragma once

#include <QImage>
#include <QRect>
#include <QWidget>

#include <array>
#include <optional>

#include "common/category.h"

namespace w2w {

class CropCanvas : public QWidget {
  Q_OBJECT

 public:
  explicit CropCanvas(QWidget* parent = nullptr);

  void setImage(const QImage& image);  // photo pixels; boxes are in its coordinates
  const QImage& image() const { return image_; }
  void setBox(Category category, const std::optional<QRect>& box);
  std::optional<QRect> box(Category category) const { return boxes_[static_cast<std::size_t>(category)]; }
  void clearBoxes();

  void setSelected(Category category);
  Category selected() const { return selected_; }
  // The next drag on the photo draws the box of `category` (which has none).
  void startDrawing(Category category);

  // Widget position <-> photo pixel.
  QPointF toImage(const QPointF& widgetPoint) const;
  QPointF toWidget(const QPointF& imagePoint) const;

  QSize sizeHint() const override { return {520, 720}; }

 Q_SIGNALS:
  // fromKeyboard: an arrow-key nudge (consecutive nudges form one undo step).
  void boxEdited(Category category, const QRect& before, const QRect& after, bool fromKeyboard);
  void boxDrawn(Category category, const QRect& box);
  void selectionChanged(Category category);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool focusNextPrevChild(bool) override { return false; }  // Tab picks boxes here

 private:
  // Which parts of a box a drag moves: edges for resizing, all four to move.
  enum Edge { kNone = 0, kLeft = 1, kTop = 2, kRight = 4, kBottom = 8, kAll = 15 };
  struct Hit {
    std::optional<Category> category;
    int edges = kNone;
  };
  Hit hitTest(const QPointF& widgetPoint) const;
  double scale() const;
  QPointF offset() const;
  QRect clampToImage(QRect box) const;
  void updateCursor(const QPointF& widgetPoint);

  QImage image_;
  std::array<std::optional<QRect>, kCategoryCount> boxes_;
  Category selected_ = Category::Top;
  std::optional<Category> drawing_;
  // The drag in progress.
  std::optional<Category> dragged_;
  int dragEdges_ = kNone;
  QPointF dragStart_;
  QRect dragOriginal_;
};

}  // namespace w2w
