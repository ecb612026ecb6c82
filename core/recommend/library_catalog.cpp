#include "recommend/library_catalog.h"

#include <unordered_map>

namespace w2w {

std::string latentModelId(const compat::CompatModel& model, Category category) {
  return "latent:" + model.info().modelSha256 + ":" + categoryName(category);
}

Result<LatentCatalog> buildLatentCatalog(Library& library, const compat::CompatModel& model, bool cache,
                                         CatalogReport* report) {
  const compat::CheckpointInfo& info = model.info();
  CatalogReport counts;
  auto items = library.items();
  if (!items) return items.error();
  std::unordered_map<Id, const Item*> byId;
  for (const Item& item : *items) byId[item.id] = &item;

  LatentCatalog catalog;
  catalog.checkpointId = info.modelSha256;
  catalog.dim = model.latentDim();
  for (Category c : kCategories) {
    // A model trained without a category cannot place its items: they are
    // no candidates (and the category stays empty).
    if (!model.knows(c)) {
      catalog.of(c).vectors.cols = catalog.dim;
      continue;
    }
    auto encoded = library.itemEmbeddings(info.encoderId, c);
    if (!encoded) return encoded.error();
    if (encoded->vectors.rows > 0 && encoded->vectors.cols != info.encoderDim) {
      return makeError("the checkpoint expects " + std::to_string(info.encoderDim) +
                       "-dimensional embeddings from " + info.encoderId + ", the library holds " +
                       std::to_string(encoded->vectors.cols) + "-dimensional ones");
    }
    const std::string latentId = latentModelId(model, c);
    auto cached = library.itemEmbeddings(latentId, c);
    if (!cached) return cached.error();
    LatentCandidates& candidates = catalog.of(c);
    if (cached->itemIds == encoded->itemIds && cached->vectors.cols == catalog.dim) {
      candidates.itemIds = cached->itemIds;
      candidates.vectors = std::move(cached->vectors);
    } else {
      auto latent = model.embed(c, encoded->vectors);
      if (!latent) return latent.error();
      candidates.itemIds = encoded->itemIds;
      candidates.vectors = std::move(*latent);
      counts.projected += candidates.vectors.rows;
      if (cache && candidates.vectors.rows > 0 && !library.readOnly()) {
        std::vector<std::string> hashes;
        for (Id id : candidates.itemIds) hashes.push_back(byId.at(id)->cropHash);
        Status stored = library.registerModel(
            {latentId, "Compatibility latent space (" + std::string(categoryName(c)) + ")", "latent",
             catalog.dim, "", ""});
        if (stored) stored = library.putEmbeddings(hashes, latentId, candidates.vectors);
        if (!stored) return stored.error();
      }
    }
    if (candidates.vectors.rows == 0) candidates.vectors.cols = catalog.dim;
    for (Id id : candidates.itemIds) {
      const Item* item = byId.at(id);
      candidates.photoIds.push_back(item->photoId.value_or(0));
    }
    counts.items += static_cast<long long>(candidates.size());
  }
  counts.withoutEmbedding = static_cast<long long>(items->size()) - counts.items;
  if (report) *report = counts;
  return catalog;
}

}  // namespace w2w
