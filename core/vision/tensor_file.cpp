#include "vision/tensor_file.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstring>

#include "io/file_io.h"

namespace w2w {
namespace {

constexpr std::size_t kMaxHeaderBytes = 16u << 20;  // a sane header is a few kB

std::uint64_t readLe64(const std::uint8_t* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

Result<FloatTensor> parseEntry(const std::string& path, const std::string& name, const QJsonObject& entry,
                               const std::uint8_t* data, std::uint64_t dataSize) {
  const std::string prefix = path + ": tensor '" + name + "' ";
  const std::string dtype = entry.value("dtype").toString().toStdString();
  if (dtype != "F32") return makeError(prefix + "has dtype " + dtype + ", expected F32");
  const QJsonArray shape = entry.value("shape").toArray();
  const QJsonArray offsets = entry.value("data_offsets").toArray();
  if (offsets.size() != 2) return makeError(prefix + "has no data_offsets");
  FloatTensor tensor;
  std::uint64_t count = 1;
  for (const auto& dim : shape) {
    const qint64 d = dim.toInteger(-1);
    if (d < 0) return makeError(prefix + "has a bad shape");
    tensor.shape.push_back(d);
    count *= static_cast<std::uint64_t>(d);
  }
  const auto begin = static_cast<std::uint64_t>(offsets[0].toInteger(-1));
  const auto end = static_cast<std::uint64_t>(offsets[1].toInteger(-1));
  if (begin > end || end > dataSize) return makeError(prefix + "lies outside the file (truncated data?)");
  if (end - begin != count * sizeof(float)) return makeError(prefix + "size does not match its shape");
  tensor.values.resize(count);
  if (count) std::memcpy(tensor.values.data(), data + begin, count * sizeof(float));  // little-endian host
  return tensor;
}

}  // namespace

Result<TensorFile> readTensorFile(const std::string& path) {
  auto bytes = readFileBytes(path);
  if (!bytes) return bytes.error();
  const Bytes& b = *bytes;
  if (b.size() < 8) return makeError(path + ": not a safetensors file (too short)");
  const std::uint64_t headerSize = readLe64(b.data());
  if (headerSize > kMaxHeaderBytes || headerSize > b.size() - 8)
    return makeError(path + ": not a safetensors file (bad header length)");
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(
      QByteArray(reinterpret_cast<const char*>(b.data() + 8), static_cast<qsizetype>(headerSize)), &error);
  if (!doc.isObject())
    return makeError(path + ": header is not JSON (" + error.errorString().toStdString() + ")");
  const std::uint8_t* data = b.data() + 8 + headerSize;
  const std::uint64_t dataSize = b.size() - 8 - headerSize;
  TensorFile file;
  const QJsonObject root = doc.object();
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string key = it.key().toStdString();
    if (key == "__metadata__") {
      const QJsonObject meta = it.value().toObject();
      for (auto m = meta.begin(); m != meta.end(); ++m)
        file.metadata[m.key().toStdString()] = m.value().toString().toStdString();
      continue;
    }
    auto tensor = parseEntry(path, key, it.value().toObject(), data, dataSize);
    if (!tensor) return tensor.error();
    file.tensors.emplace(key, std::move(*tensor));
  }
  return file;
}

Status writeTensorFile(const std::string& path, const TensorFile& file) {
  QJsonObject header;
  QJsonObject meta;
  for (const auto& [key, value] : file.metadata)
    meta[QString::fromStdString(key)] = QString::fromStdString(value);
  if (!meta.isEmpty()) header["__metadata__"] = meta;
  std::uint64_t offset = 0;
  for (const auto& [name, tensor] : file.tensors) {
    QJsonArray shape;
    for (std::int64_t d : tensor.shape) shape.append(static_cast<qint64>(d));
    const std::uint64_t size = tensor.values.size() * sizeof(float);
    header[QString::fromStdString(name)] = QJsonObject{
        {"dtype", "F32"},
        {"shape", shape},
        {"data_offsets", QJsonArray{static_cast<qint64>(offset), static_cast<qint64>(offset + size)}}};
    offset += size;
  }
  QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
  while (json.size() % 8 != 0) json.append(' ');  // the format allows trailing spaces; aligns the data
  Bytes out(8);
  const auto n = static_cast<std::uint64_t>(json.size());
  for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(n >> (8 * i));
  out.insert(out.end(), json.begin(), json.end());
  for (const auto& [name, tensor] : file.tensors) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(tensor.values.data());
    out.insert(out.end(), p, p + tensor.values.size() * sizeof(float));
  }
  return writeFileAtomically(path, out);
}

}  // namespace w2w
