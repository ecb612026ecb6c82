// Reading the Clothing Co-Parsing (CCP) dataset as laid out in
// shared/datasets/ccp (annotations.json, classes.json, photos/, masks/): the
// photo records with their ground-truth boxes and outfit flags, the class
// table with its context rules, and which garment category (common/category.h)
// each class is. The one reader of CCP: the garment parser's training and
// evaluation (vision) and the compatibility datasets (datasets/ccp_outfits.h)
// both use it.
//
// Thread-safe: no shared state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/image.h"
#include "common/result.h"

namespace w2w {

struct CcpRecord {
  std::string id;     // "0001"
  std::string file;   // "photos/0001.jpg", relative to the dataset folder
  std::string photo;  // absolute path of the JPEG
  std::string mask;   // absolute path of the class mask PNG; empty for tag-only photos
  int width = 0;
  int height = 0;
  std::vector<std::string> tags;  // class names present (every class of the mask, or the upstream tags)
  // Ground-truth boxes (pixel photos); nullopt when the group is absent.
  std::optional<Box> top, topWithOuter, bottom, shoes, onepiece, person;
  bool completeOutfit = false;  // (top or top_with_outer), bottom and shoes
  bool onepieceOutfit = false;  // onepiece and shoes
  std::vector<std::string> warnings;

  int number() const { return std::stoi(id); }
  bool hasMask() const { return !mask.empty(); }
};

// classes.json: the name and group of each mask value, and the rules that
// change a class's group by what else the photo shows.
struct CcpContextRule {
  int label = -1;            // the class the rule is about
  std::string becomes;       // its group when the photo has `whenPhotoHas`
  std::string whenPhotoHas;  // a group
};

struct CcpDataset {
  std::string dir;
  std::vector<CcpRecord> records;        // in id order
  std::vector<std::string> classNames;   // index = mask value
  std::vector<std::string> classGroups;  // group per class index (top, outer, bottom, ...), before the rules
  std::vector<CcpContextRule> rules;
};

// Errors name the file ("<dir>/annotations.json: not a JSON list").
Result<CcpDataset> loadCcpDataset(const std::string& dir);

// The garment category of a CCP class of the given group: top, outer,
// bottom, onepiece and shoes as their groups say; bag, purse and wallet are
// bags, the rest of the accessory group accessories; skin, hair, background
// and the "other" group (hosiery, underwear) are no garment.
std::optional<Category> ccpCategory(const std::string& className, const std::string& group);

// The group of every class for one photo, the context rules applied (a class
// counts as present when it covers at least 0.1% of the mask, or, without a
// mask, when the photo is tagged with it).
std::vector<std::string> ccpPhotoGroups(const CcpDataset& dataset, const CcpRecord& record,
                                        const GrayImage* classMask);

// The garment category of every class for one photo (ccpCategory of
// ccpPhotoGroups); nullopt for the classes that are no garment.
std::vector<std::optional<Category>> ccpPhotoCategories(const CcpDataset& dataset, const CcpRecord& record,
                                                        const GrayImage* classMask);

// The dataset's box rule (its README) for one garment's mask (255 = its
// pixels): pieces within about 6% of the longer side are grouped, groups
// with fewer than 0.1% of the image's pixels are noise, and the box is tight
// around the remaining pixels; nullopt when nothing remains.
std::optional<Box> ccpRuleBox(const GrayImage& garment);

// The photos whose number lies in [first, last] with a pixel mask and no
// warnings (strict ground truth).
std::vector<const CcpRecord*> ccpStrictPixelRecords(const CcpDataset& dataset, int first, int last);

}  // namespace w2w
