// Safetensors files as plain values: every tensor copied into a TensorData,
// looked up by name with its dtype and shape checked. This is the one value
// layer over the strict reader (SafetensorsFile) and the writer
// (safetensors_writer.h): the compatibility model's checkpoints, the dataset
// embedding caches, exported embeddings and the garment parser's weights all
// go through it. Code that reads large weights in place (the CLIP tower) uses
// SafetensorsFile directly instead.
//
// Every check that can fail names the file and the tensor: a truncated or
// corrupt file gives a one-line error, never a crash.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"

namespace w2w::format {

struct TensorData {
  std::string dtype;  // the format's name: "F32", "I64", "U8", "F16", ...
  std::vector<std::int64_t> shape;
  std::vector<std::uint8_t> bytes;  // little-endian, row-major

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

// The whole file as bytes (written by the one safetensors writer).
std::vector<std::uint8_t> serializeSafetensors(const SafetensorsContent& content);
// Written atomically and durably (safetensors_writer.h).
Status writeSafetensors(const std::string& path, const SafetensorsContent& content);
// Checked by the strict reader; `source` names the file in error messages.
Result<SafetensorsContent> parseSafetensors(const std::vector<std::uint8_t>& bytes,
                                            const std::string& source);
// The file is mapped, not read into a buffer first: its tensors are copied once.
Result<SafetensorsContent> readSafetensors(const std::string& path);

}  // namespace w2w::format
