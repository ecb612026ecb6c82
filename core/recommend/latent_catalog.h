// LatentCatalog: the candidate items of a library, projected once into a
// compatibility model's latent space (unit vectors), per category.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/matrix.h"
#include "library/types.h"

namespace w2w {

struct LatentCandidates {
  std::vector<Id> itemIds;
  std::vector<Id> photoIds;  // the photo each crop comes from; 0 for standalone items
  FloatMatrix vectors;       // one L2-normalised row per item

  std::size_t size() const { return itemIds.size(); }
};

struct LatentCatalog {
  std::string checkpointId;  // which model made the vectors
  int dim = 0;
  std::array<LatentCandidates, kCategoryCount> byCategory;

  const LatentCandidates& of(Category c) const {
    return byCategory[static_cast<std::size_t>(categoryIndex(c))];
  }
  LatentCandidates& of(Category c) { return byCategory[static_cast<std::size_t>(categoryIndex(c))]; }
  std::size_t size() const {
    std::size_t n = 0;
    for (const LatentCandidates& candidates : byCategory) n += candidates.size();
    return n;
  }
};

}  // namespace w2w
