// CropCanvas: a photo with one box per garment category, colour-coded, which
// a curator draws, drags and resizes with the mouse or nudges with the keyboard.
//
// Mouse: drag inside a box to move it, drag an edge or corner to resize it.
// Where boxes overlap, the selected box's edges win, then any box's edges,
// then the inside of the selected box, then the smallest box under the
// pointer. While drawing is armed (startDrawing), a drag in any direction
// draws the box of that category. The wheel zooms around the pointer; the
// middle button, or the left button with Space held, pans.
// Keyboard: arrows move the selected box by one pixel (Shift: ten),
// Ctrl+arrows grow or shrink its right and bottom edges; + and - zoom, 0 fits
// the photo; Escape stops drawing. Tab and the window's keys are left alone.
// Every finished change is reported in photo pixels (boxEdited, boxDrawn);
// the canvas keeps no history (the undo stack does).
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

  void setImage(const QImage& image);  // photo pixels; boxes are in its coordinates; fits the photo
  const QImage& image() const { return image_; }
  void setBox(Category category, const std::optional<QRect>& box);
  std::optional<QRect> box(Category category) const { return boxes_[static_cast<std::size_t>(category)]; }
  void clearBoxes();
  // What is shown while nothing is: why there is no photo and where to begin.
  void setEmptyText(const QString& text);

  // A read-only canvas shows, zooms and pans but neither edits nor draws.
  void setEditable(bool editable);
  bool editable() const { return editable_; }

  void setSelected(Category category);
  Category selected() const { return selected_; }
  // The next drag on the photo draws the box of `category` (a new box, or a
  // replacement for its box). Escape or stopDrawing() disarms.
  void startDrawing(Category category);
  void stopDrawing();
  std::optional<Category> drawing() const { return drawing_; }

  // Zoom relative to the whole photo fitting the canvas (1 = fit).
  double zoom() const { return zoom_; }
  void setZoom(double zoom, std::optional<QPointF> anchor = std::nullopt);
  void zoomBy(double factor) { setZoom(zoom_ * factor); }
  void fitPhoto();

  // Widget position <-> photo pixel.
  QPointF toImage(const QPointF& widgetPoint) const;
  QPointF toWidget(const QPointF& imagePoint) const;

  QSize sizeHint() const override { return {520, 720}; }

  static constexpr double kMaxZoom = 16.0;

 Q_SIGNALS:
  // fromKeyboard: an arrow-key nudge (consecutive nudges form one undo step).
  void boxEdited(Category category, const QRect& before, const QRect& after, bool fromKeyboard);
  // A box drawn while drawing was armed (drawing is then disarmed).
  void boxDrawn(Category category, const QRect& box);
  void selectionChanged(Category category);
  void drawingChanged(bool armed);
  void zoomChanged(double zoom);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;

 private:
  // Which parts of a box a drag moves: edges for resizing, all four to move.
  enum Edge { kNone = 0, kLeft = 1, kTop = 2, kRight = 4, kBottom = 8, kAll = 15 };
  struct Hit {
    std::optional<Category> category;
    int edges = kNone;
  };
  Hit hitTest(const QPointF& widgetPoint) const;
  int edgesAt(const QRectF& box, const QPointF& p) const;
  QRectF widgetRect(const QRect& box) const;
  double fitScale() const;
  double scale() const { return fitScale() * zoom_; }
  QPointF offset() const;
  void clampCentre();
  QRect clampToImage(QRect box) const;
  QRect drawnBox(const QPointF& widgetPoint) const;
  void updateCursor(const QPointF& widgetPoint);
  void paintBox(QPainter& painter, Category c, const QRect& box) const;

  QImage image_;
  std::array<std::optional<QRect>, kCategoryCount> boxes_;
  Category selected_ = kCategories.front();
  QString emptyText_;
  bool editable_ = true;
  std::optional<Category> drawing_;  // armed: the next drag draws this category
  bool drawDragging_ = false;
  QPointF drawAnchor_;  // photo pixels
  std::optional<QRect> drawPreview_;
  // The box drag in progress.
  std::optional<Category> dragged_;
  int dragEdges_ = kNone;
  QPointF dragStart_;
  QRect dragOriginal_;
  // View: zoom over the fitted photo and the photo point at the canvas centre.
  double zoom_ = 1.0;
  QPointF centre_;
  bool spaceHeld_ = false;
  bool panning_ = false;
  QPointF panStart_;
  QPointF panCentre_;
};

}  // namespace w2w
