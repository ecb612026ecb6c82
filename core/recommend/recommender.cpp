#include "recommend/recommender.h"

#include <algorithm>
#include <numeric>

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

double pairSimilarity(const float* a, const float* b, int dim) { return dot(a, b, dim); }

double outfitScore(const std::vector<std::pair<Category, const float*>>& pieces, int dim,
                   std::vector<PairSimilarity>* why) {
  double sum = 0;
  int pairs = 0;
  if (why) why->clear();
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    for (std::size_t j = i + 1; j < pieces.size(); ++j) {
      if (!canWearTogether(pieces[i].first, pieces[j].first)) continue;
      const double s = dot(pieces[i].second, pieces[j].second, dim);
      if (why) why->push_back({pieces[i].first, pieces[j].first, s});
      sum += s;
      ++pairs;
    }
  }
  return pairs > 0 ? sum / pairs : 0.0;
}

double outfitScore(const float* top, const float* bottom, const float* shoes, int dim,
                   std::vector<PairSimilarity>* why) {
  const double tb = pairSimilarity(top, bottom, dim);
  const double bs = pairSimilarity(bottom, shoes, dim);
  const double ts = pairSimilarity(top, shoes, dim);
  if (why) {
    *why = {{Category::Top, Category::Bottom, tb},
            {Category::Bottom, Category::Shoes, bs},
            {Category::Top, Category::Shoes, ts}};
  }
  return (tb + bs + ts) / 3.0;
}

Id OutfitSuggestion::member(Category c) const {
  for (const OutfitItem& i : items)
    if (i.category == c) return i.item;
  return 0;
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

namespace {

CategoryCounts countsOf(const std::vector<GivenPiece>& given) {
  CategoryCounts counts;
  for (const GivenPiece& g : given) counts.add(g.category);
  return counts;
}

// The given pieces must be wearable together and `target` must be able to join them.
Status checkTarget(const std::vector<GivenPiece>& given, Category target) {
  if (given.empty()) return makeError("give at least one piece to complete");
  CategoryCounts counts;
  for (const GivenPiece& g : given) {
    if (!canAdd(counts, g.category)) {
      return makeError(counts.has(g.category) && !allowsSeveral(g.category)
                           ? std::string("two given pieces are both a ") + categoryName(g.category)
                           : std::string("the given pieces cannot be worn together (a ") +
                                 categoryName(g.category) + " with the others)");
    }
    counts.add(g.category);
  }
  if (counts.has(target) && !allowsSeveral(target))
    return makeError(std::string("a ") + categoryName(target) + " is already given");
  if (!canAdd(counts, target))
    return makeError(std::string("a ") + categoryName(target) + " cannot be worn with the given pieces");
  return Status::success();
}

// Sum and number of the pair similarities among the given pieces.
std::pair<double, int> givenPairs(const std::vector<GivenPiece>& given, int dim,
                                  std::vector<PairSimilarity>* why) {
  double sum = 0;
  int count = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    for (std::size_t j = i + 1; j < given.size(); ++j) {
      if (!canWearTogether(given[i].category, given[j].category)) continue;
      const double s = dot(given[i].latent.data(), given[j].latent.data(), dim);
      if (why) why->push_back({given[i].category, given[j].category, s});
      sum += s;
      ++count;
    }
  }
  return {sum, count};
}

}  // namespace

Result<std::vector<Suggestion>> Recommender::rank(const std::vector<GivenPiece>& given, Category target,
                                                  const RecommendOptions& options) const {
  if (Status ok = checkTarget(given, target); !ok) return ok.error();
  if (Status ok = checkGiven(catalog_, given); !ok) return ok.error();

  const LatentCandidates& candidates = catalog_.of(target);
  const int dim = catalog_.dim;
  std::vector<float> query(static_cast<std::size_t>(dim), 0.f);
  for (const GivenPiece& g : given) {
    for (int i = 0; i < dim; ++i) query[i] += g.latent[i];
  }
  // Outfit score = (the given pairs + x . (sum of the given)) / (number of pairs):
  // one product ranks every candidate x.
  std::vector<PairSimilarity> givenWhy;
  const auto [givenSum, givenCount] = givenPairs(given, dim, &givenWhy);
  const double pairs = static_cast<double>(givenCount) + static_cast<double>(given.size());
  auto score = [&](const Scored& c) { return (givenSum + c.relevance) / pairs; };

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
    s.why = givenWhy;
    for (const GivenPiece& g : given) s.why.push_back({g.category, target, dot(g.latent.data(), x, dim)});
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<OutfitSuggestion>> Recommender::complete(const std::vector<GivenPiece>& given,
                                                            const RecommendOptions& options) const {
  if (given.empty()) return makeError("give at least one piece to complete");
  if (Status ok = checkGiven(catalog_, given); !ok) return ok.error();
  const CategoryCounts counts = countsOf(given);
  if (const std::string problem = outfitProblem(counts); !problem.empty() && problem.rfind("needs", 0) != 0)
    return makeError("the given pieces are no outfit: " + problem);
  const int dim = catalog_.dim;
  // What a valid outfit still needs; with neither separates nor a one-piece
  // given, both ways are searched.
  const std::vector<Category> required = requiredMissing(counts);
  std::vector<std::vector<Category>> ways;
  const bool either = std::find(required.begin(), required.end(), Category::Onepiece) != required.end();
  if (either) {
    std::vector<Category> separates, onepiece;
    for (Category c : required) {
      if (c != Category::Onepiece) separates.push_back(c);
      if (c != Category::Top && c != Category::Bottom) onepiece.push_back(c);
    }
    ways = {separates, onepiece};
  } else {
    ways = {required};
  }
  std::vector<float> query(static_cast<std::size_t>(dim), 0.f);
  for (const GivenPiece& g : given) {
    for (int i = 0; i < dim; ++i) query[i] += g.latent[i];
  }
  const auto [givenSum, givenCount] = givenPairs(given, dim, nullptr);
  const std::size_t beam = static_cast<std::size_t>(std::max(options.beam, 1));

  // A partial outfit: the candidates chosen so far (category, row) and its pair sums.
  struct Partial {
    std::vector<std::pair<Category, std::size_t>> picks;
    double sum = 0;
    int pairs = 0;
    double score() const { return pairs > 0 ? sum / pairs : 0.0; }
  };
  const auto idOf = [&](const std::pair<Category, std::size_t>& pick) {
    return catalog_.of(pick.first).itemIds[pick.second];
  };
  const auto vectorOf = [&](const std::pair<Category, std::size_t>& pick) {
    return catalog_.of(pick.first).vectors.row(static_cast<std::int64_t>(pick.second));
  };
  const auto better = [&](const Partial& p, const Partial& q) {
    if (p.score() != q.score()) return p.score() > q.score();
    for (std::size_t i = 0; i < p.picks.size() && i < q.picks.size(); ++i) {
      if (idOf(p.picks[i]) != idOf(q.picks[i])) return idOf(p.picks[i]) < idOf(q.picks[i]);
    }
    return false;
  };
  std::vector<Partial> finished;
  for (const std::vector<Category>& way : ways) {
    std::vector<Partial> partials = {{{}, givenSum, givenCount}};
    for (Category c : way) {
      // The candidates go with the given pieces; each partial adds its own picks' pairs.
      const std::vector<Scored> pool = bestCandidates(c, query, given, options, beam);
      std::vector<Partial> next;
      next.reserve(partials.size() * pool.size());
      for (const Partial& p : partials) {
        for (const Scored& candidate : pool) {
          Partial q = p;
          q.sum += candidate.relevance;
          q.pairs += static_cast<int>(given.size());
          const float* x = catalog_.of(c).vectors.row(static_cast<std::int64_t>(candidate.row));
          for (const auto& pick : p.picks) {
            if (!canWearTogether(pick.first, c)) continue;
            q.sum += dot(vectorOf(pick), x, dim);
            ++q.pairs;
          }
          q.picks.emplace_back(c, candidate.row);
          next.push_back(std::move(q));
        }
      }
      const std::size_t keep = std::min(next.size(), beam);
      std::partial_sort(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(keep), next.end(), better);
      next.resize(keep);
      partials = std::move(next);
    }
    if (!way.empty()) finished.insert(finished.end(), partials.begin(), partials.end());
  }
  std::sort(finished.begin(), finished.end(), better);

  const std::size_t k = static_cast<std::size_t>(std::max(options.k, 0));
  const std::size_t poolSize =
      std::min(finished.size(), options.diversity > 0 ? std::max<std::size_t>(k * 10, 50) : k);
  finished.resize(poolSize);
  std::vector<std::size_t> chosen(finished.size());
  std::iota(chosen.begin(), chosen.end(), 0);
  if (options.diversity > 0) {
    std::vector<double> rel(finished.size());
    for (std::size_t i = 0; i < finished.size(); ++i) rel[i] = finished[i].score();
    chosen = pickDiverse(chosen, rel, k, options.diversity, [&](std::size_t p, std::size_t q) {
      // Mean similarity of the pieces the two outfits chose for the same category.
      double sum = 0;
      int n = 0;
      for (const auto& a : finished[p].picks) {
        for (const auto& b : finished[q].picks) {
          if (a.first != b.first) continue;
          sum += dot(vectorOf(a), vectorOf(b), dim);
          ++n;
        }
      }
      return n > 0 ? sum / n : 0.0;
    });
  }
  chosen.resize(std::min(chosen.size(), k));

  std::vector<OutfitSuggestion> out;
  for (std::size_t i : chosen) {
    std::vector<std::pair<Category, const float*>> pieces;
    OutfitSuggestion s;
    for (const GivenPiece& g : given) {
      pieces.emplace_back(g.category, g.latent.data());
      s.items.push_back({g.itemId, g.category});
    }
    for (const auto& pick : finished[i].picks) {
      pieces.emplace_back(pick.first, vectorOf(pick));
      s.items.push_back({idOf(pick), pick.first});
    }
    std::stable_sort(s.items.begin(), s.items.end(), [](const OutfitItem& a, const OutfitItem& b) {
      return categoryIndex(a.category) < categoryIndex(b.category);
    });
    s.score = outfitScore(pieces, dim, &s.why);
    out.push_back(std::move(s));
  }
  return out;
}

Status Recommender::enableApproximateSearch(const ApproximateIndexOptions& options) {
  std::array<std::unique_ptr<ApproximateIndex>, kCategoryCount> built;
  for (Category c : kCategories) {
    if (catalog_.of(c).size() == 0) continue;  // a category the library has no item of
    auto index = ApproximateIndex::build(catalog_.of(c).vectors, options);
    if (!index) return index.error();
    built[static_cast<std::size_t>(categoryIndex(c))] = std::move(*index);
  }
  indexes_ = std::move(built);
  return Status::success();
}

bool Recommender::hasApproximateSearch() const {
  return std::any_of(indexes_.begin(), indexes_.end(), [](const auto& index) { return index != nullptr; });
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
