// Internal to core/compat (LibTorch types): the losses of the method.
//
// Latent tensors are [B, S, L] with "dot product = similarity" (see
// compat_head.h), so every loss is written with dot products. `present` is
// [B, S] (1 where the slot holds an item). Both losses are averages over the
// category pairs present in the batch, each category pair the average over
// its slot pairs (several when a layout has, say, two accessory slots); for
// the seed's three filled slots they are the seed's losses exactly.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "compat/modified_sampler.h"
#include "compat/outfit_set.h"

namespace w2w::compat {

// InfoNCE for one pair of slots over the batch: row i of `a` should match
// row i of `b` among all rows of `b`, and the other way round (the mean of
// the two cross-entropies, as in CLIP).
torch::Tensor pairInfoNce(const torch::Tensor& a, const torch::Tensor& b, double temperature);

// Outfit loss: pairInfoNce per slot pair among the outfits that fill both
// slots (at least two of them: the others are the negatives), averaged as
// above. Undefined when no pair is present twice.
torch::Tensor outfitLoss(const torch::Tensor& latent, const torch::Tensor& present,
                         const std::vector<SlotPair>& pairs, double temperature);

// The latent tensor of the modified outfits and its presence: slot s of
// outfit i is slot s of outfit modified[i].source[s] of the batch.
struct ModifiedLatent {
  torch::Tensor latent, present;
};
ModifiedLatent gatherModified(const torch::Tensor& latent, const std::vector<ModifiedOutfit>& modified);

// Modified loss: max(0, threshold - similarity) over the pairs present in the
// modified outfits: no loss above the threshold, a hinge below. Averaged as above.
torch::Tensor modifiedLoss(const ModifiedLatent& modified, const std::vector<SlotPair>& pairs,
                           double threshold);

}  // namespace w2w::compat
