// Recommender: "complete the look". Given any pieces of an outfit, rank the
// library's candidates for each category that could join them (the outfit
// rules of common/category.h: a dress takes shoes, an outer layer, a bag or
// an accessory, never a bottom) by how well the whole outfit would go
// together, using the same outfit score as the evaluator: the mean pair
// similarity, in the model's latent space, over the pairs the outfit has.
//
// Queries are matrix products over the precomputed catalog (no model forward
// pass per candidate). Thread-safety: const methods may run concurrently.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

#include "common/result.h"
#include "library/types.h"
#include "recommend/approximate_index.h"
#include "recommend/latent_catalog.h"

namespace w2w {

// A piece of the outfit being completed: its category and latent vector
// (from the catalog for a library item, or projected from a new image).
struct GivenPiece {
  Category category = Category::Top;
  std::vector<float> latent;  // unit vector of the catalog's dimension
  Id itemId = 0;              // 0 for an image that is not in the library
  Id photoId = 0;             // 0 for standalone items and outside images
};

struct PairSimilarity {
  Category a;
  Category b;
  double similarity = 0.0;
};

struct Suggestion {
  Category category;
  Id itemId = 0;
  double score = 0.0;               // the outfit score of the given pieces with this one
  std::vector<PairSimilarity> why;  // the pair similarities behind the score
};

// A whole outfit: the given pieces and the ones chosen for them.
struct OutfitSuggestion {
  std::vector<OutfitItem> items;  // in kCategories order; item 0 for a given image outside the library
  double score = 0.0;
  std::vector<PairSimilarity> why;  // every pair of the outfit

  Id member(Category c) const;  // the item of c (the first accessory), 0 when none
};

struct RecommendOptions {
  int k = 10;
  bool excludeSamePhoto = true;  // never suggest a crop of the photo a given piece comes from
  // Maximal marginal relevance: 0 ranks by score alone; towards 1 it prefers
  // candidates unlike those already chosen.
  double diversity = 0.0;
  // Items never to suggest (e.g. already in saved outfits), and, when set,
  // the only items that may be suggested (e.g. those with a tag).
  std::unordered_set<Id> excluded;
  std::optional<std::unordered_set<Id>> allowed;
  // Complete-an-outfit search: pairs are formed among this many best
  // candidates per category (exact when every candidate fits).
  int beam = 256;
  // Use the approximate index when one was built (enableApproximateSearch).
  bool approximate = false;
};

class Recommender {
 public:
  explicit Recommender(LatentCatalog catalog);
  ~Recommender();
  Recommender(Recommender&&) noexcept;

  const LatentCatalog& catalog() const { return catalog_; }
  // The catalog row of an item, for turning a library item into a GivenPiece.
  std::optional<GivenPiece> piece(Id itemId) const;

  // Candidates of `target` for the given pieces (at least one; pieces that
  // can be worn together, and `target` one that can join them: canAdd).
  Result<std::vector<Suggestion>> rank(const std::vector<GivenPiece>& given, Category target,
                                       const RecommendOptions& options = {}) const;

  // Whole valid outfits around the given pieces: the categories they still
  // need (requiredMissing: shoes, a bottom for a top, and a top and a bottom
  // or a one-piece when neither is given) chosen together, the best
  // combinations first (a beam of options.beam per category).
  Result<std::vector<OutfitSuggestion>> complete(const std::vector<GivenPiece>& given,
                                                 const RecommendOptions& options = {}) const;
  Result<std::vector<OutfitSuggestion>> complete(const GivenPiece& given,
                                                 const RecommendOptions& options = {}) const {
    return complete(std::vector<GivenPiece>{given}, options);
  }

  // Builds an approximate index per category (needs FAISS); queries with
  // RecommendOptions::approximate then use it.
  Status enableApproximateSearch(const ApproximateIndexOptions& options = {});
  bool hasApproximateSearch() const;

  // The best `n` eligible candidate rows of a category for a query vector,
  // best first, with their inner products (exact or through the index).
  struct Scored {
    std::size_t row;
    float relevance;
  };
  std::vector<Scored> bestCandidates(Category category, const std::vector<float>& query,
                                     const std::vector<GivenPiece>& given, const RecommendOptions& options,
                                     std::size_t n) const;

 private:
  LatentCatalog catalog_;
  std::array<std::unique_ptr<ApproximateIndex>, kCategoryCount> indexes_;
};

// Similarity of two items in the model's space: the dot product of their unit vectors.
double pairSimilarity(const float* a, const float* b, int dim);

// Outfit score of pieces given by category and unit vector: the mean pair
// similarity over the pairs that can be worn together.
double outfitScore(const std::vector<std::pair<Category, const float*>>& pieces, int dim,
                   std::vector<PairSimilarity>* why = nullptr);
// The same for the seed's three pieces.
double outfitScore(const float* top, const float* bottom, const float* shoes, int dim,
                   std::vector<PairSimilarity>* why = nullptr);

}  // namespace w2w
