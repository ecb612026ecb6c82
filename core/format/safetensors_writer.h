// Writing safetensors files (standard library only): the counterpart of
// SafetensorsFile, used for every model and checkpoint the project writes, so
// that everything it writes is read back by the same strict reader.
//
// Tensors are laid out in the order given, contiguous, with the header padded
// to a multiple of 8 bytes as the reference implementation does. Writing goes
// to "<path>.tmp-<pid>" first and is renamed into place, so a crash leaves the
// old file or the new one, never half of one.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "format/safetensors.h"

namespace w2w::format {

struct StTensorToWrite {
  std::string name;
  StDtype dtype = StDtype::F32;
  std::vector<std::int64_t> shape;  // empty for a 0-d scalar
  const void* data = nullptr;       // little-endian, row-major; numel * element size bytes
};

// The whole file as bytes; fails on a duplicate or reserved name.
Result<std::vector<std::uint8_t>> serializeSafetensors(
    const std::vector<StTensorToWrite>& tensors, const std::map<std::string, std::string>& metadata = {});

Status writeSafetensorsFile(const std::string& path, const std::vector<StTensorToWrite>& tensors,
                            const std::map<std::string, std::string>& metadata = {});

}  // namespace w2w::format
