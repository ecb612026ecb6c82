#include "recommend/recommender.h"

#include <algorithm>
#include <numeric>

#include <torch/torch.h>

namespace w2w {
namespace {

double dot(const float* a, const float* b, int dim) {
  double s = 0.0;
  for (int i = 0; i < dim; ++i) s += static_cast<double>(a[i]) * b[i];
  return s;
}

// Scores of every row of `vectors` against `query` (one BLAS mat-vec).
std::vector<float> rowDots(const FloatMatrix& vectors, const std::vector<float>& query) {
  std::vector<float> out(static_cast<std::size_t>(vectors.rows));
  if (vectors.rows == 0) return out;
  c10::InferenceMode guard;
  auto m = torch::from_blob(const_cast<float*>(vectors.data.data()), {vectors.rows, vectors.cols});
  auto q = torch::from_blob(const_cast<float*>(query.data()), {vectors.cols});
  auto result = torch::from_blob(out.data(), {vectors.rows});
  torch::mv_out(result, m, q);
  return out;
}

// Candidate rows of one category that may be suggested.
std::vector<std::size_t> eligibleRows(const LatentCandidates& candidates, const std::vector<GivenPiece>& given,
                                      const RecommendOptions& options) {
  std::vector<std::size_t> rows;
  rows.reserve(candidates.size());
  for (std::size_t row = 0; row < candidates.size(); ++row) {
    const Id id = candidates.itemIds[row];
    if (options.excluded.count(id)) continue;
    if (options.allowed && !options.allowed->count(id)) continue;
    if (options.excludeSamePhoto && candidates.photoIds[row] != 0 &&
        std::any_of(given.begin(), given.end(), [&](const GivenPiece& g) { return g.photoId == candidates.photoIds[row]; })) {
      continue;
    }
    rows.push_back(row);
  }
  return rows;
}

// The best `n` rows by score, ties broken by item id so results are stable.
std::vector<std::size_t> topRows(std::vector<std::size_t> rows, const std::vector<float>& score,
                                 const std::vector<Id>& ids, std::size_t n) {
  n = std::min(n, rows.size());
  auto better = [&](std::size_t a, std::size_t b) {
    return score[a] != score[b] ? score[a] > score[b] : ids[a] < ids[b];
  };
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(n), rows.end(), better);
  rows.resize(n);
  return rows;
}

// Maximal marginal relevance: picks k of `pool` (sorted by relevance), each
// time the one with the best (1 - w) * relevance - w * (similarity to the
// closest already picked).
template <typename Sim>
std::vector<std::size_t> pickDiverse(const std::vector<std::size_t>& pool, const std::vector<double>& relevance,
                                     std::size_t k, double w, Sim similarity) {
  std::vector<std::size_t> picked;
  std::vector<bool> used(pool.size(), false);
  std::vector<double> closest(pool.size(), -1.0);
  while (picked.size() < std::min(k, pool.size())) {
    std::size_t best = pool.size();
    double bestValue = 0.0;
    for (std::size_t i = 0; i < pool.size(); ++i) {
      if (used[i]) continue;
      const double value = (1.0 - w) * relevance[i] - (picked.empty() ? 0.0 : w * closest[i]);
      if (best == pool.size() || value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    used[best] = true;
    picked.push_back(best);
    for (std::size_t i = 0; i < pool.size(); ++i) {
      if (!used[i]) closest[i] = std::max(closest[i], similarity(best, i));
    }
  }
  return picked;
}

Status checkGiven(const LatentCatalog& catalog, const std::vector<GivenPiece>& given) {
  for (const GivenPiece& g : given) {
    if (static_cast<int>(g.latent.size()) != catalog.dim) {
      return makeError("a given piece has dimension " + std::to_string(g.latent.size()) + ", the model's space has " +
                       std::to_string(catalog.dim));
    }
  }
  return Status::success();
}

}  // namespace

double outfitScore(const float* top, const float* bottom, const float* shoes, int dim, std::vector<PairSimilarity>* why) {
  const double tb = dot(top, bottom, dim);
  const double bs = dot(bottom, shoes, dim);
  const double ts = dot(top, shoes, dim);
  if (why) {
    *why = {{Category::Top, Category::Bottom, tb}, {Category::Bottom, Category::Shoes, bs}, {Category::Top, Category::Shoes, ts}};
  }
  return (tb + bs + ts) / 3.0;
}

Recommender::Recommender(LatentCatalog catalog) : catalog_(std::move(catalog)) {}
Recommender::~Recommender() = default;
Recommender::Recommender(Recommender&&) noexcept = default;

std::optional<GivenPiece> Recommender::piece(Id itemId) const {
  for (Category c : kCategories) {
    const LatentCandidates& candidates = catalog_.of(c);
    for (std::size_t row = 0; row < candidates.size(); ++row) {
      if (candidates.itemIds[row] != itemId) continue;
      GivenPiece g;
      g.category = c;
      g.latent = candidates.vectors.rowVector(static_cast<std::int64_t>(row));
      g.itemId = itemId;
      g.photoId = candidates.photoIds[row];
      return g;
    }
  }
  return std::nullopt;
}

Result<std::vector<Suggestion>> Recommender::rank(const std::vector<GivenPiece>& given, Category target,
                                                  const RecommendOptions& options) const {
  if (given.empty() || given.size() > 2) return makeError("give one or two pieces to complete");
  for (const GivenPiece& g : given) {
    if (g.category == target) return makeError(std::string("a ") + categoryName(target) + " is already given");
  }
  if (given.size() == 2 && given[0].category == given[1].category) return makeError("the two given pieces share a category");
  if (Status ok = checkGiven(catalog_, given); !ok) return ok.error();

  const LatentCandidates& candidates = catalog_.of(target);
  const int dim = catalog_.dim;
  std::vector<float> query(static_cast<std::size_t>(dim), 0.f);
  for (const GivenPiece& g : given) {
    for (int i = 0; i < dim; ++i) query[i] += g.latent[i];
  }
  // Outfit score = (s_ab + s_ax + s_bx) / 3 = (s_ab + x·(a + b)) / 3: one product ranks every x.
  const std::vector<float> relevance = rowDots(candidates.vectors, query);
  const double givenPair = given.size() == 2 ? dot(given[0].latent.data(), given[1].latent.data(), dim) : 0.0;
  auto score = [&](std::size_t row) {
    return given.size() == 2 ? (givenPair + relevance[row]) / 3.0 : static_cast<double>(relevance[row]);
  };

  const std::size_t k = static_cast<std::size_t>(std::max(options.k, 0));
  const std::size_t poolSize = options.diversity > 0 ? std::max<std::size_t>(k * 10, 50) : k;
  std::vector<std::size_t> pool = topRows(eligibleRows(candidates, given, options), relevance, candidates.itemIds, poolSize);
  std::vector<std::size_t> chosen(pool.size());
  std::iota(chosen.begin(), chosen.end(), 0);
  if (options.diversity > 0 && !pool.empty()) {
    std::vector<double> rel(pool.size());
    for (std::size_t i = 0; i < pool.size(); ++i) rel[i] = score(pool[i]);
    chosen = pickDiverse(pool, rel, k, options.diversity, [&](std::size_t a, std::size_t b) {
      return dot(candidates.vectors.row(static_cast<std::int64_t>(pool[a])),
                 candidates.vectors.row(static_cast<std::int64_t>(pool[b])), dim);
    });
  }
  chosen.resize(std::min(chosen.size(), k));

  std::vector<Suggestion> out;
  for (std::size_t i : chosen) {
    const std::size_t row = pool[i];
    const float* x = candidates.vectors.row(static_cast<std::int64_t>(row));
    Suggestion s;
    s.category = target;
    s.itemId = candidates.itemIds[row];
    s.score = score(row);
    if (given.size() == 2) s.why.push_back({given[0].category, given[1].category, givenPair});
    for (const GivenPiece& g : given) s.why.push_back({g.category, target, dot(g.latent.data(), x, dim)});
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<OutfitSuggestion>> Recommender::complete(const GivenPiece& given, const RecommendOptions& options) const {
  if (Status ok = checkGiven(catalog_, {given}); !ok) return ok.error();
  const int dim = catalog_.dim;
  std::vector<Category> missing;
  for (Category c : kCategories) {
    if (c != given.category) missing.push_back(c);
  }
  const LatentCandidates& first = catalog_.of(missing[0]);
  const LatentCandidates& second = catalog_.of(missing[1]);
  const std::vector<float> r1 = rowDots(first.vectors, given.latent);
  const std::vector<float> r2 = rowDots(second.vectors, given.latent);
  const std::size_t beam = static_cast<std::size_t>(std::max(options.beam, 1));
  const auto rows1 = topRows(eligibleRows(first, {given}, options), r1, first.itemIds, beam);
  const auto rows2 = topRows(eligibleRows(second, {given}, options), r2, second.itemIds, beam);
  if (rows1.empty() || rows2.empty()) return std::vector<OutfitSuggestion>();

  // Every pair of the two beams, scored as a whole outfit.
  struct Pair {
    std::size_t a, b;
    double score;
  };
  std::vector<Pair> pairs;
  pairs.reserve(rows1.size() * rows2.size());
  for (std::size_t a : rows1) {
    const float* x = first.vectors.row(static_cast<std::int64_t>(a));
    for (std::size_t b : rows2) {
      const double s12 = dot(x, second.vectors.row(static_cast<std::int64_t>(b)), dim);
      pairs.push_back({a, b, (r1[a] + r2[b] + s12) / 3.0});
    }
  }
  const std::size_t k = static_cast<std::size_t>(std::max(options.k, 0));
  const std::size_t poolSize = std::min(pairs.size(), options.diversity > 0 ? std::max<std::size_t>(k * 10, 50) : k);
  std::partial_sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(poolSize), pairs.end(),
                    [&](const Pair& p, const Pair& q) {
                      if (p.score != q.score) return p.score > q.score;
                      if (first.itemIds[p.a] != first.itemIds[q.a]) return first.itemIds[p.a] < first.itemIds[q.a];
                      return second.itemIds[p.b] < second.itemIds[q.b];
                    });
  pairs.resize(poolSize);
  std::vector<std::size_t> pool(pairs.size());
  std::iota(pool.begin(), pool.end(), 0);
  std::vector<std::size_t> chosen = pool;
  if (options.diversity > 0) {
    std::vector<double> rel(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) rel[i] = pairs[i].score;
    chosen = pickDiverse(pool, rel, k, options.diversity, [&](std::size_t p, std::size_t q) {
      return 0.5 * (dot(first.vectors.row(static_cast<std::int64_t>(pairs[p].a)),
                        first.vectors.row(static_cast<std::int64_t>(pairs[q].a)), dim) +
                    dot(second.vectors.row(static_cast<std::int64_t>(pairs[p].b)),
                        second.vectors.row(static_cast<std::int64_t>(pairs[q].b)), dim));
    });
  }
  chosen.resize(std::min(chosen.size(), k));

  std::vector<OutfitSuggestion> out;
  for (std::size_t i : chosen) {
    const Pair& p = pairs[i];
    std::array<const float*, kCategoryCount> vectors{};
    std::array<Id, kCategoryCount> ids{};
    vectors[categoryIndex(given.category)] = given.latent.data();
    ids[categoryIndex(given.category)] = given.itemId;
    vectors[categoryIndex(missing[0])] = first.vectors.row(static_cast<std::int64_t>(p.a));
    ids[categoryIndex(missing[0])] = first.itemIds[p.a];
    vectors[categoryIndex(missing[1])] = second.vectors.row(static_cast<std::int64_t>(p.b));
    ids[categoryIndex(missing[1])] = second.itemIds[p.b];
    OutfitSuggestion s;
    s.top = ids[0];
    s.bottom = ids[1];
    s.shoes = ids[2];
    s.score = outfitScore(vectors[0], vectors[1], vectors[2], dim, &s.why);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace w2w
