#include "vision/ccp_dataset.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <array>

#include "io/file_io.h"
#include "vision/garment_labels.h"

namespace w2w {
namespace {

Result<QJsonDocument> readJson(const std::string& path) {
  auto bytes = readFileBytes(path);
  if (!bytes) return bytes.error();
  QJsonParseError error{};
  QJsonDocument doc = QJsonDocument::fromJson(
      QByteArray(reinterpret_cast<const char*>(bytes->data()), static_cast<qsizetype>(bytes->size())),
      &error);
  if (doc.isNull()) return makeError(path + ": not JSON (" + error.errorString().toStdString() + ")");
  return doc;
}

std::optional<Box> parseBox(const QJsonValue& v) {
  const QJsonArray a = v.toArray();
  if (a.size() != 4) return std::nullopt;
  return Box{a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt()};
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
  auto classes = readJson(dir + "/classes.json");
  if (!classes) return classes.error();
  for (const auto& v : classes->object().value("classes").toArray())
    out.classNames.push_back(v.toString().toStdString());
  for (const auto& v : classes->object().value("class_group").toArray())
    out.classGroups.push_back(v.toString().toStdString());
  if (out.classNames.empty() || out.classNames.size() != out.classGroups.size())
    return makeError(dir + "/classes.json: 'classes' and 'class_group' missing or of different lengths");
  auto annotations = readJson(dir + "/annotations.json");
  if (!annotations) return annotations.error();
  if (!annotations->isArray()) return makeError(dir + "/annotations.json: not a JSON list");
  for (const auto& value : annotations->array()) {
    const QJsonObject o = value.toObject();
    CcpRecord r;
    r.id = o.value("id").toString().toStdString();
    r.photo = dir + "/" + o.value("file").toString().toStdString();
    if (o.value("mask").isString()) r.mask = dir + "/" + o.value("mask").toString().toStdString();
    r.width = o.value("width").toInt();
    r.height = o.value("height").toInt();
    const QJsonObject boxes = o.value("boxes").toObject();
    r.top = parseBox(boxes.value("top"));
    r.topWithOuter = parseBox(boxes.value("top_with_outer"));
    r.bottom = parseBox(boxes.value("bottom"));
    r.shoes = parseBox(boxes.value("shoes"));
    r.onepiece = parseBox(boxes.value("onepiece"));
    r.person = parseBox(boxes.value("person"));
    r.completeOutfit = o.value("complete_outfit").toBool();
    r.onepieceOutfit = o.value("onepiece_outfit").toBool();
    for (const auto& w : o.value("warnings").toArray()) r.warnings.push_back(w.toString().toStdString());
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
