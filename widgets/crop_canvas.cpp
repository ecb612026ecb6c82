#include "crop_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "category_style.h"

namespace w2w {
namespace {

constexpr double kGrab = 7.0;  // how close (in screen pixels) to an edge a press grabs it
constexpr int kMinSide = 8;    // smallest box, in photo pixels
constexpr double kKeyZoomStep = 1.25;

double area(const QRect& r) { return static_cast<double>(r.width()) * r.height(); }

}  // namespace

CropCanvas::CropCanvas(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setMinimumSize(200, 240);
  setAccessibleName(tr("Crop boxes"));
}

void CropCanvas::setImage(const QImage& image) {
  const bool newSize = image.size() != image_.size();
  image_ = image;
  // The same photo in another rendering (white background) keeps the view.
  if (newSize) fitPhoto();
  update();
}

void CropCanvas::setBox(Category category, const std::optional<QRect>& box) {
  boxes_[static_cast<std::size_t>(categoryIndex(category))] = box;
  update();
}

void CropCanvas::clearBoxes() {
  boxes_ = {};
  stopDrawing();
  update();
}

void CropCanvas::setEmptyText(const QString& text) {
  emptyText_ = text;
  update();
}

void CropCanvas::setSelected(Category category) {
  if (selected_ == category) return;
  selected_ = category;
  Q_EMIT selectionChanged(category);
  update();
}

void CropCanvas::setEditable(bool editable) {
  editable_ = editable;
  if (!editable_) stopDrawing();
}

void CropCanvas::startDrawing(Category category) {
  setSelected(category);
  if (!editable_) return;
  if (drawing_ == category) return;
  drawing_ = category;
  drawDragging_ = false;
  drawPreview_.reset();
  setCursor(Qt::CrossCursor);
  update();
  Q_EMIT drawingChanged(true);
}

void CropCanvas::stopDrawing() {
  if (!drawing_) return;
  drawing_.reset();
  drawDragging_ = false;
  drawPreview_.reset();
  unsetCursor();
  update();
  Q_EMIT drawingChanged(false);
}

// --- view transform

double CropCanvas::fitScale() const {
  if (image_.isNull()) return 1.0;
  return std::min(static_cast<double>(width()) / image_.width(),
                  static_cast<double>(height()) / image_.height());
}

QPointF CropCanvas::offset() const { return QPointF(width() / 2.0, height() / 2.0) - centre_ * scale(); }

QPointF CropCanvas::toImage(const QPointF& p) const { return (p - offset()) / scale(); }
QPointF CropCanvas::toWidget(const QPointF& p) const { return p * scale() + offset(); }

QRectF CropCanvas::widgetRect(const QRect& box) const {
  return QRectF(toWidget(box.topLeft()), toWidget(QPointF(box.x() + box.width(), box.y() + box.height())));
}

// Keeps the photo on screen: centred along an axis it fits in, else with no
// empty margin beyond its edges.
void CropCanvas::clampCentre() {
  if (image_.isNull()) return;
  const double s = scale();
  const auto clampAxis = [s](double centre, double imageSide, double widgetSide) {
    if (imageSide * s <= widgetSide) return imageSide / 2.0;
    const double half = widgetSide / 2.0 / s;
    return std::clamp(centre, half, imageSide - half);
  };
  centre_ = {clampAxis(centre_.x(), image_.width(), width()),
             clampAxis(centre_.y(), image_.height(), height())};
}

void CropCanvas::setZoom(double zoom, std::optional<QPointF> anchor) {
  zoom = std::clamp(zoom, 1.0, kMaxZoom);
  if (image_.isNull()) return;
  // The photo point under the anchor (the pointer; else the centre) stays put.
  const QPointF at = anchor.value_or(QPointF(width() / 2.0, height() / 2.0));
  const QPointF fixed = toImage(at);
  const double before = zoom_;
  zoom_ = zoom;
  centre_ = fixed - (at - QPointF(width() / 2.0, height() / 2.0)) / scale();
  clampCentre();
  update();
  if (zoom_ != before) Q_EMIT zoomChanged(zoom_);
}

void CropCanvas::fitPhoto() {
  const double before = zoom_;
  zoom_ = 1.0;
  centre_ = QPointF(image_.width() / 2.0, image_.height() / 2.0);
  update();
  if (before != zoom_) Q_EMIT zoomChanged(zoom_);
}

void CropCanvas::resizeEvent(QResizeEvent* event) {
  clampCentre();
  QWidget::resizeEvent(event);
}

// --- hit testing

QRect CropCanvas::clampToImage(QRect box) const {
  box = box.normalized();
  const QRect bounds(0, 0, image_.width(), image_.height());
  if (box.width() < kMinSide) box.setWidth(kMinSide);
  if (box.height() < kMinSide) box.setHeight(kMinSide);
  // Keep the size while moving against a border; shrink only if larger than the photo.
  box.setWidth(std::min(box.width(), bounds.width()));
  box.setHeight(std::min(box.height(), bounds.height()));
  box.moveLeft(std::clamp(box.left(), 0, bounds.width() - box.width()));
  box.moveTop(std::clamp(box.top(), 0, bounds.height() - box.height()));
  return box;
}

int CropCanvas::edgesAt(const QRectF& r, const QPointF& p) const {
  if (!r.adjusted(-kGrab, -kGrab, kGrab, kGrab).contains(p)) return kNone;
  int edges = kNone;
  if (std::abs(p.x() - r.left()) <= kGrab) edges |= kLeft;
  if (std::abs(p.x() - r.right()) <= kGrab) edges |= kRight;
  if (std::abs(p.y() - r.top()) <= kGrab) edges |= kTop;
  if (std::abs(p.y() - r.bottom()) <= kGrab) edges |= kBottom;
  // A box thinner than two grab widths: the nearer edge.
  if ((edges & kLeft) && (edges & kRight))
    edges &= std::abs(p.x() - r.left()) <= std::abs(p.x() - r.right()) ? ~kRight : ~kLeft;
  if ((edges & kTop) && (edges & kBottom))
    edges &= std::abs(p.y() - r.top()) <= std::abs(p.y() - r.bottom()) ? ~kBottom : ~kTop;
  return edges;
}

CropCanvas::Hit CropCanvas::hitTest(const QPointF& p) const {
  // Resizing is the precise part of curation, so an edge under the pointer
  // beats the inside of a box drawn over it; the selected box goes first at
  // every level, so once chosen it can always be grabbed.
  std::optional<Category> edgeHit, insideHit;
  int edgeBits = kNone;
  double insideArea = 0;
  for (Category c : kCategories) {
    const auto& box = boxes_[static_cast<std::size_t>(categoryIndex(c))];
    if (!box) continue;
    const QRectF r = widgetRect(*box);
    const bool selected = c == selected_;
    if (const int edges = edgesAt(r, p); edges != kNone) {
      if (selected) return {c, edges};
      if (!edgeHit) {
        edgeHit = c;
        edgeBits = edges;
      }
    } else if (r.contains(p) &&
               (!insideHit || selected || (insideHit != selected_ && area(*box) < insideArea))) {
      insideHit = c;
      insideArea = area(*box);
    }
  }
  if (edgeHit) return {edgeHit, edgeBits};
  if (insideHit) return {insideHit, kAll};
  return {};
}

void CropCanvas::updateCursor(const QPointF& p) {
  if (panning_) {
    setCursor(Qt::ClosedHandCursor);
    return;
  }
  if (spaceHeld_) {
    setCursor(Qt::OpenHandCursor);
    return;
  }
  if (drawing_) {
    setCursor(Qt::CrossCursor);
    return;
  }
  const Hit hit = editable_ ? hitTest(p) : Hit{};
  if (!hit.category)
    unsetCursor();
  else if (hit.edges == kAll)
    setCursor(Qt::SizeAllCursor);
  else if (hit.edges == (kLeft | kTop) || hit.edges == (kRight | kBottom))
    setCursor(Qt::SizeFDiagCursor);
  else if (hit.edges == (kRight | kTop) || hit.edges == (kLeft | kBottom))
    setCursor(Qt::SizeBDiagCursor);
  else if (hit.edges & (kLeft | kRight))
    setCursor(Qt::SizeHorCursor);
  else
    setCursor(Qt::SizeVerCursor);
}

// --- mouse

QRect CropCanvas::drawnBox(const QPointF& widgetPoint) const {
  const QPointF to = toImage(widgetPoint);
  const auto clampX = [this](double x) { return std::clamp(x, 0.0, static_cast<double>(image_.width())); };
  const auto clampY = [this](double y) { return std::clamp(y, 0.0, static_cast<double>(image_.height())); };
  // Any direction: the anchor may end up at any corner.
  const int left = static_cast<int>(std::lround(clampX(std::min(drawAnchor_.x(), to.x()))));
  const int right = static_cast<int>(std::lround(clampX(std::max(drawAnchor_.x(), to.x()))));
  const int top = static_cast<int>(std::lround(clampY(std::min(drawAnchor_.y(), to.y()))));
  const int bottom = static_cast<int>(std::lround(clampY(std::max(drawAnchor_.y(), to.y()))));
  return QRect(left, top, right - left, bottom - top);
}

void CropCanvas::mousePressEvent(QMouseEvent* event) {
  if (image_.isNull()) return;
  const QPointF p = event->position();
  if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && spaceHeld_)) {
    panning_ = true;
    panStart_ = p;
    panCentre_ = centre_;
    updateCursor(p);
    return;
  }
  if (event->button() != Qt::LeftButton) return;
  if (drawing_) {
    drawDragging_ = true;
    const QPointF at = toImage(p);
    drawAnchor_ = {std::clamp(at.x(), 0.0, static_cast<double>(image_.width())),
                   std::clamp(at.y(), 0.0, static_cast<double>(image_.height()))};
    drawPreview_ = drawnBox(p);
    update();
    return;
  }
  const Hit hit = hitTest(p);
  if (!hit.category) return;
  setSelected(*hit.category);
  if (!editable_) return;
  dragged_ = hit.category;
  dragEdges_ = hit.edges;
  dragStart_ = p;
  dragOriginal_ = *boxes_[static_cast<std::size_t>(categoryIndex(*hit.category))];
}

void CropCanvas::mouseMoveEvent(QMouseEvent* event) {
  const QPointF p = event->position();
  if (panning_) {
    centre_ = panCentre_ - (p - panStart_) / scale();
    clampCentre();
    update();
    return;
  }
  if (drawDragging_) {
    drawPreview_ = drawnBox(p);
    update();
    return;
  }
  if (!dragged_) {
    updateCursor(p);
    return;
  }
  const QPointF delta = (p - dragStart_) / scale();
  const int dx = static_cast<int>(std::lround(delta.x()));
  const int dy = static_cast<int>(std::lround(delta.y()));
  QRect r = dragOriginal_;
  if (dragEdges_ == kAll) {
    r.translate(dx, dy);
  } else {
    if (dragEdges_ & kLeft) r.setLeft(std::min(r.left() + dx, r.right() - kMinSide + 1));
    if (dragEdges_ & kRight) r.setRight(std::max(r.right() + dx, r.left() + kMinSide - 1));
    if (dragEdges_ & kTop) r.setTop(std::min(r.top() + dy, r.bottom() - kMinSide + 1));
    if (dragEdges_ & kBottom) r.setBottom(std::max(r.bottom() + dy, r.top() + kMinSide - 1));
  }
  boxes_[static_cast<std::size_t>(categoryIndex(*dragged_))] = clampToImage(r);
  update();
}

void CropCanvas::mouseReleaseEvent(QMouseEvent* event) {
  const QPointF p = event->position();
  if (panning_ && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
    panning_ = false;
    updateCursor(p);
    return;
  }
  if (event->button() != Qt::LeftButton) return;
  if (drawDragging_) {
    const QRect box = drawnBox(p);
    drawDragging_ = false;
    drawPreview_.reset();
    // A click (or a sliver) draws nothing; drawing stays armed.
    if (box.width() < kMinSide || box.height() < kMinSide || !drawing_) {
      update();
      return;
    }
    const Category category = *drawing_;
    stopDrawing();
    Q_EMIT boxDrawn(category, box);
    return;
  }
  if (!dragged_) return;
  const Category category = *dragged_;
  const QRect after = *boxes_[static_cast<std::size_t>(categoryIndex(category))];
  dragged_.reset();
  if (after != dragOriginal_) Q_EMIT boxEdited(category, dragOriginal_, after, false);
}

void CropCanvas::wheelEvent(QWheelEvent* event) {
  const int delta = event->angleDelta().y();
  if (delta == 0 || image_.isNull()) {
    event->ignore();
    return;
  }
  // One notch (120) zooms by about 20%, touchpads in proportion.
  setZoom(zoom_ * std::pow(1.2, delta / 120.0), event->position());
  event->accept();
}

// --- keyboard

void CropCanvas::keyPressEvent(QKeyEvent* event) {
  switch (event->key()) {
    case Qt::Key_Escape:
      if (!drawing_) break;
      stopDrawing();
      return;
    case Qt::Key_Space:
      if (!event->isAutoRepeat()) {
        spaceHeld_ = true;
        updateCursor(mapFromGlobal(QCursor::pos()));
      }
      return;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(kKeyZoomStep); return;
    case Qt::Key_Minus: zoomBy(1.0 / kKeyZoomStep); return;
    case Qt::Key_0: fitPhoto(); return;
    default: break;
  }
  int dx = 0, dy = 0;
  switch (event->key()) {
    case Qt::Key_Left: dx = -1; break;
    case Qt::Key_Right: dx = 1; break;
    case Qt::Key_Up: dy = -1; break;
    case Qt::Key_Down: dy = 1; break;
    default: QWidget::keyPressEvent(event); return;  // not ours: the view and the window see it
  }
  auto& box = boxes_[static_cast<std::size_t>(categoryIndex(selected_))];
  if (!box || !editable_) return;
  const int step = event->modifiers() & Qt::ShiftModifier ? 10 : 1;
  QRect r = *box;
  if (event->modifiers() & Qt::ControlModifier) {
    r.setRight(std::max(r.right() + dx * step, r.left() + kMinSide - 1));
    r.setBottom(std::max(r.bottom() + dy * step, r.top() + kMinSide - 1));
  } else {
    r.translate(dx * step, dy * step);
  }
  r = clampToImage(r);
  if (r == *box) return;
  const QRect before = *box;
  box = r;
  update();
  Q_EMIT boxEdited(selected_, before, r, true);
}

void CropCanvas::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    spaceHeld_ = false;
    updateCursor(mapFromGlobal(QCursor::pos()));
    return;
  }
  QWidget::keyReleaseEvent(event);
}

void CropCanvas::focusOutEvent(QFocusEvent* event) {
  spaceHeld_ = false;  // the release may go to another widget
  QWidget::focusOutEvent(event);
}

// --- painting

void CropCanvas::paintBox(QPainter& painter, Category c, const QRect& box) const {
  const QRectF r = widgetRect(box);
  const bool selected = c == selected_;
  const QColor solid = categoryColor(c);
  QColor fill = solid;
  painter.setPen(QPen(solid, selected ? 3 : 2, selected ? Qt::SolidLine : Qt::DashLine));
  fill.setAlpha(selected ? 40 : 20);
  painter.setBrush(fill);
  painter.drawRect(r);
  // Label tab (inside the box when there is no room above it).
  const QString label = categoryLabel(c);
  QRectF tab(r.left(), r.top() - 18, painter.fontMetrics().horizontalAdvance(label) + 10, 18);
  if (tab.top() < 0) tab.translate(0, 18);
  painter.setPen(Qt::NoPen);
  painter.setBrush(solid);
  painter.drawRect(tab);
  painter.setPen(Qt::white);
  painter.drawText(tab, Qt::AlignCenter, label);
  if (!selected) return;
  // Handles: corners and edge midpoints, where a drag resizes.
  painter.setBrush(Qt::white);
  painter.setPen(QPen(solid, 2));
  const QPointF c0 = r.center();
  for (const QPointF& h :
       {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight(), QPointF(c0.x(), r.top()),
        QPointF(c0.x(), r.bottom()), QPointF(r.left(), c0.y()), QPointF(r.right(), c0.y())}) {
    painter.drawRect(QRectF(h - QPointF(4, 4), QSizeF(8, 8)));
  }
}

void CropCanvas::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().window());
  if (image_.isNull()) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QString text = emptyText_.isEmpty() ? tr("No photo") : emptyText_;
    painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, text);
    return;
  }
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.drawImage(QRectF(offset(), QSizeF(image_.width() * scale(), image_.height() * scale())), image_);
  painter.setRenderHint(QPainter::Antialiasing);
  // The selected box last, so its handles lie on top.
  for (Category c : kCategories) {
    const auto& box = boxes_[static_cast<std::size_t>(categoryIndex(c))];
    if (box && c != selected_) paintBox(painter, c, *box);
  }
  if (const auto& box = boxes_[static_cast<std::size_t>(categoryIndex(selected_))]; box && !drawPreview_)
    paintBox(painter, selected_, *box);
  if (drawPreview_ && drawing_) {
    painter.setPen(QPen(categoryColor(*drawing_), 2, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(widgetRect(*drawPreview_));
  }
  if (drawing_ && !drawDragging_) {
    // Says what a drag does now, in the category's colour.
    const QString hint = tr("Drag on the photo to draw the %1 box (Esc: stop)").arg(categoryLabel(*drawing_));
    const QRectF band(0, 0, width(), painter.fontMetrics().height() + 10);
    painter.fillRect(band, categoryColor(*drawing_));
    painter.setPen(Qt::white);
    painter.drawText(band, Qt::AlignCenter, hint);
  }
}

}  // namespace w2w
