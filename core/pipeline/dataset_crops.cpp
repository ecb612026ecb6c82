#include "pipeline/dataset_crops.h"

#include <array>

#include "io/file_io.h"
#include "vision/crop_proposer.h"
#include "vision/garment_labels.h"
#include "vision/photo_analyzer.h"

namespace w2w {
namespace {

// 255 where the label map holds `label`.
GrayImage maskOfLabel(const GrayImage& labels, GarmentLabel label) {
  GrayImage mask;
  mask.width = labels.width;
  mask.height = labels.height;
  mask.pixels.resize(labels.pixels.size());
  const auto value = static_cast<std::uint8_t>(label);
  for (std::size_t i = 0; i < mask.pixels.size(); ++i) mask.pixels[i] = labels.pixels[i] == value ? 255 : 0;
  return mask;
}

// The parser's label that holds a category's pixels; nullopt where it has none.
std::optional<GarmentLabel> labelOf(Category c) {
  switch (c) {
    case Category::Top: return GarmentLabel::Upper;  // the top with any outer layer over it
    case Category::Bottom: return GarmentLabel::Bottom;
    case Category::Shoes: return GarmentLabel::Shoes;
    case Category::Onepiece: return GarmentLabel::OnePiece;
    default: return std::nullopt;
  }
}

}  // namespace

datasets::AutoCropFunction importCropFunction() {
  return [](const RgbImage& photo) -> Result<datasets::AutoCrops> {
    auto proposer = sharedCropProposer();
    if (!proposer) return proposer.error();
    const CropProposal proposal = (*proposer)->propose(photo);
    datasets::AutoCrops crops;
    for (Category c : kCategories) {
      if (const auto& item = proposal.item(c))
        crops.boxes[static_cast<std::size_t>(categoryIndex(c))] = item->box;
    }
    // A parser that marks a one-piece outfit but boxes it apart from the top
    // and bottom slots: the one-piece replaces the top and bottom it invented.
    const auto at = [](Category c) { return static_cast<std::size_t>(categoryIndex(c)); };
    if (proposal.onepiece && proposal.onepieceItem && !crops.boxes[at(Category::Onepiece)]) {
      crops.boxes[at(Category::Onepiece)] = proposal.onepieceItem->box;
      crops.boxes[at(Category::Top)].reset();
      crops.boxes[at(Category::Bottom)].reset();
    }
    crops.personMask = proposal.mask;
    if (!proposal.labels.empty()) {
      for (Category c : kCategories) {
        if (const auto label = labelOf(c)) crops.garmentMasks[at(c)] = maskOfLabel(proposal.labels, *label);
      }
    }
    return crops;
  };
}

std::string importCropFunctionId() {
  auto digest = sha256OfFile(CropProposer::bundledModelPath());
  return "garment-parser:" + (digest ? digest->substr(0, 16) : std::string("missing"));
}

}  // namespace w2w
