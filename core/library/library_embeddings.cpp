// Library: encoder models and the embedding cache, keyed by (crop hash, model).
// Vectors are stored as float32 little-endian blobs of 4 * dim bytes.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "library/library.h"
#include "library/library_internal.h"

namespace w2w {

Status Library::registerModel(const ModelRecord& model) {
  return guarded("register model", [&]() -> Status {
    if (model.id.empty() || model.dim <= 0) return makeError(path_ + ": a model needs an id and a dimension");
    sql::Statement upsert(db_->handle(),
                          "INSERT INTO models(id, name, kind, dim, path, added_at) VALUES (?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT(id) DO UPDATE SET name = excluded.name, path = excluded.path");
    upsert.bind(1, model.id).bind(2, model.name).bind(3, model.kind).bind(4, model.dim).bind(5, model.path);
    upsert.bind(6, model.addedAt.empty() ? detail::nowUtc() : model.addedAt).run();
    return Status::success();
  });
}

Result<std::vector<ModelRecord>> Library::models() {
  return guarded("list models", [&]() -> Result<std::vector<ModelRecord>> {
    sql::Statement select(db_->handle(),
                          "SELECT id, name, kind, dim, path, added_at FROM models ORDER BY added_at");
    std::vector<ModelRecord> out;
    while (select.step()) {
      out.push_back({select.text(0), select.text(1), select.text(2), static_cast<int>(select.integer(3)),
                     select.text(4), select.text(5)});
    }
    return out;
  });
}

Status Library::putEmbedding(const std::string& cropHash, const std::string& modelId,
                             const std::vector<float>& vector) {
  FloatMatrix one(1, static_cast<std::int64_t>(vector.size()));
  one.data = vector;
  return putEmbeddings({cropHash}, modelId, one);
}

Status Library::putEmbeddings(const std::vector<std::string>& cropHashes, const std::string& modelId,
                              const FloatMatrix& vectors) {
  return guarded("store embeddings", [&]() -> Status {
    if (static_cast<std::int64_t>(cropHashes.size()) != vectors.rows) {
      return makeError(path_ + ": " + std::to_string(cropHashes.size()) + " crop hashes for " +
                       std::to_string(vectors.rows) + " embeddings");
    }
    sql::Statement dim(db_->handle(), "SELECT dim FROM models WHERE id = ?");
    dim.bind(1, modelId);
    if (!dim.step()) return makeError(path_ + ": unknown model " + modelId + " (register it first)");
    if (dim.integer(0) != vectors.cols) {
      return makeError(path_ + ": model " + modelId + " has dimension " + std::to_string(dim.integer(0)) +
                       ", not " + std::to_string(vectors.cols));
    }
    // A NaN or infinite value would poison every similarity computed with
    // this vector (and every model trained on it), so it is never stored.
    for (std::int64_t r = 0; r < vectors.rows; ++r) {
      const float* row = vectors.row(r);
      if (!std::all_of(row, row + vectors.cols, [](float v) { return std::isfinite(v); })) {
        return makeError(path_ + ": the embedding of crop " + cropHashes[static_cast<std::size_t>(r)] +
                         " has a non-finite value (NaN or infinity); not stored");
      }
    }
    sql::Savepoint scope(*db_);
    sql::Statement upsert(db_->handle(),
                          "INSERT OR REPLACE INTO embeddings(crop_hash, model_id, dim, vector, created_at) "
                          "VALUES (?, ?, ?, ?, ?)");
    const std::string now = detail::nowUtc();
    for (std::int64_t r = 0; r < vectors.rows; ++r) {
      upsert.bind(1, cropHashes[static_cast<std::size_t>(r)])
          .bind(2, modelId)
          .bind(3, static_cast<std::int64_t>(vectors.cols));
      upsert.bindBlob(4, vectors.row(r), static_cast<std::size_t>(vectors.cols) * sizeof(float)).bind(5, now);
      upsert.run();
    }
    scope.release();
    return Status::success();
  });
}

Result<std::optional<std::vector<float>>> Library::embedding(const std::string& cropHash,
                                                             const std::string& modelId) {
  return guarded("read embedding", [&]() -> Result<std::optional<std::vector<float>>> {
    sql::Statement select(db_->handle(),
                          "SELECT dim, vector FROM embeddings WHERE crop_hash = ? AND model_id = ?");
    select.bind(1, cropHash).bind(2, modelId);
    if (!select.step()) return std::optional<std::vector<float>>();
    std::vector<float> v(static_cast<std::size_t>(select.integer(0)));
    std::memcpy(v.data(), select.blobData(1), v.size() * sizeof(float));
    return std::optional<std::vector<float>>(std::move(v));
  });
}

Result<ItemEmbeddings> Library::itemEmbeddings(const std::string& modelId, std::optional<Category> category) {
  return guarded("read embeddings", [&]() -> Result<ItemEmbeddings> {
    std::string text =
        "SELECT items.id, items.category, e.dim, e.vector FROM items JOIN embeddings e "
        "ON e.crop_hash = items.crop_hash AND e.model_id = ?";
    if (category) text += " WHERE items.category = ?";
    text += " ORDER BY items.id";
    sql::Statement select(db_->handle(), text);
    select.bind(1, modelId);
    if (category) select.bind(2, categoryName(*category));
    ItemEmbeddings out;
    std::int64_t dim = 0;
    while (select.step()) {
      if (dim == 0) dim = select.integer(2);
      if (select.integer(2) != dim)
        return makeError(path_ + ": embeddings of model " + modelId + " disagree on dimension");
      out.itemIds.push_back(select.integer(0));
      out.categories.push_back(parseCategory(select.text(1)).value_or(Category::Top));
      const auto* v = static_cast<const float*>(select.blobData(3));
      out.vectors.data.insert(out.vectors.data.end(), v, v + dim);
    }
    out.vectors.rows = static_cast<std::int64_t>(out.itemIds.size());
    out.vectors.cols = dim;
    return out;
  });
}

Result<long long> Library::embeddingCount(const std::string& modelId) {
  return guarded("count embeddings", [&]() -> Result<long long> {
    sql::Statement count(db_->handle(), "SELECT count(*) FROM embeddings WHERE model_id = ?");
    count.bind(1, modelId);
    count.step();
    return count.integer(0);
  });
}

Result<long long> Library::pruneEmbeddings() {
  return guarded("prune embeddings", [&]() -> Result<long long> {
    db_->exec(
        "DELETE FROM embeddings WHERE crop_hash NOT IN (SELECT crop_hash FROM items WHERE crop_hash IS NOT "
        "NULL)");
    return static_cast<long long>(db_->changes());
  });
}

}  // namespace w2w
