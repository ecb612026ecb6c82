// A disk cache of encoded datasets: decoding, cropping and encoding hundreds
// of photos takes seconds to minutes, the cached vectors a few milliseconds.
//
// One safetensors file per (dataset, settings, encoder): the file name is a
// hash of a key text that names everything the vectors depend on (loader
// version, the annotations' hash, encoder id, crop settings); the key is also
// stored inside and checked, so a stale or foreign file is never used. A
// corrupt file counts as missing and is rewritten.
//
// Thread-safety: files are written to a temporary name and renamed, so
// concurrent readers and writers (threads or processes) see whole files.
#pragma once

#include <optional>
#include <string>

#include "common/matrix.h"
#include "common/result.h"
#include "compat/outfit_set.h"

namespace w2w::compat {

// The per-user cache folder for encoded datasets (QStandardPaths' cache location).
std::string defaultOutfitCacheDir();

// <dir>/<prefix>-<first 16 hex digits of SHA-256(key)>.safetensors
std::string outfitCachePath(const std::string& dir, const std::string& prefix, const std::string& key);

// nullopt when the file is missing, unreadable or made for another key.
std::optional<OutfitSet> readOutfitCache(const std::string& path, const std::string& key);
Status writeOutfitCache(const std::string& path, const std::string& key, const OutfitSet& set);

// The same for one vector per item (e.g. Polyvore items shared by outfits).
struct ItemVectors {
  std::string encoderId;
  std::vector<std::string> ids;
  FloatMatrix vectors;  // one row per id
};
std::optional<ItemVectors> readItemCache(const std::string& path, const std::string& key);
Status writeItemCache(const std::string& path, const std::string& key, const ItemVectors& items);

}  // namespace w2w::compat
