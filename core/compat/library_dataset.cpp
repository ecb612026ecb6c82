#include "compat/library_dataset.h"

#include <map>

#include "common/seed_slots.h"
#include "io/image_decoder.h"

namespace w2w::compat {
namespace {

constexpr int kEncodeBatch = 32;

bool outfitInSplit(Id id, Split split) {
  if (split == Split::All) return true;
  const bool test = id % 10 <= 2;
  return split == Split::Test ? test : !test;
}

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

Result<OutfitSet> loadLibraryOutfits(Library& library, Encoder& encoder, const LibraryDatasetOptions& options,
                                     const ProgressCallback& progress, const CancelFlag* cancel) {
  const std::string modelId = encoder.info().id;
  auto all = library.outfits();
  if (!all) return all.error();
  std::vector<Outfit> outfits;
  for (const Outfit& o : *all) {
    const bool wanted = (o.origin == OutfitOrigin::Photo && options.photoOutfits) ||
                        (o.origin == OutfitOrigin::User && options.userOutfits);
    if (wanted && outfitInSplit(o.id, options.split)) outfits.push_back(o);
  }
  if (outfits.empty()) return makeError(library.path() + ": no outfits to use");

  auto missing = library.items(ItemQuery().notEncodedBy(modelId));
  if (!missing) return missing.error();
  std::vector<Item> needed;
  for (const Item& item : *missing) {
    if (item.cropHash.empty()) continue;
    for (const Outfit& o : outfits) {
      if (o.member(item.category) == item.id) {
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
    if (Status s = encodeAndStore(library, encoder, needed, progress, cancel); !s) return s.error();
  }

  auto embeddings = library.itemEmbeddings(modelId);
  if (!embeddings) return embeddings.error();
  std::map<Id, std::int64_t> rowOf;
  for (std::size_t r = 0; r < embeddings->itemIds.size(); ++r)
    rowOf[embeddings->itemIds[r]] = static_cast<std::int64_t>(r);
  OutfitSet set;
  set.encoderId = modelId;
  set.dim = encoder.info().dim;
  for (const Outfit& o : outfits) {
    std::array<const float*, 3> v{};
    std::array<std::string, 3> keys;
    bool complete = true;
    for (std::size_t slot = 0; slot < kSeedSlots.size(); ++slot) {
      const Id member = o.member(kSeedSlots[slot]);
      const auto it = rowOf.find(member);
      if (it == rowOf.end()) {
        complete = false;
        break;
      }
      v[slot] = embeddings->vectors.row(it->second);
      keys[slot] = "library:item:" + std::to_string(member);
    }
    if (!complete) continue;  // an item without a crop image (nothing to encode)
    set.add("library:outfit:" + std::to_string(o.id), keys, v[0], v[1], v[2]);
  }
  if (set.empty()) {
    return makeError(library.path() + ": none of the " + std::to_string(outfits.size()) +
                     " outfits has embeddings for all three items");
  }
  return set;
}

}  // namespace w2w::compat
