// The import's crop pipeline as the crop function of dataset loaders
// (`--boxes auto`): a dataset's outfit photos are cropped exactly as the
// studio crops a user's photos, so figures measured on a dataset hold for
// the app's own crops.
//
// Thread-safety: the function may be called from any thread; the bundled
// garment parser is loaded once per process and shared.
#pragma once

#include <string>

#include "datasets/ccp_outfits.h"

namespace w2w {

// Boxes of every garment the bundled garment parser finds, the person mask
// and each garment's mask.
datasets::AutoCropFunction importCropFunction();

// Names the pipeline in dataset cache keys: a new parser model gives new crops.
std::string importCropFunctionId();

}  // namespace w2w
