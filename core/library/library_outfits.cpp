// Library: outfits (sets of items that make a valid outfit, in outfit_items).
#include <algorithm>
#include <map>

#include "library/library.h"
#include "library/library_internal.h"

namespace w2w {
namespace detail {

const char* const kOutfitColumns = "id, name, origin, photo_id, created_at";

Outfit readOutfit(const sql::Statement& row) {
  Outfit o;
  o.id = row.integer(0);
  o.name = row.text(1);
  o.origin = parseOutfitOrigin(row.text(2)).value_or(OutfitOrigin::User);
  if (!row.isNull(3)) o.photoId = row.integer(3);
  o.createdAt = row.text(4);
  return o;
}

}  // namespace detail

namespace {

// Fills in the items of `outfits` (ordered by category, then item id).
void readItemsOf(sql::Database& db, std::vector<Outfit>& outfits) {
  if (outfits.empty()) return;
  std::map<Id, Outfit*> byId;
  for (Outfit& o : outfits) byId[o.id] = &o;
  const bool one = outfits.size() == 1;
  sql::Statement select(db.handle(),
                        std::string("SELECT oi.outfit_id, oi.item_id, i.category FROM outfit_items oi "
                                    "JOIN items i ON i.id = oi.item_id") +
                            (one ? " WHERE oi.outfit_id = ?" : "") + " ORDER BY oi.outfit_id, oi.item_id");
  if (one) select.bind(1, outfits.front().id);
  while (select.step()) {
    const auto found = byId.find(select.integer(0));
    if (found == byId.end()) continue;
    found->second->items.push_back(
        {select.integer(1), parseCategory(select.text(2)).value_or(Category::Top)});
  }
  for (Outfit& o : outfits) {
    std::stable_sort(o.items.begin(), o.items.end(), [](const OutfitItem& a, const OutfitItem& b) {
      return categoryIndex(a.category) < categoryIndex(b.category);
    });
  }
}

// The outfit's items as the library knows them: each must exist and be of
// the category the outfit gives it, and together they must make a valid
// outfit.
Result<std::vector<OutfitItem>> checkedItems(sql::Database& db, const std::string& libraryPath,
                                             const Outfit& outfit) {
  sql::Statement select(db.handle(), "SELECT category FROM items WHERE id = ?");
  std::vector<OutfitItem> out;
  for (const OutfitItem& given : outfit.items) {
    select.bind(1, given.item);
    if (!select.step()) {
      select.reset();
      return makeError(libraryPath + ": outfit " + categoryName(given.category) + " item " +
                       std::to_string(given.item) + " does not exist");
    }
    const std::string actual = select.text(0);
    select.reset();
    if (actual != categoryName(given.category)) {
      return makeError(libraryPath + ": item " + std::to_string(given.item) + " is a " + actual + ", not a " +
                       categoryName(given.category));
    }
    if (std::any_of(out.begin(), out.end(), [&](const OutfitItem& i) { return i.item == given.item; }))
      return makeError(libraryPath + ": item " + std::to_string(given.item) + " is twice in the outfit");
    out.push_back(given);
  }
  const std::string problem = outfitProblem(outfit.categories());
  if (!problem.empty()) return makeError(libraryPath + ": not a valid outfit: it " + problem);
  return out;
}

void writeItems(sql::Database& db, Id outfitId, const std::vector<OutfitItem>& items) {
  sql::Statement clear(db.handle(), "DELETE FROM outfit_items WHERE outfit_id = ?");
  clear.bind(1, outfitId).run();
  sql::Statement insert(db.handle(), "INSERT INTO outfit_items(outfit_id, item_id) VALUES (?, ?)");
  for (const OutfitItem& i : items) {
    insert.bind(1, outfitId).bind(2, i.item).run();
  }
}

}  // namespace

Result<Id> Library::addOutfit(const Outfit& outfit) {
  return guarded("add outfit", [&]() -> Result<Id> {
    auto items = checkedItems(*db_, path_, outfit);
    if (!items) return items.error();
    sql::Savepoint scope(*db_);
    sql::Statement insert(db_->handle(),
                          "INSERT INTO outfits(name, origin, photo_id, created_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, outfit.name).bind(2, outfitOriginName(outfit.origin)).bind(3, outfit.photoId);
    insert.bind(4, detail::nowUtc()).run();
    const Id id = db_->lastInsertId();
    writeItems(*db_, id, *items);
    scope.release();
    return id;
  });
}

Result<std::optional<Outfit>> Library::outfit(Id id) {
  return guarded("read outfit", [&]() -> Result<std::optional<Outfit>> {
    sql::Statement select(db_->handle(),
                          std::string("SELECT ") + detail::kOutfitColumns + " FROM outfits WHERE id = ?");
    select.bind(1, id);
    if (!select.step()) return std::optional<Outfit>();
    std::vector<Outfit> one = {detail::readOutfit(select)};
    readItemsOf(*db_, one);
    return std::optional<Outfit>(std::move(one.front()));
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
    readItemsOf(*db_, out);
    return out;
  });
}

Status Library::updateOutfit(const Outfit& outfit) {
  return guarded("update outfit", [&]() -> Status {
    auto items = checkedItems(*db_, path_, outfit);
    if (!items) return items.error();
    sql::Savepoint scope(*db_);
    sql::Statement update(db_->handle(), "UPDATE outfits SET name = ?, origin = ? WHERE id = ?");
    update.bind(1, outfit.name).bind(2, outfitOriginName(outfit.origin)).bind(3, outfit.id).run();
    if (db_->changes() == 0) return makeError(path_ + ": no outfit with id " + std::to_string(outfit.id));
    writeItems(*db_, outfit.id, *items);
    scope.release();
    return Status::success();
  });
}

Status Library::removeOutfit(Id id) {
  return guarded("remove outfit", [&]() -> Status {
    sql::Statement remove(db_->handle(), "DELETE FROM outfits WHERE id = ?");
    remove.bind(1, id).run();  // its outfit_items follow by ON DELETE CASCADE
    if (db_->changes() == 0) return makeError(path_ + ": no outfit with id " + std::to_string(id));
    return Status::success();
  });
}

Result<long long> Library::syncPhotoOutfits(std::optional<Id> photoId) {
  return guarded("update photo outfits", [&]() -> Result<long long> {
    sql::Savepoint scope(*db_);
    // Every crop of each photo (or of the one photo asked for), by category.
    std::map<Id, Outfit> wanted;
    sql::Statement crops(db_->handle(),
                         "SELECT photo_id, id, category FROM items WHERE photo_id IS NOT NULL AND "
                         "(?1 IS NULL OR photo_id = ?1) ORDER BY photo_id, id");
    crops.bind(1, photoId);
    while (crops.step()) {
      Outfit& o = wanted[crops.integer(0)];
      o.items.push_back({crops.integer(1), parseCategory(crops.text(2)).value_or(Category::Top)});
    }
    // A photo outfit exists exactly for the photos whose crops make a valid
    // outfit, and holds all of them.
    std::map<Id, Outfit> existing;
    {
      std::vector<Outfit> stored;
      sql::Statement select(db_->handle(), std::string("SELECT ") + detail::kOutfitColumns +
                                               " FROM outfits WHERE origin = 'photo' AND "
                                               "(?1 IS NULL OR photo_id = ?1) ORDER BY id");
      select.bind(1, photoId);
      while (select.step()) stored.push_back(detail::readOutfit(select));
      readItemsOf(*db_, stored);
      sql::Statement orphan(db_->handle(), "DELETE FROM outfits WHERE id = ?");
      for (Outfit& o : stored) {
        if (o.photoId) {
          existing[*o.photoId] = std::move(o);
        } else {
          orphan.bind(1, o.id).run();
        }
      }
    }
    sql::Statement remove(db_->handle(), "DELETE FROM outfits WHERE id = ?");
    sql::Statement insert(
        db_->handle(), "INSERT INTO outfits(name, origin, photo_id, created_at) VALUES ('', 'photo', ?, ?)");
    for (auto& [photo, crop] : wanted) {
      std::stable_sort(crop.items.begin(), crop.items.end(), [](const OutfitItem& a, const OutfitItem& b) {
        return categoryIndex(a.category) < categoryIndex(b.category);
      });
      const bool valid = isValidOutfit(crop.categories());
      const auto found = existing.find(photo);
      if (!valid) continue;
      if (found != existing.end()) {
        if (found->second.items != crop.items) writeItems(*db_, found->second.id, crop.items);
        existing.erase(found);
        continue;
      }
      insert.bind(1, photo).bind(2, detail::nowUtc()).run();
      writeItems(*db_, db_->lastInsertId(), crop.items);
    }
    for (const auto& [photo, outfit] : existing) remove.bind(1, outfit.id).run();  // no longer valid
    const long long count = db_->scalar("SELECT count(*) FROM outfits WHERE origin = 'photo'");
    scope.release();
    return count;
  });
}

}  // namespace w2w
