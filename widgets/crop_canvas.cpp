#include "crop_canvas.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

#include "category_style.h"

namespace w2w {
namespace {

constexpr double kGrab = 7.0;  // how close (in screen pixels) to an edge a press grabs it
constexpr int kMinSide = 8;    // smallest box, in photo pixels

}  // namespace

CropCanvas::CropCanvas(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setMinimumSize(200, 240);
  setAccessibleName(tr("Crop boxes"));
}

void CropCanvas::setImage(const QImage& image) {
  image_ = image;
  update();
}

void CropCanvas::setBox(Category category, const std::optional<QRect>& box) {
  boxes_[static_cast<std::size_t>(category)] = box;
  update();
}

void CropCanvas::clearBoxes() {
  boxes_ = {};
  drawing_.reset();
  update();
}

void CropCanvas::setSelected(Category category) {
  if (selected_ == category) return;
  selected_ = category;
  Q_EMIT selectionChanged(category);
  update();
}

void CropCanvas::startDrawing(Category category) {
  drawing_ = category;
  setSelected(category);
  setCursor(Qt::CrossCursor);
}

double CropCanvas::scale() const {
  if (image_.isNull()) return 1.0;
  return std::min(static_cast<double>(width()) / image_.width(),
                  static_cast<double>(height()) / image_.height());
}

QPointF CropCanvas::offset() const {
  const double s = scale();
  return {(width() - image_.width() * s) / 2.0, (height() - image_.height() * s) / 2.0};
}

QPointF CropCanvas::toImage(const QPointF& p) const { return (p - offset()) / scale(); }
QPointF CropCanvas::toWidget(const QPointF& p) const { return p * scale() + offset(); }

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

CropCanvas::Hit CropCanvas::hitTest(const QPointF& p) const {
  // The selected box wins where boxes overlap, so it can always be grabbed.
  std::array<Category, kCategoryCount> order = {selected_, Category::Top, Category::Bottom};
  int n = 1;
  for (Category c : kCategories) {
    if (c != selected_) order[static_cast<std::size_t>(n++)] = c;
  }
  for (Category c : order) {
    const auto& box = boxes_[static_cast<std::size_t>(c)];
    if (!box) continue;
    const QRectF r(toWidget(box->topLeft()),
                   toWidget(QPointF(box->x() + box->width(), box->y() + box->height())));
    if (!r.adjusted(-kGrab, -kGrab, kGrab, kGrab).contains(p)) continue;
    int edges = kNone;
    if (std::abs(p.x() - r.left()) <= kGrab) edges |= kLeft;
    if (std::abs(p.x() - r.right()) <= kGrab) edges |= kRight;
    if (std::abs(p.y() - r.top()) <= kGrab) edges |= kTop;
    if (std::abs(p.y() - r.bottom()) <= kGrab) edges |= kBottom;
    if (edges == kNone && r.contains(p)) edges = kAll;
    if (edges != kNone) return {c, edges};
  }
  return {};
}

void CropCanvas::updateCursor(const QPointF& p) {
  if (drawing_) return;
  const Hit hit = hitTest(p);
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

void CropCanvas::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || image_.isNull()) return;
  const QPointF p = event->position();
  if (drawing_) {
    const QPoint start = toImage(p).toPoint();
    boxes_[static_cast<std::size_t>(*drawing_)] = QRect(start, QSize(1, 1));
    dragged_ = drawing_;
    dragEdges_ = kRight | kBottom;
    dragStart_ = p;
    dragOriginal_ = QRect(start, QSize(1, 1));
    return;
  }
  const Hit hit = hitTest(p);
  if (!hit.category) return;
  setSelected(*hit.category);
  dragged_ = hit.category;
  dragEdges_ = hit.edges;
  dragStart_ = p;
  dragOriginal_ = *boxes_[static_cast<std::size_t>(*hit.category)];
}

void CropCanvas::mouseMoveEvent(QMouseEvent* event) {
  const QPointF p = event->position();
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
  boxes_[static_cast<std::size_t>(*dragged_)] = clampToImage(r);
  update();
}

void CropCanvas::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton || !dragged_) return;
  const Category category = *dragged_;
  const QRect after = *boxes_[static_cast<std::size_t>(category)];
  dragged_.reset();
  if (drawing_) {
    drawing_.reset();
    unsetCursor();
    Q_EMIT boxDrawn(category, after);
    return;
  }
  if (after != dragOriginal_) Q_EMIT boxEdited(category, dragOriginal_, after, false);
}

void CropCanvas::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab) {
    const int step = event->key() == Qt::Key_Tab ? 1 : kCategoryCount - 1;
    for (int i = 1; i <= kCategoryCount; ++i) {
      const auto next = static_cast<Category>((categoryIndex(selected_) + step * i) % kCategoryCount);
      if (boxes_[static_cast<std::size_t>(next)]) {
        setSelected(next);
        break;
      }
    }
    return;
  }
  auto& box = boxes_[static_cast<std::size_t>(selected_)];
  int dx = 0, dy = 0;
  switch (event->key()) {
    case Qt::Key_Left: dx = -1; break;
    case Qt::Key_Right: dx = 1; break;
    case Qt::Key_Up: dy = -1; break;
    case Qt::Key_Down: dy = 1; break;
    default: QWidget::keyPressEvent(event); return;
  }
  if (!box) return;
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

void CropCanvas::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().window());
  if (image_.isNull()) {
    painter.drawText(rect(), Qt::AlignCenter, tr("No photo"));
    return;
  }
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  const QRectF target(offset(), QSizeF(image_.width() * scale(), image_.height() * scale()));
  painter.drawImage(target, image_);
  painter.setRenderHint(QPainter::Antialiasing);
  for (Category c : kCategories) {
    const auto& box = boxes_[static_cast<std::size_t>(c)];
    if (!box) continue;
    const QRectF r(toWidget(box->topLeft()),
                   toWidget(QPointF(box->x() + box->width(), box->y() + box->height())));
    const bool selected = c == selected_;
    QColor color = categoryColor(c);
    painter.setPen(QPen(color, selected ? 3 : 2, selected ? Qt::SolidLine : Qt::DashLine));
    color.setAlpha(selected ? 40 : 20);
    painter.setBrush(color);
    painter.drawRect(r);
    // Label tab and, for the selected box, corner handles.
    const QString label = categoryLabel(c);
    const QRectF tab(r.left(), r.top() - 18, painter.fontMetrics().horizontalAdvance(label) + 10, 18);
    painter.setPen(Qt::NoPen);
    painter.setBrush(categoryColor(c));
    painter.drawRect(tab.translated(0, tab.top() < 0 ? 18 : 0));
    painter.setPen(Qt::white);
    painter.drawText(tab.translated(0, tab.top() < 0 ? 18 : 0), Qt::AlignCenter, label);
    if (selected) {
      painter.setBrush(Qt::white);
      painter.setPen(QPen(categoryColor(c), 2));
      for (const QPointF& corner : {r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()}) {
        painter.drawRect(QRectF(corner - QPointF(4, 4), QSizeF(8, 8)));
      }
    }
  }
}

}  // namespace w2w
