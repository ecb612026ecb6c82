// Measuring the photo pipeline against CCP's ground truth: mean box IoU of
// every proposed category over the photos that show it, of the top and outer
// layer together against `top_with_outer`, the one-piece outfit flag, how
// many photos give a valid outfit, and mean IoU of the foreground mask
// against the annotated person pixels.
//
// Shared by the evaluation tool (bench/vision) and the dataset tests.
// Thread-safety: no shared state.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "vision/ccp_dataset.h"
#include "vision/crop_proposer.h"

namespace w2w {

struct PhotoScore {
  std::string id;
  bool complete = false;  // top, bottom, shoes are set only for complete outfits
  double top = 0, bottom = 0, shoes = 0, mask = 0;
  // Box IoU per category where the photo shows it (nullopt where it does not;
  // a box the pipeline misses scores 0); top and outer together against
  // top_with_outer where that is annotated.
  std::array<std::optional<double>, kCategoryCount> iou;
  std::optional<double> topWithOuter;
  bool onepieceTruth = false, onepiecePredicted = false;
  bool validTruth = false;      // the annotation is a valid outfit
  bool validPredicted = false;  // the proposed boxes make a valid outfit
};

// Mean IoU over the photos that show a category.
struct PresentScore {
  double iou = 0;
  int photos = 0;
};

struct CropEvaluation {
  int photos = 0;           // records evaluated
  int completeOutfits = 0;  // of those, with top_with_outer, bottom and shoes boxes
  // Mean IoU over complete outfits (a missed box counts 0); top is the top
  // and outer layer together against top_with_outer.
  double top = 0, bottom = 0, shoes = 0;
  std::array<PresentScore, kCategoryCount> byCategory;  // by categoryIndex(); accessories not scored
  PresentScore topWithOuter;                            // top and outer together, where annotated
  double mask = 0;                                      // mean per-photo mask IoU over all photos
  double person = 0;                                    // mean person box IoU over all photos
  double onepieceAccuracy = 0;     // predicted onepiece flag == the record's onepiece_outfit
  double validOutfits = 0;         // share of photos whose proposed boxes make a valid outfit
  int validTruth = 0;              // photos whose annotation is a valid outfit
  double secondsPerPhoto = 0;      // propose() alone, decoding excluded
  std::vector<PhotoScore> scores;  // per photo, in order
};

// Evaluates `records` (pixel photos of `dataset`) one by one. The truth of
// top, bottom, shoes and one-piece is the record's boxes; of outer layer and
// bag, the dataset's box rule on the photo's label map.
Result<CropEvaluation> evaluateCrops(const CcpDataset& dataset, const std::vector<const CcpRecord*>& records,
                                     const CropProposer& proposer, const ProgressCallback& progress = {});

// Mean box IoUs of fixed-ratio splits (the crude baseline): each item is a
// full-width band of rows [from, to) of a reference box, the ground-truth
// person box (`onPersonBox`) or the whole image. The bands are fitted on
// `fit` by a grid search in steps of 0.02, then scored on `score` (complete
// outfits both).
struct RatioBaseline {
  double topFrom = 0, topTo = 0, bottomFrom = 0, bottomTo = 0, shoesFrom = 0, shoesTo = 0;
  double top = 0, bottom = 0, shoes = 0;
};
RatioBaseline ratioBaseline(const std::vector<const CcpRecord*>& fit,
                            const std::vector<const CcpRecord*>& score, bool onPersonBox);

// The records with all three boxes a complete outfit is scored on.
std::vector<const CcpRecord*> completeOutfits(const std::vector<const CcpRecord*>& records);

}  // namespace w2w
