// Evaluation of a compatibility space: real versus modified outfits and
// fill-in-the-blank, per pair and overall (design.md, "Compatibility model").
//
// Works on any OutfitSet whose vectors live in a space where the dot product
// of two items is their similarity: the trained model's latent vectors, or the
// raw encoder vectors scaled to unit length (the untrained baseline). The
// outfit score is the mean of the three pair similarities.
//
// Everything drawn at random (modified outfits, candidates) comes from the
// seed, so the same seed gives the same numbers. Thread-safe: pure function.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "compat/metrics.h"
#include "compat/outfit_set.h"

namespace w2w::compat {

// The three category pairs, in the order used everywhere.
inline constexpr std::array<std::array<int, 2>, 3> kPairs = {{{0, 1}, {1, 2}, {0, 2}}};
const char* pairName(int pair);  // "top_bottom", "bottom_shoes", "top_shoes"

struct EvalOptions {
  std::uint64_t seed = 0;
  int rounds = 5;      // modified outfits and FITB questions drawn per outfit
  int candidates = 4;  // FITB: the true item and 3 from other outfits
  int bins = 40;       // histogram bins over [-1, 1]
  double thresholdStep = 0.05;
};

struct PairEval {
  double auc = 0.5;   // the pair's similarity, real versus modified
  double fitb = 0.0;  // blank one item of the pair, judged by this pair's similarity alone
};

struct EvalReport {
  int outfits = 0;
  int rounds = 0;
  int questions = 0;  // FITB questions asked (outfits x 3 categories x rounds)
  double auc = 0.5;
  double fitb = 0.0;
  std::array<PairEval, 3> pairs{};
  std::array<double, 3> fitbByCategory{};  // top, bottom, shoes blanked
  Histogram real, modified;                // outfit scores
  std::vector<ThresholdPoint> thresholds;  // one modified outfit per real one (balanced)
};

// Needs at least 2 outfits; FITB with fewer than 4 outfits uses fewer candidates.
Result<EvalReport> evaluate(const OutfitSet& space, const EvalOptions& options = {});

// Outfit scores (mean pair similarity) of every outfit of the set.
std::vector<double> outfitScores(const OutfitSet& space);

// The report as JSON text (the shape of `what2wear eval --json` without the
// baseline); see evaluator.cpp for the keys.
std::string evalReportJson(const EvalReport& report);

}  // namespace w2w::compat
