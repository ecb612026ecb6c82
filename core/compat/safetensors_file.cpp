#include "compat/safetensors_file.h"

#include <cstring>

#include "format/safetensors.h"
#include "format/safetensors_writer.h"

namespace w2w::compat {
namespace {

std::size_t dtypeSize(const std::string& dtype) {
  if (dtype == "F32") return 4;
  if (dtype == "I64") return 8;
  if (dtype == "U8") return 1;
  return 0;
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

}  // namespace

std::int64_t TensorData::elements() const {
  std::int64_t n = 1;
  for (std::int64_t d : shape) n *= d;
  return n;
}

TensorData TensorData::fromFloats(std::vector<std::int64_t> shape, const float* values) {
  TensorData t;
  t.dtype = "F32";
  t.shape = std::move(shape);
  t.bytes.resize(static_cast<std::size_t>(t.elements()) * 4);
  if (!t.bytes.empty()) std::memcpy(t.bytes.data(), values, t.bytes.size());
  return t;
}

TensorData TensorData::fromInt64(std::vector<std::int64_t> shape, const std::int64_t* values) {
  TensorData t;
  t.dtype = "I64";
  t.shape = std::move(shape);
  t.bytes.resize(static_cast<std::size_t>(t.elements()) * 8);
  if (!t.bytes.empty()) std::memcpy(t.bytes.data(), values, t.bytes.size());
  return t;
}

std::vector<float> TensorData::floats() const {
  std::vector<float> out(dtype == "F32" ? bytes.size() / 4 : 0);
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * 4);
  return out;
}

std::vector<std::int64_t> TensorData::int64s() const {
  std::vector<std::int64_t> out(dtype == "I64" ? bytes.size() / 8 : 0);
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * 8);
  return out;
}

Result<const TensorData*> SafetensorsContent::get(const std::string& name, const std::string& dtype,
                                                  const std::vector<std::int64_t>& shape,
                                                  const std::string& source) const {
  const auto it = tensors.find(name);
  if (it == tensors.end()) return makeError(source + ": tensor '" + name + "' is missing");
  if (it->second.dtype != dtype) {
    return makeError(source + ": tensor '" + name + "' is " + it->second.dtype + ", expected " + dtype);
  }
  if (it->second.shape != shape) {
    return makeError(source + ": tensor '" + name + "' has shape " + shapeText(it->second.shape) +
                     ", expected " + shapeText(shape));
  }
  return &it->second;
}

// The bytes go through the project's one safetensors writer and its strict
// reader (core/format), so checkpoints get the same checks as model files.
Bytes serializeSafetensors(const SafetensorsContent& content) {
  std::vector<format::StTensorToWrite> tensors;
  tensors.reserve(content.tensors.size());
  for (const auto& [name, t] : content.tensors) {
    tensors.push_back({name,
                       t.dtype == "I64"  ? format::StDtype::I64
                       : t.dtype == "U8" ? format::StDtype::U8
                                         : format::StDtype::F32,
                       t.shape, t.bytes.data()});
  }
  // Names come from a map (unique) and are never "__metadata__": this cannot fail.
  auto bytes = format::serializeSafetensors(tensors, content.metadata);
  return bytes ? std::move(*bytes) : Bytes{};
}

namespace {

// The tensors of a checked file, copied into plain values.
Result<SafetensorsContent> contentOf(Result<std::shared_ptr<const format::SafetensorsFile>> file,
                                     const std::string& source) {
  if (!file) return file.error();
  SafetensorsContent content;
  content.metadata = (*file)->metadata();
  for (const format::StTensorInfo& info : (*file)->tensors()) {
    const std::string dtype = format::stDtypeName(info.dtype);
    if (dtypeSize(dtype) == 0)
      return makeError(source + ": tensor '" + info.name + "' has unsupported dtype '" + dtype + "'");
    TensorData t;
    t.dtype = dtype;
    t.shape = info.shape;
    const std::uint8_t* data = (*file)->data(info);
    t.bytes.assign(data, data + info.byteSize());
    content.tensors.emplace(info.name, std::move(t));
  }
  return content;
}

}  // namespace

Result<SafetensorsContent> parseSafetensors(const Bytes& bytes, const std::string& source) {
  return contentOf(format::SafetensorsFile::fromBytes(bytes, source), source);
}

Status writeSafetensors(const std::string& path, const SafetensorsContent& content) {
  return writeFileAtomically(path, serializeSafetensors(content));
}

// The file is mapped, not read into a buffer first: its tensors are copied once.
Result<SafetensorsContent> readSafetensors(const std::string& path) {
  return contentOf(format::SafetensorsFile::open(path), path);
}

}  // namespace w2w::compat
