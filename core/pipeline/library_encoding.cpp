#include "pipeline/library_encoding.h"

#include <algorithm>
#include <set>

#include "io/image_decoder.h"

namespace w2w {

Result<EncodeLibraryReport> encodeLibrary(Library& library, Encoder& encoder,
                                          const EncodeLibraryOptions& options,
                                          const ProgressCallback& progress, const CancelFlag* cancel) {
  const EncoderInfo& info = encoder.info();
  if (Status s = library.registerModel({info.id, info.displayName, info.kind, info.dim, "", ""}); !s)
    return s.error();
  auto all = library.items();
  if (!all) return all.error();
  auto missing = library.items(ItemQuery().notEncodedBy(info.id));
  if (!missing) return missing.error();

  EncodeLibraryReport report;
  report.modelId = info.id;
  // Several items may show the same pixels; each crop image is encoded once.
  std::vector<Item> todo;
  std::set<std::string> seen;
  for (const Item& item : *missing) {
    if (seen.insert(item.cropHash).second) todo.push_back(item);
  }
  report.alreadyCached = static_cast<long long>(all->size() - missing->size());
  const std::size_t batch = static_cast<std::size_t>(std::max(1, options.batchSize));
  for (std::size_t start = 0; start < todo.size(); start += batch) {
    if (cancel && cancel->isCancelled()) {
      report.cancelled = true;
      break;
    }
    std::vector<RgbImage> crops;
    std::vector<std::string> hashes;
    for (std::size_t i = start; i < std::min(todo.size(), start + batch); ++i) {
      auto crop = library.cropImage(todo[i].id);
      auto decoded = crop ? decodeImageBytes(crop->png, "crop of item " + std::to_string(todo[i].id))
                          : Result<DecodedImage>(crop.error());
      if (!decoded) {
        ++report.failed;
        continue;
      }
      crops.push_back(std::move(decoded->image));
      hashes.push_back(todo[i].cropHash);
    }
    if (!crops.empty()) {
      auto vectors = encoder.encode(crops);
      if (!vectors) return vectors.error();
      if (Status s = library.putEmbeddings(hashes, info.id, *vectors); !s) return s.error();
      report.encoded += static_cast<long long>(crops.size());
    }
    if (progress) {
      progress({static_cast<long long>(std::min(todo.size(), start + batch)),
                static_cast<long long>(todo.size()), "encoded with " + info.displayName});
    }
  }
  return report;
}

}  // namespace w2w
