#include "board_pieces.h"

#include <QStringList>

#include <algorithm>

namespace w2w {

BoardPieces BoardPieces::of(const Outfit& outfit) {
  BoardPieces pieces;
  for (Category c : kBoardSlots) pieces.set(c, outfit.member(c));
  return pieces;
}

int BoardPieces::count() const {
  int n = 0;
  for (Category c : kBoardSlots) n += (*this)[c] != 0;
  return n;
}

CategoryCounts BoardPieces::categories() const {
  CategoryCounts counts;
  for (Category c : kBoardSlots)
    if ((*this)[c]) counts.add(c);
  return counts;
}

bool BoardPieces::isComplete() const { return isValidOutfit(categories()); }

std::vector<Category> BoardPieces::missing() const { return requiredMissing(categories()); }

bool BoardPieces::accepts(Category c) const {
  CategoryCounts others = categories();
  if ((*this)[c]) others.remove(c);
  return canAdd(others, c);
}

BoardPieces BoardPieces::with(Category c, Id item) const {
  BoardPieces out = *this;
  out.set(c, item);
  if (!item) return out;
  for (Category other : kBoardSlots)
    if (other != c && out[other] && !canWearTogether(other, c)) out.set(other, 0);
  // Putting on a one-piece takes off the separates: a top under it stays
  // possible, but only when a person adds one afterwards.
  if (c == Category::Onepiece) out.set(Category::Top, 0);
  return out;
}

std::vector<Id> BoardPieces::items() const {
  std::vector<Id> out;
  for (Category c : kBoardSlots)
    if ((*this)[c]) out.push_back((*this)[c]);
  return out;
}

std::vector<Category> BoardPieces::emptySlots() const {
  std::vector<Category> out;
  for (Category c : kBoardSlots)
    if (!(*this)[c] && accepts(c)) out.push_back(c);
  return out;
}

bool BoardPieces::contains(Id item) const {
  if (!item) return false;
  return std::any_of(kBoardSlots.begin(), kBoardSlots.end(), [&](Category c) { return (*this)[c] == item; });
}

bool BoardPieces::drop(const std::vector<Id>& gone) {
  bool dropped = false;
  for (Category c : kBoardSlots) {
    if ((*this)[c] && std::find(gone.begin(), gone.end(), (*this)[c]) != gone.end()) {
      set(c, 0);
      dropped = true;
    }
  }
  return dropped;
}

QString BoardPieces::toText() const {
  QStringList parts;
  for (Category c : kBoardSlots)
    if ((*this)[c]) parts << QStringLiteral("%1=%2").arg(QString::fromUtf8(categoryName(c))).arg((*this)[c]);
  return parts.join(',');
}

BoardPieces BoardPieces::fromText(const QString& text) {
  BoardPieces pieces;
  for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
    const QStringList pair = part.split('=');
    if (pair.size() != 2) continue;
    const auto category = parseCategory(pair[0].trimmed().toStdString());
    bool ok = false;
    const Id id = pair[1].trimmed().toLongLong(&ok);
    if (category && ok && id > 0 &&
        std::find(kBoardSlots.begin(), kBoardSlots.end(), *category) != kBoardSlots.end())
      pieces.set(*category, id);
  }
  return pieces;
}

}  // namespace w2w
