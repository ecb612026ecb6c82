// A library ready to train on, for the widget tests of training: user
// outfits of standalone items whose basic-encoder embeddings carry a planted
// compatibility (nothing needs encoding, and a small head learns it fast).
#pragma once

#include <string>

#include "compat/compat_config.h"
#include "test_support.h"

namespace w2w::test {

// Creates `dir`/wardrobe.w2w with `count` outfits; returns its path.
std::string makeTrainingLibrary(const TempDir& dir, int count);

// A small, quick head: `epochs` epochs of `batch` outfits, no early stopping.
compat::TrainConfig smallTrainConfig(int epochs, int batch);

}  // namespace w2w::test
