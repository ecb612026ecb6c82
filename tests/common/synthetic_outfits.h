// Synthetic outfits for the compatibility tests.
#pragma once

#include <cstdint>

#include "compat/outfit_set.h"

namespace w2w::compat::synth {

// Planted structure: each outfit has a hidden style s (a `styleDim` Gaussian
// vector); its top, bottom and shoes are A_c s + noise with a different random
// matrix A_c per category. Items of one outfit are therefore compatible by
// construction, but their raw vectors point in unrelated directions (the raw
// cosine cannot see it): only a trained head can. `worldSeed` fixes the A_c
// (the same rule for training and test sets), `seed` the outfits.
OutfitSet plantedOutfits(int count, int dim, int styleDim, double noise, std::uint64_t worldSeed,
                         std::uint64_t seed, const std::string& prefix = "syn");

// Unit vectors with no structure at all.
OutfitSet randomOutfits(int count, int dim, std::uint64_t seed);

}  // namespace w2w::compat::synth
