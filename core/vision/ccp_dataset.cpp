#include "vision/ccp_dataset.h"

#include <array>

#include "vision/garment_labels.h"

namespace w2w {
namespace {

GarmentLabel labelOfGroup(const std::string& group) {
  if (group == "skin_hair") return GarmentLabel::SkinHair;
  if (group == "top" || group == "outer") return GarmentLabel::Upper;
  if (group == "bottom") return GarmentLabel::Bottom;
  if (group == "shoes") return GarmentLabel::Shoes;
  if (group == "onepiece") return GarmentLabel::OnePiece;
  if (group == "background") return GarmentLabel::Background;
  return GarmentLabel::Accessory;  // accessory and other (hosiery, underwear)
}

}  // namespace

GrayImage ccpLabelMap(const CcpDataset& dataset, const GrayImage& classMask) {
  const std::vector<std::string> groups = ccpPhotoGroups(dataset, CcpRecord{}, &classMask);
  std::array<std::uint8_t, 256> table{};
  for (std::size_t c = 0; c < groups.size() && c < 256; ++c)
    table[c] = static_cast<std::uint8_t>(labelOfGroup(groups[c]));
  GrayImage labels = classMask;
  for (auto& v : labels.pixels) v = table[v];
  return labels;
}

}  // namespace w2w
