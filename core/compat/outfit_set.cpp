#include "compat/outfit_set.h"

#include <algorithm>
#include <cmath>

namespace w2w::compat {

void OutfitSet::add(std::string id, std::array<std::string, 3> itemKeys, const float* top,
                    const float* bottom, const float* shoes) {
  ids.push_back(std::move(id));
  items.push_back(std::move(itemKeys));
  for (const float* v : {top, bottom, shoes}) vectors.insert(vectors.end(), v, v + dim);
}

OutfitSet OutfitSet::subset(const std::vector<int>& indices) const {
  OutfitSet out;
  out.encoderId = encoderId;
  out.dim = dim;
  out.ids.reserve(indices.size());
  out.items.reserve(indices.size());
  out.vectors.reserve(indices.size() * 3 * static_cast<std::size_t>(dim));
  for (int i : indices) out.add(ids[i], items[i], vector(i, 0), vector(i, 1), vector(i, 2));
  return out;
}

Status OutfitSet::validate() const {
  if (dim <= 0) return makeError("outfit set has no dimension");
  if (items.size() != ids.size()) return makeError("outfit set: item keys do not match the outfits");
  if (vectors.size() != ids.size() * 3 * static_cast<std::size_t>(dim)) {
    return makeError("outfit set: " + std::to_string(vectors.size()) + " values for " +
                     std::to_string(ids.size()) + " outfits of 3 x " + std::to_string(dim));
  }
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    if (!std::isfinite(vectors[i])) {
      const std::size_t outfit = i / (3 * static_cast<std::size_t>(dim));
      return makeError("outfit " + ids[outfit] + ": embedding has a non-finite value");
    }
  }
  return Status::success();
}

void normalizeRows(OutfitSet& set) {
  const std::size_t rows = set.vectors.size() / std::max(1, set.dim);
  for (std::size_t r = 0; r < rows; ++r) {
    float* v = set.vectors.data() + r * set.dim;
    double sum = 0;
    for (int k = 0; k < set.dim; ++k) sum += double(v[k]) * v[k];
    if (sum <= 0) continue;
    const float inv = static_cast<float>(1.0 / std::sqrt(sum));
    for (int k = 0; k < set.dim; ++k) v[k] *= inv;
  }
}

}  // namespace w2w::compat
