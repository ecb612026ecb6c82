// OutfitSet: outfits as vectors, the [N, S, D] outfit tensor of the method.
//
// An outfit set has a slot layout: the garment category of each of its S
// slots (common/category.h). Row n holds, for every slot, the embedding of
// outfit n's item of that slot's category (D floats), or nothing (an empty
// slot, stored as zeros). The seed's layout is top, bottom, shoes with every
// slot filled; a set of street photos uses top, outer, bottom, onepiece,
// shoes, bag; Polyvore adds as many accessory (or second top) slots as its
// outfits need. Whatever the source (a ccp folder, Polyvore, the user's
// library), loaders produce this, and the trainer, the model and the
// evaluator consume it. Plain data: copy freely, share read-only between
// threads.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/result.h"
#include "common/seed_slots.h"

namespace w2w::compat {

// Two slots of a layout whose categories can be worn together.
struct SlotPair {
  int a = 0, b = 0;  // slot indices, a < b
  CategoryPair categories;
};

// The slot pairs of a layout, ordered by the distance between the slots, then
// by the first slot: for the seed's layout (top, bottom, shoes) that is
// top-bottom, bottom-shoes, top-shoes, the seed's order.
std::vector<SlotPair> slotPairs(const std::vector<Category>& slots);

// The category pairs of a layout, each once, in the order of their first
// slot pair above.
std::vector<CategoryPair> layoutPairs(const std::vector<Category>& slots);

// The distinct categories of a layout, in the order of their first slot.
std::vector<Category> layoutCategories(const std::vector<Category>& slots);

// The seed's layout: top, bottom, shoes.
std::vector<Category> seedLayout();

struct OutfitSet {
  std::string encoderId;                        // the encoder (or "latent:<...>" for head outputs)
  int dim = 0;                                  // D
  std::vector<Category> slots = seedLayout();   // the layout (S slots)
  std::vector<std::string> ids;                 // one per outfit, e.g. "ccp:0001"
  std::vector<std::vector<std::string>> items;  // item identity per slot (same item, same key)
  std::vector<std::uint8_t> present;            // ids.size() * S: 1 where the slot holds an item
  std::vector<float> vectors;                   // ids.size() * S * dim (zeros in empty slots)

  int size() const { return static_cast<int>(ids.size()); }
  int slotCount() const { return static_cast<int>(slots.size()); }
  bool empty() const { return ids.empty(); }
  bool has(int outfit, int slot) const {
    return present[static_cast<std::size_t>(outfit) * slots.size() + static_cast<std::size_t>(slot)] != 0;
  }
  const float* vector(int outfit, int slot) const {
    return vectors.data() + (static_cast<std::size_t>(outfit) * slots.size() + slot) * dim;
  }
  float* vector(int outfit, int slot) {
    return vectors.data() + (static_cast<std::size_t>(outfit) * slots.size() + slot) * dim;
  }
  // Whether every outfit fills every slot (as the seed's data does).
  bool allPresent() const;
  // Whether outfit n is a one-piece outfit (a onepiece slot is filled).
  bool isOnepiece(int outfit) const;

  // Appends one outfit: per slot, the item key and its `dim` floats, or
  // nullptr for an empty slot.
  void add(std::string id, std::vector<std::string> itemKeys, const std::vector<const float*>& slotVectors);
  // Appends one outfit of the seed's layout (every slot filled).
  void add(std::string id, const std::array<std::string, kSeedSlotCount>& itemKeys, const float* top,
           const float* bottom, const float* shoes);

  // The outfits at `indices`, in that order.
  OutfitSet subset(const std::vector<int>& indices) const;

  // Sizes agree, values are finite, every outfit has at least two items.
  // Names the first bad outfit.
  Status validate() const;
};

// Scales every vector to unit length (zero vectors stay zero).
void normalizeRows(OutfitSet& set);

// The set with only the slots whose category is accepted (e.g. the ones a
// trained model knows); outfits left with fewer than two items are dropped.
OutfitSet keepSlots(const OutfitSet& set, const std::function<bool(Category)>& accept);

}  // namespace w2w::compat
