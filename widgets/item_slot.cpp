#include "item_slot.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFocusEvent>
#include <QFontMetricsF>
#include <QMimeData>
#include <QPainter>

#include "category_style.h"
#include "library_grid_model.h"

namespace w2w {

ItemSlot::ItemSlot(Category category, QWidget* parent) : QWidget(parent), category_(category) {
  setAcceptDrops(true);
  setMinimumSize(150, 150);
  setObjectName(QStringLiteral("slot_%1").arg(categoryName(category)));
  // Tab reaches every slot; the slot with the focus is the selected one.
  setFocusPolicy(Qt::StrongFocus);
  setToolTip(emptyHint());
}

void ItemSlot::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange && !item_) setToolTip(emptyHint());
  QWidget::changeEvent(event);
}

QString ItemSlot::emptyHint() const { return tr("Double-click a piece in the wardrobe, or drag one here"); }

void ItemSlot::setItem(Id item, const QPixmap& picture, const QString& caption) {
  item_ = item;
  picture_ = picture;
  caption_ = caption;
  // The caption is shortened to fit; an empty slot's hint may be cut to a word.
  setToolTip(item ? caption : emptyHint());
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
  painter.setPen(QPen(color,
                      hasFocus()               ? 4
                      : selected_ || hovering_ ? 3
                                               : 1.5,
                      item_ ? Qt::SolidLine : Qt::DashLine));
  painter.setBrush(hovering_ ? color.lighter(185) : palette().base().color());
  painter.drawRoundedRect(frame, 10, 10);

  const int labelHeight = fontMetrics().height() + 8;
  const QRectF tab(frame.left(), frame.top(), frame.width(), labelHeight);
  painter.setPen(color);
  QFont bold = font();
  bold.setBold(true);
  // A narrow slot (seven side by side) shows its category in a smaller font
  // before cutting it.
  const QString label = categoryLabel(category_);
  if (QFontMetricsF(bold).horizontalAdvance(label) > tab.width() - 6)
    bold.setPointSizeF(bold.pointSizeF() * 0.85);
  painter.setFont(bold);
  painter.drawText(tab, Qt::AlignCenter,
                   QFontMetrics(bold).elidedText(label, Qt::ElideRight, static_cast<int>(tab.width()) - 4));
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
    // The whole hint where it fits, else a word (the tool tip keeps the hint).
    const QString hint = emptyHint();
    const QRectF needed = painter.boundingRect(inner, Qt::AlignCenter | Qt::TextWordWrap, hint);
    painter.drawText(
        inner, Qt::AlignCenter | Qt::TextWordWrap,
        needed.height() <= inner.height() && needed.width() <= inner.width() ? hint : tr("Empty"));
  }
  painter.setPen(palette().text().color());
  painter.drawText(QRectF(frame.left(), frame.bottom() - labelHeight, frame.width(), labelHeight),
                   Qt::AlignCenter,
                   fontMetrics().elidedText(caption_, Qt::ElideMiddle, static_cast<int>(frame.width()) - 8));
}

void ItemSlot::mousePressEvent(QMouseEvent*) {
  setFocus(Qt::MouseFocusReason);
  Q_EMIT clicked();
}

void ItemSlot::focusInEvent(QFocusEvent* event) {
  QWidget::focusInEvent(event);
  update();
  if (event->reason() != Qt::MouseFocusReason) Q_EMIT clicked();  // Tab selects the slot as a click does
}

void ItemSlot::focusOutEvent(QFocusEvent* event) {
  QWidget::focusOutEvent(event);
  update();
}

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
