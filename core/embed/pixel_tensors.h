// Internal to core/embed (LibTorch types): what the model encoders share
// around their torch modules.
#pragma once

#include <torch/types.h>

#include <string>

#include "common/matrix.h"
#include "common/result.h"

namespace w2w {

// The float tensor `tensor` of a safetensors file of preprocessed pixels
// ([B,3,S,S] or [3,S,S]); an empty name takes the file's only tensor.
Result<torch::Tensor> readPixelTensor(const std::string& path, const std::string& tensor);

// A [N,D] float32 tensor as a FloatMatrix.
FloatMatrix toFloatMatrix(const torch::Tensor& rows);

}  // namespace w2w
