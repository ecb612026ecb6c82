#include "pipeline/library_encoding.h"

#include <algorithm>
#include <cmath>
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
  const std::set<Id> only(options.onlyItems.begin(), options.onlyItems.end());
  long long considered = static_cast<long long>(all->size()), left = 0;
  if (!only.empty()) {
    considered = static_cast<long long>(
        std::count_if(all->begin(), all->end(), [&](const Item& item) { return only.count(item.id) > 0; }));
  }
  for (const Item& item : *missing) {
    if (!only.empty() && !only.count(item.id)) continue;
    ++left;
    if (seen.insert(item.cropHash).second) todo.push_back(item);
  }
  report.alreadyCached = considered - left;
  const std::size_t batch = static_cast<std::size_t>(std::max(1, options.batchSize));
  for (std::size_t start = 0; start < todo.size(); start += batch) {
    if (cancel && cancel->isCancelled()) {
      report.cancelled = true;
      break;
    }
    std::vector<RgbImage> crops;
    std::vector<const Item*> batchItems;
    for (std::size_t i = start; i < std::min(todo.size(), start + batch); ++i) {
      auto crop = library.cropImage(todo[i].id);
      auto decoded = crop ? decodeImageBytes(crop->png, "crop of item " + std::to_string(todo[i].id))
                          : Result<DecodedImage>(crop.error());
      if (!decoded) {
        report.failures.push_back({todo[i].id, decoded.message()});
        continue;
      }
      crops.push_back(std::move(decoded->image));
      batchItems.push_back(&todo[i]);
    }
    if (!crops.empty()) {
      auto vectors = encoder.encode(crops);
      if (!vectors) return vectors.error();
      // A vector with NaN or infinity is not stored (the library refuses it
      // too); its item is named instead.
      std::vector<std::string> hashes;
      FloatMatrix finite(0, vectors->cols);
      for (std::size_t r = 0; r < batchItems.size(); ++r) {
        const float* row = vectors->row(static_cast<std::int64_t>(r));
        if (!std::all_of(row, row + vectors->cols, [](float v) { return std::isfinite(v); })) {
          report.failures.push_back({batchItems[r]->id, "item " + std::to_string(batchItems[r]->id) +
                                                            ": the encoder gave a non-finite value (NaN or "
                                                            "infinity) for its crop; not stored"});
          continue;
        }
        hashes.push_back(batchItems[r]->cropHash);
        finite.data.insert(finite.data.end(), row, row + vectors->cols);
        ++finite.rows;
      }
      if (!hashes.empty()) {
        if (Status s = library.putEmbeddings(hashes, info.id, finite); !s) return s.error();
      }
      report.encoded += static_cast<long long>(hashes.size());
    }
    report.failed = static_cast<long long>(report.failures.size());
    if (progress) {
      progress({static_cast<long long>(std::min(todo.size(), start + batch)),
                static_cast<long long>(todo.size()), "encoded with " + info.displayName});
    }
  }
  return report;
}

}  // namespace w2w
