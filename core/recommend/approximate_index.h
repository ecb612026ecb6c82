// ApproximateIndex: an inverted-file index (FAISS IVF-Flat, inner product)
// over one category's latent vectors, for catalogues too large for exact
// search to stay interactive. Its recall against exact search is measured in
// bench/recommend_bench.cpp (BENCHMARKS.md).
//
// Built only when the project is configured with FAISS (libfaiss-dev);
// available() says whether this build has it. Thread-safety: search() may run
// concurrently; build() once, before searching.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "common/matrix.h"
#include "common/result.h"

namespace w2w {

struct ApproximateIndexOptions {
  int lists = 0;    // inverted lists; 0: about sqrt(rows)
  int probes = 16;  // lists visited per query: more is slower and closer to exact
};

class ApproximateIndex {
 public:
  static bool available();
  static Result<std::unique_ptr<ApproximateIndex>> build(const FloatMatrix& vectors,
                                                         const ApproximateIndexOptions& options = {});
  ~ApproximateIndex();

  // The (score, row) of up to `n` rows with the largest inner product, best first.
  std::vector<std::pair<float, std::int64_t>> search(const float* query, int n) const;
  std::int64_t size() const;

 private:
  ApproximateIndex();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace w2w
