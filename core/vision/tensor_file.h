// Float32 tensors in safetensors files, as plain vectors, for the vision
// models' weights (garment parser). The format is read and written by the
// project's one strict safetensors reader and writer (core/format).
//
// Format (https://huggingface.co/docs/safetensors): 8-byte little-endian
// header length N, N bytes of JSON {name: {dtype, shape, data_offsets}, ...,
// "__metadata__": {string: string}}, then the raw little-endian data.
// Only dtype F32 is read and written. Thread-safe: no shared state.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"

namespace w2w {

struct FloatTensor {
  std::vector<std::int64_t> shape;
  std::vector<float> values;  // row-major, product(shape) values
};

struct TensorFile {
  std::map<std::string, FloatTensor> tensors;
  std::map<std::string, std::string> metadata;
};

// Errors name the file and the problem ("<path>: tensor 'x' has dtype F16,
// expected F32", "<path>: header is not JSON", "<path>: truncated data").
Result<TensorFile> readTensorFile(const std::string& path);

// Written atomically (temporary file, then rename).
Status writeTensorFile(const std::string& path, const TensorFile& file);

}  // namespace w2w
