#include "compat/safetensors_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstring>

namespace w2w::compat {
namespace {

constexpr std::uint64_t kMaxHeaderBytes = 100u << 20;

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

Bytes serializeSafetensors(const SafetensorsContent& content) {
  QJsonObject header;
  std::uint64_t offset = 0;
  for (const auto& [name, t] : content.tensors) {
    QJsonArray shape;
    for (std::int64_t d : t.shape) shape.append(static_cast<qint64>(d));
    const std::uint64_t end = offset + t.bytes.size();
    header[QString::fromStdString(name)] =
        QJsonObject{{"dtype", QString::fromStdString(t.dtype)},
                    {"shape", shape},
                    {"data_offsets", QJsonArray{static_cast<qint64>(offset), static_cast<qint64>(end)}}};
    offset = end;
  }
  if (!content.metadata.empty()) {
    QJsonObject meta;
    for (const auto& [k, v] : content.metadata) meta[QString::fromStdString(k)] = QString::fromStdString(v);
    header["__metadata__"] = meta;
  }
  QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
  while (json.size() % 8 != 0) json.append(' ');  // keeps the data 8-byte aligned
  Bytes out(8 + static_cast<std::size_t>(json.size()) + offset);
  const std::uint64_t n = static_cast<std::uint64_t>(json.size());
  for (int i = 0; i < 8; ++i) out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(n >> (8 * i));
  std::memcpy(out.data() + 8, json.constData(), static_cast<std::size_t>(json.size()));
  std::uint8_t* data = out.data() + 8 + json.size();
  for (const auto& entry : content.tensors) {
    if (!entry.second.bytes.empty()) std::memcpy(data, entry.second.bytes.data(), entry.second.bytes.size());
    data += entry.second.bytes.size();
  }
  return out;
}

Result<SafetensorsContent> parseSafetensors(const Bytes& bytes, const std::string& source) {
  if (bytes.size() < 8)
    return makeError(source + ": not a safetensors file (shorter than its 8-byte header length)");
  std::uint64_t headerSize = 0;
  for (int i = 0; i < 8; ++i)
    headerSize |= static_cast<std::uint64_t>(bytes[static_cast<std::size_t>(i)]) << (8 * i);
  if (headerSize > kMaxHeaderBytes || headerSize > bytes.size() - 8) {
    return makeError(source + ": truncated or not a safetensors file (header of " +
                     std::to_string(headerSize) + " bytes in a file of " + std::to_string(bytes.size()) +
                     ")");
  }
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(
      QByteArray(reinterpret_cast<const char*>(bytes.data() + 8), static_cast<int>(headerSize)), &error);
  if (!doc.isObject()) {
    return makeError(source + ": corrupt safetensors header (" + error.errorString().toStdString() + ")");
  }
  const std::size_t dataStart = 8 + static_cast<std::size_t>(headerSize);
  const std::uint64_t dataSize = bytes.size() - dataStart;
  SafetensorsContent content;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
  const QJsonObject header = doc.object();
  for (auto it = header.begin(); it != header.end(); ++it) {
    const std::string name = it.key().toStdString();
    if (name == "__metadata__") {
      const QJsonObject meta = it.value().toObject();
      for (auto m = meta.begin(); m != meta.end(); ++m)
        content.metadata[m.key().toStdString()] = m.value().toString().toStdString();
      continue;
    }
    const QJsonObject entry = it.value().toObject();
    TensorData t;
    t.dtype = entry.value("dtype").toString().toStdString();
    const std::size_t size = dtypeSize(t.dtype);
    if (size == 0)
      return makeError(source + ": tensor '" + name + "' has unsupported dtype '" + t.dtype + "'");
    for (const QJsonValue d : entry.value("shape").toArray()) {
      if (d.toDouble() < 0) return makeError(source + ": tensor '" + name + "' has a negative dimension");
      t.shape.push_back(static_cast<std::int64_t>(d.toDouble()));
    }
    const QJsonArray offsets = entry.value("data_offsets").toArray();
    if (offsets.size() != 2) return makeError(source + ": tensor '" + name + "' has no data_offsets");
    const auto begin = static_cast<std::uint64_t>(offsets.at(0).toDouble());
    const auto end = static_cast<std::uint64_t>(offsets.at(1).toDouble());
    if (begin > end || end > dataSize) {
      return makeError(source + ": truncated file: tensor '" + name + "' lies outside the " +
                       std::to_string(dataSize) + " data bytes");
    }
    if (end - begin != static_cast<std::uint64_t>(t.elements()) * size) {
      return makeError(source + ": tensor '" + name + "' has " + std::to_string(end - begin) +
                       " bytes for shape " + shapeText(t.shape));
    }
    t.bytes.assign(bytes.begin() + static_cast<std::ptrdiff_t>(dataStart + begin),
                   bytes.begin() + static_cast<std::ptrdiff_t>(dataStart + end));
    ranges.emplace_back(begin, end);
    content.tensors.emplace(name, std::move(t));
  }
  std::sort(ranges.begin(), ranges.end());
  for (std::size_t i = 1; i < ranges.size(); ++i) {
    if (ranges[i].first < ranges[i - 1].second) return makeError(source + ": corrupt file: tensors overlap");
  }
  return content;
}

Status writeSafetensors(const std::string& path, const SafetensorsContent& content) {
  return writeFileAtomically(path, serializeSafetensors(content));
}

Result<SafetensorsContent> readSafetensors(const std::string& path) {
  auto bytes = readFileBytes(path, 8LL << 30);
  if (!bytes) return bytes.error();
  return parseSafetensors(*bytes, path);
}

}  // namespace w2w::compat
