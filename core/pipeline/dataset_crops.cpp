#include "pipeline/dataset_crops.h"

#include <array>

#include "common/seed_slots.h"
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

}  // namespace

compat::AutoCropFunction importCropFunction() {
  return [](const RgbImage& photo) -> Result<compat::AutoCrops> {
    auto proposer = sharedCropProposer();
    if (!proposer) return proposer.error();
    const CropProposal proposal = (*proposer)->propose(photo);
    compat::AutoCrops crops;
    for (std::size_t c = 0; c < crops.boxes.size(); ++c) {
      if (const auto& item = proposal.item(kSeedSlots[c])) crops.boxes[c] = item->box;
    }
    crops.personMask = proposal.mask;
    // The slots' labels, in the order top, bottom, shoes.
    constexpr std::array<GarmentLabel, 3> kSlotLabel = {GarmentLabel::Upper, GarmentLabel::Bottom,
                                                        GarmentLabel::Shoes};
    if (!proposal.labels.empty()) {
      for (std::size_t c = 0; c < crops.garmentMasks.size(); ++c)
        crops.garmentMasks[c] = maskOfLabel(proposal.labels, kSlotLabel[c]);
    }
    return crops;
  };
}

std::string importCropFunctionId() {
  auto digest = sha256OfFile(CropProposer::bundledModelPath());
  return "garment-parser:" + (digest ? digest->substr(0, 16) : std::string("missing"));
}

}  // namespace w2w
