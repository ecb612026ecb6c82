// OutfitSet: outfits as vectors, the [N, 3, D] outfit tensor of the method.
//
// Row n holds the embeddings of outfit n's top, bottom and shoes (in the
// order of w2w::Category), each D floats. Whatever the source (a ccp folder,
// Polyvore, the user's library), loaders produce this, and the trainer, the
// model and the evaluator consume it. Plain data: copy freely, share
// read-only between threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/result.h"

namespace w2w::compat {

struct OutfitSet {
  std::string encoderId;                          // the encoder (or "latent:<...>" for head outputs)
  int dim = 0;                                    // D
  std::vector<std::string> ids;                   // one per outfit, e.g. "ccp:0001"
  std::vector<std::array<std::string, 3>> items;  // item identity per slot (same item, same key)
  std::vector<float> vectors;                     // ids.size() * 3 * dim

  int size() const { return static_cast<int>(ids.size()); }
  bool empty() const { return ids.empty(); }
  const float* vector(int outfit, int category) const {
    return vectors.data() + (static_cast<std::size_t>(outfit) * 3 + category) * dim;
  }
  float* vector(int outfit, int category) {
    return vectors.data() + (static_cast<std::size_t>(outfit) * 3 + category) * dim;
  }

  // Appends one outfit (three vectors of `dim` floats each).
  void add(std::string id, std::array<std::string, 3> itemKeys, const float* top, const float* bottom,
           const float* shoes);

  // The outfits at `indices`, in that order.
  OutfitSet subset(const std::vector<int>& indices) const;

  // Sizes agree, values are finite. Names the first bad outfit.
  Status validate() const;
};

// Scales every vector to unit length (zero vectors stay zero).
void normalizeRows(OutfitSet& set);

}  // namespace w2w::compat
