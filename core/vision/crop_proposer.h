// CropProposer: from an outfit photo to the main person, a foreground mask
// and the boxes of top (with any outer layer), bottom and shoes.
//
// One model does it all: the garment parser labels every pixel (background,
// skin/hair, upper, bottom, shoes, one-piece, accessory). A first pass over
// the whole photo finds the main person (largest, most central); when that
// person is small in the frame a second pass looks at them alone, at higher
// resolution. The mask is the person's pixels; the item boxes are the tight
// boxes of their labels, cleaned as the CCP ground truth is.
//
// Thread-safety: a CropProposer is immutable after load(); propose() may be
// called from any number of threads at once on the same object.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "common/category.h"
#include "common/image.h"
#include "common/result.h"

namespace w2w {

class GarmentParser;

struct ItemBox {
  Box box;
  double confidence = 0;  // 0..1
};

struct CropProposal {
  int width = 0;  // the photo's size (all boxes are in its pixels)
  int height = 0;
  bool personFound = false;
  Box person;                                                // the whole photo when no person was found
  double personConfidence = 0;                               // low (<= 0.1) when no person was found
  std::array<std::optional<ItemBox>, kCategoryCount> items;  // by categoryIndex(); nullopt = not found
  bool onepiece = false;                                     // a dress or jumpsuit covers top and bottom
  std::optional<ItemBox> onepieceItem;
  GrayImage mask;  // photo size; 255 = the main person, 0 = background (all 255 without a person)
  // Photo size; the GarmentLabel of each pixel of the main person, 0 elsewhere
  // (empty without a person). What a crop "with the garment's pixels only" keeps.
  GrayImage labels;

  const std::optional<ItemBox>& item(Category c) const { return items[categoryIndex(c)]; }
};

struct ProposerOptions {
  int maxWorkSide = 1024;  // larger photos are analysed at this size (boxes are scaled back)
};

class CropProposer {
 public:
  // Loads the garment parser model (a safetensors file); errors name the file.
  static Result<std::shared_ptr<const CropProposer>> load(const std::string& modelPath,
                                                          const ProposerOptions& options = {});
  // The bundled model: resources/models/garment_parser.safetensors.
  static std::string bundledModelPath();

  CropProposal propose(const RgbImage& photo) const;
  const std::map<std::string, std::string>& modelMetadata() const;

 private:
  CropProposer() = default;
  std::shared_ptr<const GarmentParser> parser_;
  ProposerOptions options_;
};

}  // namespace w2w
