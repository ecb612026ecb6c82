// Safetensors files as plain values: every tensor copied into a TensorData,
// looked up by name with its dtype and shape checked. The bytes are read and
// written by the project's one safetensors reader and writer
// (core/format/safetensors*.h); this layer adds the value types.
//
// Used for the compatibility model's checkpoints and the dataset embedding
// cache. Every check that can fail names the file and the tensor: a truncated
// or corrupt file gives a one-line error, never a crash.
// Thread-safety: pure functions; files are written atomically.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "io/file_io.h"

namespace w2w::compat {

struct TensorData {
  std::string dtype;  // "F32", "I64" or "U8"
  std::vector<std::int64_t> shape;
  Bytes bytes;  // little-endian, row-major

  std::int64_t elements() const;
  static TensorData fromFloats(std::vector<std::int64_t> shape, const float* values);
  static TensorData fromInt64(std::vector<std::int64_t> shape, const std::int64_t* values);
  std::vector<float> floats() const;         // F32 only
  std::vector<std::int64_t> int64s() const;  // I64 only
};

struct SafetensorsContent {
  std::map<std::string, TensorData> tensors;
  std::map<std::string, std::string> metadata;  // the "__metadata__" strings

  // The tensor, checked for dtype and shape; the error names `source`.
  Result<const TensorData*> get(const std::string& name, const std::string& dtype,
                                const std::vector<std::int64_t>& shape, const std::string& source) const;
};

Bytes serializeSafetensors(const SafetensorsContent& content);
// `source` names the file in error messages.
Result<SafetensorsContent> parseSafetensors(const Bytes& bytes, const std::string& source);

Status writeSafetensors(const std::string& path, const SafetensorsContent& content);  // atomically
Result<SafetensorsContent> readSafetensors(const std::string& path);

}  // namespace w2w::compat
