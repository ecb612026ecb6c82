#include "vision/ccp_dataset.h"

#include <array>

#include "format/json.h"
#include "vision/garment_labels.h"

namespace w2w {
namespace {

using format::Json;

std::optional<Box> parseBox(const Json& boxes, const char* key) {
  const Json* v = format::member(boxes, key);
  if (!v || !v->is_array() || v->size() != 4) return std::nullopt;
  auto at = [v](std::size_t i) { return static_cast<int>(format::integerOf((*v)[i])); };
  return Box{at(0), at(1), at(2), at(3)};
}

GarmentLabel labelOfGroup(const std::string& group) {
  if (group == "skin_hair") return GarmentLabel::SkinHair;
  if (group == "top" || group == "outer") return GarmentLabel::Upper;
  if (group == "bottom") return GarmentLabel::Bottom;
  if (group == "shoes") return GarmentLabel::Shoes;
  if (group == "onepiece") return GarmentLabel::OnePiece;
  if (group == "background") return GarmentLabel::Background;
  return GarmentLabel::Accessory;  // accessory and other (hosiery, underwear)
}

}  // namespace

Result<CcpDataset> loadCcpDataset(const std::string& dir) {
  CcpDataset out;
  out.dir = dir;
  auto classes = format::readJsonFile(dir + "/classes.json");
  if (!classes) return classes.error();
  for (const Json& v : format::arrayOf(*classes, "classes")) out.classNames.push_back(format::textOf(v));
  for (const Json& v : format::arrayOf(*classes, "class_group")) out.classGroups.push_back(format::textOf(v));
  if (out.classNames.empty() || out.classNames.size() != out.classGroups.size())
    return makeError(dir + "/classes.json: 'classes' and 'class_group' missing or of different lengths");
  auto annotations = format::readJsonFile(dir + "/annotations.json");
  if (!annotations) return annotations.error();
  if (!annotations->is_array()) return makeError(dir + "/annotations.json: not a JSON list");
  for (const Json& o : *annotations) {
    CcpRecord r;
    r.id = format::stringOr(o, "id");
    r.photo = dir + "/" + format::stringOr(o, "file");
    if (const Json* mask = format::member(o, "mask"); mask && mask->is_string())
      r.mask = dir + "/" + mask->get<std::string>();
    r.width = static_cast<int>(format::integerOr(o, "width"));
    r.height = static_cast<int>(format::integerOr(o, "height"));
    const Json& boxes = format::objectOf(o, "boxes");
    r.top = parseBox(boxes, "top");
    r.topWithOuter = parseBox(boxes, "top_with_outer");
    r.bottom = parseBox(boxes, "bottom");
    r.shoes = parseBox(boxes, "shoes");
    r.onepiece = parseBox(boxes, "onepiece");
    r.person = parseBox(boxes, "person");
    r.completeOutfit = format::boolOr(o, "complete_outfit");
    r.onepieceOutfit = format::boolOr(o, "onepiece_outfit");
    for (const Json& w : format::arrayOf(o, "warnings")) r.warnings.push_back(format::textOf(w));
    if (r.id.empty()) return makeError(dir + "/annotations.json: a record without an id");
    out.records.push_back(std::move(r));
  }
  return out;
}

GrayImage ccpLabelMap(const CcpDataset& dataset, const GrayImage& classMask) {
  const std::size_t n = dataset.classGroups.size();
  std::vector<long long> counts(256, 0);
  for (std::uint8_t v : classMask.pixels) ++counts[v];
  // A class is present when it covers at least 0.1% of the image (the dataset's rule).
  const long long minPixels = static_cast<long long>(classMask.pixels.size()) / 1000;
  bool hasBottom = false;
  for (std::size_t c = 0; c < n; ++c)
    hasBottom |= dataset.classGroups[c] == "bottom" && counts[c] >= minPixels;

  std::array<std::uint8_t, 256> table{};
  for (std::size_t c = 0; c < n && c < 256; ++c) {
    GarmentLabel label = labelOfGroup(dataset.classGroups[c]);
    if (dataset.classNames[c] == "bodysuit" && hasBottom) label = GarmentLabel::Upper;
    table[c] = static_cast<std::uint8_t>(label);
  }
  GrayImage labels = classMask;
  for (auto& v : labels.pixels) v = table[v];
  return labels;
}

std::vector<const CcpRecord*> ccpStrictPixelRecords(const CcpDataset& dataset, int first, int last) {
  std::vector<const CcpRecord*> out;
  for (const CcpRecord& r : dataset.records) {
    const int number = r.number();
    if (r.hasMask() && r.warnings.empty() && number >= first && number <= last) out.push_back(&r);
  }
  return out;
}

}  // namespace w2w
