#include "format/safetensors_content.h"

#include <cstring>

#include "format/safetensors.h"
#include "format/safetensors_writer.h"

namespace w2w::format {
namespace {

// The dtype a TensorData names; values made here are F32, I64 or U8, and
// values read keep the name the strict reader gave them.
StDtype dtypeNamed(const std::string& name) {
  for (StDtype d :
       {StDtype::F64, StDtype::F32, StDtype::F16, StDtype::BF16, StDtype::I64, StDtype::I32, StDtype::I16,
        StDtype::I8, StDtype::U8, StDtype::Bool, StDtype::F8E4M3, StDtype::F8E5M2}) {
    if (name == stDtypeName(d)) return d;
  }
  return StDtype::F32;
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

namespace {

std::vector<StTensorToWrite> tensorsToWrite(const SafetensorsContent& content) {
  std::vector<StTensorToWrite> tensors;
  tensors.reserve(content.tensors.size());
  for (const auto& [name, t] : content.tensors)
    tensors.push_back({name, dtypeNamed(t.dtype), t.shape, t.bytes.data()});
  return tensors;
}

}  // namespace

// The bytes go through the project's one safetensors writer and its strict
// reader, so checkpoints get the same checks as model files.
std::vector<std::uint8_t> serializeSafetensors(const SafetensorsContent& content) {
  // Names come from a map (unique) and are never "__metadata__": this cannot fail.
  auto bytes = serializeSafetensors(tensorsToWrite(content), content.metadata);
  return bytes ? std::move(*bytes) : std::vector<std::uint8_t>{};
}

Status writeSafetensors(const std::string& path, const SafetensorsContent& content) {
  return writeSafetensorsFile(path, tensorsToWrite(content), content.metadata);
}

namespace {

// The tensors of a checked file, copied into plain values.
Result<SafetensorsContent> contentOf(Result<std::shared_ptr<const SafetensorsFile>> file) {
  if (!file) return file.error();
  SafetensorsContent content;
  content.metadata = (*file)->metadata();
  for (const StTensorInfo& info : (*file)->tensors()) {
    TensorData t;
    t.dtype = stDtypeName(info.dtype);
    t.shape = info.shape;
    const std::uint8_t* data = (*file)->data(info);
    t.bytes.assign(data, data + info.byteSize());
    content.tensors.emplace(info.name, std::move(t));
  }
  return content;
}

}  // namespace

Result<SafetensorsContent> parseSafetensors(const std::vector<std::uint8_t>& bytes,
                                            const std::string& source) {
  return contentOf(SafetensorsFile::fromBytes(bytes, source));
}

Result<SafetensorsContent> readSafetensors(const std::string& path) {
  return contentOf(SafetensorsFile::open(path));
}

}  // namespace w2w::format
