// LibraryGridModel: the photos and items of a library as a list model for a
// thumbnail grid. It holds a snapshot (set by whoever reads the library) and
// asks a ThumbnailCache for the pictures, so the view never waits on disk.
#pragma once

#include <QAbstractListModel>
#include <QVector>

#include "library/types.h"
#include "thumbnail_cache.h"

namespace w2w {

struct GridEntry {
  enum class Kind { Photo, Item };
  Kind kind = Kind::Photo;
  Id id = 0;
  QString title;      // file name (of the photo, for its crops)
  QStringList tags;   // items: their tags (searchable)
  QString imagePath;  // photo or standalone item file (absolute)
  QString thumbKey;   // content hash of what the thumbnail shows
  PhotoStatus photoStatus = PhotoStatus::Imported;
  ItemSource itemSource = ItemSource::Auto;
  Category category = Category::Top;
  int cropCount = 0;  // photos: how many crops were found
  bool flagged = false;
  bool encoded = false;  // items: an embedding exists for the current model
  QString error;         // photos that failed
};

class LibraryGridModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role {
    EntryRole = Qt::UserRole + 1,  // the GridEntry (QVariant of a pointer-free copy)
    KindRole,
    IdRole,
    BadgeRole,  // short status text drawn on the thumbnail
  };

  explicit LibraryGridModel(ThumbnailCache* thumbnails, QObject* parent = nullptr);

  void setEntries(QVector<GridEntry> entries);
  // Items whose thumbnail is a crop stored in the library: the PNG bytes come
  // from this function, called on demand for visible items only.
  void setCropLoader(std::function<QByteArray(Id itemId)> loader) { cropLoader_ = std::move(loader); }
  const GridEntry& entry(int row) const { return entries_.at(row); }
  int rowOf(GridEntry::Kind kind, Id id) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  // Photos and items can be dragged (onto the outfit board).
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QStringList mimeTypes() const override;
  QMimeData* mimeData(const QModelIndexList& indexes) const override;

 private:
  void onThumbnailReady(const QString& key);

  ThumbnailCache* thumbnails_;
  QVector<GridEntry> entries_;
  std::function<QByteArray(Id)> cropLoader_;
};

QString badgeText(const GridEntry& entry);

// The drag payload of library entries: "application/x-what2wear-entries",
// lines of "photo <id>" or "item <id>".
inline constexpr const char* kEntriesMimeType = "application/x-what2wear-entries";
struct DraggedEntries {
  QList<Id> photos;
  QList<Id> items;
};
DraggedEntries draggedEntries(const QMimeData* mime);

}  // namespace w2w

Q_DECLARE_METATYPE(w2w::GridEntry)
