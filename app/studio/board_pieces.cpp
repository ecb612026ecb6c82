#include "board_pieces.h"

#include <QStringList>

#include <algorithm>

namespace w2w {

int BoardPieces::count() const {
  int n = 0;
  for (Category c : kBoardSlots) n += (*this)[c] != 0;
  return n;
}

bool BoardPieces::isComplete() const { return count() == static_cast<int>(kBoardSlots.size()); }

std::vector<Id> BoardPieces::items() const {
  std::vector<Id> out;
  for (Category c : kBoardSlots)
    if ((*this)[c]) out.push_back((*this)[c]);
  return out;
}

std::vector<Category> BoardPieces::emptySlots() const {
  std::vector<Category> out;
  for (Category c : kBoardSlots)
    if (!(*this)[c]) out.push_back(c);
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
