// Outfits in the Polyvore Outfits format (Vasileva et al., ECCV 2018):
//   <split>.json                     [{"set_id": "...", "items": [{"item_id": "...", "index": 1}, ...]}, ...]
//   polyvore_item_metadata.json      {"<item_id>": {"semantic_category": "tops", ...}, ...}
//   compatibility_<split>.txt        "1 <set_id>_<index> <set_id>_<index> ..." (label, then items)
//   fill_in_blank_<split>.json       [{"question": [...], "answers": [...], "blank_position": n}, ...]
//   images/<item_id>.jpg
// The folder given is the one with <split>.json (e.g. polyvore_outfits/disjoint);
// the metadata and images/ are looked for there and in its parent.
//
// Categories: semantic_category "tops" is the top, "bottoms" the bottom,
// "shoes" the shoes. An outfit (or compatibility line, or FITB question)
// uses the first item (lowest index) of each of the three; its other items
// (bags, jewellery, outerwear, ...) are ignored, and outfits without all
// three are skipped. A FITB question counts when its blank is one of the
// three categories, the question has the other two, and every answer is of
// the blank's category; the right answer is the one from the question's set.
//
// Product images are already on white: each becomes a crop with
// renderWholeImage (white-padded square).
//
// Thread-safety: no shared state; the Encoder is used from the calling thread.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/progress.h"
#include "compat/outfit_set.h"
#include "embed/encoder.h"

namespace w2w::compat {

struct PolyvoreOptions {
  std::string split = "test";  // "train", "valid" or "test"
  int cropSize = 224;
  std::string cacheDir;  // empty: no cache
};

struct PolyvoreData {
  OutfitSet outfits;                     // "polyvore:<set_id>", item keys "polyvore:<item_id>"
  int skippedOutfits = 0;                // without a top, a bottom and shoes
  OutfitSet compatibility;               // the compatibility lines that have all three
  std::vector<int> compatibilityLabels;  // 1 compatible, 0 not, per row of `compatibility`
  OutfitSet fitbCandidates;              // per usable question: its candidate outfits, the right one first
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

}  // namespace w2w::compat
