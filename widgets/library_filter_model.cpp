#include "library_filter_model.h"

#include "category_style.h"

namespace w2w {
namespace {

bool stateMatches(const GridEntry& e, LibraryFilter::State state) {
  using State = LibraryFilter::State;
  const bool photo = e.kind == GridEntry::Kind::Photo;
  switch (state) {
    case State::Any: return true;
    case State::New: return photo && e.photoStatus == PhotoStatus::Imported;
    case State::Processed: return photo && e.photoStatus == PhotoStatus::Processed;
    case State::Reviewed: return photo && e.photoStatus == PhotoStatus::Reviewed;
    case State::Flagged: return photo ? e.photoStatus == PhotoStatus::Flagged : e.flagged;
    case State::Failed: return photo && e.photoStatus == PhotoStatus::Failed;
    case State::Edited: return !photo && e.itemSource == ItemSource::Manual;
    case State::Encoded: return !photo && e.encoded;
    case State::NotEncoded: return !photo && !e.encoded;
  }
  return true;
}

// The search field finds a name, a tag, or (for items) a category.
bool textMatches(const GridEntry& e, const QString& text) {
  if (e.title.contains(text, Qt::CaseInsensitive)) return true;
  for (const QString& tag : e.tags)
    if (tag.contains(text, Qt::CaseInsensitive)) return true;
  return e.kind == GridEntry::Kind::Item &&
         (categoryLabel(e.category).contains(text, Qt::CaseInsensitive) ||
          QString::fromUtf8(categoryName(e.category)).contains(text, Qt::CaseInsensitive));
}

}  // namespace

void LibraryFilterModel::setFilter(const LibraryFilter& filter) {
  filter_ = filter;
  invalidateFilter();
}

const GridEntry& LibraryFilterModel::entry(const QModelIndex& index) const {
  return static_cast<const LibraryGridModel*>(sourceModel())->entry(mapToSource(index).row());
}

bool LibraryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
  const GridEntry& e = static_cast<const LibraryGridModel*>(sourceModel())->entry(sourceRow);
  const bool photo = e.kind == GridEntry::Kind::Photo;
  if (filter_.kind == LibraryFilter::Kind::Photos && !photo) return false;
  if (filter_.kind == LibraryFilter::Kind::Items && photo) return false;
  if (filter_.category && (photo || e.category != *filter_.category)) return false;
  if (!stateMatches(e, filter_.state)) return false;
  if (photo && filter_.photoIds && !filter_.photoIds->contains(e.id)) return false;
  if (!photo && filter_.itemIds && !filter_.itemIds->contains(e.id)) return false;
  if (!filter_.text.isEmpty() && !textMatches(e, filter_.text)) return false;
  return true;
}

}  // namespace w2w
