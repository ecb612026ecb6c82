#include "outfit_board_text.h"

#include <QStringList>

#include <algorithm>

#include "category_style.h"
#include "outfit_board_view.h"

namespace w2w::board_text {

QString outfitTitle(const Outfit& outfit) {
  return outfit.name.empty() ? OutfitBoardView::tr("Outfit %1").arg(outfit.id)
                             : QString::fromStdString(outfit.name);
}

QString neededNames(const std::vector<Category>& missing) {
  const bool eitherSide = std::find(missing.begin(), missing.end(), Category::Onepiece) != missing.end();
  QStringList names;
  if (eitherSide)
    names << OutfitBoardView::tr("%1 and %2, or %3")
                 .arg(categoryLabel(Category::Top), categoryLabel(Category::Bottom),
                      categoryLabel(Category::Onepiece));
  for (Category c : missing)
    if (!eitherSide || c == Category::Shoes ||
        !(c == Category::Top || c == Category::Bottom || c == Category::Onepiece))
      names << categoryLabel(c);
  return names.join(QStringLiteral(", "));
}

QString slotNames(const std::vector<Category>& slots) {
  QStringList names;
  for (Category c : slots) names << categoryLabel(c);
  return names.join(QStringLiteral(", "));
}

}  // namespace w2w::board_text
