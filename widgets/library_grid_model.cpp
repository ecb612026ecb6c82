#include "library_grid_model.h"

#include <QMimeData>
#include <QPainter>

namespace w2w {

LibraryGridModel::LibraryGridModel(ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), thumbnails_(thumbnails) {
  connect(thumbnails_, &ThumbnailCache::ready, this, &LibraryGridModel::onThumbnailReady);
}

void LibraryGridModel::setEntries(QVector<GridEntry> entries) {
  beginResetModel();
  entries_ = std::move(entries);
  endResetModel();
}

int LibraryGridModel::rowOf(GridEntry::Kind kind, Id id) const {
  for (int row = 0; row < entries_.size(); ++row) {
    if (entries_[row].kind == kind && entries_[row].id == id) return row;
  }
  return -1;
}

int LibraryGridModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : entries_.size();
}

QVariant LibraryGridModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= entries_.size()) return {};
  const GridEntry& e = entries_.at(index.row());
  switch (role) {
    case Qt::DisplayRole: return e.title;
    case Qt::ToolTipRole: {
      QStringList lines = {e.title};
      if (!e.tags.isEmpty()) lines << e.tags.join(QStringLiteral(", "));
      if (!e.error.isEmpty()) lines << e.error;
      return lines.join('\n');
    }
    case Qt::DecorationRole: {
      const QPixmap hit = thumbnails_->cached(e.thumbKey);
      if (!hit.isNull() || thumbnails_->isPending(e.thumbKey) || thumbnails_->hasFailed(e.thumbKey)) {
        return hit.isNull() ? QVariant() : QVariant(hit);
      }
      ThumbnailSource source{e.thumbKey, e.imagePath, {}};
      if (source.filePath.isEmpty() && cropLoader_) source.encoded = cropLoader_(e.id);
      thumbnails_->thumbnail(source);  // arrives later through ready()
      return {};
    }
    case EntryRole: return QVariant::fromValue(e);
    case KindRole: return static_cast<int>(e.kind);
    case IdRole: return static_cast<qlonglong>(e.id);
    case BadgeRole: return badgeText(e);
    default: return {};
  }
}

Qt::ItemFlags LibraryGridModel::flags(const QModelIndex& index) const {
  Qt::ItemFlags f = QAbstractListModel::flags(index);
  if (index.isValid()) f |= Qt::ItemIsDragEnabled;
  return f;
}

QStringList LibraryGridModel::mimeTypes() const { return {QString::fromLatin1(kEntriesMimeType)}; }

QMimeData* LibraryGridModel::mimeData(const QModelIndexList& indexes) const {
  QByteArray payload;
  for (const QModelIndex& index : indexes) {
    const GridEntry& e = entries_.at(index.row());
    payload += (e.kind == GridEntry::Kind::Photo ? "photo " : "item ") + QByteArray::number(e.id) + "\n";
  }
  auto* mime = new QMimeData;
  mime->setData(QString::fromLatin1(kEntriesMimeType), payload);
  return mime;
}

DraggedEntries draggedEntries(const QMimeData* mime) {
  DraggedEntries out;
  if (!mime) return out;
  for (const QByteArray& line : mime->data(QString::fromLatin1(kEntriesMimeType)).split('\n')) {
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 2) continue;
    bool ok = false;
    const Id id = parts[1].toLongLong(&ok);
    if (!ok) continue;
    if (parts[0] == "photo")
      out.photos << id;
    else if (parts[0] == "item")
      out.items << id;
  }
  return out;
}

void LibraryGridModel::onThumbnailReady(const QString& key) {
  for (int row = 0; row < entries_.size(); ++row) {
    if (entries_[row].thumbKey == key) {
      const QModelIndex i = index(row);
      Q_EMIT dataChanged(i, i, {Qt::DecorationRole});
    }
  }
}

QString badgeText(const GridEntry& e) {
  if (e.kind == GridEntry::Kind::Photo) {
    switch (e.photoStatus) {
      case PhotoStatus::Imported: return LibraryGridModel::tr("new");
      case PhotoStatus::Processed: return LibraryGridModel::tr("%n crop(s)", nullptr, e.cropCount);
      case PhotoStatus::Reviewed: return LibraryGridModel::tr("reviewed");
      case PhotoStatus::Flagged: return LibraryGridModel::tr("flagged");
      case PhotoStatus::Failed: return LibraryGridModel::tr("failed");
    }
  }
  QString text;
  switch (e.category) {
    case Category::Top: text = LibraryGridModel::tr("top"); break;
    case Category::Outer: text = LibraryGridModel::tr("outer layer"); break;
    case Category::Bottom: text = LibraryGridModel::tr("bottom"); break;
    case Category::Onepiece: text = LibraryGridModel::tr("one-piece"); break;
    case Category::Shoes: text = LibraryGridModel::tr("shoes"); break;
    case Category::Bag: text = LibraryGridModel::tr("bag"); break;
    case Category::Accessory: text = LibraryGridModel::tr("accessory"); break;
  }
  if (e.itemSource == ItemSource::Manual) text += LibraryGridModel::tr(" · edited");
  if (e.encoded) text += LibraryGridModel::tr(" · encoded");
  if (e.flagged) text += LibraryGridModel::tr(" · flagged");
  return text;
}

}  // namespace w2w
