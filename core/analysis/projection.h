// Two-dimensional maps of embeddings, for looking at how crops spread.
#pragma once

#include "common/matrix.h"
#include "common/result.h"

namespace w2w {

struct Projection2d {
  FloatMatrix points;                    // [rows, 2]
  double explainedVariance[2] = {0, 0};  // share of the total variance on each axis
};

// Principal component analysis onto the two directions of largest variance.
// Deterministic: each axis is oriented so that its largest coordinate is positive.
Result<Projection2d> pca2d(const FloatMatrix& vectors);

}  // namespace w2w
