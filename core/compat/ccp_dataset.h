// Outfits from a folder laid out like the Clothing Co-Parsing copy in
// shared/datasets/ccp (annotations.json, classes.json, photos/, masks/).
//
// Outfits are the photos flagged complete_outfit (top or top_with_outer,
// bottom and shoes present). Crops are made with renderCrop from
// - the dataset's boxes (BoxSource::GroundTruth: only the pixel-annotated
//   photos have boxes), the top slot using the `top_with_outer` box; or
// - the app's crop pipeline (BoxSource::Auto), given as a function, which
//   also makes the tag-only complete outfits usable;
// and the pixels around the garment are
// - kept (Background::Keep: the crop shows the photo's background and skin);
// - set to white outside the person (Background::Person: label != null); or
// - set to white outside the garment's own classes (Background::Garment:
//   top = top and outer classes (after the dataset's context rules), bottom
//   and shoes their groups). This is the honest setting: the three crops of
//   one photo share no background, skin or hair, only the clothes (and the
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

#include "common/image.h"
#include "common/progress.h"
#include "common/result.h"
#include "compat/outfit_set.h"
#include "embed/encoder.h"

namespace w2w::compat {

enum class BoxSource { GroundTruth, Auto };
enum class Background { Keep, Person, Garment };
enum class Split { All, Train, Test };

const char* boxSourceName(BoxSource b);    // "gt", "auto"
const char* backgroundName(Background b);  // "keep", "person", "garment"
const char* splitName(Split s);            // "all", "train", "test"
std::optional<BoxSource> parseBoxSource(const std::string& name);
// "keep", "remove" (= garment), "garment", "person".
std::optional<Background> parseBackground(const std::string& name);
std::optional<Split> parseSplit(const std::string& name);

// True when a photo id ("0123") belongs to the split.
bool ccpInSplit(const std::string& photoId, Split split);

// The app's crop pipeline for BoxSource::Auto: boxes per category (top,
// bottom, shoes; nullopt when not found), the person mask and each
// category's garment mask (255 = that garment's pixels); masks may be empty
// when the pipeline has none (Background::Garment then needs them).
struct AutoCrops {
  std::array<std::optional<Box>, 3> boxes;
  GrayImage personMask;
  std::array<GrayImage, 3> garmentMasks;
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

struct CcpPhoto {
  std::string id, file, mask;  // file and mask relative to the folder; mask empty for tag-only photos
  bool pixel = false;          // pixel-annotated
  bool complete = false;       // complete_outfit
  std::array<std::optional<Box>, 3> boxes;  // top_with_outer, bottom, shoes
  std::vector<std::string> groupsPresent;   // groups with a box (pixel photos), for the context rules
  std::vector<std::string> warnings;
};

// classes.json: the group of each label value and the context rules.
struct CcpClassTable {
  struct Rule {
    int label = -1;            // the class the rule is about
    std::string becomes;       // its group when the photo has `whenPhotoHas`
    std::string whenPhotoHas;  // a group (judged by the photo's boxes)
  };
  std::vector<std::string> groups;  // index = label value
  std::vector<Rule> rules;
};
Result<CcpClassTable> readCcpClasses(const std::string& dir);

// Parses annotations.json; errors name the file and the record.
Result<std::vector<CcpPhoto>> readCcpAnnotations(const std::string& dir);

// The outfit photos the options select, in id order.
std::vector<CcpPhoto> selectCcpOutfits(const std::vector<CcpPhoto>& photos, const CcpOptions& options);

// The three crops (top, bottom, shoes) of one outfit photo. With auto boxes a
// photo where the pipeline misses an item (a dress has no top or bottom box)
// gives three empty images: the loader leaves that photo out.
Result<std::array<RgbImage, 3>> renderCcpCrops(const std::string& dir, const CcpPhoto& photo,
                                               const CcpClassTable& classes, const CcpOptions& options);

// Decodes, crops and encodes every selected outfit (or reads them from the
// cache). Ids are "ccp:<photo id>", item keys "ccp:<photo id>:<category>".
Result<OutfitSet> loadCcpOutfits(const std::string& dir, Encoder& encoder, const CcpOptions& options,
                                 const ProgressCallback& progress = {}, const CancelFlag* cancel = nullptr);

}  // namespace w2w::compat
