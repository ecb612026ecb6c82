#include "compat/modified_sampler.h"

#include <algorithm>

#include "common/seed_slots.h"

namespace w2w::compat {
namespace {

// The outfits other than `self` (and `also`, when >= 0) that fill `slot`.
std::vector<int> donors(const std::vector<std::uint8_t>& present, int count, int slotCount, int slot,
                        int self, int also) {
  std::vector<int> out;
  for (int j = 0; j < count; ++j) {
    if (j != self && j != also && present[static_cast<std::size_t>(j * slotCount + slot)]) out.push_back(j);
  }
  return out;
}

}  // namespace

std::vector<ModifiedOutfit> sampleModified(const std::vector<std::uint8_t>& present, int slotCount,
                                           Rng& rng) {
  const int count = slotCount > 0 ? static_cast<int>(present.size()) / slotCount : 0;
  std::vector<ModifiedOutfit> out(static_cast<std::size_t>(count));
  // How many outfits fill each slot: a slot can be replaced when another does.
  std::vector<int> filled(static_cast<std::size_t>(slotCount), 0);
  for (int j = 0; j < count; ++j) {
    for (int s = 0; s < slotCount; ++s) filled[static_cast<std::size_t>(s)] += present[j * slotCount + s];
  }
  for (int i = 0; i < count; ++i) {
    ModifiedOutfit& m = out[static_cast<std::size_t>(i)];
    m.source.assign(static_cast<std::size_t>(slotCount), -1);
    std::vector<int> replaceable;
    for (int s = 0; s < slotCount; ++s) {
      if (!present[static_cast<std::size_t>(i * slotCount + s)]) continue;
      m.source[static_cast<std::size_t>(s)] = i;
      if (filled[static_cast<std::size_t>(s)] >= 2) replaceable.push_back(s);
    }
    const int k = static_cast<int>(replaceable.size());
    if (k == 0) continue;
    if (k == 1) {
      m.replaced = {replaceable[0]};
    } else {
      // A uniform pair, numbered from the last in lexicographic order, so that
      // with three slots the draw is the one slot kept (0, 1 or 2).
      const int pairs = k * (k - 1) / 2;
      int q = pairs - 1 - rng.belowInt(pairs);
      for (int a = 0; a < k - 1; ++a) {
        if (q < k - 1 - a) {
          m.replaced = {replaceable[static_cast<std::size_t>(a)],
                        replaceable[static_cast<std::size_t>(a + 1 + q)]};
          break;
        }
        q -= k - 1 - a;
      }
    }
    int first = -1;
    for (int slot : m.replaced) {
      std::vector<int> choice = donors(present, count, slotCount, slot, i, first);
      if (choice.empty()) {
        m.source[static_cast<std::size_t>(slot)] = first;  // only the first donor fills this slot too
        continue;
      }
      const int j = choice[static_cast<std::size_t>(rng.belowInt(static_cast<int>(choice.size())))];
      m.source[static_cast<std::size_t>(slot)] = j;
      if (first < 0) first = j;
    }
  }
  return out;
}

std::vector<ModifiedOutfit> sampleModified(int count, Rng& rng) {
  if (count < 2) {
    // Nothing to swap with: every outfit stays as it is.
    std::vector<ModifiedOutfit> out(static_cast<std::size_t>(std::max(0, count)));
    for (int i = 0; i < count; ++i) out[static_cast<std::size_t>(i)].source.assign(kSeedSlotCount, i);
    return out;
  }
  return sampleModified(std::vector<std::uint8_t>(static_cast<std::size_t>(count) * kSeedSlotCount, 1),
                        kSeedSlotCount, rng);
}

std::vector<int> sampleCandidates(int outfit, const std::vector<int>& eligible, int k,
                                  const std::vector<int>& sameItemAs, Rng& rng) {
  // sameItemAs[n] is a canonical index of outfit n's item in the blank's
  // slot: two outfits sharing the item have the same value.
  std::vector<int> out;
  if (eligible.empty() || k <= 0) return out;
  const int truth = sameItemAs.empty() ? outfit : sameItemAs[static_cast<std::size_t>(outfit)];
  std::vector<int> usedItems = {truth};
  // Rejection sampling: fast when the set is large; the attempt cap keeps a
  // tiny or repetitive set from looping.
  for (int attempt = 0; attempt < 64 * k && static_cast<int>(out.size()) < k; ++attempt) {
    const int j = eligible[static_cast<std::size_t>(rng.belowInt(static_cast<int>(eligible.size())))];
    const int item = sameItemAs.empty() ? j : sameItemAs[static_cast<std::size_t>(j)];
    if (std::find(usedItems.begin(), usedItems.end(), item) != usedItems.end()) continue;
    usedItems.push_back(item);
    out.push_back(j);
  }
  return out;
}

std::vector<int> sampleCandidates(int outfit, int count, int k, const std::vector<int>& sameItemAs,
                                  Rng& rng) {
  std::vector<int> eligible;
  for (int j = 0; j < count; ++j) {
    if (j != outfit) eligible.push_back(j);
  }
  return sampleCandidates(outfit, eligible, k, sameItemAs, rng);
}

}  // namespace w2w::compat
