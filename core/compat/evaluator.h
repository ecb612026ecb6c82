// Evaluation of a compatibility space: real versus modified outfits and
// fill-in-the-blank, overall, per category pair and per kind of outfit
// (design.md, "Compatibility model").
//
// Works on any OutfitSet whose vectors live in a space where the dot product
// of two items is their similarity: the trained model's latent vectors, or the
// raw encoder vectors scaled to unit length (the untrained baseline). The
// outfit score is the mean pair similarity over the slot pairs the outfit
// fills (compat/outfit_set.h), so outfits of any size compare.
//
// - AUC: outfit scores of the real outfits against their modified outfits
//   (compat/modified_sampler.h), `rounds` modified outfits per real one.
// - FITB: every filled slot of every outfit is blanked in turn; the true item
//   competes with `candidates - 1` items of the same slot from other outfits,
//   each scored by its similarity to the outfit's other items.
// - Per pair: the pair's similarity alone, real versus modified (AUC), and
//   the blank judged by its similarity to the pair's other item (FITB).
// - Per kind: the same AUC and FITB over the separates outfits (top and
//   bottom) and over the one-piece outfits.
//
// Everything drawn at random (modified outfits, candidates) comes from the
// seed, so the same seed gives the same numbers. Thread-safe: pure function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compat/metrics.h"
#include "compat/outfit_set.h"

namespace w2w::compat {

struct EvalOptions {
  std::uint64_t seed = 0;
  int rounds = 5;      // modified outfits and FITB questions drawn per outfit
  int candidates = 4;  // FITB: the true item and 3 from other outfits
  int bins = 40;       // histogram bins over [-1, 1]
  double thresholdStep = 0.05;
};

struct PairEval {
  CategoryPair pair{Category::Top, Category::Bottom};
  double auc = 0.5;     // the pair's similarity, real versus modified
  double fitb = 0.0;    // blank one item of the pair, judged by this pair's similarity alone
  long long count = 0;  // real outfits that have the pair
};

// "separates" (a top and a bottom) or "onepiece".
enum class OutfitKind { Separates, Onepiece };
const char* outfitKindName(OutfitKind kind);

struct KindEval {
  OutfitKind kind = OutfitKind::Separates;
  int outfits = 0;
  double auc = 0.5;
  double fitb = 0.0;
};

struct CategoryFitb {
  Category category = Category::Top;
  double fitb = 0.0;  // the category's slots blanked
  long long questions = 0;
};

struct EvalReport {
  int outfits = 0;
  int rounds = 0;
  int questions = 0;  // FITB questions asked (filled slots x rounds)
  double auc = 0.5;
  double fitb = 0.0;
  std::vector<PairEval> pairs;               // the category pairs the outfits have, in layout order
  std::vector<CategoryFitb> fitbByCategory;  // the categories the outfits have, in layout order
  std::vector<KindEval> kinds;               // the kinds the outfits are (separates first)
  Histogram real, modified;                  // outfit scores
  std::vector<ThresholdPoint> thresholds;    // one modified outfit per real one (balanced)

  const PairEval* pair(CategoryPair p) const;
  const KindEval* kind(OutfitKind k) const;
  std::optional<double> categoryFitb(Category c) const;
};

// Needs at least 2 outfits; FITB with fewer than 4 outfits uses fewer candidates.
Result<EvalReport> evaluate(const OutfitSet& space, const EvalOptions& options = {});

// Outfit scores (mean pair similarity over the pairs present) of every outfit of the set.
std::vector<double> outfitScores(const OutfitSet& space);

// The report as JSON text (the shape of `what2wear eval --json` without the
// baseline); see evaluator.cpp for the keys.
std::string evalReportJson(const EvalReport& report);
// Reads evalReportJson's text back; tolerant (missing keys keep defaults),
// null for text that is not a JSON object or an empty one.
std::optional<EvalReport> parseEvalReportJson(const std::string& json);

}  // namespace w2w::compat
