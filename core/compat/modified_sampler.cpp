#include "compat/modified_sampler.h"

#include <algorithm>

namespace w2w::compat {

std::vector<ModifiedOutfit> sampleModified(int count, Rng& rng) {
  std::vector<ModifiedOutfit> out(static_cast<std::size_t>(std::max(0, count)));
  if (count < 2) return out;
  for (int i = 0; i < count; ++i) {
    ModifiedOutfit& m = out[static_cast<std::size_t>(i)];
    m.kept = rng.belowInt(3);
    // A uniform draw from the other outfits: shift the draws at or past i by one.
    const int first = [&] {
      const int j = rng.belowInt(count - 1);
      return j >= i ? j + 1 : j;
    }();
    int second = first;
    if (count >= 3) {
      // Uniform over the outfits that are neither i nor the first source.
      const int lo = std::min(i, first), hi = std::max(i, first);
      int j = rng.belowInt(count - 2);
      if (j >= lo) ++j;
      if (j >= hi) ++j;
      second = j;
    }
    int slot = 0;
    for (int c = 0; c < 3; ++c) {
      if (c == m.kept) {
        m.source[c] = i;
      } else {
        m.source[c] = slot++ == 0 ? first : second;
      }
    }
  }
  return out;
}

std::vector<int> sampleCandidates(int outfit, int count, int k, const std::vector<int>& sameItemAs,
                                  Rng& rng) {
  // sameItemAs[n] is a canonical index of outfit n's item in the blank's
  // category: two outfits sharing the item have the same value.
  std::vector<int> out;
  if (count < 2 || k <= 0) return out;
  const int truth = sameItemAs.empty() ? outfit : sameItemAs[static_cast<std::size_t>(outfit)];
  std::vector<int> usedItems = {truth};
  // Rejection sampling: fast when the set is large; the attempt cap keeps a
  // tiny or repetitive set from looping.
  for (int attempt = 0; attempt < 64 * k && static_cast<int>(out.size()) < k; ++attempt) {
    int j = rng.belowInt(count - 1);
    if (j >= outfit) ++j;
    const int item = sameItemAs.empty() ? j : sameItemAs[static_cast<std::size_t>(j)];
    if (std::find(usedItems.begin(), usedItems.end(), item) != usedItems.end()) continue;
    usedItems.push_back(item);
    out.push_back(j);
  }
  return out;
}

}  // namespace w2w::compat
