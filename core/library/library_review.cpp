// Library: what a curator reviews: the queue of photos by state, the garments
// each photo misses, and the garments marked not visible.
#include <algorithm>
#include <map>

#include "library/library.h"
#include "library/library_internal.h"

namespace w2w {
namespace {

// The garments a valid outfit (common/category.h) needs that a photo has
// neither a crop of nor a "not visible" mark for. Of the two ways to dress
// the body, a one-piece photo (as its analysis found) misses its one-piece,
// any other photo its top and bottom.
std::vector<Category> missingGarments(const std::vector<Category>& accounted, bool onepiecePhoto) {
  const auto has = [&](Category c) {
    return std::find(accounted.begin(), accounted.end(), c) != accounted.end();
  };
  std::vector<Category> needed = {Category::Shoes};
  if (has(Category::Onepiece) || (onepiecePhoto && !has(Category::Bottom))) {
    needed.push_back(Category::Onepiece);
  } else {
    needed.push_back(Category::Top);
    needed.push_back(Category::Bottom);
  }
  std::vector<Category> missing;
  for (Category c : kCategories) {
    if (std::find(needed.begin(), needed.end(), c) != needed.end() && !has(c)) missing.push_back(c);
  }
  return missing;
}

// Completes entries (photo set) with their crops and marks, read from the
// given statements (photo_id, category[, confidence]) filtered like the photos.
void addCrops(sql::Statement& crops, std::map<Id, ReviewEntry>& entries) {
  while (crops.step()) {
    auto it = entries.find(crops.integer(0));
    const auto category = parseCategory(crops.text(1));
    if (it == entries.end() || !category) continue;
    ++it->second.crops;
    it->second.lowestConfidence = std::min(it->second.lowestConfidence, crops.real(2));
    it->second.missing.push_back(*category);  // accounted for; inverted below
  }
}

void addMarks(sql::Statement& marks, std::map<Id, ReviewEntry>& entries) {
  while (marks.step()) {
    auto it = entries.find(marks.integer(0));
    const auto category = parseCategory(marks.text(1));
    if (it == entries.end() || !category) continue;
    it->second.notVisible.push_back(*category);
  }
}

void finish(ReviewEntry& e) {
  std::vector<Category> accounted = e.missing;
  accounted.insert(accounted.end(), e.notVisible.begin(), e.notVisible.end());
  e.missing = missingGarments(accounted, e.photo.onepiece);
}

}  // namespace

Result<std::vector<ReviewEntry>> Library::reviewQueue(PhotoStatus status, int limit) {
  std::map<Id, ReviewEntry> entries;
  // One snapshot: photos, crops and marks agree with each other.
  const Status read = readSnapshot([&]() -> Status {
    sql::Statement photos(db_->handle(),
                          std::string("SELECT ") + detail::kPhotoColumns + " FROM photos WHERE status = ?");
    photos.bind(1, photoStatusName(status));
    while (photos.step()) {
      ReviewEntry e;
      e.photo = detail::readPhoto(photos);
      entries.emplace(e.photo.id, std::move(e));
    }
    sql::Statement crops(db_->handle(),
                         "SELECT i.photo_id, i.category, i.confidence FROM items i JOIN photos p "
                         "ON p.id = i.photo_id WHERE p.status = ?");
    crops.bind(1, photoStatusName(status));
    addCrops(crops, entries);
    sql::Statement marks(db_->handle(),
                         "SELECT g.photo_id, g.category FROM garments_not_visible g JOIN photos p "
                         "ON p.id = g.photo_id WHERE p.status = ?");
    marks.bind(1, photoStatusName(status));
    addMarks(marks, entries);
    return Status::success();
  });
  if (!read) return read.error();
  std::vector<ReviewEntry> out;
  out.reserve(entries.size());
  for (auto& [id, e] : entries) {
    finish(e);
    out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(), [](const ReviewEntry& a, const ReviewEntry& b) {
    if (a.missing.empty() != b.missing.empty()) return !a.missing.empty();
    if (a.lowestConfidence != b.lowestConfidence) return a.lowestConfidence < b.lowestConfidence;
    return a.photo.id < b.photo.id;
  });
  if (limit >= 0 && out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
  return out;
}

Result<std::optional<ReviewEntry>> Library::reviewEntry(Id photoId) {
  std::map<Id, ReviewEntry> entries;
  const Status read = readSnapshot([&]() -> Status {
    sql::Statement photo(db_->handle(),
                         std::string("SELECT ") + detail::kPhotoColumns + " FROM photos WHERE id = ?");
    photo.bind(1, photoId);
    if (!photo.step()) return Status::success();
    ReviewEntry e;
    e.photo = detail::readPhoto(photo);
    entries.emplace(photoId, std::move(e));
    sql::Statement crops(db_->handle(),
                         "SELECT photo_id, category, confidence FROM items WHERE photo_id = ?");
    crops.bind(1, photoId);
    addCrops(crops, entries);
    sql::Statement marks(db_->handle(),
                         "SELECT photo_id, category FROM garments_not_visible WHERE photo_id = ?");
    marks.bind(1, photoId);
    addMarks(marks, entries);
    return Status::success();
  });
  if (!read) return read.error();
  if (entries.empty()) return std::optional<ReviewEntry>();
  finish(entries.begin()->second);
  return std::optional<ReviewEntry>(std::move(entries.begin()->second));
}

Status Library::setNotVisible(Id photoId, Category category, bool notVisible) {
  return guarded("mark garment", [&]() -> Status {
    if (notVisible) {
      sql::Statement insert(db_->handle(),
                            "INSERT OR IGNORE INTO garments_not_visible(photo_id, category, marked_at) "
                            "VALUES (?, ?, ?)");
      insert.bind(1, photoId).bind(2, categoryName(category)).bind(3, detail::nowUtc()).run();
    } else {
      sql::Statement remove(db_->handle(),
                            "DELETE FROM garments_not_visible WHERE photo_id = ? AND category = ?");
      remove.bind(1, photoId).bind(2, categoryName(category)).run();
    }
    return Status::success();
  });
}

Result<std::vector<Category>> Library::notVisibleGarments(Id photoId) {
  return guarded("read garment marks", [&]() -> Result<std::vector<Category>> {
    sql::Statement select(db_->handle(),
                          "SELECT category FROM garments_not_visible WHERE photo_id = ? ORDER BY category");
    select.bind(1, photoId);
    std::vector<Category> out;
    while (select.step()) {
      if (auto c = parseCategory(select.text(0))) out.push_back(*c);
    }
    return out;
  });
}

}  // namespace w2w
