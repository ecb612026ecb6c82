#include "compat/outfit_cache.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "format/json.h"
#include "format/safetensors_content.h"
#include "io/file_io.h"

namespace w2w::compat {

namespace {

// The array a cache's metadata string holds; an empty one when it holds none
// (the cache is then refused by its size checks and rebuilt).
format::Json arrayIn(const std::string& json) {
  auto parsed = format::parseJson(json);
  return parsed && parsed->is_array() ? std::move(*parsed) : format::Json::array();
}

}  // namespace

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
  auto content = format::readSafetensors(path);
  if (!content || content->metadata["key"] != key) return std::nullopt;
  const format::Json ids = arrayIn(content->metadata["ids"]);
  const format::Json items = arrayIn(content->metadata["items"]);
  const format::Json slots = arrayIn(content->metadata["slots"]);
  const auto it = content->tensors.find("vectors");
  const auto present = content->tensors.find("present");
  if (it == content->tensors.end() || present == content->tensors.end() || it->second.dtype != "F32" ||
      present->second.dtype != "F32" || it->second.shape.size() != 3 ||
      it->second.shape[0] != static_cast<std::int64_t>(ids.size()) ||
      it->second.shape[1] != static_cast<std::int64_t>(slots.size()) || items.size() != ids.size() ||
      present->second.shape != std::vector<std::int64_t>{it->second.shape[0], it->second.shape[1]}) {
    return std::nullopt;
  }
  OutfitSet set;
  set.encoderId = content->metadata["encoder_id"];
  set.dim = static_cast<int>(it->second.shape[2]);
  set.slots.clear();
  for (const format::Json& name : slots) {
    const auto c = parseCategory(format::textOf(name));
    if (!c) return std::nullopt;
    set.slots.push_back(*c);
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    set.ids.push_back(format::textOf(ids[i]));
    std::vector<std::string> keys;
    if (items[i].is_array()) {
      for (const format::Json& k : items[i]) keys.push_back(format::textOf(k));
    }
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
  format::Json ids = format::Json::array(), items = format::Json::array(), slots = format::Json::array();
  for (int i = 0; i < set.size(); ++i) {
    ids.push_back(set.ids[static_cast<std::size_t>(i)]);
    items.push_back(set.items[static_cast<std::size_t>(i)]);
  }
  for (Category c : set.slots) slots.push_back(categoryName(c));
  const std::vector<float> present(set.present.begin(), set.present.end());
  format::SafetensorsContent content;
  content.tensors["vectors"] =
      format::TensorData::fromFloats({set.size(), set.slotCount(), set.dim}, set.vectors.data());
  content.tensors["present"] = format::TensorData::fromFloats({set.size(), set.slotCount()}, present.data());
  content.metadata["key"] = key;
  content.metadata["encoder_id"] = set.encoderId;
  content.metadata["ids"] = format::dumpJson(ids);
  content.metadata["items"] = format::dumpJson(items);
  content.metadata["slots"] = format::dumpJson(slots);
  return format::writeSafetensors(path, content);
}

}  // namespace w2w::compat

namespace w2w::compat {

std::optional<ItemVectors> readItemCache(const std::string& path, const std::string& key) {
  if (!QFileInfo::exists(QString::fromStdString(path))) return std::nullopt;
  auto content = format::readSafetensors(path);
  if (!content || content->metadata["key"] != key) return std::nullopt;
  const format::Json ids = arrayIn(content->metadata["ids"]);
  const auto it = content->tensors.find("vectors");
  if (it == content->tensors.end() || it->second.dtype != "F32" || it->second.shape.size() != 2 ||
      it->second.shape[0] != static_cast<std::int64_t>(ids.size())) {
    return std::nullopt;
  }
  ItemVectors items;
  items.encoderId = content->metadata["encoder_id"];
  for (const format::Json& id : ids) items.ids.push_back(format::textOf(id));
  items.vectors = FloatMatrix(it->second.shape[0], it->second.shape[1]);
  items.vectors.data = it->second.floats();
  return items;
}

Status writeItemCache(const std::string& path, const std::string& key, const ItemVectors& items) {
  if (!QDir().mkpath(QFileInfo(QString::fromStdString(path)).absolutePath())) {
    return makeError(path + ": cannot create the cache folder");
  }
  const format::Json ids = items.ids;
  format::SafetensorsContent content;
  content.tensors["vectors"] =
      format::TensorData::fromFloats({items.vectors.rows, items.vectors.cols}, items.vectors.data.data());
  content.metadata["key"] = key;
  content.metadata["encoder_id"] = items.encoderId;
  content.metadata["ids"] = format::dumpJson(ids);
  return format::writeSafetensors(path, content);
}

}  // namespace w2w::compat
