#include "datasets/library_dataset.h"

#include <algorithm>
#include <array>
#include <map>

#include "io/image_decoder.h"

namespace w2w::datasets {
namespace {

constexpr int kEncodeBatch = 32;

// Encodes the crops of `items` and stores their embeddings for the encoder.
Status encodeAndStore(Library& library, Encoder& encoder, const std::vector<Item>& items,
                      const ProgressCallback& progress, const CancelFlag* cancel) {
  const EncoderInfo& info = encoder.info();
  if (Status s = library.registerModel({info.id, info.displayName, info.kind, info.dim, "", ""}); !s)
    return s;
  for (std::size_t begin = 0; begin < items.size(); begin += kEncodeBatch) {
    if (cancel && cancel->isCancelled()) return makeError("cancelled while encoding library items");
    const std::size_t end = std::min(items.size(), begin + kEncodeBatch);
    std::vector<RgbImage> crops;
    std::vector<std::string> hashes;
    for (std::size_t i = begin; i < end; ++i) {
      auto crop = library.cropImage(items[i].id);
      if (!crop) return crop.error();
      auto decoded = decodeImageBytes(crop->png, "item " + std::to_string(items[i].id) + " crop");
      if (!decoded) return decoded.error();
      crops.push_back(std::move(decoded->image));
      hashes.push_back(crop->hash);
    }
    auto vectors = encoder.encode(crops);
    if (!vectors) return vectors.error();
    if (Status s = library.putEmbeddings(hashes, info.id, *vectors); !s) return s;
    if (progress) {
      progress({static_cast<long long>(end), static_cast<long long>(items.size()), "encoding library items"});
    }
  }
  return Status::success();
}

}  // namespace

Result<compat::OutfitSet> loadLibraryOutfits(Library& library, Encoder& encoder,
                                             const LibraryDatasetOptions& options,
                                             const ProgressCallback& progress, const CancelFlag* cancel) {
  const std::string modelId = encoder.info().id;
  auto all = library.outfits();
  if (!all) return all.error();
  std::vector<Outfit> outfits;
  for (const Outfit& o : *all) {
    const bool wanted = (o.origin == OutfitOrigin::Photo && options.photoOutfits) ||
                        (o.origin == OutfitOrigin::User && options.userOutfits);
    if (wanted && numberInSplit(o.id, options.split)) outfits.push_back(o);
  }
  if (outfits.empty()) return makeError(library.path() + ": no outfits to use");

  auto missing = library.items(ItemQuery().notEncodedBy(modelId));
  if (!missing) return missing.error();
  std::vector<Item> needed;
  for (const Item& item : *missing) {
    if (item.cropHash.empty()) continue;
    for (const Outfit& o : outfits) {
      const std::vector<Id> ids = o.itemIds();
      if (std::find(ids.begin(), ids.end(), item.id) != ids.end()) {
        needed.push_back(item);
        break;
      }
    }
  }
  if (!needed.empty()) {
    if (!options.encodeMissing) {
      return makeError(library.path() + ": " + std::to_string(needed.size()) + " outfit items have no " +
                       modelId + " embedding yet");
    }
    if (library.readOnly()) {
      return makeError(library.path() + ": " + std::to_string(needed.size()) + " outfit items have no " +
                       modelId +
                       " embedding yet, and the library is read-only (encode it where it can be "
                       "written: what2wear encode)");
    }
    if (Status s = encodeAndStore(library, encoder, needed, progress, cancel); !s) return s.error();
  }

  auto embeddings = library.itemEmbeddings(modelId);
  if (!embeddings) return embeddings.error();
  std::map<Id, std::int64_t> rowOf;
  for (std::size_t r = 0; r < embeddings->itemIds.size(); ++r)
    rowOf[embeddings->itemIds[r]] = static_cast<std::int64_t>(r);
  // A slot per category, as many as the fullest outfit has of it.
  std::array<int, kCategoryCount> most{};
  for (const Outfit& o : outfits) {
    const CategoryCounts counts = o.categories();
    for (Category c : kCategories)
      most[static_cast<std::size_t>(categoryIndex(c))] =
          std::max(most[static_cast<std::size_t>(categoryIndex(c))], counts.count(c));
  }
  compat::OutfitSet set;
  set.encoderId = modelId;
  set.dim = encoder.info().dim;
  set.slots.clear();
  for (Category c : kCategories)
    set.slots.insert(set.slots.end(), most[static_cast<std::size_t>(categoryIndex(c))], c);
  for (const Outfit& o : outfits) {
    std::vector<const float*> v(set.slots.size(), nullptr);
    std::vector<std::string> keys(set.slots.size());
    bool complete = true;
    for (const OutfitItem& item : o.items) {
      const auto it = rowOf.find(item.item);
      if (it == rowOf.end()) {
        complete = false;  // an item without a crop image (nothing to encode)
        break;
      }
      for (std::size_t s = 0; s < set.slots.size(); ++s) {
        if (set.slots[s] != item.category || v[s]) continue;
        v[s] = embeddings->vectors.row(it->second);
        keys[s] = "library:item:" + std::to_string(item.item);
        break;
      }
    }
    if (complete) set.add("library:outfit:" + std::to_string(o.id), keys, v);
  }
  if (set.empty()) {
    return makeError(library.path() + ": none of the " + std::to_string(outfits.size()) +
                     " outfits has embeddings for all its items");
  }
  return set;
}

}  // namespace w2w::datasets
