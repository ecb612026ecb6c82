// Internal to core/compat (LibTorch types): OutfitSet <-> tensors.
#pragma once

#include <torch/torch.h>

#include "compat/outfit_set.h"

namespace w2w::compat {

// [N, S, D] float32 copy of the set's vectors (zeros in empty slots).
torch::Tensor outfitTensor(const OutfitSet& set);

// [N, S] float32: 1 where the slot holds an item.
torch::Tensor presenceTensor(const OutfitSet& set);

// An OutfitSet with the ids, layout, items and presence of `like` and the
// vectors of `latent` ([N, S, L]); encoderId becomes `spaceId`.
OutfitSet latentSet(const OutfitSet& like, const torch::Tensor& latent, const std::string& spaceId);

}  // namespace w2w::compat
