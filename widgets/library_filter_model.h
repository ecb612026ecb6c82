// LibraryFilterModel: which photos and items the library grid shows — by
// kind, category, state and tag, and by a piece of the file name, a tag or
// the category's name.
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

#include "library_grid_model.h"

namespace w2w {

struct LibraryFilter {
  enum class Kind { All, Photos, Items };
  enum class State { Any, New, Processed, Reviewed, Flagged, Failed, Edited, Encoded, NotEncoded };
  Kind kind = Kind::All;
  std::optional<Category> category;  // items of this category (photos are hidden)
  State state = State::Any;
  std::optional<QSet<qint64>> photoIds;  // only these photos (e.g. those with a tag)
  std::optional<QSet<qint64>> itemIds;   // only these items
  QString text;                          // part of the title, a tag or the category, case-insensitive
};

class LibraryFilterModel : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

  void setFilter(const LibraryFilter& filter);
  const LibraryFilter& filter() const { return filter_; }
  // The entry behind a row of this model.
  const GridEntry& entry(const QModelIndex& index) const;

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  LibraryFilter filter_;
};

}  // namespace w2w
