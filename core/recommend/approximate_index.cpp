#include "recommend/approximate_index.h"

#include <algorithm>
#include <cmath>

#ifdef W2W_WITH_FAISS
#include <faiss/IndexFlat.h>
#include <faiss/IndexIVFFlat.h>
#include <faiss/impl/FaissException.h>
#endif

namespace w2w {

#ifdef W2W_WITH_FAISS

struct ApproximateIndex::Impl {
  std::unique_ptr<faiss::IndexFlatIP> quantizer;
  std::unique_ptr<faiss::IndexIVFFlat> index;
};

bool ApproximateIndex::available() { return true; }

Result<std::unique_ptr<ApproximateIndex>> ApproximateIndex::build(const FloatMatrix& vectors,
                                                                  const ApproximateIndexOptions& options) {
  if (vectors.rows == 0 || vectors.cols == 0) return makeError("cannot index an empty catalogue");
  const int lists = options.lists > 0
                        ? options.lists
                        : std::max(1, static_cast<int>(std::sqrt(static_cast<double>(vectors.rows))));
  std::unique_ptr<ApproximateIndex> out(new ApproximateIndex());
  try {
    out->impl_->quantizer = std::make_unique<faiss::IndexFlatIP>(vectors.cols);
    out->impl_->index = std::make_unique<faiss::IndexIVFFlat>(out->impl_->quantizer.get(), vectors.cols,
                                                              std::min<std::int64_t>(lists, vectors.rows),
                                                              faiss::METRIC_INNER_PRODUCT);
    // k-means on a sample (32 points a list, 10 rounds) is enough to place
    // the lists; every row is then added.
    const std::int64_t sample = std::min<std::int64_t>(vectors.rows, 32LL * lists);
    out->impl_->index->cp.max_points_per_centroid = 32;
    out->impl_->index->cp.min_points_per_centroid = 1;
    out->impl_->index->cp.niter = 10;
    out->impl_->index->train(sample, vectors.data.data());
    out->impl_->index->add(vectors.rows, vectors.data.data());
    out->impl_->index->nprobe = std::max(1, options.probes);
  } catch (const faiss::FaissException& e) {
    return makeError(std::string("cannot build the approximate index: ") + e.what());
  }
  return out;
}

std::vector<std::pair<float, std::int64_t>> ApproximateIndex::search(const float* query, int n) const {
  n = static_cast<int>(std::min<std::int64_t>(n, impl_->index->ntotal));
  std::vector<float> scores(static_cast<std::size_t>(n));
  std::vector<faiss::Index::idx_t> rows(static_cast<std::size_t>(n));
  impl_->index->search(1, query, n, scores.data(), rows.data());
  std::vector<std::pair<float, std::int64_t>> out;
  for (int i = 0; i < n; ++i) {
    if (rows[i] >= 0) out.emplace_back(scores[i], rows[i]);
  }
  return out;
}

std::int64_t ApproximateIndex::size() const { return impl_->index->ntotal; }

#else

struct ApproximateIndex::Impl {};

bool ApproximateIndex::available() { return false; }

Result<std::unique_ptr<ApproximateIndex>> ApproximateIndex::build(const FloatMatrix&,
                                                                  const ApproximateIndexOptions&) {
  return makeError(
      "this build has no approximate index (configure with FAISS: apt-get install libfaiss-dev)");
}

std::vector<std::pair<float, std::int64_t>> ApproximateIndex::search(const float*, int) const { return {}; }
std::int64_t ApproximateIndex::size() const { return 0; }

#endif

ApproximateIndex::ApproximateIndex() : impl_(std::make_unique<Impl>()) {}
ApproximateIndex::~ApproximateIndex() = default;

}  // namespace w2w
