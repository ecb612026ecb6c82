// Outfits of a wardrobe library: the outfits of its photos (origin Photo:
// the crops the pipeline or a person made) and the outfits people composed
// on the outfit board (origin User), with all their items. The layout has
// a slot per category the outfits use (as many accessory slots as the
// outfit with the most accessories needs). Embeddings come from the
// library's cache (keyed by crop hash and model id); items without one are
// encoded, stored in the library and used.
//
// The held-out split is by outfit id: ids ending in 0, 1 or 2 are test.
//
// Thread-safety: uses the Library from the calling thread only (a Library
// object must not be shared between threads, see library.h).
#pragma once

#include "common/progress.h"
#include "compat/outfit_set.h"
#include "datasets/split.h"
#include "embed/encoder.h"
#include "library/library.h"

namespace w2w::datasets {

struct LibraryDatasetOptions {
  bool photoOutfits = true;  // outfits of origin Photo
  bool userOutfits = true;   // outfits of origin User
  Split split = Split::All;
  bool encodeMissing = true;  // encode and store missing embeddings (else: fail naming the count)
};

// Ids are "library:outfit:<id>", item keys "library:item:<id>" (items shared
// by several outfits keep one key, so FITB never offers the true item).
Result<compat::OutfitSet> loadLibraryOutfits(Library& library, Encoder& encoder,
                                             const LibraryDatasetOptions& options,
                                             const ProgressCallback& progress = {},
                                             const CancelFlag* cancel = nullptr);

}  // namespace w2w::datasets
