// BoardPieces: the outfit on the board, at most one item per slot (0 = an
// empty slot). The board's slots come from the category definitions; code
// iterates over kBoardSlots and never names a slot by position, and asks the
// outfit rules (common/category.h) which pieces make an outfit.
#pragma once

#include <QMetaType>
#include <QString>

#include <array>
#include <vector>

#include "common/category.h"
#include "library/types.h"

namespace w2w {

// The slots of the board, in the order they are shown: one per garment
// category (one accessory at a time).
inline constexpr const auto& kBoardSlots = kCategories;

class BoardPieces {
 public:
  BoardPieces() = default;
  // The pieces of a library outfit, each in its category's slot.
  static BoardPieces of(const Outfit& outfit);

  Id operator[](Category c) const { return ids_[static_cast<std::size_t>(categoryIndex(c))]; }
  void set(Category c, Id item) { ids_[static_cast<std::size_t>(categoryIndex(c))] = item; }

  int count() const;  // slots filled
  bool isEmpty() const { return count() == 0; }
  CategoryCounts categories() const;  // of the filled slots
  // The pieces make a valid outfit (shoes, and a top and a bottom or a one-piece).
  bool isComplete() const;
  // What a valid outfit still needs (common/category.h requiredMissing).
  std::vector<Category> missing() const;
  std::vector<Id> items() const;  // the filled slots' items, in slot order
  // Empty slots that can take a piece beside the others (not a bottom beside
  // a one-piece, nor a one-piece beside a bottom).
  std::vector<Category> emptySlots() const;
  // Whether the slot of c can hold a piece beside the other pieces.
  bool accepts(Category c) const;
  // The pieces with `item` in the slot of c and every piece that cannot be
  // worn with it taken off (a one-piece takes the place of the top and the
  // bottom; a top added to a one-piece afterwards stays).
  BoardPieces with(Category c, Id item) const;
  // Whether `item` is on the board.
  bool contains(Id item) const;
  // Every slot whose item is in `gone` is emptied; true when any was.
  bool drop(const std::vector<Id>& gone);

  bool operator==(const BoardPieces& o) const { return ids_ == o.ids_; }
  bool operator!=(const BoardPieces& o) const { return ids_ != o.ids_; }

  // "top=5,bottom=9,shoes=12" (settings); parsing skips anything it does
  // not understand, so a setting from another version never fails.
  QString toText() const;
  static BoardPieces fromText(const QString& text);

 private:
  std::array<Id, kCategoryCount> ids_{};
};

}  // namespace w2w

Q_DECLARE_METATYPE(w2w::BoardPieces)
