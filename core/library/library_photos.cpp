// Library: photos and the pipeline's analysis of them.
#include <QString>
#include <QStringList>

#include <algorithm>

#include "library/library.h"
#include "library/library_internal.h"

#include <algorithm>

namespace w2w {
namespace detail {

const char* const kPhotoColumns =
    "id, path, content_hash, file_size, width, height, imported_at, status, error, "
    "person_x, person_y, person_w, person_h, onepiece";

Photo readPhoto(const sql::Statement& row) {
  Photo p;
  p.id = row.integer(0);
  p.path = row.text(1);
  p.contentHash = row.text(2);
  p.fileSize = row.integer(3);
  p.width = static_cast<int>(row.integer(4));
  p.height = static_cast<int>(row.integer(5));
  p.importedAt = row.text(6);
  p.status = parsePhotoStatus(row.text(7)).value_or(PhotoStatus::Imported);
  p.error = row.text(8);
  if (!row.isNull(9)) {
    p.person = Box{static_cast<int>(row.integer(9)), static_cast<int>(row.integer(10)),
                   static_cast<int>(row.integer(11)), static_cast<int>(row.integer(12))};
  }
  p.onepiece = row.integer(13) != 0;
  return p;
}

}  // namespace detail

using detail::kPhotoColumns;
using detail::readPhoto;

Result<Id> Library::addPhoto(const NewPhoto& photo) {
  return guarded("add photo", [&]() -> Result<Id> {
    sql::Statement insert(db_->handle(),
                          "INSERT INTO photos(path, content_hash, file_size, width, height, imported_at) "
                          "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, storablePath(photo.path))
        .bind(2, photo.contentHash)
        .bind(3, static_cast<std::int64_t>(photo.fileSize))
        .bind(4, photo.width)
        .bind(5, photo.height)
        .bind(6, detail::nowUtc());
    insert.run();
    return db_->lastInsertId();
  });
}

Result<std::optional<Photo>> Library::photo(Id id) {
  return guarded("read photo", [&]() -> Result<std::optional<Photo>> {
    sql::Statement select(db_->handle(),
                          std::string("SELECT ") + kPhotoColumns + " FROM photos WHERE id = ?");
    select.bind(1, id);
    if (!select.step()) return std::optional<Photo>();
    return std::optional<Photo>(readPhoto(select));
  });
}

Result<std::optional<Photo>> Library::photoByHash(const std::string& contentHash) {
  return guarded("read photo", [&]() -> Result<std::optional<Photo>> {
    sql::Statement select(db_->handle(),
                          std::string("SELECT ") + kPhotoColumns + " FROM photos WHERE content_hash = ?");
    select.bind(1, contentHash);
    if (!select.step()) return std::optional<Photo>();
    return std::optional<Photo>(readPhoto(select));
  });
}

Result<std::vector<Photo>> Library::photos(const PhotoQuery& query) {
  return guarded("list photos", [&]() -> Result<std::vector<Photo>> {
    std::string sqlText = std::string("SELECT ") + kPhotoColumns + " FROM photos WHERE 1";
    if (query.status) sqlText += " AND status = :status";
    if (query.tag) {
      sqlText +=
          " AND id IN (SELECT photo_id FROM photo_tags JOIN tags ON tags.id = tag_id WHERE tags.name = :tag)";
    }
    sqlText += " ORDER BY id LIMIT :limit OFFSET :offset";
    sql::Statement select(db_->handle(), sqlText);
    int index = 1;
    if (query.status) select.bind(index++, photoStatusName(*query.status));
    if (query.tag) select.bind(index++, *query.tag);
    select.bind(index, query.limit);
    select.bind(index + 1, query.offset);
    std::vector<Photo> out;
    while (select.step()) out.push_back(readPhoto(select));
    return out;
  });
}

Result<long long> Library::photoCount() {
  return guarded("count photos",
                 [&]() -> Result<long long> { return db_->scalar("SELECT count(*) FROM photos"); });
}

Status Library::setPhotoStatus(Id id, PhotoStatus status, const std::string& error) {
  return guarded("update photo", [&]() -> Status {
    sql::Statement update(db_->handle(), "UPDATE photos SET status = ?, error = ? WHERE id = ?");
    update.bind(1, photoStatusName(status)).bind(2, error).bind(3, id).run();
    if (db_->changes() == 0) return makeError(path_ + ": no photo with id " + std::to_string(id));
    return Status::success();
  });
}

Status Library::storeAnalysis(Id photoId, const PhotoAnalysis& analysis) {
  return guarded("store crops", [&]() -> Status {
    sql::Savepoint scope(*db_);
    sql::Statement update(
        db_->handle(),
        "UPDATE photos SET person_x = ?, person_y = ?, person_w = ?, person_h = ?, onepiece = ?, "
        "mask_png = ?, status = 'processed', error = NULL WHERE id = ?");
    detail::bindBox(update, 1, analysis.person);
    update.bind(5, analysis.onepiece ? 1 : 0);
    if (analysis.maskPng.empty()) {
      update.bindNull(6);
    } else {
      update.bindBlob(6, analysis.maskPng.data(), analysis.maskPng.size());
    }
    update.bind(7, photoId).run();
    if (db_->changes() == 0) return makeError(path_ + ": no photo with id " + std::to_string(photoId));

    // Auto crops are replaced; a category a person already edited keeps the
    // person's box (their work is never overwritten by a re-run).
    const std::string now = detail::nowUtc();
    auto hidden = notVisibleGarments(photoId);
    if (!hidden) return hidden.error();
    sql::Statement upsert(
        db_->handle(),
        "INSERT INTO items(category, source, photo_id, box_x, box_y, box_w, box_h, confidence, "
        "crop_hash, crop_png, created_at, updated_at) VALUES (?, 'auto', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(photo_id, category) WHERE photo_id IS NOT NULL DO UPDATE SET "
        "box_x = excluded.box_x, box_y = excluded.box_y, box_w = excluded.box_w, "
        "box_h = excluded.box_h, confidence = excluded.confidence, crop_hash = excluded.crop_hash, "
        "crop_png = excluded.crop_png, updated_at = excluded.updated_at "
        "WHERE items.source = 'auto'");
    // An automatic crop of a category the pipeline no longer finds goes (a
    // dress once taken for a top and a bottom); a person's crop stays. An
    // analysis that found no garment at all (only a new mask) keeps them.
    std::string found;
    for (const auto& crop : analysis.crops)
      found += std::string(found.empty() ? "'" : ", '") + categoryName(crop.category) + "'";
    if (!analysis.crops.empty())
      db_->exec("DELETE FROM items WHERE photo_id = " + std::to_string(photoId) + " AND source = 'auto'" +
                (found.empty() ? std::string() : " AND category NOT IN (" + found + ")"));
    for (const auto& crop : analysis.crops) {
      // A person said this garment cannot be seen: the pipeline's guess is not asked for.
      if (std::find(hidden->begin(), hidden->end(), crop.category) != hidden->end()) continue;
      upsert.bind(1, categoryName(crop.category)).bind(2, photoId);
      detail::bindBox(upsert, 3, crop.box);
      upsert.bind(7, crop.confidence).bind(8, crop.image.hash);
      upsert.bindBlob(9, crop.image.png.data(), crop.image.png.size());
      upsert.bind(10, now).bind(11, now);
      upsert.run();
    }
    scope.release();
    return Status::success();
  });
}

Result<std::vector<std::uint8_t>> Library::photoMask(Id photoId) {
  return guarded("read mask", [&]() -> Result<std::vector<std::uint8_t>> {
    sql::Statement select(db_->handle(), "SELECT mask_png FROM photos WHERE id = ?");
    select.bind(1, photoId);
    if (!select.step()) return makeError(path_ + ": no photo with id " + std::to_string(photoId));
    return select.blob(0);
  });
}

Status Library::removeEntries(const std::vector<Id>& photoIds, const std::vector<Id>& itemIds) {
  return transaction([&]() -> Status {
    for (Id id : itemIds)
      if (Status s = removeItem(id); !s) return s;
    for (Id id : photoIds)
      if (Status s = removePhoto(id); !s) return s;
    return Status::success();
  });
}

Status Library::removePhoto(Id id) {
  return guarded("remove photo", [&]() -> Status {
    sql::Statement remove(db_->handle(), "DELETE FROM photos WHERE id = ?");
    remove.bind(1, id).run();  // crops, tags and photo outfits follow by ON DELETE CASCADE
    if (db_->changes() == 0) return makeError(path_ + ": no photo with id " + std::to_string(id));
    return Status::success();
  });
}

}  // namespace w2w
