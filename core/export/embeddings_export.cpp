// The embeddings format: one encoder's vectors as embeddings.safetensors
// (tensors "embeddings" [N, D] float32 and "item_ids" [N] int64, row i
// belonging to item_ids[i]), items.csv (row, item_id, category, photo_id,
// photo, tags) in the same row order, and pairs.csv: the cosine similarity
// of each pair of pieces of every photo and saved outfit, in the encoder's
// space (the untrained baseline the compatibility model is compared with).
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "export/export_internal.h"
#include "format/safetensors_content.h"

namespace w2w::detail {
namespace {

// The encoder with the most embeddings in the library (ties: the first registered).
Result<ModelRecord> chooseEncoder(Library& library, const std::string& wanted) {
  auto models = library.models();
  if (!models) return models.error();
  std::optional<ModelRecord> best;
  long long bestCount = -1;
  for (const ModelRecord& m : *models) {
    if (!wanted.empty()) {
      if (m.id == wanted || m.name == wanted) return m;
      continue;
    }
    auto count = library.embeddingCount(m.id);
    if (!count) return count.error();
    if (*count > bestCount) {
      best = m;
      bestCount = *count;
    }
  }
  if (!wanted.empty()) return makeError("the library has no embeddings of encoder '" + wanted + "'");
  if (!best || bestCount <= 0)
    return makeError("the library has no embeddings yet (what2wear encode --library FILE)");
  return *best;
}

double cosine(const float* a, const float* b, std::int64_t n) {
  double dot = 0, na = 0, nb = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    na += static_cast<double>(a[i]) * a[i];
    nb += static_cast<double>(b[i]) * b[i];
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

std::string formatted(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", value);
  return text;
}

}  // namespace

Status writeEmbeddings(ExportJob& job) {
  Library& library = job.library;
  auto model = chooseEncoder(library, job.options.encoderId);
  if (!model) return model.error();
  auto embedded = library.itemEmbeddings(model->id);
  if (!embedded) return embedded.error();
  const FloatMatrix& vectors = embedded->vectors;
  job.report.encoderId = model->id;
  job.report.vectors = vectors.rows;
  job.step(0, 3, "vectors");

  format::SafetensorsContent content;
  content.tensors["embeddings"] =
      format::TensorData::fromFloats({vectors.rows, vectors.cols}, vectors.data.data());
  std::vector<std::int64_t> ids(embedded->itemIds.begin(), embedded->itemIds.end());
  content.tensors["item_ids"] =
      format::TensorData::fromInt64({static_cast<std::int64_t>(ids.size())}, ids.data());
  content.metadata = {{"encoder_id", model->id},
                      {"encoder_name", model->name},
                      {"encoder_kind", model->kind},
                      {"dim", std::to_string(vectors.cols)}};
  if (Status s = format::writeSafetensors(job.path("embeddings.safetensors"), content); !s) return s;
  job.report.files.push_back("embeddings.safetensors");

  std::map<Id, std::int64_t> rowOf;
  std::vector<std::vector<std::string>> items = {{"row", "item_id", "category", "photo_id", "photo", "tags"}};
  for (std::size_t r = 0; r < embedded->itemIds.size(); ++r) {
    if (job.cancelled()) return Status::success();
    const Id id = embedded->itemIds[r];
    rowOf[id] = static_cast<std::int64_t>(r);
    auto item = library.item(id);
    if (!item) return item.error();
    auto tags = library.itemTags(id);
    if (!tags) return tags.error();
    std::string photo;
    if (*item && (*item)->photoId) {
      auto p = library.photo(*(*item)->photoId);
      if (!p) return p.error();
      if (*p) photo = library.resolvePath((*p)->path);
    } else if (*item) {
      photo = library.resolvePath((*item)->imagePath);
    }
    items.push_back({std::to_string(r), std::to_string(id), categoryName(embedded->categories[r]),
                     *item && (*item)->photoId ? std::to_string(*(*item)->photoId) : "", photo,
                     joined(*tags)});
  }
  if (Status s = writeCsv(job.path("items.csv"), items); !s) return s;
  job.report.files.push_back("items.csv");
  job.step(1, 3, "pair similarities");

  auto outfits = library.outfits();
  if (!outfits) return outfits.error();
  std::vector<std::vector<std::string>> pairs = {
      {"outfit_id", "origin", "name", "pair", "item_a", "item_b", "cosine"}};
  long long missing = 0;
  for (const Outfit& outfit : *outfits) {
    if (outfit.origin == OutfitOrigin::Modified) continue;
    if (job.cancelled()) return Status::success();
    ++job.report.outfits;
    const std::vector<OutfitItem>& items = outfit.items;  // in category order
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = i + 1; j < items.size(); ++j) {
        const Id a = items[i].item, b = items[j].item;
        const auto ra = rowOf.find(a), rb = rowOf.find(b);
        const bool both = ra != rowOf.end() && rb != rowOf.end();
        if (!both) ++missing;
        pairs.push_back(
            {std::to_string(outfit.id), outfitOriginName(outfit.origin), outfit.name,
             std::string(categoryName(items[i].category)) + "-" + categoryName(items[j].category),
             std::to_string(a), std::to_string(b),
             both ? formatted(cosine(vectors.row(ra->second), vectors.row(rb->second), vectors.cols)) : ""});
      }
    }
  }
  if (Status s = writeCsv(job.path("pairs.csv"), pairs); !s) return s;
  job.report.files.push_back("pairs.csv");
  if (missing) {
    job.report.notes.push_back(
        std::to_string(missing) +
        " pair(s) have a piece without an embedding (empty cosine; encode the library)");
  }
  job.step(3, 3, "done");
  return Status::success();
}

}  // namespace w2w::detail
