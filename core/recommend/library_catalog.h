// The recommendation candidates of a library for a trained compatibility
// model: every item's embedding (from the model's encoder) projected into the
// model's latent space, per category.
//
// The projections are computed once per checkpoint and kept in the library's
// embedding cache (model id "latent:<checkpoint>:<category>"), so later
// queries, in the studio or from the command line, only read them.
#pragma once

#include <string>

#include "common/result.h"
#include "compat/compat_model.h"
#include "library/library.h"
#include "recommend/latent_catalog.h"

namespace w2w {

struct CatalogReport {
  long long items = 0;             // items in the catalog
  long long withoutEmbedding = 0;  // items left out: not encoded with the model's encoder
  long long projected = 0;         // projected now (the rest came from the cache)
};

// The model id under which a checkpoint's projections of one category are cached.
std::string latentModelId(const compat::CompatModel& model, Category category);

// `cache`: store new projections in the library (needs write access).
Result<LatentCatalog> buildLatentCatalog(Library& library, const compat::CompatModel& model, bool cache,
                                         CatalogReport* report = nullptr);

}  // namespace w2w
