// Library: items (crops of photos and standalone pieces) and their crop images.
#include "library/library.h"
#include "library/library_internal.h"

namespace w2w {
namespace detail {

const char* const kItemColumns =
    "id, category, source, photo_id, box_x, box_y, box_w, box_h, confidence, image_path, file_hash, "
    "crop_hash, flagged, created_at, updated_at";

Item readItem(const sql::Statement& row) {
  Item it;
  it.id = row.integer(0);
  it.category = parseCategory(row.text(1)).value_or(Category::Top);
  it.source = parseItemSource(row.text(2)).value_or(ItemSource::Auto);
  if (!row.isNull(3)) it.photoId = row.integer(3);
  if (!row.isNull(4)) {
    it.box = Box{static_cast<int>(row.integer(4)), static_cast<int>(row.integer(5)),
                 static_cast<int>(row.integer(6)), static_cast<int>(row.integer(7))};
  }
  it.confidence = row.real(8);
  it.imagePath = row.text(9);
  it.fileHash = row.text(10);
  it.cropHash = row.text(11);
  it.flagged = row.integer(12) != 0;
  it.createdAt = row.text(13);
  it.updatedAt = row.text(14);
  return it;
}

}  // namespace detail

using detail::kItemColumns;
using detail::readItem;

namespace {

// Embeddings of a crop image nobody shows any more are dead weight.
void dropOrphanEmbeddings(sql::Database& db, const std::string& cropHash) {
  if (cropHash.empty()) return;
  sql::Statement drop(db.handle(),
                      "DELETE FROM embeddings WHERE crop_hash = ?1 "
                      "AND NOT EXISTS (SELECT 1 FROM items WHERE crop_hash = ?1)");
  drop.bind(1, cropHash).run();
}

std::string cropHashOf(sql::Database& db, Id itemId) {
  sql::Statement select(db.handle(), "SELECT crop_hash FROM items WHERE id = ?");
  select.bind(1, itemId);
  return select.step() ? select.text(0) : std::string();
}

}  // namespace

Result<Id> Library::addStandaloneItem(Category category, const NewPhoto& file, const CropImage& crop) {
  return guarded("add item", [&]() -> Result<Id> {
    const std::string now = detail::nowUtc();
    sql::Statement insert(
        db_->handle(),
        "INSERT INTO items(category, source, confidence, image_path, file_hash, crop_hash, crop_png, "
        "created_at, updated_at) VALUES (?, 'standalone', 1.0, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, categoryName(category)).bind(2, storablePath(file.path)).bind(3, file.contentHash);
    insert.bind(4, crop.hash).bindBlob(5, crop.png.data(), crop.png.size()).bind(6, now).bind(7, now);
    insert.run();
    return db_->lastInsertId();
  });
}

Result<std::optional<Item>> Library::item(Id id) {
  return guarded("read item", [&]() -> Result<std::optional<Item>> {
    sql::Statement select(db_->handle(), std::string("SELECT ") + kItemColumns + " FROM items WHERE id = ?");
    select.bind(1, id);
    if (!select.step()) return std::optional<Item>();
    return std::optional<Item>(readItem(select));
  });
}

Result<std::optional<Item>> Library::itemByHash(const std::string& fileHash) {
  return guarded("read item", [&]() -> Result<std::optional<Item>> {
    sql::Statement select(db_->handle(),
                          std::string("SELECT ") + kItemColumns + " FROM items WHERE file_hash = ?");
    select.bind(1, fileHash);
    if (!select.step()) return std::optional<Item>();
    return std::optional<Item>(readItem(select));
  });
}

Result<std::vector<Item>> Library::items(const ItemQuery& q) {
  return guarded("list items", [&]() -> Result<std::vector<Item>> {
    std::string text = std::string("SELECT ") + kItemColumns + " FROM items WHERE 1";
    if (q.category) text += " AND category = :category";
    if (q.photoId) text += " AND photo_id = :photo";
    if (q.source) text += " AND source = :source";
    if (q.flagged) text += " AND flagged = :flagged";
    if (q.standaloneOnly) text += " AND photo_id IS NULL";
    if (q.cropsOnly) text += " AND photo_id IS NOT NULL";
    if (q.tag) {
      text +=
          " AND id IN (SELECT item_id FROM item_tags JOIN tags ON tags.id = tag_id WHERE tags.name = :tag)";
    }
    if (q.missingEmbeddingFor) {
      text +=
          " AND crop_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM embeddings e "
          "WHERE e.crop_hash = items.crop_hash AND e.model_id = :model)";
    }
    text += q.orderByConfidence ? " ORDER BY confidence, id" : " ORDER BY id";
    text += " LIMIT :limit";
    sql::Statement select(db_->handle(), text);
    int i = 1;
    if (q.category) select.bind(i++, categoryName(*q.category));
    if (q.photoId) select.bind(i++, *q.photoId);
    if (q.source) select.bind(i++, itemSourceName(*q.source));
    if (q.flagged) select.bind(i++, *q.flagged ? 1 : 0);
    if (q.tag) select.bind(i++, *q.tag);
    if (q.missingEmbeddingFor) select.bind(i++, *q.missingEmbeddingFor);
    select.bind(i, q.limit);
    std::vector<Item> out;
    while (select.step()) out.push_back(readItem(select));
    return out;
  });
}

Result<CropImage> Library::cropImage(Id itemId) {
  return guarded("read crop image", [&]() -> Result<CropImage> {
    sql::Statement select(db_->handle(), "SELECT crop_hash, crop_png FROM items WHERE id = ?");
    select.bind(1, itemId);
    if (!select.step()) return makeError(path_ + ": no item with id " + std::to_string(itemId));
    if (select.isNull(1))
      return makeError(path_ + ": item " + std::to_string(itemId) + " has no crop image yet");
    return CropImage{select.text(0), select.blob(1)};
  });
}

Status Library::updateCrop(Id itemId, const Box& box, const CropImage& crop) {
  return setCrop(itemId, box, crop, ItemSource::Manual, 1.0);
}

Status Library::setCrop(Id itemId, const Box& box, const CropImage& crop, ItemSource source,
                        double confidence) {
  return guarded("update crop", [&]() -> Status {
    if (box.empty()) return makeError(path_ + ": a crop box needs a positive width and height");
    if (source == ItemSource::Standalone)
      return makeError(path_ + ": a crop of a photo cannot be standalone");
    sql::Savepoint scope(*db_);
    const std::string oldHash = cropHashOf(*db_, itemId);
    sql::Statement update(db_->handle(),
                          "UPDATE items SET box_x = ?, box_y = ?, box_w = ?, box_h = ?, source = ?, "
                          "confidence = ?, crop_hash = ?, crop_png = ?, updated_at = ? "
                          "WHERE id = ? AND photo_id IS NOT NULL");
    detail::bindBox(update, 1, box);
    update.bind(5, itemSourceName(source)).bind(6, confidence);
    update.bind(7, crop.hash).bindBlob(8, crop.png.data(), crop.png.size()).bind(9, detail::nowUtc());
    update.bind(10, itemId).run();
    if (db_->changes() == 0) return makeError(path_ + ": no crop with id " + std::to_string(itemId));
    if (oldHash != crop.hash) dropOrphanEmbeddings(*db_, oldHash);
    scope.release();
    return Status::success();
  });
}

Result<Id> Library::addManualCrop(Id photoId, Category category, const Box& box, const CropImage& crop) {
  return guarded("add crop", [&]() -> Result<Id> {
    if (box.empty()) return makeError(path_ + ": a crop box needs a positive width and height");
    const std::string now = detail::nowUtc();
    sql::Statement insert(
        db_->handle(),
        "INSERT INTO items(category, source, photo_id, box_x, box_y, box_w, box_h, confidence, "
        "crop_hash, crop_png, created_at, updated_at) VALUES (?, 'manual', ?, ?, ?, ?, ?, 1.0, ?, ?, ?, ?)");
    insert.bind(1, categoryName(category)).bind(2, photoId);
    detail::bindBox(insert, 3, box);
    insert.bind(7, crop.hash).bindBlob(8, crop.png.data(), crop.png.size()).bind(9, now).bind(10, now);
    sql::Savepoint scope(*db_);
    insert.run();
    const Id id = db_->lastInsertId();
    sql::Statement unmark(db_->handle(),
                          "DELETE FROM garments_not_visible WHERE photo_id = ? AND category = ?");
    unmark.bind(1, photoId).bind(2, categoryName(category)).run();
    scope.release();
    return id;
  });
}

Status Library::setItemCategory(Id itemId, Category category) {
  return guarded("update item", [&]() -> Status {
    sql::Statement update(db_->handle(), "UPDATE items SET category = ?, updated_at = ? WHERE id = ?");
    update.bind(1, categoryName(category)).bind(2, detail::nowUtc()).bind(3, itemId).run();
    if (db_->changes() == 0) return makeError(path_ + ": no item with id " + std::to_string(itemId));
    return Status::success();
  });
}

Status Library::setItemFlagged(Id itemId, bool flagged) {
  return guarded("update item", [&]() -> Status {
    sql::Statement update(db_->handle(), "UPDATE items SET flagged = ?, updated_at = ? WHERE id = ?");
    update.bind(1, flagged ? 1 : 0).bind(2, detail::nowUtc()).bind(3, itemId).run();
    if (db_->changes() == 0) return makeError(path_ + ": no item with id " + std::to_string(itemId));
    return Status::success();
  });
}

Status Library::removeItem(Id id) {
  return guarded("remove item", [&]() -> Status {
    sql::Savepoint scope(*db_);
    const std::string hash = cropHashOf(*db_, id);
    sql::Statement remove(db_->handle(), "DELETE FROM items WHERE id = ?");
    remove.bind(1, id).run();  // outfits using it and its tags follow by ON DELETE CASCADE
    if (db_->changes() == 0) return makeError(path_ + ": no item with id " + std::to_string(id));
    dropOrphanEmbeddings(*db_, hash);
    scope.release();
    return Status::success();
  });
}

}  // namespace w2w
