// FloatMatrix: a dense row-major float32 matrix, the way embeddings and outfit
// tensors cross w2w_core's public API without exposing LibTorch.
#pragma once

#include <cstdint>
#include <vector>

namespace w2w {

struct FloatMatrix {
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  std::vector<float> data;  // rows * cols values

  FloatMatrix() = default;
  FloatMatrix(std::int64_t r, std::int64_t c, float fill = 0.f)
      : rows(r), cols(c), data(static_cast<std::size_t>(r * c), fill) {}

  bool empty() const { return rows == 0 || cols == 0; }
  float* row(std::int64_t r) { return data.data() + r * cols; }
  const float* row(std::int64_t r) const { return data.data() + r * cols; }
  float& at(std::int64_t r, std::int64_t c) { return data[static_cast<std::size_t>(r * cols + c)]; }
  float at(std::int64_t r, std::int64_t c) const { return data[static_cast<std::size_t>(r * cols + c)]; }
  std::vector<float> rowVector(std::int64_t r) const { return {row(r), row(r) + cols}; }
};

}  // namespace w2w
