// The board's wording for outfits and categories in its messages, shared by
// the view and its actions (outfit_board_view.cpp, outfit_board_actions.cpp).
#pragma once

#include <QString>

#include <vector>

#include "common/category.h"
#include "library/types.h"

namespace w2w::board_text {

// The outfit's name, or "Outfit 12" when it has none.
QString outfitTitle(const Outfit& outfit);
// "Top and Bottom, or One-piece, Shoes": what a valid outfit still needs.
QString neededNames(const std::vector<Category>& missing);
// "Top, Shoes": the slots' names.
QString slotNames(const std::vector<Category>& slots);

}  // namespace w2w::board_text
