// Outfits in the Polyvore Outfits format (Vasileva et al., ECCV 2018), read
// by the published protocol:
//   <split>.json                     [{"set_id": "...", "items": [{"item_id": "...", "index": 1}, ...]}, ...]
//   polyvore_item_metadata.json      {"<item_id>": {"semantic_category": "tops", ...}, ...}
//   compatibility_<split>.txt        "1 <set_id>_<index> <set_id>_<index> ..." (label, then items)
//   fill_in_blank_<split>.json       [{"question": [...], "answers": [...], "blank_position": n}, ...]
//   images/<item_id>.jpg
// The folder given is the one with <split>.json (polyvore_outfits/disjoint or
// polyvore_outfits/nondisjoint); the metadata and images/ are looked for
// there and in its parent.
//
// Every item of an outfit, a compatibility line or a FITB question is used:
// its semantic_category gives its garment category (polyvoreCategory, one
// table), and the set's layout has as many slots of each category as the
// fullest outfit needs (several accessories, sometimes two tops). The
// compatibility lines and FITB questions are taken as given: a line is
// scored as a whole outfit, and each question's candidate outfits are its
// question items plus one answer, the right answer being the one from the
// question's own set. Only items of a category outside the table are left
// out (and counted).
//
// Product images are already on white: each becomes a crop with
// renderWholeImage (white-padded square).
//
// Thread-safety: no shared state; the Encoder is used from the calling thread.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/category.h"
#include "common/progress.h"
#include "compat/outfit_set.h"
#include "embed/encoder.h"

namespace w2w::datasets {

// The garment category of a Polyvore semantic_category: tops, outerwear,
// bottoms, all-body (one-piece), shoes, bags, and jewellery, accessories,
// sunglasses, hats and scarves (accessories); nullopt for anything else.
std::optional<Category> polyvoreCategory(const std::string& semanticCategory);

struct PolyvoreOptions {
  std::string split = "test";  // "train", "valid" or "test"
  int cropSize = 224;
  std::string cacheDir;  // empty: no cache
};

struct PolyvoreData {
  compat::OutfitSet outfits;                       // "polyvore:<set_id>", item keys "polyvore:<item_id>"
  int skippedOutfits = 0;                          // with fewer than two items of known categories
  int skippedItems = 0;                            // items whose category is outside the table
  compat::OutfitSet compatibility;                 // the compatibility lines, one outfit each
  std::vector<int> compatibilityLabels;            // 1 compatible, 0 not, per row of `compatibility`
  compat::OutfitSet fitbCandidates;                // per question: its candidate outfits, the right one first
  std::vector<std::pair<int, int>> fitbQuestions;  // (first row in fitbCandidates, number of candidates)
};

Result<PolyvoreData> loadPolyvore(const std::string& dir, Encoder& encoder, const PolyvoreOptions& options,
                                  const ProgressCallback& progress = {}, const CancelFlag* cancel = nullptr);

// Polyvore's own tasks on a scored set: AUC of the compatibility lines and
// FITB accuracy of the questions (ties share the credit).
struct PolyvoreTasks {
  double compatibilityAuc = 0.5;
  int compatibilityOutfits = 0;
  double fitb = 0.0;
  int fitbQuestions = 0;
};
PolyvoreTasks scorePolyvoreTasks(const PolyvoreData& data, const std::vector<double>& compatibilityScores,
                                 const std::vector<double>& fitbScores);

}  // namespace w2w::datasets
