// Opening a dataset by its command-line name:
//   ccp:DIR        a Clothing Co-Parsing style folder (ccp_outfits.h)
//   polyvore:DIR   a Polyvore Outfits split folder (polyvore_dataset.h)
//   library:FILE   the outfits of a wardrobe library (library_dataset.h)
// into an OutfitSet for training and evaluation.
//
// Thread-safety: no shared state; the Encoder is used from the calling
// thread only (one per worker, see encoder.h).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "common/progress.h"
#include "common/result.h"
#include "compat/outfit_set.h"
#include "datasets/ccp_outfits.h"
#include "datasets/polyvore_dataset.h"
#include "embed/encoder.h"

namespace w2w::datasets {

struct DatasetRequest {
  std::string spec;  // "ccp:DIR", "polyvore:DIR" or "library:FILE"
  Split split = Split::All;
  BoxSource boxes = BoxSource::GroundTruth;     // ccp only
  Background background = Background::Garment;  // ccp only
  bool skipWarnings = false;                    // ccp only
  std::string cacheDir;                         // empty: no cache
  AutoCropFunction autoCrop;                    // ccp with BoxSource::Auto
  std::string autoCropId;
};

// Checks the prefix (and that the path exists); the message says what is accepted.
Status checkDatasetSpec(const std::string& spec);

struct LoadedDataset {
  compat::OutfitSet outfits;
  // ccp: what the photos gave (outfits per kind, photos left out).
  std::optional<CcpLoadReport> ccp;
  // Polyvore's own compatibility lines and FITB questions (polyvore: only).
  std::shared_ptr<const PolyvoreData> polyvore;
};

// Polyvore: --split train or test reads train.json or test.json (all is refused).
// A library is opened read-write: embeddings it lacks are computed and stored.
Result<LoadedDataset> loadDataset(const DatasetRequest& request, Encoder& encoder,
                                  const ProgressCallback& progress = {}, const CancelFlag* cancel = nullptr);

// A JSON object that records the request (stored in checkpoints, printed by the CLI).
std::string datasetJson(const DatasetRequest& request);

// The request recorded by datasetJson (for evaluating with the training settings).
Result<DatasetRequest> parseDatasetJson(const std::string& json);

}  // namespace w2w::datasets
