#include "datasets/ccp_dataset.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "format/json.h"
#include "io/cv_convert.h"

namespace w2w {
namespace {

using format::Json;

std::optional<Box> parseBox(const Json& boxes, const char* key) {
  const Json* v = format::member(boxes, key);
  if (!v || !v->is_array() || v->size() != 4) return std::nullopt;
  auto at = [v](std::size_t i) { return static_cast<int>(format::integerOf((*v)[i])); };
  return Box{at(0), at(1), at(2), at(3)};
}

Status readClasses(const std::string& dir, CcpDataset& out) {
  const std::string path = dir + "/classes.json";
  auto root = format::readJsonFile(path);
  if (!root) return root.error();
  for (const Json& v : format::arrayOf(*root, "classes")) out.classNames.push_back(format::textOf(v));
  for (const Json& v : format::arrayOf(*root, "class_group")) out.classGroups.push_back(format::textOf(v));
  if (out.classNames.empty() || out.classNames.size() != out.classGroups.size())
    return makeError(path + ": 'classes' and 'class_group' missing or of different lengths");
  for (const Json& o : format::arrayOf(*root, "context_rules")) {
    const std::string name = format::stringOr(o, "class");
    const auto found = std::find(out.classNames.begin(), out.classNames.end(), name);
    if (found == out.classNames.end())
      return makeError(path + ": a context rule names an unknown class '" + name + "'");
    out.rules.push_back({static_cast<int>(found - out.classNames.begin()), format::stringOr(o, "becomes"),
                         format::stringOr(o, "when_photo_has_group")});
  }
  return Status::success();
}

}  // namespace

Result<CcpDataset> loadCcpDataset(const std::string& dir) {
  CcpDataset out;
  out.dir = dir;
  if (Status s = readClasses(dir, out); !s) return s.error();
  const std::string path = dir + "/annotations.json";
  auto annotations = format::readJsonFile(path);
  if (!annotations) return annotations.error();
  if (!annotations->is_array()) return makeError(path + ": not a JSON list");
  for (const Json& o : *annotations) {
    CcpRecord r;
    r.id = format::stringOr(o, "id");
    r.file = format::stringOr(o, "file");
    if (r.id.empty() || r.file.empty())
      return makeError(path + ": record " + std::to_string(out.records.size() + 1) + " has no id or file");
    r.photo = dir + "/" + r.file;
    if (const Json* mask = format::member(o, "mask");
        mask && mask->is_string() && format::stringOr(o, "annotation") == "pixel")
      r.mask = dir + "/" + mask->get<std::string>();
    r.width = static_cast<int>(format::integerOr(o, "width"));
    r.height = static_cast<int>(format::integerOr(o, "height"));
    for (const Json& t : format::arrayOf(o, "tags")) r.tags.push_back(format::textOf(t));
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
    out.records.push_back(std::move(r));
  }
  std::sort(out.records.begin(), out.records.end(),
            [](const CcpRecord& a, const CcpRecord& b) { return a.id < b.id; });
  return out;
}

std::optional<Category> ccpCategory(const std::string& className, const std::string& group) {
  if (group == "accessory") {
    return className == "bag" || className == "purse" || className == "wallet" ? Category::Bag
                                                                               : Category::Accessory;
  }
  if (group == "top" || group == "outer" || group == "bottom" || group == "onepiece" || group == "shoes")
    return parseCategory(group);
  return std::nullopt;  // skin_hair, background, other
}

std::vector<std::string> ccpPhotoGroups(const CcpDataset& dataset, const CcpRecord& record,
                                        const GrayImage* classMask) {
  const std::size_t n = dataset.classNames.size();
  std::vector<bool> present(n, false);
  if (classMask && !classMask->pixels.empty()) {
    std::vector<long long> counts(256, 0);
    for (std::uint8_t v : classMask->pixels) ++counts[v];
    // A class is present when it covers at least 0.1% of the image (the dataset's rule).
    const long long minPixels = static_cast<long long>(classMask->pixels.size()) / 1000;
    for (std::size_t c = 0; c < n && c < 256; ++c) present[c] = counts[c] > 0 && counts[c] >= minPixels;
  } else {
    for (const std::string& tag : record.tags) {
      const auto found = std::find(dataset.classNames.begin(), dataset.classNames.end(), tag);
      if (found != dataset.classNames.end())
        present[static_cast<std::size_t>(found - dataset.classNames.begin())] = true;
    }
  }
  std::vector<std::string> groups = dataset.classGroups;
  for (const CcpContextRule& rule : dataset.rules) {
    // Whether another present class (not the rule's own) is of the group.
    bool has = false;
    for (std::size_t c = 0; c < n; ++c) {
      has = has ||
            (present[c] && static_cast<int>(c) != rule.label && dataset.classGroups[c] == rule.whenPhotoHas);
    }
    if (has && rule.label >= 0 && rule.label < static_cast<int>(n))
      groups[static_cast<std::size_t>(rule.label)] = rule.becomes;
  }
  return groups;
}

std::vector<std::optional<Category>> ccpPhotoCategories(const CcpDataset& dataset, const CcpRecord& record,
                                                        const GrayImage* classMask) {
  const std::vector<std::string> groups = ccpPhotoGroups(dataset, record, classMask);
  std::vector<std::optional<Category>> out;
  for (std::size_t c = 0; c < groups.size(); ++c)
    out.push_back(ccpCategory(dataset.classNames[c], groups[c]));
  return out;
}

std::optional<Box> ccpRuleBox(const GrayImage& garment) {
  const cv::Mat mask = grayView(garment);
  const long long minPixels = static_cast<long long>(mask.total()) / 1000;
  if (cv::countNonZero(mask) < std::max<long long>(1, minPixels)) return std::nullopt;
  const int radius = static_cast<int>(std::lround(0.03 * std::max(mask.cols, mask.rows)));
  cv::Mat grouped;
  cv::dilate(mask, grouped,
             cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1)));
  cv::Mat groups;
  const int count = cv::connectedComponents(grouped, groups, 8, CV_32S);
  std::vector<long long> real(static_cast<std::size_t>(count), 0);
  for (int y = 0; y < mask.rows; ++y) {
    const uchar* m = mask.ptr<uchar>(y);
    const int* g = groups.ptr<int>(y);
    for (int x = 0; x < mask.cols; ++x)
      if (m[x]) ++real[static_cast<std::size_t>(g[x])];
  }
  int x0 = mask.cols, y0 = mask.rows, x1 = -1, y1 = -1;
  for (int y = 0; y < mask.rows; ++y) {
    const uchar* m = mask.ptr<uchar>(y);
    const int* g = groups.ptr<int>(y);
    for (int x = 0; x < mask.cols; ++x) {
      if (!m[x] || real[static_cast<std::size_t>(g[x])] < minPixels) continue;
      x0 = std::min(x0, x);
      y0 = std::min(y0, y);
      x1 = std::max(x1, x);
      y1 = std::max(y1, y);
    }
  }
  if (x1 < 0) return std::nullopt;
  return Box{x0, y0, x1 - x0 + 1, y1 - y0 + 1};
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
