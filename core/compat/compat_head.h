// Internal to core/compat (LibTorch types): the projection head.
//
// Each projection is Linear, LayerNorm, GELU, Dropout, Linear (design.md).
// The head maps an outfit tensor [N, 3, D] to latent vectors [N, 3, L] such
// that the dot product of two items is their similarity:
// - Shared: one projection for every category, L = E, unit length;
// - PerCategory: one projection per category, L = E, unit length;
// - PairSpaces: one projection per category with output 2E: one unit vector
//   per category pair the category belongs to, laid out in a 3E vector with
//   the pair spaces it is not part of left at zero, so that top . bottom is
//   the cosine in the (top, bottom) space only.
// With an ensemble of K heads, each member is one of the above and the latent
// vector is the members' vectors side by side, scaled by 1/sqrt(K): the dot
// product is then the mean of the members' similarities. Members are
// trained independently (each on its own loss).
// Dropout draws from the generator passed in, so training is reproducible
// without touching LibTorch's global generator.
// Thread-safety: forward() in eval mode may run on several threads; training
// (train mode, optimiser steps) on one.
#pragma once

#include <torch/torch.h>

#include "compat/compat_config.h"

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
  // x: [N, 3, D] float32. `generator` is used for dropout in training mode.
  torch::Tensor forward(const torch::Tensor& x, at::Generator* generator = nullptr);
  // Standardisation statistics per category from training data [N, 3, D].
  void fitStandardization(const torch::Tensor& data);
  // x standardised (or unchanged when standardisation is off).
  torch::Tensor standardized(const torch::Tensor& x) const;
  // The projected vectors without standardisation (augmentation goes between).
  torch::Tensor project(const torch::Tensor& standardizedInput, at::Generator* generator);
  void initialize(at::Generator& generator);
  int latentDim() const;        // of the whole (ensemble) latent vector
  int memberLatentDim() const;  // of one member
  // The members' latent tensors [N, 3, memberLatentDim] (unit scale) of a
  // latent tensor from project()/forward().
  std::vector<torch::Tensor> members(const torch::Tensor& latent) const;

  HeadConfig config;
  std::vector<Projection> projections;  // per member: 1 (Shared) or 3
  torch::Tensor mean, scale;            // [3, D] buffers: x' = (x - mean) * scale
};
TORCH_MODULE(CompatHead);

// Inverted-dropout multipliers for a tensor like `like`: 0 with probability
// `rate` (rounded to a multiple of 1/256), else 1 / (1 - that rate).
torch::Tensor dropoutMask(const torch::Tensor& like, double rate, at::Generator* generator);

// Parameters and buffers by name, as saved in checkpoints.
std::vector<std::pair<std::string, torch::Tensor>> headTensors(CompatHeadImpl& head);

}  // namespace w2w::compat
