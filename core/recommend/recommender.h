// Recommender: "complete the look". Given one or two pieces of an outfit, rank
// the library's candidates for the missing categories by how well the whole
// outfit would go together, using the same outfit score as the evaluator:
// the mean of the three pair similarities in the model's latent space.
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
  double score = 0.0;               // the outfit score (or the pair similarity when only two pieces exist)
  std::vector<PairSimilarity> why;  // the pair similarities behind the score
};

struct OutfitSuggestion {
  Id top = 0, bottom = 0, shoes = 0;
  double score = 0.0;
  std::vector<PairSimilarity> why;  // all three pairs
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

  // Candidates of `target` for the given pieces (one or two, of other categories).
  Result<std::vector<Suggestion>> rank(const std::vector<GivenPiece>& given, Category target,
                                       const RecommendOptions& options = {}) const;

  // Whole outfits around one given piece: the best pairs of the two missing
  // categories scored together (not two independent lists).
  Result<std::vector<OutfitSuggestion>> complete(const GivenPiece& given,
                                                 const RecommendOptions& options = {}) const;

  // Builds an approximate index per category (needs FAISS); queries with
  // RecommendOptions::approximate then use it.
  Status enableApproximateSearch(const ApproximateIndexOptions& options = {});
  bool hasApproximateSearch() const { return indexes_[0] != nullptr; }

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

// Outfit score of three unit vectors (top, bottom, shoes): the mean of the pair similarities.
double outfitScore(const float* top, const float* bottom, const float* shoes, int dim,
                   std::vector<PairSimilarity>* why = nullptr);

}  // namespace w2w
