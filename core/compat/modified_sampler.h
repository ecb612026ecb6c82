// The seed's modified outfits, and the candidates of fill-in-the-blank.
//
// A modified outfit takes two of outfit i's items and replaces each with the
// item of the same slot (so of the same category) of a random other outfit
// (seed, section 3, step 3). Rules:
// - the replaced pair is uniform over the pairs of slots that outfit i fills
//   and that some other outfit fills too (for the seed's three slots: over
//   (bottom,shoes), (top,shoes), (top,bottom));
// - a replacement never comes from outfit i itself;
// - the two replacements come from two different outfits when there is a
//   choice, so no pair of a modified outfit is another real pair.
// An outfit with only one replaceable item has that one replaced; with none,
// it is left as it is (`replaced` stays empty).
//
// Thread-safety: pure functions of their Rng (one Rng per thread).
#pragma once

#include <cstdint>
#include <vector>

#include "compat/rng.h"

namespace w2w::compat {

struct ModifiedOutfit {
  // Outfit index per slot: the outfit itself where its item is kept, another
  // outfit where it is replaced, -1 where the outfit's slot is empty.
  std::vector<int> source;
  std::vector<int> replaced;  // the replaced slots, ascending (two, unless fewer can be)
};

// One modified outfit per outfit of a set whose slot s of outfit n is filled
// when present[n * slotCount + s] != 0.
std::vector<ModifiedOutfit> sampleModified(const std::vector<std::uint8_t>& present, int slotCount, Rng& rng);

// The same for `count` outfits of the seed's layout, every slot filled.
std::vector<ModifiedOutfit> sampleModified(int count, Rng& rng);

// For fill-in-the-blank: `k` outfits among `eligible` (the outfits that fill
// the blank's slot, `outfit` itself excluded) whose items in that slot
// differ from the true item and from each other. sameItemAs[n] names outfit
// n's item in that slot (equal values = the same item, e.g. one Polyvore item
// in several outfits); empty: every outfit's item is distinct. Returns fewer
// when there are too few distinct items.
std::vector<int> sampleCandidates(int outfit, const std::vector<int>& eligible, int k,
                                  const std::vector<int>& sameItemAs, Rng& rng);

// The same with every outfit of `count` other than `outfit` eligible.
std::vector<int> sampleCandidates(int outfit, int count, int k, const std::vector<int>& sameItemAs, Rng& rng);

}  // namespace w2w::compat
