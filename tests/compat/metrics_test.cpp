#include <gtest/gtest.h>

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

}  // namespace
}  // namespace w2w::compat
