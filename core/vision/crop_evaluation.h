// Measuring the photo pipeline against CCP's ground truth: mean box IoU of
// top (with outer layer), bottom and shoes on complete outfits, and mean
// IoU of the foreground mask against the annotated person pixels.
//
// Shared by the evaluation tool (bench/vision) and the dataset tests.
// Thread-safety: no shared state.
#pragma once

#include <string>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "vision/ccp_dataset.h"
#include "vision/crop_proposer.h"

namespace w2w {

struct PhotoScore {
  std::string id;
  bool complete = false;  // box IoUs are set only for complete outfits
  double top = 0, bottom = 0, shoes = 0, mask = 0;
};

struct CropEvaluation {
  int photos = 0;                         // records evaluated (mask IoU, person IoU)
  int completeOutfits = 0;                // of those, with top_with_outer, bottom and shoes boxes (box IoUs)
  double top = 0, bottom = 0, shoes = 0;  // mean IoU over complete outfits (a missed box counts 0)
  double mask = 0;                        // mean per-photo mask IoU over all photos
  double person = 0;                      // mean person box IoU over all photos
  double onepieceAccuracy = 0;            // predicted onepiece flag == the record's onepiece_outfit
  double secondsPerPhoto = 0;             // propose() alone, decoding excluded
  std::vector<PhotoScore> scores;         // per photo, in order
};

// Evaluates `records` (pixel photos) one by one.
Result<CropEvaluation> evaluateCrops(const std::vector<const CcpRecord*>& records,
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
