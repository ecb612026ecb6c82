// Metrics of real versus modified outfits: ROC AUC, histograms and the
// threshold curve (accuracy, precision, recall). Pure functions of scores,
// safe on any thread.
#pragma once

#include <vector>

namespace w2w::compat {

// Probability that a random positive scores above a random negative (ties
// count one half): the Mann-Whitney form of the ROC AUC. 0.5 when either
// list is empty.
double rocAuc(const std::vector<double>& positives, const std::vector<double>& negatives);

struct Histogram {
  double lo = -1.0, hi = 1.0;     // range of the bins; values outside go to the end bins
  std::vector<long long> counts;  // equal-width bins over [lo, hi]
  long long n = 0;
  double mean = 0.0, stddev = 0.0;  // of the values themselves
};
Histogram histogram(const std::vector<double>& values, int bins, double lo, double hi);

// A score at or above the threshold predicts "real outfit".
struct ThresholdPoint {
  double threshold = 0.0;
  double accuracy = 0.0;   // over positives and negatives together
  double precision = 0.0;  // real among those predicted real (1 when none is predicted)
  double recall = 0.0;     // predicted real among the real
};
// Thresholds lo, lo + step, ..., up to hi.
std::vector<ThresholdPoint> thresholdSweep(const std::vector<double>& positives,
                                           const std::vector<double>& negatives, double lo, double hi,
                                           double step);

// One point of an ROC curve: at scores >= threshold, the share of positives
// (true positive rate) and of negatives (false positive rate) predicted real.
struct RocPoint {
  double threshold = 0.0;
  double fpr = 0.0, tpr = 0.0;
};
// The ROC curve at the bin edges of two histograms over the same range (the
// evaluator keeps histograms, not raw scores): from the top edge (0, 0) down
// to the bottom edge (1, 1). Each histogram is scaled by its own count, so
// they may hold different numbers of values. Empty when the bins disagree or
// either histogram is empty.
std::vector<RocPoint> rocCurve(const Histogram& positives, const Histogram& negatives);

}  // namespace w2w::compat
