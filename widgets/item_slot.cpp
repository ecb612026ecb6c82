#include "item_slot.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPainter>

#include "category_style.h"
#include "library_grid_model.h"

namespace w2w {

ItemSlot::ItemSlot(Category category, QWidget* parent) : QWidget(parent), category_(category) {
  setAcceptDrops(true);
  setMinimumSize(150, 150);
  setObjectName(QStringLiteral("slot_%1").arg(categoryName(category)));
  setFocusPolicy(Qt::ClickFocus);
}

void ItemSlot::setItem(Id item, const QPixmap& picture, const QString& caption) {
  item_ = item;
  picture_ = picture;
  caption_ = caption;
  update();
}

void ItemSlot::setSelected(bool selected) {
  selected_ = selected;
  update();
}

void ItemSlot::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor color = categoryColor(category_);
  const QRectF frame = QRectF(rect()).adjusted(3, 3, -3, -3);
  painter.setPen(QPen(color, selected_ || hovering_ ? 3 : 1.5, item_ ? Qt::SolidLine : Qt::DashLine));
  painter.setBrush(hovering_ ? color.lighter(185) : palette().base().color());
  painter.drawRoundedRect(frame, 10, 10);

  const int labelHeight = fontMetrics().height() + 8;
  const QRectF tab(frame.left(), frame.top(), frame.width(), labelHeight);
  painter.setPen(color);
  QFont bold = font();
  bold.setBold(true);
  painter.setFont(bold);
  painter.drawText(tab, Qt::AlignCenter, categoryLabel(category_));
  painter.setFont(font());

  const QRectF inner = frame.adjusted(8, labelHeight, -8, -(labelHeight + 4));
  if (item_ && !picture_.isNull()) {
    const QPixmap scaled =
        picture_.scaled(inner.size().toSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawPixmap(
        QPointF(inner.center().x() - scaled.width() / 2.0, inner.center().y() - scaled.height() / 2.0),
        scaled);
  } else {
    painter.setPen(palette().placeholderText().color());
    QString hint;
    switch (category_) {
      case Category::Top: hint = tr("Drop a top here from the library"); break;
      case Category::Bottom: hint = tr("Drop a bottom here from the library"); break;
      case Category::Shoes: hint = tr("Drop shoes here from the library"); break;
      case Category::Outer: hint = tr("Drop an outer layer here from the library"); break;
      case Category::Onepiece: hint = tr("Drop a one-piece here from the library"); break;
      case Category::Bag: hint = tr("Drop a bag here from the library"); break;
      case Category::Accessory: hint = tr("Drop an accessory here from the library"); break;
    }
    painter.drawText(inner, Qt::AlignCenter | Qt::TextWordWrap, hint);
  }
  painter.setPen(palette().text().color());
  painter.drawText(QRectF(frame.left(), frame.bottom() - labelHeight, frame.width(), labelHeight),
                   Qt::AlignCenter,
                   fontMetrics().elidedText(caption_, Qt::ElideMiddle, static_cast<int>(frame.width()) - 8));
}

void ItemSlot::mousePressEvent(QMouseEvent*) { Q_EMIT clicked(); }

void ItemSlot::dragEnterEvent(QDragEnterEvent* event) {
  const DraggedEntries dragged = draggedEntries(event->mimeData());
  if (dragged.items.isEmpty() && dragged.photos.isEmpty()) return;
  hovering_ = true;
  update();
  event->acceptProposedAction();
}

void ItemSlot::dragLeaveEvent(QDragLeaveEvent*) {
  hovering_ = false;
  update();
}

void ItemSlot::dropEvent(QDropEvent* event) {
  hovering_ = false;
  update();
  const DraggedEntries dragged = draggedEntries(event->mimeData());
  if (!dragged.items.isEmpty())
    Q_EMIT itemDropped(dragged.items.first());
  else if (!dragged.photos.isEmpty())
    Q_EMIT photoDropped(dragged.photos.first());
  event->acceptProposedAction();
}

}  // namespace w2w
