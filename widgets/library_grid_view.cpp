#include "library_grid_view.h"

#include <QPainter>
#include <QPainterPath>

#include "category_style.h"
#include "library_grid_model.h"

namespace w2w {
namespace {

constexpr int kPadding = 6;
constexpr int kTextHeight = 18;

QColor badgeColor(const GridEntry& e) {
  if (e.kind == GridEntry::Kind::Photo) {
    switch (e.photoStatus) {
      case PhotoStatus::Imported: return QColor(120, 120, 120);
      case PhotoStatus::Processed: return QColor(46, 125, 50);
      case PhotoStatus::Reviewed: return QColor(21, 101, 192);
      case PhotoStatus::Flagged: return QColor(239, 108, 0);
      case PhotoStatus::Failed: return QColor(198, 40, 40);
    }
  }
  if (e.flagged) return QColor(239, 108, 0);
  // The category's own colour, a shade darker so the badge's white text stays readable.
  return categoryColor(e.category).darker(125);
}

}  // namespace

ThumbnailDelegate::ThumbnailDelegate(int thumbnailSize, QObject* parent)
    : QStyledItemDelegate(parent), size_(thumbnailSize) {}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
  return {size_ + 2 * kPadding, size_ + 2 * kPadding + kTextHeight};
}

void ThumbnailDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  const QRect cell = option.rect.adjusted(2, 2, -2, -2);
  const bool selected = option.state & QStyle::State_Selected;
  painter->setPen(selected ? QPen(option.palette.highlight().color(), 2) : Qt::NoPen);
  painter->setBrush(selected ? option.palette.highlight().color().lighter(170)
                             : option.palette.base().color());
  painter->drawRoundedRect(cell, 6, 6);

  const QRect imageArea(cell.x() + kPadding - 2, cell.y() + kPadding - 2, size_, size_);
  const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
  if (pixmap.isNull()) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(option.palette.alternateBase());
    painter->drawRect(imageArea);
  } else {
    const QPixmap scaled = pixmap.scaled(imageArea.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter->drawPixmap(imageArea.x() + (imageArea.width() - scaled.width()) / 2,
                        imageArea.y() + (imageArea.height() - scaled.height()) / 2, scaled);
  }

  const GridEntry entry = index.data(LibraryGridModel::EntryRole).value<GridEntry>();
  const QString badge = index.data(LibraryGridModel::BadgeRole).toString();
  if (!badge.isEmpty()) {
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.85);
    font.setBold(true);
    painter->setFont(font);
    const int width = painter->fontMetrics().horizontalAdvance(badge) + 10;
    const QRect pill(imageArea.x() + 4, imageArea.y() + 4, width, painter->fontMetrics().height() + 2);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(entry));
    painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, badge);
  }

  painter->setFont(option.font);
  painter->setPen(option.palette.text().color());
  const QRect textArea(cell.x() + 4, imageArea.bottom() + 2, cell.width() - 8, kTextHeight);
  painter->drawText(textArea, Qt::AlignHCenter | Qt::AlignVCenter,
                    painter->fontMetrics().elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle,
                                                      textArea.width()));
  painter->restore();
}

LibraryGridView::LibraryGridView(int thumbnailSize, QWidget* parent) : QListView(parent) {
  setViewMode(QListView::IconMode);
  setResizeMode(QListView::Adjust);
  setMovement(QListView::Static);
  setUniformItemSizes(true);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setSpacing(4);
  setItemDelegate(new ThumbnailDelegate(thumbnailSize, this));
  setMouseTracking(true);
  setDragEnabled(true);
  setDragDropMode(QAbstractItemView::DragOnly);
}

void LibraryGridView::setEmptyText(const QString& text) {
  emptyText_ = text;
  viewport()->update();
}

void LibraryGridView::paintEvent(QPaintEvent* event) {
  QListView::paintEvent(event);
  if (emptyText_.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0)) return;
  QPainter painter(viewport());
  painter.setPen(palette().placeholderText().color());
  const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
  painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, emptyText_);
}

}  // namespace w2w
