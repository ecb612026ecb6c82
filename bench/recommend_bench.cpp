// Recommendation speed: query latency (median and p95) for "complete the
// look" at 1,000 / 100,000 / 1,000,000 candidates per category, exact and
// approximate; index build time; recall of the approximate index against
// exact search; memory of the catalogue.
//
//   build/bench/bench_recommend [--dim 128] [--queries 200]
//
// A plain executable (not Google Benchmark): it needs percentiles and recall,
// which are easier to report directly.
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <set>

#include <sys/resource.h>

#include "recommend/recommender.h"

namespace w2w {
namespace {

LatentCatalog randomCatalog(std::int64_t perCategory, int dim, unsigned seed) {
  // Clustered like real latents (styles), not uniform noise, so the index
  // has structure to find.
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal;
  const int clusters = 256;
  std::vector<float> centres(static_cast<std::size_t>(clusters) * dim);
  for (float& x : centres) x = normal(rng);
  LatentCatalog catalog;
  catalog.dim = dim;
  Id next = 1;
  for (Category c : kSeedSlots) {
    LatentCandidates& cand = catalog.of(c);
    cand.vectors = FloatMatrix(perCategory, dim);
    cand.itemIds.resize(static_cast<std::size_t>(perCategory));
    cand.photoIds.assign(static_cast<std::size_t>(perCategory), 0);
    std::uniform_int_distribution<int> pick(0, clusters - 1);
    for (std::int64_t r = 0; r < perCategory; ++r) {
      const float* centre = &centres[static_cast<std::size_t>(pick(rng)) * dim];
      float* row = cand.vectors.row(r);
      double norm = 0;
      for (int d = 0; d < dim; ++d) {
        row[d] = centre[d] + 0.6f * normal(rng);
        norm += row[d] * row[d];
      }
      for (int d = 0; d < dim; ++d) row[d] = static_cast<float>(row[d] / std::sqrt(norm));
      cand.itemIds[static_cast<std::size_t>(r)] = next++;
    }
  }
  return catalog;
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * (v.size() - 1) + 0.5))];
}

long peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

void run(std::int64_t perCategory, int dim, int queries) {
  QElapsedTimer timer;
  Recommender engine(randomCatalog(perCategory, dim, 11));
  const double catalogMb = 3.0 * perCategory * dim * 4 / 1e6;
  std::mt19937 rng(3);
  std::uniform_int_distribution<std::int64_t> pickRow(0, perCategory - 1);
  std::vector<GivenPiece> tops, bottoms;
  for (int q = 0; q < queries; ++q) {
    tops.push_back(*engine.piece(engine.catalog().of(Category::Top).itemIds[pickRow(rng)]));
    bottoms.push_back(*engine.piece(engine.catalog().of(Category::Bottom).itemIds[pickRow(rng)]));
  }
  auto measure = [&](const RecommendOptions& options, std::vector<std::vector<Id>>* results) {
    std::vector<double> ms;
    for (int q = 0; q < queries; ++q) {
      timer.restart();
      auto r = engine.rank({tops[q], bottoms[q]}, Category::Shoes, options);
      ms.push_back(timer.nsecsElapsed() / 1e6);
      std::vector<Id> ids;
      for (const auto& s : *r) ids.push_back(s.itemId);
      results->push_back(ids);
    }
    return ms;
  };
  RecommendOptions exact;
  exact.k = 10;
  std::vector<std::vector<Id>> exactIds, approxIds;
  const auto exactMs = measure(exact, &exactIds);
  std::printf("%9lld  exact        median %7.2f ms  p95 %7.2f ms   catalogue %6.1f MB\n",
              static_cast<long long>(perCategory), percentile(exactMs, 0.5), percentile(exactMs, 0.95),
              catalogMb);

  timer.restart();
  if (Status built = engine.enableApproximateSearch(); !built) {
    std::printf("%9lld  approximate  unavailable: %s\n", static_cast<long long>(perCategory),
                built.message().c_str());
    return;
  }
  const double buildS = timer.nsecsElapsed() / 1e9;
  RecommendOptions approx = exact;
  approx.approximate = true;
  const auto approxMs = measure(approx, &approxIds);
  double hits = 0;
  for (int q = 0; q < queries; ++q) {
    std::set<Id> truth(exactIds[q].begin(), exactIds[q].end());
    for (Id id : approxIds[q]) hits += truth.count(id);
  }
  std::printf(
      "%9lld  approximate  median %7.2f ms  p95 %7.2f ms   build %6.2f s (3 indexes)  recall@10 %.3f\n",
      static_cast<long long>(perCategory), percentile(approxMs, 0.5), percentile(approxMs, 0.95), buildS,
      hits / (10.0 * queries));
  std::printf("           peak RSS so far %ld MB\n", peakRssMb());
}

}  // namespace
}  // namespace w2w

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  int dim = 128, queries = 200;
  std::vector<long long> sizes = {1000, 100000, 1000000};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--dim")) dim = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--queries")) queries = std::atoi(argv[i + 1]);
  }
  std::printf("complete the look: top + bottom given, rank shoes, k = 10, latent dim %d, %d queries\n", dim,
              queries);
  std::printf("candidates per category\n");
  for (long long n : sizes) w2w::run(n, dim, queries);
  return 0;
}
