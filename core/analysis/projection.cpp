#include "analysis/projection.h"

#include <torch/torch.h>

namespace w2w {
namespace {

Projection2d project(const FloatMatrix& vectors) {
  c10::InferenceMode guard;
  auto x = torch::from_blob(const_cast<float*>(vectors.data.data()), {vectors.rows, vectors.cols})
               .to(torch::kFloat64);
  x = x - x.mean(0, true);
  // Eigenvectors of the covariance: cheap for embedding sizes (D <= 1024),
  // whatever the number of rows.
  auto covariance = x.t().mm(x) / static_cast<double>(vectors.rows - 1);
  auto [values, directions] = torch::linalg::eigh(covariance, "L");  // ascending order
  const auto total = values.clamp_min(0).sum().item<double>();
  const auto n = directions.size(1);
  auto top = directions.narrow(1, n - 2, 2).flip({1}).contiguous();  // largest first
  auto points = x.mm(top);
  for (int axis = 0; axis < 2; ++axis) {
    auto column = points.select(1, axis);
    const auto largest = column.abs().argmax().item<std::int64_t>();
    if (column[largest].item<double>() < 0) column.neg_();
  }
  Projection2d out;
  out.points = FloatMatrix(vectors.rows, 2);
  auto result = points.to(torch::kFloat32).contiguous();
  std::copy(result.data_ptr<float>(), result.data_ptr<float>() + vectors.rows * 2, out.points.data.begin());
  const auto variances = values.narrow(0, n - 2, 2).flip({0});
  for (int axis = 0; axis < 2; ++axis) {
    out.explainedVariance[axis] = total > 0 ? variances[axis].item<double>() / total : 0.0;
  }
  return out;
}

}  // namespace

Result<Projection2d> pca2d(const FloatMatrix& vectors) {
  if (vectors.rows < 2 || vectors.cols < 2)
    return makeError("a map needs at least two vectors of two dimensions");
  try {
    return project(vectors);
  } catch (const c10::Error& e) {
    return makeError(std::string("cannot compute the map: ") + e.what_without_backtrace());
  }
}

}  // namespace w2w
