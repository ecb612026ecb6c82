#include <gtest/gtest.h>

#include <cmath>

#include "compat/metrics.h"

namespace w2w::compat {
namespace {

TEST(Metrics, RocAucOnHandMadeCases) {
  EXPECT_DOUBLE_EQ(rocAuc({0.9, 0.8}, {0.1, 0.2}), 1.0);
  EXPECT_DOUBLE_EQ(rocAuc({0.1, 0.2}, {0.9, 0.8}), 0.0);
  // 0.9 beats both negatives, 0.4 beats 0.1 only: 3 of 4 pairs.
  EXPECT_DOUBLE_EQ(rocAuc({0.9, 0.4}, {0.5, 0.1}), 0.75);
  // Ties count one half: (0.5 vs 0.5) = 0.5, (0.5 vs 0.2) = 1, (0.7 vs both) = 2 -> 3.5 / 4.
  EXPECT_DOUBLE_EQ(rocAuc({0.5, 0.7}, {0.5, 0.2}), 0.875);
  EXPECT_DOUBLE_EQ(rocAuc({0.3, 0.3}, {0.3}), 0.5);
  EXPECT_DOUBLE_EQ(rocAuc({}, {0.3}), 0.5);
}

TEST(Metrics, HistogramCountsAndMoments) {
  const Histogram h = histogram({-1.0, -0.2, 0.0, 0.1, 0.99, 1.0, 3.0}, 4, -1.0, 1.0);
  ASSERT_EQ(h.counts.size(), 4u);
  EXPECT_EQ(h.counts[0], 1);  // -1.0
  EXPECT_EQ(h.counts[1], 1);  // -0.2
  EXPECT_EQ(h.counts[2], 2);  // 0.0, 0.1
  EXPECT_EQ(h.counts[3], 3);  // 0.99, 1.0 and 3.0 (clamped to the last bin)
  EXPECT_EQ(h.n, 7);
  EXPECT_NEAR(h.mean, (-1.0 - 0.2 + 0.0 + 0.1 + 0.99 + 1.0 + 3.0) / 7, 1e-12);
}

TEST(Metrics, ThresholdSweepOnHandMadeCase) {
  // Real: 0.8, 0.6, 0.2; modified: 0.5, 0.1, 0.0.
  const auto points = thresholdSweep({0.8, 0.6, 0.2}, {0.5, 0.1, 0.0}, 0.0, 1.0, 0.25);
  ASSERT_EQ(points.size(), 5u);
  // t = 0: everything predicted real: 3 TP, 3 FP.
  EXPECT_DOUBLE_EQ(points[0].accuracy, 0.5);
  EXPECT_DOUBLE_EQ(points[0].precision, 0.5);
  EXPECT_DOUBLE_EQ(points[0].recall, 1.0);
  // t = 0.25: predicted real 0.8, 0.6, 0.5 -> TP 2, FP 1, TN 2, FN 1.
  EXPECT_DOUBLE_EQ(points[1].threshold, 0.25);
  EXPECT_DOUBLE_EQ(points[1].accuracy, 4.0 / 6);
  EXPECT_DOUBLE_EQ(points[1].precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(points[1].recall, 2.0 / 3);
  // t = 0.75: only 0.8 -> TP 1, FP 0, TN 3.
  EXPECT_DOUBLE_EQ(points[3].accuracy, 4.0 / 6);
  EXPECT_DOUBLE_EQ(points[3].precision, 1.0);
  EXPECT_DOUBLE_EQ(points[3].recall, 1.0 / 3);
  // t = 1: none predicted real; precision is defined as 1.
  EXPECT_DOUBLE_EQ(points[4].precision, 1.0);
  EXPECT_DOUBLE_EQ(points[4].recall, 0.0);
}

TEST(Metrics, RocCurveFromHistogramsWalksFromNothingToEverything) {
  // Real: 0.8, 0.6, 0.2; modified: 0.5, 0.1, 0.0, -0.5 (four bins over [-1, 1]).
  const Histogram real = histogram({0.8, 0.6, 0.2}, 4, -1.0, 1.0);
  const Histogram modified = histogram({0.5, 0.1, 0.0, -0.5}, 4, -1.0, 1.0);
  const std::vector<RocPoint> roc = rocCurve(real, modified);
  ASSERT_EQ(roc.size(), 5u);
  EXPECT_DOUBLE_EQ(roc[0].threshold, 1.0);
  EXPECT_DOUBLE_EQ(roc[0].fpr, 0.0);
  EXPECT_DOUBLE_EQ(roc[0].tpr, 0.0);
  // Scores >= 0.5: real 0.8, 0.6; modified 0.5.
  EXPECT_DOUBLE_EQ(roc[1].threshold, 0.5);
  EXPECT_DOUBLE_EQ(roc[1].tpr, 2.0 / 3);
  EXPECT_DOUBLE_EQ(roc[1].fpr, 1.0 / 4);
  // Scores >= 0: all real; modified 0.5, 0.1, 0.0.
  EXPECT_DOUBLE_EQ(roc[2].threshold, 0.0);
  EXPECT_DOUBLE_EQ(roc[2].tpr, 1.0);
  EXPECT_DOUBLE_EQ(roc[2].fpr, 3.0 / 4);
  EXPECT_DOUBLE_EQ(roc.back().threshold, -1.0);
  EXPECT_DOUBLE_EQ(roc.back().fpr, 1.0);
  EXPECT_DOUBLE_EQ(roc.back().tpr, 1.0);
}

TEST(Metrics, RocCurveAreaMatchesTheAucOfFineHistograms) {
  // Two overlapping score clouds; with fine bins the trapezoid area under the
  // curve is the Mann-Whitney AUC up to ties inside a bin.
  std::vector<double> positives, negatives;
  for (int i = 0; i < 200; ++i) {
    positives.push_back(0.3 + 0.5 * std::sin(i * 1.7));
    negatives.push_back(-0.1 + 0.5 * std::cos(i * 2.3));
  }
  const auto roc = rocCurve(histogram(positives, 400, -1.0, 1.0), histogram(negatives, 400, -1.0, 1.0));
  double area = 0;
  for (std::size_t i = 1; i < roc.size(); ++i) {
    EXPECT_GE(roc[i].fpr, roc[i - 1].fpr);
    EXPECT_GE(roc[i].tpr, roc[i - 1].tpr);
    area += (roc[i].fpr - roc[i - 1].fpr) * (roc[i].tpr + roc[i - 1].tpr) / 2;
  }
  EXPECT_NEAR(area, rocAuc(positives, negatives), 0.01);
}

TEST(Metrics, RocCurveNeedsMatchingNonEmptyHistograms) {
  EXPECT_TRUE(rocCurve(histogram({}, 4, -1, 1), histogram({0.1}, 4, -1, 1)).empty());
  EXPECT_TRUE(rocCurve(histogram({0.2}, 4, -1, 1), histogram({0.1}, 8, -1, 1)).empty());
}

}  // namespace
}  // namespace w2w::compat
