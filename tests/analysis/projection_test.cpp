#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/projection.h"

namespace w2w {
namespace {

TEST(Pca2d, FindsTheDirectionsOfLargestSpread) {
  // Points spread along x (std 10) and y (std 3), barely along the other 6 axes.
  std::mt19937 rng(1);
  std::normal_distribution<float> normal;
  FloatMatrix v(500, 8);
  for (int r = 0; r < 500; ++r) {
    for (int c = 0; c < 8; ++c) v.at(r, c) = normal(rng) * (c == 0 ? 10.f : c == 1 ? 3.f : 0.1f);
  }
  auto p = pca2d(v);
  ASSERT_TRUE(p.ok()) << p.message();
  // The first axis is (up to sign) the original x coordinate.
  double dot = 0, nx = 0, np = 0;
  for (int r = 0; r < 500; ++r) {
    dot += v.at(r, 0) * p->points.at(r, 0);
    nx += v.at(r, 0) * v.at(r, 0);
    np += p->points.at(r, 0) * p->points.at(r, 0);
  }
  EXPECT_GT(std::abs(dot) / std::sqrt(nx * np), 0.999);
  EXPECT_GT(p->explainedVariance[0], 0.85);
  EXPECT_GT(p->explainedVariance[1], 0.05);
  EXPECT_LT(p->explainedVariance[0] + p->explainedVariance[1], 1.0 + 1e-9);
}

TEST(Pca2d, IsDeterministic) {
  FloatMatrix v(20, 4);
  for (int i = 0; i < 80; ++i) v.data[i] = std::sin(i * 0.7f);
  auto a = pca2d(v);
  auto b = pca2d(v);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->points.data, b->points.data);
}

TEST(Pca2d, TooFewPointsIsAnError) { EXPECT_FALSE(pca2d(FloatMatrix(1, 5)).ok()); }

}  // namespace
}  // namespace w2w
