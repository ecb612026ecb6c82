#include "recommend/recommender.h"

#include <algorithm>
#include <numeric>

#include "common/seed_slots.h"

namespace w2w {
namespace {

double dot(const float* a, const float* b, int dim) {
  float s = 0.f;
#pragma omp simd reduction(+ : s)
  for (int i = 0; i < dim; ++i) s += a[i] * b[i];
  return s;
}

// Scores of every row of `vectors` against `query`. A plain vectorised loop:
// at these sizes (a few million multiply-adds) waking a thread pool costs
// more than the arithmetic, and a busy machine makes that far worse.
std::vector<float> rowDots(const FloatMatrix& vectors, const std::vector<float>& query) {
  std::vector<float> out(static_cast<std::size_t>(vectors.rows));
  const int dim = static_cast<int>(vectors.cols);
  for (std::int64_t r = 0; r < vectors.rows; ++r) {
    out[static_cast<std::size_t>(r)] = static_cast<float>(dot(vectors.row(r), query.data(), dim));
  }
  return out;
}

// Candidate rows (all, or those in `subset`) that may be suggested.
std::vector<std::size_t> eligibleRows(const LatentCandidates& candidates,
                                      const std::vector<GivenPiece>& given, const RecommendOptions& options,
                                      const std::vector<std::size_t>* subset) {
  std::vector<std::size_t> all;
  if (!subset) {
    all.resize(candidates.size());
    std::iota(all.begin(), all.end(), 0);
    subset = &all;
  }
  std::vector<std::size_t> rows;
  rows.reserve(subset->size());
  for (std::size_t row : *subset) {
    const Id id = candidates.itemIds[row];
    if (options.excluded.count(id)) continue;
    if (options.allowed && !options.allowed->count(id)) continue;
    if (options.excludeSamePhoto && candidates.photoIds[row] != 0 &&
        std::any_of(given.begin(), given.end(),
                    [&](const GivenPiece& g) { return g.photoId == candidates.photoIds[row]; })) {
      continue;
    }
    rows.push_back(row);
  }
  return rows;
}

// Maximal marginal relevance: picks k of `pool` (sorted by relevance), each
// time the one with the best (1 - w) * relevance - w * (similarity to the
// closest already picked).
template <typename Sim>
std::vector<std::size_t> pickDiverse(const std::vector<std::size_t>& pool,
                                     const std::vector<double>& relevance, std::size_t k, double w,
                                     Sim similarity) {
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
      return makeError("a given piece has dimension " + std::to_string(g.latent.size()) +
                       ", the model's space has " + std::to_string(catalog.dim));
    }
  }
  return Status::success();
}

}  // namespace

double outfitScore(const float* top, const float* bottom, const float* shoes, int dim,
                   std::vector<PairSimilarity>* why) {
  const double tb = dot(top, bottom, dim);
  const double bs = dot(bottom, shoes, dim);
  const double ts = dot(top, shoes, dim);
  if (why) {
    *why = {{Category::Top, Category::Bottom, tb},
            {Category::Bottom, Category::Shoes, bs},
            {Category::Top, Category::Shoes, ts}};
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
    if (g.category == target)
      return makeError(std::string("a ") + categoryName(target) + " is already given");
  }
  if (given.size() == 2 && given[0].category == given[1].category)
    return makeError("the two given pieces share a category");
  if (Status ok = checkGiven(catalog_, given); !ok) return ok.error();

  const LatentCandidates& candidates = catalog_.of(target);
  const int dim = catalog_.dim;
  std::vector<float> query(static_cast<std::size_t>(dim), 0.f);
  for (const GivenPiece& g : given) {
    for (int i = 0; i < dim; ++i) query[i] += g.latent[i];
  }
  // Outfit score = (s_ab + s_ax + s_bx) / 3 = (s_ab + x·(a + b)) / 3: one product ranks every x.
  const double givenPair = given.size() == 2 ? dot(given[0].latent.data(), given[1].latent.data(), dim) : 0.0;
  auto score = [&](const Scored& c) {
    return given.size() == 2 ? (givenPair + c.relevance) / 3.0 : static_cast<double>(c.relevance);
  };

  const std::size_t k = static_cast<std::size_t>(std::max(options.k, 0));
  const std::size_t poolSize = options.diversity > 0 ? std::max<std::size_t>(k * 10, 50) : k;
  const std::vector<Scored> pool = bestCandidates(target, query, given, options, poolSize);
  std::vector<std::size_t> chosen(pool.size());
  std::iota(chosen.begin(), chosen.end(), 0);
  if (options.diversity > 0 && !pool.empty()) {
    std::vector<double> rel(pool.size());
    for (std::size_t i = 0; i < pool.size(); ++i) rel[i] = score(pool[i]);
    chosen = pickDiverse(chosen, rel, k, options.diversity, [&](std::size_t a, std::size_t b) {
      return dot(candidates.vectors.row(static_cast<std::int64_t>(pool[a].row)),
                 candidates.vectors.row(static_cast<std::int64_t>(pool[b].row)), dim);
    });
  }
  chosen.resize(std::min(chosen.size(), k));

  std::vector<Suggestion> out;
  for (std::size_t i : chosen) {
    const std::size_t row = pool[i].row;
    const float* x = candidates.vectors.row(static_cast<std::int64_t>(row));
    Suggestion s;
    s.category = target;
    s.itemId = candidates.itemIds[row];
    s.score = score(pool[i]);
    if (given.size() == 2) s.why.push_back({given[0].category, given[1].category, givenPair});
    for (const GivenPiece& g : given) s.why.push_back({g.category, target, dot(g.latent.data(), x, dim)});
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<OutfitSuggestion>> Recommender::complete(const GivenPiece& given,
                                                            const RecommendOptions& options) const {
  if (!isSeedSlot(given.category))
    return makeError(std::string("whole outfits are completed from a top, a bottom or shoes, not a ") +
                     categoryName(given.category));
  if (Status ok = checkGiven(catalog_, {given}); !ok) return ok.error();
  const int dim = catalog_.dim;
  std::vector<Category> missing;
  for (Category c : kSeedSlots) {
    if (c != given.category) missing.push_back(c);
  }
  const LatentCandidates& first = catalog_.of(missing[0]);
  const LatentCandidates& second = catalog_.of(missing[1]);
  const std::size_t beam = static_cast<std::size_t>(std::max(options.beam, 1));
  const std::vector<Scored> beam1 = bestCandidates(missing[0], given.latent, {given}, options, beam);
  const std::vector<Scored> beam2 = bestCandidates(missing[1], given.latent, {given}, options, beam);
  if (beam1.empty() || beam2.empty()) return std::vector<OutfitSuggestion>();

  // Every pair of the two beams, scored as a whole outfit.
  struct Pair {
    std::size_t a, b;
    double score;
  };
  std::vector<Pair> pairs;
  pairs.reserve(beam1.size() * beam2.size());
  for (const Scored& a : beam1) {
    const float* x = first.vectors.row(static_cast<std::int64_t>(a.row));
    for (const Scored& b : beam2) {
      const double s12 = dot(x, second.vectors.row(static_cast<std::int64_t>(b.row)), dim);
      pairs.push_back({a.row, b.row, (a.relevance + b.relevance + s12) / 3.0});
    }
  }
  const std::size_t k = static_cast<std::size_t>(std::max(options.k, 0));
  const std::size_t poolSize =
      std::min(pairs.size(), options.diversity > 0 ? std::max<std::size_t>(k * 10, 50) : k);
  std::partial_sort(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(poolSize), pairs.end(),
                    [&](const Pair& p, const Pair& q) {
                      if (p.score != q.score) return p.score > q.score;
                      if (first.itemIds[p.a] != first.itemIds[q.a])
                        return first.itemIds[p.a] < first.itemIds[q.a];
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
    std::array<const float*, kSeedSlotCount> vectors{};
    std::array<Id, kSeedSlotCount> ids{};
    for (std::size_t slot = 0; slot < kSeedSlots.size(); ++slot) {
      const Category c = kSeedSlots[slot];
      if (c == given.category) {
        vectors[slot] = given.latent.data();
        ids[slot] = given.itemId;
      } else if (c == missing[0]) {
        vectors[slot] = first.vectors.row(static_cast<std::int64_t>(p.a));
        ids[slot] = first.itemIds[p.a];
      } else {
        vectors[slot] = second.vectors.row(static_cast<std::int64_t>(p.b));
        ids[slot] = second.itemIds[p.b];
      }
    }
    OutfitSuggestion s;
    s.top = ids[0];
    s.bottom = ids[1];
    s.shoes = ids[2];
    s.score = outfitScore(vectors[0], vectors[1], vectors[2], dim, &s.why);
    out.push_back(std::move(s));
  }
  return out;
}

Status Recommender::enableApproximateSearch(const ApproximateIndexOptions& options) {
  std::array<std::unique_ptr<ApproximateIndex>, kCategoryCount> built;
  for (Category c : kSeedSlots) {
    if (catalog_.of(c).size() == 0) return makeError(std::string("no ") + categoryName(c) + " to index");
    auto index = ApproximateIndex::build(catalog_.of(c).vectors, options);
    if (!index) return index.error();
    built[static_cast<std::size_t>(categoryIndex(c))] = std::move(*index);
  }
  indexes_ = std::move(built);
  return Status::success();
}

std::vector<Recommender::Scored> Recommender::bestCandidates(Category category,
                                                             const std::vector<float>& query,
                                                             const std::vector<GivenPiece>& given,
                                                             const RecommendOptions& options,
                                                             std::size_t n) const {
  const LatentCandidates& candidates = catalog_.of(category);
  std::vector<Scored> scored;
  const ApproximateIndex* index = indexes_[static_cast<std::size_t>(categoryIndex(category))].get();
  if (options.approximate && index) {
    // Ask for more than needed: some of what the index returns may be filtered out.
    const int wanted = static_cast<int>(4 * n + options.excluded.size() + 64);
    for (const auto& [score, row] : index->search(query.data(), wanted)) {
      scored.push_back({static_cast<std::size_t>(row), score});
    }
    std::vector<std::size_t> rows;
    for (const Scored& s : scored) rows.push_back(s.row);
    const std::vector<std::size_t> keep = eligibleRows(candidates, given, options, &rows);
    scored.clear();
    for (std::size_t row : keep) {
      scored.push_back({row, static_cast<float>(dot(candidates.vectors.row(static_cast<std::int64_t>(row)),
                                                    query.data(), catalog_.dim))});
    }
  } else {
    const std::vector<float> relevance = rowDots(candidates.vectors, query);
    for (std::size_t row : eligibleRows(candidates, given, options, nullptr))
      scored.push_back({row, relevance[row]});
  }
  n = std::min(n, scored.size());
  // Ties are broken by item id so results are stable.
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                    [&](const Scored& a, const Scored& b) {
                      return a.relevance != b.relevance
                                 ? a.relevance > b.relevance
                                 : candidates.itemIds[a.row] < candidates.itemIds[b.row];
                    });
  scored.resize(n);
  return scored;
}

}  // namespace w2w
