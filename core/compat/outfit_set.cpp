#include "compat/outfit_set.h"

#include <algorithm>
#include <cmath>

namespace w2w::compat {

std::vector<SlotPair> slotPairs(const std::vector<Category>& slots) {
  std::vector<SlotPair> out;
  const int n = static_cast<int>(slots.size());
  for (int distance = 1; distance < n; ++distance) {
    for (int a = 0; a + distance < n; ++a) {
      const Category ca = slots[static_cast<std::size_t>(a)];
      const Category cb = slots[static_cast<std::size_t>(a + distance)];
      if (canWearTogether(ca, cb)) out.push_back({a, a + distance, makePair(ca, cb)});
    }
  }
  return out;
}

std::vector<CategoryPair> layoutPairs(const std::vector<Category>& slots) {
  std::vector<CategoryPair> out;
  for (const SlotPair& p : slotPairs(slots)) {
    if (std::find(out.begin(), out.end(), p.categories) == out.end()) out.push_back(p.categories);
  }
  return out;
}

std::vector<Category> layoutCategories(const std::vector<Category>& slots) {
  std::vector<Category> out;
  for (Category c : slots) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::vector<Category> seedLayout() { return {kSeedSlots.begin(), kSeedSlots.end()}; }

bool OutfitSet::allPresent() const {
  return std::all_of(present.begin(), present.end(), [](std::uint8_t p) { return p != 0; });
}

bool OutfitSet::isOnepiece(int outfit) const {
  for (int s = 0; s < slotCount(); ++s) {
    if (slots[static_cast<std::size_t>(s)] == Category::Onepiece && has(outfit, s)) return true;
  }
  return false;
}

void OutfitSet::add(std::string id, std::vector<std::string> itemKeys,
                    const std::vector<const float*>& slotVectors) {
  ids.push_back(std::move(id));
  itemKeys.resize(slots.size());
  for (std::size_t s = 0; s < slots.size(); ++s) {
    const float* v = s < slotVectors.size() ? slotVectors[s] : nullptr;
    present.push_back(v ? 1 : 0);
    if (v) {
      vectors.insert(vectors.end(), v, v + dim);
    } else {
      vectors.insert(vectors.end(), static_cast<std::size_t>(dim), 0.f);
      itemKeys[s].clear();
    }
  }
  items.push_back(std::move(itemKeys));
}

void OutfitSet::add(std::string id, const std::array<std::string, kSeedSlotCount>& itemKeys, const float* top,
                    const float* bottom, const float* shoes) {
  add(std::move(id), std::vector<std::string>(itemKeys.begin(), itemKeys.end()), {top, bottom, shoes});
}

OutfitSet OutfitSet::subset(const std::vector<int>& indices) const {
  OutfitSet out;
  out.encoderId = encoderId;
  out.dim = dim;
  out.slots = slots;
  const std::size_t s = slots.size();
  out.ids.reserve(indices.size());
  out.items.reserve(indices.size());
  out.present.reserve(indices.size() * s);
  out.vectors.reserve(indices.size() * s * static_cast<std::size_t>(dim));
  for (int i : indices) {
    const auto n = static_cast<std::size_t>(i);
    out.ids.push_back(ids[n]);
    out.items.push_back(items[n]);
    out.present.insert(out.present.end(), present.begin() + static_cast<std::ptrdiff_t>(n * s),
                       present.begin() + static_cast<std::ptrdiff_t>((n + 1) * s));
    out.vectors.insert(out.vectors.end(), vector(i, 0), vector(i, 0) + s * static_cast<std::size_t>(dim));
  }
  return out;
}

Status OutfitSet::validate() const {
  if (dim <= 0) return makeError("outfit set has no dimension");
  if (slots.size() < 2) return makeError("outfit set: a layout needs at least two slots");
  const std::size_t s = slots.size();
  if (items.size() != ids.size() || present.size() != ids.size() * s)
    return makeError("outfit set: item keys do not match the outfits");
  if (vectors.size() != ids.size() * s * static_cast<std::size_t>(dim)) {
    return makeError("outfit set: " + std::to_string(vectors.size()) + " values for " +
                     std::to_string(ids.size()) + " outfits of " + std::to_string(s) + " x " +
                     std::to_string(dim));
  }
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    if (!std::isfinite(vectors[i])) {
      const std::size_t outfit = i / (s * static_cast<std::size_t>(dim));
      return makeError("outfit " + ids[outfit] + ": embedding has a non-finite value");
    }
  }
  for (int n = 0; n < size(); ++n) {
    int filled = 0;
    for (int slot = 0; slot < slotCount(); ++slot) filled += has(n, slot) ? 1 : 0;
    if (filled < 2)
      return makeError("outfit " + ids[static_cast<std::size_t>(n)] + " has fewer than two items");
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

OutfitSet keepSlots(const OutfitSet& set, const std::function<bool(Category)>& accept) {
  std::vector<int> kept;
  for (int s = 0; s < set.slotCount(); ++s)
    if (accept(set.slots[static_cast<std::size_t>(s)])) kept.push_back(s);
  OutfitSet out;
  out.encoderId = set.encoderId;
  out.dim = set.dim;
  out.slots.clear();
  for (int s : kept) out.slots.push_back(set.slots[static_cast<std::size_t>(s)]);
  for (int n = 0; n < set.size(); ++n) {
    std::vector<std::string> keys;
    std::vector<const float*> vectors;
    int filled = 0;
    for (int s : kept) {
      keys.push_back(set.items[static_cast<std::size_t>(n)][static_cast<std::size_t>(s)]);
      vectors.push_back(set.has(n, s) ? set.vector(n, s) : nullptr);
      filled += set.has(n, s) ? 1 : 0;
    }
    if (filled >= 2) out.add(set.ids[static_cast<std::size_t>(n)], keys, vectors);
  }
  return out;
}

}  // namespace w2w::compat
