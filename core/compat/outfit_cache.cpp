#include "compat/outfit_cache.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

#include "compat/safetensors_file.h"
#include "io/file_io.h"

namespace w2w::compat {

std::string defaultOutfitCacheDir() {
  QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
  if (base.isEmpty()) base = QDir::tempPath();
  return (base + "/what2wear/datasets").toStdString();
}

std::string outfitCachePath(const std::string& dir, const std::string& prefix, const std::string& key) {
  const std::string hash = sha256Hex(reinterpret_cast<const std::uint8_t*>(key.data()), key.size());
  return dir + "/" + prefix + "-" + hash.substr(0, 16) + ".safetensors";
}

std::optional<OutfitSet> readOutfitCache(const std::string& path, const std::string& key) {
  if (!QFileInfo::exists(QString::fromStdString(path))) return std::nullopt;
  auto content = readSafetensors(path);
  if (!content || content->metadata["key"] != key) return std::nullopt;
  const QJsonArray ids = QJsonDocument::fromJson(QByteArray::fromStdString(content->metadata["ids"])).array();
  const QJsonArray items =
      QJsonDocument::fromJson(QByteArray::fromStdString(content->metadata["items"])).array();
  const QJsonArray slots =
      QJsonDocument::fromJson(QByteArray::fromStdString(content->metadata["slots"])).array();
  const auto it = content->tensors.find("vectors");
  const auto present = content->tensors.find("present");
  if (it == content->tensors.end() || present == content->tensors.end() || it->second.dtype != "F32" ||
      present->second.dtype != "F32" || it->second.shape.size() != 3 || it->second.shape[0] != ids.size() ||
      it->second.shape[1] != slots.size() || items.size() != ids.size() ||
      present->second.shape != std::vector<std::int64_t>{it->second.shape[0], it->second.shape[1]}) {
    return std::nullopt;
  }
  OutfitSet set;
  set.encoderId = content->metadata["encoder_id"];
  set.dim = static_cast<int>(it->second.shape[2]);
  set.slots.clear();
  for (const QJsonValue name : slots) {
    const auto c = parseCategory(name.toString().toStdString());
    if (!c) return std::nullopt;
    set.slots.push_back(*c);
  }
  for (int i = 0; i < ids.size(); ++i) {
    set.ids.push_back(ids.at(i).toString().toStdString());
    std::vector<std::string> keys;
    for (const QJsonValue k : items.at(i).toArray()) keys.push_back(k.toString().toStdString());
    keys.resize(set.slots.size());
    set.items.push_back(std::move(keys));
  }
  set.vectors = it->second.floats();
  for (float p : present->second.floats()) set.present.push_back(p != 0.f ? 1 : 0);
  if (!set.validate()) return std::nullopt;
  return set;
}

Status writeOutfitCache(const std::string& path, const std::string& key, const OutfitSet& set) {
  if (!QDir().mkpath(QFileInfo(QString::fromStdString(path)).absolutePath())) {
    return makeError(path + ": cannot create the cache folder");
  }
  QJsonArray ids, items, slots;
  for (int i = 0; i < set.size(); ++i) {
    ids.append(QString::fromStdString(set.ids[static_cast<std::size_t>(i)]));
    QJsonArray keys;
    for (const std::string& k : set.items[static_cast<std::size_t>(i)])
      keys.append(QString::fromStdString(k));
    items.append(keys);
  }
  for (Category c : set.slots) slots.append(categoryName(c));
  const std::vector<float> present(set.present.begin(), set.present.end());
  SafetensorsContent content;
  content.tensors["vectors"] =
      TensorData::fromFloats({set.size(), set.slotCount(), set.dim}, set.vectors.data());
  content.tensors["present"] = TensorData::fromFloats({set.size(), set.slotCount()}, present.data());
  content.metadata["key"] = key;
  content.metadata["encoder_id"] = set.encoderId;
  content.metadata["ids"] = QJsonDocument(ids).toJson(QJsonDocument::Compact).toStdString();
  content.metadata["items"] = QJsonDocument(items).toJson(QJsonDocument::Compact).toStdString();
  content.metadata["slots"] = QJsonDocument(slots).toJson(QJsonDocument::Compact).toStdString();
  return writeSafetensors(path, content);
}

}  // namespace w2w::compat

namespace w2w::compat {

std::optional<ItemVectors> readItemCache(const std::string& path, const std::string& key) {
  if (!QFileInfo::exists(QString::fromStdString(path))) return std::nullopt;
  auto content = readSafetensors(path);
  if (!content || content->metadata["key"] != key) return std::nullopt;
  const QJsonArray ids = QJsonDocument::fromJson(QByteArray::fromStdString(content->metadata["ids"])).array();
  const auto it = content->tensors.find("vectors");
  if (it == content->tensors.end() || it->second.dtype != "F32" || it->second.shape.size() != 2 ||
      it->second.shape[0] != ids.size()) {
    return std::nullopt;
  }
  ItemVectors items;
  items.encoderId = content->metadata["encoder_id"];
  for (const QJsonValue id : ids) items.ids.push_back(id.toString().toStdString());
  items.vectors = FloatMatrix(it->second.shape[0], it->second.shape[1]);
  items.vectors.data = it->second.floats();
  return items;
}

Status writeItemCache(const std::string& path, const std::string& key, const ItemVectors& items) {
  if (!QDir().mkpath(QFileInfo(QString::fromStdString(path)).absolutePath())) {
    return makeError(path + ": cannot create the cache folder");
  }
  QJsonArray ids;
  for (const std::string& id : items.ids) ids.append(QString::fromStdString(id));
  SafetensorsContent content;
  content.tensors["vectors"] =
      TensorData::fromFloats({items.vectors.rows, items.vectors.cols}, items.vectors.data.data());
  content.metadata["key"] = key;
  content.metadata["encoder_id"] = items.encoderId;
  content.metadata["ids"] = QJsonDocument(ids).toJson(QJsonDocument::Compact).toStdString();
  return writeSafetensors(path, content);
}

}  // namespace w2w::compat
