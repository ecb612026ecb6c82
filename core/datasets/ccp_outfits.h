// Compatibility outfits from a folder laid out like the Clothing Co-Parsing
// copy in shared/datasets/ccp (read by datasets/ccp_dataset.h).
//
// Every photo that shows a valid outfit (common/category.h: shoes, and a top
// and a bottom or a one-piece) is an outfit, with its outer layer and bag
// when it has them: slots top, outer, bottom, onepiece, shoes, bag. A photo
// showing a one-piece and a bottom together (a dress over jeans) is no valid
// outfit and is left out. Crops are made with renderCrop from
// - the dataset's boxes (BoxSource::GroundTruth, pixel-annotated photos
//   only): top, bottom, shoes and onepiece as annotated; the outer layer and
//   the bag from the class mask by the dataset's own box rule; or
// - the app's crop pipeline (BoxSource::Auto), given as a function, which
//   also makes the tag-only outfits usable;
// and the pixels around the garment are
// - kept (Background::Keep: the crop shows the photo's background and skin);
// - set to white outside the person (Background::Person: label != null); or
// - set to white outside the garment's own classes (Background::Garment,
//   after the dataset's context rules). This is the honest setting: the crops
//   of one photo share no background, skin or hair, only the clothes (and the
//   photo's light and camera).
//
// The held-out split is by photo number: photos whose number ends in 0, 1 or
// 2 (30%) are the test photos, the rest the training photos.
//
// Thread-safety: the functions share no state; one Encoder per call.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/image.h"
#include "common/progress.h"
#include "common/result.h"
#include "compat/outfit_set.h"
#include "datasets/ccp_dataset.h"
#include "datasets/split.h"
#include "embed/encoder.h"

namespace w2w::datasets {

enum class BoxSource { GroundTruth, Auto };
enum class Background { Keep, Person, Garment };

const char* boxSourceName(BoxSource b);    // "gt", "auto"
const char* backgroundName(Background b);  // "keep", "person", "garment"
std::optional<BoxSource> parseBoxSource(const std::string& name);
// "keep", "remove" (= garment), "garment", "person".
std::optional<Background> parseBackground(const std::string& name);

// True when a photo id ("0123") belongs to the split.
bool ccpInSplit(const std::string& photoId, Split split);

// The slots of CCP outfits: top, outer, bottom, onepiece, shoes, bag.
std::vector<Category> ccpLayout();

// The app's crop pipeline for BoxSource::Auto: a box per garment category
// found (nullopt when not found), the person mask and each category's
// garment mask (255 = that garment's pixels); masks may be empty when the
// pipeline has none (Background::Garment then needs them).
struct AutoCrops {
  std::array<std::optional<Box>, kCategoryCount> boxes;  // by categoryIndex()
  GrayImage personMask;
  std::array<GrayImage, kCategoryCount> garmentMasks;
};
using AutoCropFunction = std::function<Result<AutoCrops>(const RgbImage& photo)>;

struct CcpOptions {
  BoxSource boxes = BoxSource::GroundTruth;
  Background background = Background::Garment;
  Split split = Split::All;
  bool skipWarnings = false;  // leave out photos with label warnings
  int cropSize = 224;
  std::string cacheDir;  // where encoded outfits are cached; empty: no cache
  AutoCropFunction autoCrop;
  std::string autoCropId;  // identifies the pipeline version in the cache key
};

// The photos the options may take outfits from, in id order: with dataset
// boxes the pixel-annotated photos, with auto boxes every photo the dataset
// flags as a complete or one-piece outfit.
std::vector<const CcpRecord*> selectCcpPhotos(const CcpDataset& dataset, const CcpOptions& options);

// One photo's garments, in ccpLayout() order: the crop of each category the
// photo shows (an empty image where it has none). A photo whose garments
// make no valid outfit gives nullopt: the loader leaves it out.
Result<std::optional<std::vector<RgbImage>>> renderCcpOutfit(const CcpDataset& dataset,
                                                             const CcpRecord& photo,
                                                             const CcpOptions& options);

// Counts of what loadCcpOutfits found, for reports.
struct CcpLoadReport {
  int photos = 0;     // photos looked at
  int separates = 0;  // outfits of a top and a bottom
  int onepieces = 0;  // outfits of a one-piece
  int leftOut = 0;    // photos whose garments make no valid outfit
};

// Decodes, crops and encodes the outfit of every selected photo (or reads
// them from the cache). Ids are "ccp:<photo id>", item keys
// "ccp:<photo id>:<category>".
Result<compat::OutfitSet> loadCcpOutfits(const std::string& dir, Encoder& encoder, const CcpOptions& options,
                                         const ProgressCallback& progress = {},
                                         const CancelFlag* cancel = nullptr, CcpLoadReport* report = nullptr);

}  // namespace w2w::datasets
