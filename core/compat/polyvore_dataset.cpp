#include "compat/polyvore_dataset.h"

#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <map>
#include <set>

#include "compat/metrics.h"
#include "compat/outfit_cache.h"
#include "format/json.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "vision/crop_renderer.h"

namespace w2w::compat {
namespace {

constexpr const char* kLoaderVersion = "polyvore-loader-v1";
constexpr int kEncodeBatch = 32;

int slotOfCategory(const QString& category) {
  if (category == "tops") return 0;
  if (category == "bottoms") return 1;
  if (category == "shoes") return 2;
  return -1;
}

// The file in the folder or, failing that, in its parent.
std::string locate(const std::string& dir, const std::string& name) {
  const std::string here = dir + "/" + name;
  if (QFileInfo::exists(QString::fromStdString(here))) return here;
  return dir + "/../" + name;
}

struct Catalog {
  std::map<std::string, int> slotOfItem;         // item id -> slot (only the three categories)
  std::map<std::string, std::string> itemOfRef;  // "<set_id>_<index>" -> item id
};

// The first item of each slot among `itemIds` (in order); nullopt when one is missing.
std::optional<std::array<std::string, 3>> triple(const Catalog& catalog,
                                                 const std::vector<std::string>& itemIds) {
  std::array<std::string, 3> out;
  for (const std::string& id : itemIds) {
    const auto it = catalog.slotOfItem.find(id);
    if (it != catalog.slotOfItem.end() && out[static_cast<std::size_t>(it->second)].empty()) {
      out[static_cast<std::size_t>(it->second)] = id;
    }
  }
  for (const std::string& s : out)
    if (s.empty()) return std::nullopt;
  return out;
}

std::vector<std::string> itemsOfRefs(const Catalog& catalog, const std::vector<std::string>& refs) {
  std::vector<std::string> out;
  for (const std::string& r : refs) {
    const auto it = catalog.itemOfRef.find(r);
    if (it != catalog.itemOfRef.end()) out.push_back(it->second);
  }
  return out;
}

Result<ItemVectors> encodeItems(const std::string& dir, const std::set<std::string>& ids, Encoder& encoder,
                                const PolyvoreOptions& options, const ProgressCallback& progress,
                                const CancelFlag* cancel) {
  ItemVectors items;
  items.encoderId = encoder.info().id;
  items.ids.assign(ids.begin(), ids.end());
  items.vectors = FloatMatrix(static_cast<std::int64_t>(ids.size()), encoder.info().dim);
  const std::string images = locate(dir, "images");
  for (std::size_t begin = 0; begin < items.ids.size(); begin += kEncodeBatch) {
    if (cancel && cancel->isCancelled()) return makeError("cancelled while encoding Polyvore items");
    const std::size_t end = std::min(items.ids.size(), begin + kEncodeBatch);
    std::vector<RgbImage> crops;
    for (std::size_t i = begin; i < end; ++i) {
      auto image = decodeImageFile(images + "/" + items.ids[i] + ".jpg");
      if (!image) return image.error();
      crops.push_back(renderWholeImage(image->image, nullptr, options.cropSize));
    }
    auto vectors = encoder.encode(crops);
    if (!vectors) return vectors.error();
    std::copy(vectors->data.begin(), vectors->data.end(),
              items.vectors.row(static_cast<std::int64_t>(begin)));
    if (progress)
      progress({static_cast<long long>(end), static_cast<long long>(ids.size()), "encoding Polyvore items"});
  }
  return items;
}

}  // namespace

Result<PolyvoreData> loadPolyvore(const std::string& dir, Encoder& encoder, const PolyvoreOptions& options,
                                  const ProgressCallback& progress, const CancelFlag* cancel) {
  const std::string metadataPath = locate(dir, "polyvore_item_metadata.json");
  auto metadata = format::readJsonFile(metadataPath);
  if (!metadata) return metadata.error();
  Catalog catalog;
  for (const auto& [id, item] : metadata->items()) {
    const int slot = slotOfCategory(QString::fromStdString(format::stringOr(item, "semantic_category")));
    if (slot >= 0) catalog.slotOfItem[id] = slot;
  }
  const std::string outfitsPath = dir + "/" + options.split + ".json";
  auto outfits = format::readJsonFile(outfitsPath);
  if (!outfits) return outfits.error();
  if (!outfits->is_array()) return makeError(outfitsPath + ": expected a list of outfits");

  PolyvoreData data;
  std::vector<std::pair<std::string, std::array<std::string, 3>>> outfitItems;
  for (const format::Json& o : *outfits) {
    const std::string setId = format::stringOr(o, "set_id");
    std::vector<std::pair<int, std::string>> items;
    for (const format::Json& item : format::arrayOf(o, "items")) {
      const int index = static_cast<int>(format::integerOr(item, "index"));
      const std::string id = format::stringOr(item, "item_id");
      catalog.itemOfRef[setId + "_" + std::to_string(index)] = id;
      items.emplace_back(index, id);
    }
    std::sort(items.begin(), items.end());
    std::vector<std::string> ids;
    for (const auto& i : items) ids.push_back(i.second);
    if (auto t = triple(catalog, ids)) {
      outfitItems.emplace_back(setId, *t);
    } else {
      ++data.skippedOutfits;
    }
  }

  std::vector<std::pair<int, std::array<std::string, 3>>> compat;
  const std::string compatPath = dir + "/compatibility_" + options.split + ".txt";
  if (auto text = readFileBytes(compatPath)) {
    for (const QString& line :
         QString::fromUtf8(reinterpret_cast<const char*>(text->data()), static_cast<int>(text->size()))
             .split('\n', Qt::SkipEmptyParts)) {
      const QStringList parts = line.simplified().split(' ');
      if (parts.size() < 2) continue;
      std::vector<std::string> refs;
      for (int i = 1; i < parts.size(); ++i) refs.push_back(parts[i].toStdString());
      if (auto t = triple(catalog, itemsOfRefs(catalog, refs)))
        compat.emplace_back(parts[0].toInt() != 0, *t);
    }
  }

  std::vector<std::vector<std::array<std::string, 3>>> questions;
  auto fitb = format::readJsonFile(dir + "/fill_in_blank_" + options.split + ".json");
  if (fitb && fitb->is_array()) {
    for (const format::Json& q : *fitb) {
      std::vector<std::string> question, answers;
      for (const format::Json& r : format::arrayOf(q, "question")) question.push_back(format::textOf(r));
      for (const format::Json& r : format::arrayOf(q, "answers")) answers.push_back(format::textOf(r));
      if (question.empty() || answers.empty()) continue;
      const QString setId = QString::fromStdString(question.front()).section('_', 0, 0);
      std::vector<std::string> candidates;
      int right = -1;
      for (const std::string& a : answers) {
        const auto it = catalog.itemOfRef.find(a);
        if (it == catalog.itemOfRef.end()) break;
        if (QString::fromStdString(a).section('_', 0, 0) == setId)
          right = static_cast<int>(candidates.size());
        candidates.push_back(it->second);
      }
      if (right < 0 || candidates.size() != static_cast<std::size_t>(answers.size())) continue;
      const auto slotIt = catalog.slotOfItem.find(candidates[static_cast<std::size_t>(right)]);
      if (slotIt == catalog.slotOfItem.end()) continue;
      const int blank = slotIt->second;
      const bool sameSlot = std::all_of(candidates.begin(), candidates.end(), [&](const std::string& c) {
        const auto s = catalog.slotOfItem.find(c);
        return s != catalog.slotOfItem.end() && s->second == blank;
      });
      std::vector<std::string> rest = itemsOfRefs(catalog, question);
      rest.push_back(candidates[static_cast<std::size_t>(right)]);  // completes the triple's blank slot
      auto base = triple(catalog, rest);
      if (!sameSlot || !base) continue;
      std::swap(candidates[0], candidates[static_cast<std::size_t>(right)]);
      std::vector<std::array<std::string, 3>> variants;
      for (const std::string& c : candidates) {
        auto t = *base;
        t[static_cast<std::size_t>(blank)] = c;
        variants.push_back(t);
      }
      questions.push_back(std::move(variants));
    }
  }

  std::set<std::string> needed;
  for (const auto& o : outfitItems) needed.insert(o.second.begin(), o.second.end());
  for (const auto& c : compat) needed.insert(c.second.begin(), c.second.end());
  for (const auto& q : questions)
    for (const auto& t : q) needed.insert(t.begin(), t.end());
  if (outfitItems.empty()) return makeError(outfitsPath + ": no outfit has a top, a bottom and shoes");

  const auto metaHash = sha256OfFile(metadataPath);
  const auto splitHash = sha256OfFile(outfitsPath);
  const std::string key = std::string(kLoaderVersion) + "|metadata=" + (metaHash ? *metaHash : "?") +
                          "|split=" + (splitHash ? *splitHash : "?") +
                          "|items=" + std::to_string(needed.size()) + "|encoder=" + encoder.info().id +
                          "|crop=" + std::to_string(options.cropSize);
  const std::string cachePath =
      options.cacheDir.empty() ? "" : outfitCachePath(options.cacheDir, "polyvore", key);
  std::optional<ItemVectors> items = cachePath.empty() ? std::nullopt : readItemCache(cachePath, key);
  if (!items) {
    auto encoded = encodeItems(dir, needed, encoder, options, progress, cancel);
    if (!encoded) return encoded.error();
    if (!cachePath.empty()) (void)writeItemCache(cachePath, key, *encoded);
    items = std::move(*encoded);
  }
  std::map<std::string, std::int64_t> rowOf;
  for (std::size_t r = 0; r < items->ids.size(); ++r) rowOf[items->ids[r]] = static_cast<std::int64_t>(r);
  const auto add = [&](OutfitSet& set, const std::string& id, const std::array<std::string, 3>& t) {
    set.add(id, {"polyvore:" + t[0], "polyvore:" + t[1], "polyvore:" + t[2]},
            items->vectors.row(rowOf.at(t[0])), items->vectors.row(rowOf.at(t[1])),
            items->vectors.row(rowOf.at(t[2])));
  };
  for (OutfitSet* set : {&data.outfits, &data.compatibility, &data.fitbCandidates}) {
    set->encoderId = encoder.info().id;
    set->dim = encoder.info().dim;
  }
  for (const auto& o : outfitItems) add(data.outfits, "polyvore:" + o.first, o.second);
  for (std::size_t i = 0; i < compat.size(); ++i) {
    add(data.compatibility, "polyvore:compatibility:" + std::to_string(i + 1), compat[i].second);
    data.compatibilityLabels.push_back(compat[i].first);
  }
  for (std::size_t q = 0; q < questions.size(); ++q) {
    data.fitbQuestions.emplace_back(data.fitbCandidates.size(), static_cast<int>(questions[q].size()));
    for (std::size_t c = 0; c < questions[q].size(); ++c) {
      add(data.fitbCandidates, "polyvore:fitb:" + std::to_string(q + 1) + ":" + std::to_string(c),
          questions[q][c]);
    }
  }
  return data;
}

PolyvoreTasks scorePolyvoreTasks(const PolyvoreData& data, const std::vector<double>& compatibilityScores,
                                 const std::vector<double>& fitbScores) {
  PolyvoreTasks tasks;
  std::vector<double> positive, negative;
  for (std::size_t i = 0; i < compatibilityScores.size() && i < data.compatibilityLabels.size(); ++i) {
    (data.compatibilityLabels[i] ? positive : negative).push_back(compatibilityScores[i]);
  }
  tasks.compatibilityAuc = rocAuc(positive, negative);
  tasks.compatibilityOutfits = static_cast<int>(positive.size() + negative.size());
  double credit = 0;
  for (const auto& [first, count] : data.fitbQuestions) {
    if (first + count > static_cast<int>(fitbScores.size())) break;
    const double right = fitbScores[static_cast<std::size_t>(first)];
    int ties = 0;
    bool beaten = false;
    for (int c = 1; c < count; ++c) {
      const double other = fitbScores[static_cast<std::size_t>(first + c)];
      beaten = beaten || other > right;
      ties += other == right;
    }
    credit += beaten ? 0.0 : 1.0 / (ties + 1);
    ++tasks.fitbQuestions;
  }
  tasks.fitb = tasks.fitbQuestions > 0 ? credit / tasks.fitbQuestions : 0.0;
  return tasks;
}

}  // namespace w2w::compat
