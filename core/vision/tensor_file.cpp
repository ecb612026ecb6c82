#include "vision/tensor_file.h"

#include "format/safetensors_content.h"

namespace w2w {

// The project's one safetensors value layer (core/format) reads and writes
// the format; this adapter only keeps the parser's float-only view of it.
Result<TensorFile> readTensorFile(const std::string& path) {
  auto content = format::readSafetensors(path);
  if (!content) return content.error();
  TensorFile out;
  out.metadata = std::move(content->metadata);
  for (auto& [name, data] : content->tensors) {
    if (data.dtype != "F32")
      return makeError(path + ": tensor '" + name + "' has dtype " + data.dtype + ", expected F32");
    out.tensors.emplace(name, FloatTensor{data.shape, data.floats()});
  }
  return out;
}

Status writeTensorFile(const std::string& path, const TensorFile& file) {
  format::SafetensorsContent content;
  content.metadata = file.metadata;
  for (const auto& [name, tensor] : file.tensors) {
    std::int64_t numel = 1;
    for (std::int64_t d : tensor.shape) numel *= d;
    if (numel != static_cast<std::int64_t>(tensor.values.size())) {
      return makeError(path + ": tensor '" + name + "' has " + std::to_string(tensor.values.size()) +
                       " values for its shape of " + std::to_string(numel));
    }
    content.tensors.emplace(name, format::TensorData::fromFloats(tensor.shape, tensor.values.data()));
  }
  return format::writeSafetensors(path, content);
}

}  // namespace w2w
