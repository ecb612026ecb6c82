// Internal to core/compat (LibTorch types): OutfitSet <-> tensors.
#pragma once

#include <torch/torch.h>

#include "compat/outfit_set.h"

namespace w2w::compat {

// [N, 3, D] float32 copy of the set's vectors.
torch::Tensor outfitTensor(const OutfitSet& set);

// An OutfitSet with the ids and items of `like` and the vectors of `latent`
// ([N, 3, L]); encoderId becomes `spaceId`.
OutfitSet latentSet(const OutfitSet& like, const torch::Tensor& latent, const std::string& spaceId);

}  // namespace w2w::compat
