#include "compat/metrics.h"

#include <algorithm>
#include <cmath>

namespace w2w::compat {

double rocAuc(const std::vector<double>& positives, const std::vector<double>& negatives) {
  if (positives.empty() || negatives.empty()) return 0.5;
  // Sort all scores once; for each run of ties, positives in it beat the
  // negatives below the run and tie with the negatives inside it.
  std::vector<std::pair<double, int>> all;
  all.reserve(positives.size() + negatives.size());
  for (double p : positives) all.emplace_back(p, 1);
  for (double n : negatives) all.emplace_back(n, 0);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  double wins = 0.0;
  long long negativesBelow = 0;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    long long pos = 0, neg = 0;
    while (j < all.size() && all[j].first == all[i].first) {
      (all[j].second ? pos : neg) += 1;
      ++j;
    }
    wins += static_cast<double>(pos) * (static_cast<double>(negativesBelow) + 0.5 * static_cast<double>(neg));
    negativesBelow += neg;
    i = j;
  }
  return wins / (static_cast<double>(positives.size()) * static_cast<double>(negatives.size()));
}

Histogram histogram(const std::vector<double>& values, int bins, double lo, double hi) {
  Histogram h;
  h.lo = lo;
  h.hi = hi;
  h.counts.assign(static_cast<std::size_t>(std::max(1, bins)), 0);
  h.n = static_cast<long long>(values.size());
  if (values.empty()) return h;
  double sum = 0.0;
  for (double v : values) {
    sum += v;
    const double t = (v - lo) / (hi - lo) * static_cast<double>(h.counts.size());
    const long long bin = std::min<long long>(static_cast<long long>(h.counts.size()) - 1,
                                              std::max<long long>(0, static_cast<long long>(std::floor(t))));
    ++h.counts[static_cast<std::size_t>(bin)];
  }
  h.mean = sum / static_cast<double>(values.size());
  double sq = 0.0;
  for (double v : values) sq += (v - h.mean) * (v - h.mean);
  h.stddev = std::sqrt(sq / static_cast<double>(values.size()));
  return h;
}

std::vector<ThresholdPoint> thresholdSweep(const std::vector<double>& positives,
                                           const std::vector<double>& negatives, double lo, double hi,
                                           double step) {
  std::vector<ThresholdPoint> out;
  if (step <= 0) return out;
  const double total = static_cast<double>(positives.size() + negatives.size());
  const int count = static_cast<int>(std::floor((hi - lo) / step + 1e-9)) + 1;
  for (int k = 0; k < count; ++k) {
    ThresholdPoint p;
    // Round to the grid so that 0.1 + 0.2 style drift does not shift a bin.
    p.threshold = std::round((lo + k * step) * 1e9) / 1e9;
    const auto above = [&](const std::vector<double>& v) {
      return static_cast<double>(
          std::count_if(v.begin(), v.end(), [&](double s) { return s >= p.threshold; }));
    };
    const double tp = above(positives), fp = above(negatives);
    const double tn = static_cast<double>(negatives.size()) - fp;
    p.accuracy = total > 0 ? (tp + tn) / total : 0.0;
    p.precision = tp + fp > 0 ? tp / (tp + fp) : 1.0;
    p.recall = positives.empty() ? 0.0 : tp / static_cast<double>(positives.size());
    out.push_back(p);
  }
  return out;
}

std::vector<RocPoint> rocCurve(const Histogram& positives, const Histogram& negatives) {
  std::vector<RocPoint> out;
  const std::size_t bins = positives.counts.size();
  if (bins == 0 || bins != negatives.counts.size() || positives.lo != negatives.lo ||
      positives.hi != negatives.hi)
    return out;
  long long totalPos = 0, totalNeg = 0;
  for (std::size_t b = 0; b < bins; ++b) {
    totalPos += positives.counts[b];
    totalNeg += negatives.counts[b];
  }
  if (totalPos == 0 || totalNeg == 0) return out;
  // Walk the edges from the top: at edge k every value of bins k.. counts as
  // predicted real. Bins are the finest resolution the histograms keep.
  const double width = (positives.hi - positives.lo) / static_cast<double>(bins);
  long long pos = 0, neg = 0;
  out.push_back({positives.hi, 0.0, 0.0});
  for (std::size_t k = bins; k-- > 0;) {
    pos += positives.counts[k];
    neg += negatives.counts[k];
    out.push_back({positives.lo + width * static_cast<double>(k), static_cast<double>(neg) / totalNeg,
                   static_cast<double>(pos) / totalPos});
  }
  return out;
}

}  // namespace w2w::compat
