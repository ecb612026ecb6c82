// Library: outfits (three items, top/bottom/shoes).
#include "library/library.h"
#include "library/library_internal.h"

namespace w2w {
namespace detail {

const char* const kOutfitColumns = "id, name, top_id, bottom_id, shoes_id, origin, photo_id, created_at";

Outfit readOutfit(const sql::Statement& row) {
  Outfit o;
  o.id = row.integer(0);
  o.name = row.text(1);
  o.top = row.integer(2);
  o.bottom = row.integer(3);
  o.shoes = row.integer(4);
  o.origin = parseOutfitOrigin(row.text(5)).value_or(OutfitOrigin::User);
  if (!row.isNull(6)) o.photoId = row.integer(6);
  o.createdAt = row.text(7);
  return o;
}

}  // namespace detail

namespace {

// Each member must exist and be of its slot's category.
Status checkMembers(sql::Database& db, const std::string& libraryPath, const Outfit& outfit) {
  sql::Statement select(db.handle(), "SELECT category FROM items WHERE id = ?");
  for (Category c : kSeedSlots) {
    select.bind(1, outfit.member(c));
    if (!select.step()) {
      select.reset();
      return makeError(libraryPath + ": outfit " + categoryName(c) + " item " +
                       std::to_string(outfit.member(c)) + " does not exist");
    }
    const std::string actual = select.text(0);
    select.reset();
    if (actual != categoryName(c)) {
      return makeError(libraryPath + ": item " + std::to_string(outfit.member(c)) + " is a " + actual +
                       ", not a " + categoryName(c));
    }
  }
  return Status::success();
}

}  // namespace

Result<Id> Library::addOutfit(const Outfit& outfit) {
  return guarded("add outfit", [&]() -> Result<Id> {
    if (Status members = checkMembers(*db_, path_, outfit); !members) return members.error();
    sql::Statement insert(
        db_->handle(),
        "INSERT INTO outfits(name, top_id, bottom_id, shoes_id, origin, photo_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, outfit.name).bind(2, outfit.top).bind(3, outfit.bottom).bind(4, outfit.shoes);
    insert.bind(5, outfitOriginName(outfit.origin)).bind(6, outfit.photoId).bind(7, detail::nowUtc());
    insert.run();
    return db_->lastInsertId();
  });
}

Result<std::optional<Outfit>> Library::outfit(Id id) {
  return guarded("read outfit", [&]() -> Result<std::optional<Outfit>> {
    sql::Statement select(db_->handle(),
                          std::string("SELECT ") + detail::kOutfitColumns + " FROM outfits WHERE id = ?");
    select.bind(1, id);
    if (!select.step()) return std::optional<Outfit>();
    return std::optional<Outfit>(detail::readOutfit(select));
  });
}

Result<std::vector<Outfit>> Library::outfits(std::optional<OutfitOrigin> origin) {
  return guarded("list outfits", [&]() -> Result<std::vector<Outfit>> {
    std::string text = std::string("SELECT ") + detail::kOutfitColumns + " FROM outfits";
    if (origin) text += " WHERE origin = ?";
    text += " ORDER BY id";
    sql::Statement select(db_->handle(), text);
    if (origin) select.bind(1, outfitOriginName(*origin));
    std::vector<Outfit> out;
    while (select.step()) out.push_back(detail::readOutfit(select));
    return out;
  });
}

Status Library::updateOutfit(const Outfit& outfit) {
  return guarded("update outfit", [&]() -> Status {
    if (Status members = checkMembers(*db_, path_, outfit); !members) return members;
    sql::Statement update(
        db_->handle(),
        "UPDATE outfits SET name = ?, top_id = ?, bottom_id = ?, shoes_id = ?, origin = ? WHERE id = ?");
    update.bind(1, outfit.name).bind(2, outfit.top).bind(3, outfit.bottom).bind(4, outfit.shoes);
    update.bind(5, outfitOriginName(outfit.origin)).bind(6, outfit.id).run();
    if (db_->changes() == 0) return makeError(path_ + ": no outfit with id " + std::to_string(outfit.id));
    return Status::success();
  });
}

Status Library::removeOutfit(Id id) {
  return guarded("remove outfit", [&]() -> Status {
    sql::Statement remove(db_->handle(), "DELETE FROM outfits WHERE id = ?");
    remove.bind(1, id).run();
    if (db_->changes() == 0) return makeError(path_ + ": no outfit with id " + std::to_string(id));
    return Status::success();
  });
}

Result<long long> Library::syncPhotoOutfits() {
  return guarded("update photo outfits", [&]() -> Result<long long> {
    sql::Savepoint scope(*db_);
    // A photo outfit exists exactly for the photos with all three crops.
    db_->exec(
        "DELETE FROM outfits WHERE origin = 'photo' AND (photo_id IS NULL OR (SELECT count(*) FROM items "
        "WHERE items.photo_id = outfits.photo_id) < 3)");
    db_->exec(
        "INSERT INTO outfits(name, top_id, bottom_id, shoes_id, origin, photo_id, created_at) "
        "SELECT '', t.id, b.id, s.id, 'photo', p.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM photos p "
        "JOIN items t ON t.photo_id = p.id AND t.category = 'top' "
        "JOIN items b ON b.photo_id = p.id AND b.category = 'bottom' "
        "JOIN items s ON s.photo_id = p.id AND s.category = 'shoes' "
        "WHERE true ON CONFLICT(photo_id) WHERE origin = 'photo' DO UPDATE SET "
        "top_id = excluded.top_id, bottom_id = excluded.bottom_id, shoes_id = excluded.shoes_id");
    const long long count = db_->scalar("SELECT count(*) FROM outfits WHERE origin = 'photo'");
    scope.release();
    return count;
  });
}

}  // namespace w2w
