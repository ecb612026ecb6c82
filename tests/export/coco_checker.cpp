#include "coco_checker.h"

#include <QJsonArray>

#include <map>
#include <set>

namespace w2w::test {
namespace {

// Run lengths of a compressed COCO "counts" string, written from the format's
// description rather than taken from the exporter, so both cannot share a bug.
bool decodeCounts(const std::string& s, std::vector<long long>* runs) {
  std::size_t p = 0;
  while (p < s.size()) {
    long long x = 0;
    int shift = 0;
    for (;;) {
      if (p >= s.size() || shift > 60) return false;
      const int c = static_cast<unsigned char>(s[p++]) - 48;
      if (c < 0 || c > 63) return false;
      x |= static_cast<long long>(c & 0x1f) << shift;
      shift += 5;
      if (!(c & 0x20)) {
        if (c & 0x10) x -= 1LL << shift;  // the top bit read is the sign
        break;
      }
    }
    if (runs->size() > 2) x += (*runs)[runs->size() - 2];
    runs->push_back(x);
  }
  return true;
}

std::string where(const char* what, qint64 id) { return std::string(what) + " " + std::to_string(id) + ": "; }

}  // namespace

std::vector<std::string> cocoProblems(const QJsonObject& coco) {
  std::vector<std::string> problems;
  for (const char* key : {"images", "annotations", "categories"}) {
    if (!coco.value(key).isArray()) problems.push_back(std::string("no '") + key + "' array");
  }
  if (!problems.empty()) return problems;

  std::map<qint64, std::pair<int, int>> imageSize;  // width, height
  for (const QJsonValue& v : coco.value("images").toArray()) {
    const QJsonObject image = v.toObject();
    const qint64 id = image.value("id").toInteger(-1);
    if (!imageSize.emplace(id, std::make_pair(image.value("width").toInt(), image.value("height").toInt()))
             .second)
      problems.push_back(where("image", id) + "id used twice");
    if (image.value("width").toInt() <= 0 || image.value("height").toInt() <= 0)
      problems.push_back(where("image", id) + "no positive width and height");
    if (image.value("file_name").toString().isEmpty())
      problems.push_back(where("image", id) + "no file_name");
  }
  std::set<qint64> categories;
  for (const QJsonValue& v : coco.value("categories").toArray()) {
    const qint64 id = v.toObject().value("id").toInteger(-1);
    if (!categories.insert(id).second) problems.push_back(where("category", id) + "id used twice");
    if (v.toObject().value("name").toString().isEmpty())
      problems.push_back(where("category", id) + "no name");
  }
  std::set<qint64> annotations;
  for (const QJsonValue& v : coco.value("annotations").toArray()) {
    const QJsonObject a = v.toObject();
    const qint64 id = a.value("id").toInteger(-1);
    const std::string at = where("annotation", id);
    if (!annotations.insert(id).second) problems.push_back(at + "id used twice");
    const auto image = imageSize.find(a.value("image_id").toInteger(-1));
    if (image == imageSize.end()) {
      problems.push_back(at + "its image does not exist");
      continue;
    }
    if (!categories.count(a.value("category_id").toInteger(-1)))
      problems.push_back(at + "its category does not exist");
    const auto [width, height] = image->second;
    const QJsonArray bbox = a.value("bbox").toArray();
    if (bbox.size() != 4) {
      problems.push_back(at + "bbox is not [x, y, width, height]");
    } else {
      const double x = bbox[0].toDouble(), y = bbox[1].toDouble(), w = bbox[2].toDouble(),
                   h = bbox[3].toDouble();
      if (w <= 0 || h <= 0) problems.push_back(at + "empty bbox");
      if (x < 0 || y < 0 || x + w > width || y + h > height)
        problems.push_back(at + "bbox outside its image");
    }
    if (!a.value("area").isDouble() || a.value("area").toDouble() < 0) problems.push_back(at + "no area");
    const int crowd = a.value("iscrowd").toInt(-1);
    if (crowd != 0 && crowd != 1) problems.push_back(at + "iscrowd is neither 0 nor 1");
    if (a.value("segmentation").isObject()) {
      const QJsonObject rle = a.value("segmentation").toObject();
      const QJsonArray size = rle.value("size").toArray();
      if (size.size() != 2 || size[0].toInt() != height || size[1].toInt() != width)
        problems.push_back(at + "RLE size is not the image's [height, width]");
      std::vector<long long> runs;
      if (!rle.value("counts").isString() ||
          !decodeCounts(rle.value("counts").toString().toStdString(), &runs)) {
        problems.push_back(at + "RLE counts do not decode");
      } else {
        long long sum = 0;
        bool negative = false;
        for (long long r : runs) {
          sum += r;
          negative = negative || r < 0;
        }
        if (negative || sum != static_cast<long long>(width) * height)
          problems.push_back(at + "RLE does not cover exactly the image's pixels");
      }
    }
  }
  return problems;
}

}  // namespace w2w::test
