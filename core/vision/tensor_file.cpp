#include "vision/tensor_file.h"

#include <cstring>

#include "format/safetensors.h"
#include "format/safetensors_writer.h"

namespace w2w {

// The project's one safetensors reader and writer (core/format) do the
// format; this adapter only maps it to plain float vectors.
Result<TensorFile> readTensorFile(const std::string& path) {
  auto file = format::SafetensorsFile::open(path);
  if (!file) return file.error();
  TensorFile out;
  out.metadata = (*file)->metadata();
  for (const format::StTensorInfo& info : (*file)->tensors()) {
    if (info.dtype != format::StDtype::F32) {
      return makeError(path + ": tensor '" + info.name + "' has dtype " + format::stDtypeName(info.dtype) +
                       ", expected F32");
    }
    FloatTensor tensor;
    tensor.shape = info.shape;
    tensor.values.resize(static_cast<std::size_t>(info.numel()));
    if (!tensor.values.empty()) std::memcpy(tensor.values.data(), (*file)->data(info), info.byteSize());
    out.tensors.emplace(info.name, std::move(tensor));
  }
  return out;
}

Status writeTensorFile(const std::string& path, const TensorFile& file) {
  std::vector<format::StTensorToWrite> tensors;
  for (const auto& [name, tensor] : file.tensors) {
    std::int64_t numel = 1;
    for (std::int64_t d : tensor.shape) numel *= d;
    if (numel != static_cast<std::int64_t>(tensor.values.size())) {
      return makeError(path + ": tensor '" + name + "' has " + std::to_string(tensor.values.size()) +
                       " values for its shape of " + std::to_string(numel));
    }
    tensors.push_back({name, format::StDtype::F32, tensor.shape, tensor.values.data()});
  }
  return format::writeSafetensorsFile(path, tensors, file.metadata);
}

}  // namespace w2w
