// The seed method's three-slot outfit: top, bottom, shoes, in the order of the
// rows of its [N, 3, D] outfit tensor. Code that still works on exactly these
// three slots (the three-slot compatibility layout, the outfit board) names
// them through here, so that categories (common/category.h) keep meaning "what
// kind of garment" only.
#pragma once

#include <array>

#include "common/category.h"

namespace w2w {

inline constexpr int kSeedSlotCount = 3;
inline constexpr std::array<Category, kSeedSlotCount> kSeedSlots = {Category::Top, Category::Bottom,
                                                                    Category::Shoes};

// The row of c in the three-slot layout; -1 for a category it has no row for.
inline constexpr int seedSlot(Category c) {
  for (int i = 0; i < kSeedSlotCount; ++i) {
    if (kSeedSlots[static_cast<std::size_t>(i)] == c) return i;
  }
  return -1;
}

inline constexpr bool isSeedSlot(Category c) { return seedSlot(c) >= 0; }

}  // namespace w2w
