// The seed's modified outfits, and the candidates of fill-in-the-blank.
//
// A modified outfit keeps one category of outfit i and takes the other two
// from random other outfits (seed, section 3, step 3). Rules:
// - the kept category is uniform over the three, i.e. the replaced pair is
//   uniform over (bottom,shoes), (top,shoes), (top,bottom);
// - a replacement never comes from outfit i itself;
// - the two replacements come from two different outfits (when there are at
//   least three), so no pair of a modified outfit is a real pair.
//
// Thread-safety: pure functions of their Rng (one Rng per thread).
#pragma once

#include <array>
#include <vector>

#include "compat/rng.h"

namespace w2w::compat {

struct ModifiedOutfit {
  int kept = 0;                 // the category index taken from the outfit itself
  std::array<int, 3> source{};  // outfit index per category; source[kept] is the outfit itself
};

// One modified outfit per outfit of a set of `count` (count >= 2).
std::vector<ModifiedOutfit> sampleModified(int count, Rng& rng);

// For fill-in-the-blank: `k` outfits other than `outfit` whose items in the
// blank's category differ from the true item and from each other.
// sameItemAs[n] names outfit n's item in that category (equal values = the
// same item, e.g. one Polyvore item in several outfits); empty: every outfit's
// item is distinct. Returns fewer when the set has too few distinct items.
std::vector<int> sampleCandidates(int outfit, int count, int k, const std::vector<int>& sameItemAs, Rng& rng);

}  // namespace w2w::compat
