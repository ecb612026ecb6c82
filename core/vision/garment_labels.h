// The per-pixel labels the garment parser predicts, and their names.
#pragma once

#include <array>

namespace w2w {

// Order = the parser's output channels. Upper is a top together with any
// outer layer worn over it (the crop the app calls "top"); Accessory also
// holds hosiery and the rest of CCP's "other" group, so that every label but
// Background belongs to the person.
enum class GarmentLabel : int {
  Background = 0,
  SkinHair = 1,
  Upper = 2,
  Bottom = 3,
  Shoes = 4,
  OnePiece = 5,
  Accessory = 6,
};

inline constexpr int kGarmentLabelCount = 7;

inline constexpr std::array<const char*, kGarmentLabelCount> kGarmentLabelNames = {
    "background", "skin_hair", "upper", "bottom", "shoes", "onepiece", "accessory"};

}  // namespace w2w
