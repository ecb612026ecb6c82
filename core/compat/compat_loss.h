// Internal to core/compat (LibTorch types): the losses of the method.
//
// Latent tensors are [B, 3, L] with "dot product = similarity" (see
// compat_head.h), so every loss is written with dot products.
#pragma once

#include <torch/torch.h>

#include <vector>

#include "compat/modified_sampler.h"

namespace w2w::compat {

// InfoNCE for one category pair over the batch: row i of `a` should match
// row i of `b` among all rows of `b`, and the other way round (the mean of
// the two cross-entropies, as in CLIP).
torch::Tensor pairInfoNce(const torch::Tensor& a, const torch::Tensor& b, double temperature);

// Outfit loss: pairInfoNce averaged over (top,bottom), (bottom,shoes), (top,shoes).
torch::Tensor outfitLoss(const torch::Tensor& latent, double temperature);

// The latent tensor of the modified outfits: slot c of outfit i is slot c of
// outfit modified[i].source[c] of the batch.
torch::Tensor gatherModified(const torch::Tensor& latent, const std::vector<ModifiedOutfit>& modified);

// Modified loss: mean over outfits and the three pairs of
// max(0, threshold - similarity): no loss above the threshold, a hinge below.
torch::Tensor modifiedLoss(const torch::Tensor& modifiedLatent, double threshold);

}  // namespace w2w::compat
