#include "datasets/polyvore_dataset.h"

#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "common/log.h"
#include "compat/metrics.h"
#include "compat/outfit_cache.h"
#include "format/json.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "vision/crop_renderer.h"

namespace w2w::datasets {
namespace {

constexpr const char* kLoaderVersion = "polyvore-loader-v2";
constexpr int kEncodeBatch = 32;

// The file in the folder or, failing that, in its parent.
std::string locate(const std::string& dir, const std::string& name) {
  const std::string here = dir + "/" + name;
  if (QFileInfo::exists(QString::fromStdString(here))) return here;
  return dir + "/../" + name;
}

struct Catalog {
  std::map<std::string, Category> categoryOfItem;  // item id -> category (known categories only)
  std::map<std::string, std::string> itemOfRef;    // "<set_id>_<index>" -> item id
};

// An outfit as a list of item ids (in the order given) with their categories.
using ItemList = std::vector<std::pair<std::string, Category>>;

// The items of `ids` whose category is known, in order; counts the others.
ItemList known(const Catalog& catalog, const std::vector<std::string>& ids, int* skipped) {
  ItemList out;
  for (const std::string& id : ids) {
    const auto it = catalog.categoryOfItem.find(id);
    if (it == catalog.categoryOfItem.end()) {
      if (skipped) ++*skipped;
      continue;
    }
    out.emplace_back(id, it->second);
  }
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

// Slots for every list: per category, as many as the fullest list has, in
// kCategories order.
std::vector<Category> layoutFor(const std::vector<const ItemList*>& lists) {
  std::array<int, kCategoryCount> most{};
  for (const ItemList* list : lists) {
    std::array<int, kCategoryCount> count{};
    for (const auto& item : *list) ++count[static_cast<std::size_t>(categoryIndex(item.second))];
    for (int c = 0; c < kCategoryCount; ++c) most[c] = std::max(most[c], count[c]);
  }
  std::vector<Category> slots;
  for (Category c : kCategories)
    slots.insert(slots.end(), most[static_cast<std::size_t>(categoryIndex(c))], c);
  return slots;
}

Result<compat::ItemVectors> encodeItems(const std::string& dir, const std::set<std::string>& ids,
                                        Encoder& encoder, const PolyvoreOptions& options,
                                        const ProgressCallback& progress, const CancelFlag* cancel) {
  compat::ItemVectors items;
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

std::optional<Category> polyvoreCategory(const std::string& semanticCategory) {
  static const std::map<std::string, Category> kTable = {
      {"tops", Category::Top},
      {"outerwear", Category::Outer},
      {"bottoms", Category::Bottom},
      {"all-body", Category::Onepiece},
      {"shoes", Category::Shoes},
      {"bags", Category::Bag},
      {"jewellery", Category::Accessory},
      {"accessories", Category::Accessory},
      {"sunglasses", Category::Accessory},
      {"hats", Category::Accessory},
      {"scarves", Category::Accessory},
  };
  const auto found = kTable.find(semanticCategory);
  if (found == kTable.end()) return std::nullopt;
  return found->second;
}

Result<PolyvoreData> loadPolyvore(const std::string& dir, Encoder& encoder, const PolyvoreOptions& options,
                                  const ProgressCallback& progress, const CancelFlag* cancel) {
  const std::string metadataPath = locate(dir, "polyvore_item_metadata.json");
  auto metadata = format::readJsonFile(metadataPath);
  if (!metadata) return metadata.error();
  Catalog catalog;
  for (const auto& [id, item] : metadata->items()) {
    const auto c = polyvoreCategory(format::stringOr(item, "semantic_category"));
    if (c) catalog.categoryOfItem[id] = *c;
  }
  const std::string outfitsPath = dir + "/" + options.split + ".json";
  auto outfits = format::readJsonFile(outfitsPath);
  if (!outfits) return outfits.error();
  if (!outfits->is_array()) return makeError(outfitsPath + ": expected a list of outfits");

  PolyvoreData data;
  std::vector<std::pair<std::string, ItemList>> outfitItems;
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
    ItemList list = known(catalog, ids, &data.skippedItems);
    if (list.size() >= 2) {
      outfitItems.emplace_back(setId, std::move(list));
    } else {
      ++data.skippedOutfits;
    }
  }
  if (outfitItems.empty()) return makeError(outfitsPath + ": no outfit has two items of known categories");

  std::vector<std::pair<int, ItemList>> compat;
  const std::string compatPath = dir + "/compatibility_" + options.split + ".txt";
  if (auto text = readFileBytes(compatPath)) {
    for (const QString& line :
         QString::fromUtf8(reinterpret_cast<const char*>(text->data()), static_cast<int>(text->size()))
             .split('\n', Qt::SkipEmptyParts)) {
      const QStringList parts = line.simplified().split(' ');
      if (parts.size() < 2) continue;
      std::vector<std::string> refs;
      for (int i = 1; i < parts.size(); ++i) refs.push_back(parts[i].toStdString());
      ItemList list = known(catalog, itemsOfRefs(catalog, refs), nullptr);
      if (list.size() >= 2) compat.emplace_back(parts[0].toInt() != 0, std::move(list));
    }
  }

  std::vector<std::vector<ItemList>> questions;
  auto fitb = format::readJsonFile(dir + "/fill_in_blank_" + options.split + ".json");
  if (fitb && fitb->is_array()) {
    for (const format::Json& q : *fitb) {
      std::vector<std::string> question, answers;
      for (const format::Json& r : format::arrayOf(q, "question")) question.push_back(format::textOf(r));
      for (const format::Json& r : format::arrayOf(q, "answers")) answers.push_back(format::textOf(r));
      if (question.empty() || answers.empty()) continue;
      const QString setId = QString::fromStdString(question.front()).section('_', 0, 0);
      const ItemList given = known(catalog, itemsOfRefs(catalog, question), nullptr);
      std::vector<ItemList> candidates;
      int right = -1;
      for (const std::string& a : answers) {
        const auto item = itemsOfRefs(catalog, {a});
        const ItemList answer = known(catalog, item, nullptr);
        if (answer.empty()) break;
        if (QString::fromStdString(a).section('_', 0, 0) == setId)
          right = static_cast<int>(candidates.size());
        ItemList outfit = given;
        outfit.push_back(answer.front());
        candidates.push_back(std::move(outfit));
      }
      if (right < 0 || candidates.size() != static_cast<std::size_t>(answers.size()) || given.empty())
        continue;
      std::swap(candidates[0], candidates[static_cast<std::size_t>(right)]);
      questions.push_back(std::move(candidates));
    }
  }

  std::vector<const ItemList*> lists;
  std::set<std::string> needed;
  const auto note = [&](const ItemList& list) {
    lists.push_back(&list);
    for (const auto& item : list) needed.insert(item.first);
  };
  for (const auto& o : outfitItems) note(o.second);
  for (const auto& c : compat) note(c.second);
  for (const auto& q : questions)
    for (const ItemList& candidate : q) note(candidate);
  const std::vector<Category> layout = layoutFor(lists);

  const auto metaHash = sha256OfFile(metadataPath);
  const auto splitHash = sha256OfFile(outfitsPath);
  const std::string key = std::string(kLoaderVersion) + "|metadata=" + (metaHash ? *metaHash : "?") +
                          "|split=" + (splitHash ? *splitHash : "?") +
                          "|items=" + std::to_string(needed.size()) + "|encoder=" + encoder.info().id +
                          "|crop=" + std::to_string(options.cropSize);
  const std::string cachePath =
      options.cacheDir.empty() ? "" : compat::outfitCachePath(options.cacheDir, "polyvore", key);
  std::optional<compat::ItemVectors> items =
      cachePath.empty() ? std::nullopt : compat::readItemCache(cachePath, key);
  if (!items) {
    auto encoded = encodeItems(dir, needed, encoder, options, progress, cancel);
    if (!encoded) return encoded.error();
    if (!cachePath.empty()) {
      if (Status s = compat::writeItemCache(cachePath, key, *encoded); !s)
        logWarning(LogArea::Pipeline, "embedding cache not written: " + s.message());
    }
    items = std::move(*encoded);
  }
  std::map<std::string, std::int64_t> rowOf;
  for (std::size_t r = 0; r < items->ids.size(); ++r) rowOf[items->ids[r]] = static_cast<std::int64_t>(r);
  // Each item goes to the next free slot of its category.
  const auto add = [&](compat::OutfitSet& set, const std::string& id, const ItemList& list) {
    std::vector<std::string> keys(layout.size());
    std::vector<const float*> vectors(layout.size(), nullptr);
    for (const auto& [item, category] : list) {
      for (std::size_t s = 0; s < layout.size(); ++s) {
        if (layout[s] != category || vectors[s]) continue;
        keys[s] = "polyvore:" + item;
        vectors[s] = items->vectors.row(rowOf.at(item));
        break;
      }
    }
    set.add(id, keys, vectors);
  };
  for (compat::OutfitSet* set : {&data.outfits, &data.compatibility, &data.fitbCandidates}) {
    set->encoderId = encoder.info().id;
    set->dim = encoder.info().dim;
    set->slots = layout;
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
  tasks.compatibilityAuc = compat::rocAuc(positive, negative);
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

}  // namespace w2w::datasets
