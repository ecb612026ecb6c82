// CompatModel: a trained compatibility head, loaded from a checkpoint, for
// scoring outfits and projecting items (evaluation, recommendation).
//
// Latent vectors are laid out so that the dot product of two items is their
// similarity in the space of their category pair (see compat_head.h); the
// outfit score is the mean pair similarity over the pairs an outfit has.
//
// Thread-safety: after load(), the const methods may run on several threads
// at once (inference only, no autograd, no shared mutable state).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/matrix.h"
#include "common/result.h"
#include "compat/checkpoint.h"
#include "compat/outfit_set.h"

namespace w2w::compat {

class CompatModel {
 public:
  // Reads config.json and model.safetensors of a checkpoint folder.
  static Result<std::unique_ptr<CompatModel>> load(const std::string& checkpointDir);
  ~CompatModel();
  CompatModel(const CompatModel&) = delete;
  CompatModel& operator=(const CompatModel&) = delete;

  const CheckpointInfo& info() const;
  int latentDim() const;

  // Whether the model was trained with items of this category (it can only
  // project those).
  bool knows(Category category) const;
  // Latent vectors of items of one category (rows of encoder embeddings).
  Result<FloatMatrix> embed(Category category, const FloatMatrix& encoderVectors) const;
  // The whole set in the latent space (for evaluate()); its layout may differ
  // from the model's, as long as the model knows every slot's category.
  Result<OutfitSet> project(const OutfitSet& outfits) const;
  // Outfit scores: mean pair similarity over the pairs present, one per outfit.
  Result<std::vector<double>> score(const OutfitSet& outfits) const;

 private:
  struct Impl;
  explicit CompatModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace w2w::compat
