// Internal to core/compat (LibTorch types): the projection head.
//
// Each projection is Linear, LayerNorm, GELU, Dropout, Linear (design.md).
// The head maps an outfit tensor [N, S, D] (the slots of config.slots) to
// latent vectors [N, S, L] such that the dot product of two items is their
// similarity:
// - Shared: one projection for every category, L = E, unit length;
// - PerCategory: one projection per category of the layout (slots of one
//   category share it), L = E, unit length;
// - PairSpaces: one projection per category whose output has a unit vector
//   for every category pair of the layout the category belongs to, laid out
//   in a (pairs x E) vector with the spaces of the other pairs left at zero,
//   so that top . bottom is the cosine in the (top, bottom) space only.
// With an ensemble of K heads, each member is one of the above and the latent
// vector is the members' vectors side by side, scaled by 1/sqrt(K): the dot
// product is then the mean of the members' similarities. Members are
// trained independently (each on its own loss).
// Inputs are standardised per category (the mean and spread of that
// category's items in the training data).
// Dropout draws from the generator passed in, so training is reproducible
// without touching LibTorch's global generator.
// Thread-safety: forward() in eval mode may run on several threads; training
// (train mode, optimiser steps) on one.
#pragma once

#include <torch/torch.h>

#include "compat/compat_config.h"
#include "compat/outfit_set.h"

namespace w2w::compat {

struct ProjectionImpl : torch::nn::Module {
  ProjectionImpl(int inputDim, int hiddenDim, int outputDim, double dropout);
  torch::Tensor forward(const torch::Tensor& x, at::Generator* generator);
  // PyTorch's default Linear initialisation, drawn from `generator`.
  void initialize(at::Generator& generator);

  torch::nn::Linear fc1{nullptr}, fc2{nullptr};
  torch::nn::LayerNorm norm{nullptr};
  double dropout;
};
TORCH_MODULE(Projection);

struct CompatHeadImpl : torch::nn::Module {
  explicit CompatHeadImpl(const HeadConfig& config);
  // x: [N, S, D] float32. `generator` is used for dropout in training mode.
  torch::Tensor forward(const torch::Tensor& x, at::Generator* generator = nullptr);
  // Standardisation statistics per category from training data [N, S, D]
  // and its presence [N, S] (empty slots do not count).
  void fitStandardization(const torch::Tensor& data, const torch::Tensor& present);
  // x standardised (or unchanged when standardisation is off).
  torch::Tensor standardized(const torch::Tensor& x) const;
  // The projected vectors without standardisation (augmentation goes between).
  torch::Tensor project(const torch::Tensor& standardizedInput, at::Generator* generator);
  void initialize(at::Generator& generator);
  int latentDim() const;        // of the whole (ensemble) latent vector
  int memberLatentDim() const;  // of one member
  // The members' latent tensors [N, S, memberLatentDim] (unit scale) of a
  // latent tensor from project()/forward().
  std::vector<torch::Tensor> members(const torch::Tensor& latent) const;
  // The first slot of category c, or -1 when the layout has none.
  int slotOf(Category c) const;

  HeadConfig config;
  std::vector<Category> categories;     // the layout's distinct categories (layoutCategories)
  std::vector<int> categoryOfSlot;      // index into `categories` per slot
  std::vector<CategoryPair> pairs;      // the layout's category pairs (PairSpaces' spaces, in order)
  std::vector<Projection> projections;  // per member: 1 (Shared) or one per category
  torch::Tensor mean, scale;            // [categories, D] buffers: x' = (x - mean) * scale
};
TORCH_MODULE(CompatHead);

// Inverted-dropout multipliers for a tensor like `like`: 0 with probability
// `rate` (rounded to a multiple of 1/256), else 1 / (1 - that rate).
torch::Tensor dropoutMask(const torch::Tensor& like, double rate, at::Generator* generator);

// Parameters and buffers by name, as saved in checkpoints.
std::vector<std::pair<std::string, torch::Tensor>> headTensors(CompatHeadImpl& head);

}  // namespace w2w::compat
