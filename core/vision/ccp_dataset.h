// Reading the Clothing Co-Parsing (CCP) dataset as laid out in
// shared/datasets/ccp (annotations.json, classes.json, photos/, masks/): the
// records with their ground-truth boxes, and the per-pixel training labels of
// the garment parser (GarmentLabel) made from a CCP class mask.
//
// Used by the parser's training tool, the crop evaluation and the dataset
// tests. Thread-safe: no shared state.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/image.h"
#include "common/result.h"

namespace w2w {

struct CcpRecord {
  std::string id;     // "0001"
  std::string photo;  // absolute path of the JPEG
  std::string mask;   // absolute path of the class mask PNG; empty for tag-only photos
  int width = 0;
  int height = 0;
  // Ground-truth boxes (pixel photos); nullopt when the group is absent.
  std::optional<Box> top, topWithOuter, bottom, shoes, onepiece, person;
  bool completeOutfit = false;
  bool onepieceOutfit = false;
  std::vector<std::string> warnings;

  int number() const { return std::stoi(id); }
  bool hasMask() const { return !mask.empty(); }
};

struct CcpDataset {
  std::string dir;
  std::vector<CcpRecord> records;
  std::vector<std::string> classNames;   // index = mask value
  std::vector<std::string> classGroups;  // group per class index (top, outer, bottom, ...)
};

// Errors name the file ("<dir>/annotations.json: not a JSON list").
Result<CcpDataset> loadCcpDataset(const std::string& dir);

// Training labels (GarmentLabel values) for one photo's class mask, applying
// the dataset's context rule that matters here: a bodysuit is a top when the
// photo also shows a bottom garment, otherwise a one-piece.
GrayImage ccpLabelMap(const CcpDataset& dataset, const GrayImage& classMask);

// The photos whose number lies in [first, last] with a pixel mask and no
// warnings (strict ground truth).
std::vector<const CcpRecord*> ccpStrictPixelRecords(const CcpDataset& dataset, int first, int last);

}  // namespace w2w
