#include "compat/ccp_dataset.h"

#include <algorithm>

#include <opencv2/imgcodecs.hpp>

#include "common/log.h"
#include "compat/outfit_cache.h"
#include "format/json.h"
#include "io/cv_convert.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "vision/crop_renderer.h"

namespace w2w::compat {
namespace {

// Bump when the crops change (box use, masks, rendering): the cache key has it.
constexpr const char* kLoaderVersion = "ccp-loader-v1";
constexpr int kEncodeBatch = 16;  // outfits per encoder call

using format::Json;

std::optional<Box> boxFrom(const Json& v) {
  if (!v.is_array() || v.size() != 4) return std::nullopt;
  auto at = [&v](int i) { return static_cast<int>(format::integerOf(v[static_cast<std::size_t>(i)])); };
  return Box{at(0), at(1), at(2), at(3)};
}

// The groups whose pixels make each slot's garment.
bool slotHasGroup(int slot, const std::string& group) {
  if (slot == 0) return group == "top" || group == "outer";
  return group == (slot == 1 ? "bottom" : "shoes");
}

// Label value -> slot (0..2) or -1, for this photo (context rules applied).
std::vector<int> slotOfLabel(const CcpClassTable& classes, const CcpPhoto& photo) {
  std::vector<std::string> groups = classes.groups;
  for (const CcpClassTable::Rule& rule : classes.rules) {
    const auto& present = photo.groupsPresent;
    if (rule.label >= 0 && rule.label < static_cast<int>(groups.size()) &&
        std::find(present.begin(), present.end(), rule.whenPhotoHas) != present.end()) {
      groups[static_cast<std::size_t>(rule.label)] = rule.becomes;
    }
  }
  std::vector<int> slot(256, -1);
  for (std::size_t label = 0; label < groups.size() && label < 256; ++label) {
    for (int s = 0; s < 3; ++s)
      if (slotHasGroup(s, groups[label])) slot[label] = s;
  }
  return slot;
}

Result<cv::Mat> readLabels(const std::string& path, const RgbImage& photo) {
  auto bytes = readFileBytes(path);
  if (!bytes) return bytes.error();
  cv::Mat labels = cv::imdecode(*bytes, cv::IMREAD_UNCHANGED);
  if (labels.empty() || labels.type() != CV_8UC1)
    return makeError(path + ": not an 8-bit single-channel label mask");
  if (labels.cols != photo.width || labels.rows != photo.height) {
    return makeError(path + ": mask is " + std::to_string(labels.cols) + "x" + std::to_string(labels.rows) +
                     ", the photo " + std::to_string(photo.width) + "x" + std::to_string(photo.height));
  }
  return labels;
}

GrayImage maskWhere(const cv::Mat& labels, const std::vector<int>& slotOf, int slot) {
  cv::Mat mask(labels.size(), CV_8UC1);
  for (int y = 0; y < labels.rows; ++y) {
    const uchar* l = labels.ptr<uchar>(y);
    uchar* m = mask.ptr<uchar>(y);
    for (int x = 0; x < labels.cols; ++x) m[x] = (slot < 0 ? l[x] != 0 : slotOf[l[x]] == slot) ? 255 : 0;
  }
  return grayFromMat(mask);
}

std::string cacheKey(const std::string& dir, const std::string& encoderId, const CcpOptions& o) {
  const auto annotations = sha256OfFile(dir + "/annotations.json");
  const auto classes = sha256OfFile(dir + "/classes.json");
  return std::string(kLoaderVersion) + "|annotations=" + (annotations ? *annotations : "?") +
         "|classes=" + (classes ? *classes : "?") + "|encoder=" + encoderId +
         "|boxes=" + boxSourceName(o.boxes) + "|background=" + backgroundName(o.background) +
         "|crop=" + std::to_string(o.cropSize) + "|warnings=" + (o.skipWarnings ? "skip" : "keep") +
         "|auto=" + o.autoCropId;
}

}  // namespace

const char* boxSourceName(BoxSource b) { return b == BoxSource::GroundTruth ? "gt" : "auto"; }
const char* backgroundName(Background b) {
  return b == Background::Keep ? "keep" : b == Background::Person ? "person" : "garment";
}
const char* splitName(Split s) { return s == Split::All ? "all" : s == Split::Train ? "train" : "test"; }

std::optional<BoxSource> parseBoxSource(const std::string& name) {
  if (name == "gt") return BoxSource::GroundTruth;
  if (name == "auto") return BoxSource::Auto;
  return std::nullopt;
}

std::optional<Background> parseBackground(const std::string& name) {
  if (name == "keep") return Background::Keep;
  if (name == "remove" || name == "garment") return Background::Garment;
  if (name == "person") return Background::Person;
  return std::nullopt;
}

std::optional<Split> parseSplit(const std::string& name) {
  for (Split s : {Split::All, Split::Train, Split::Test})
    if (name == splitName(s)) return s;
  return std::nullopt;
}

bool ccpInSplit(const std::string& photoId, Split split) {
  if (split == Split::All) return true;
  const bool test = !photoId.empty() && photoId.back() >= '0' && photoId.back() <= '2';
  return split == Split::Test ? test : !test;
}

Result<CcpClassTable> readCcpClasses(const std::string& dir) {
  const std::string path = dir + "/classes.json";
  auto root = format::readJsonFile(path);
  if (!root) return root.error();
  CcpClassTable table;
  for (const Json& g : format::arrayOf(*root, "class_group")) table.groups.push_back(format::textOf(g));
  std::vector<std::string> names;
  for (const Json& n : format::arrayOf(*root, "classes")) names.push_back(format::textOf(n));
  if (table.groups.empty() || names.size() != table.groups.size()) {
    return makeError(path + ": expected 'classes' and 'class_group' lists of the same length");
  }
  for (const Json& o : format::arrayOf(*root, "context_rules")) {
    CcpClassTable::Rule rule;
    const auto named = std::find(names.begin(), names.end(), format::stringOr(o, "class"));
    rule.label = named == names.end() ? -1 : static_cast<int>(named - names.begin());
    rule.becomes = format::stringOr(o, "becomes");
    rule.whenPhotoHas = format::stringOr(o, "when_photo_has_group");
    table.rules.push_back(rule);
  }
  return table;
}

Result<std::vector<CcpPhoto>> readCcpAnnotations(const std::string& dir) {
  const std::string path = dir + "/annotations.json";
  auto doc = format::readJsonFile(path);
  if (!doc) return doc.error();
  if (!doc->is_array()) return makeError(path + ": expected a list of photo records");
  std::vector<CcpPhoto> photos;
  for (const Json& o : *doc) {
    CcpPhoto p;
    p.id = format::stringOr(o, "id");
    p.file = format::stringOr(o, "file");
    if (p.id.empty() || p.file.empty()) {
      return makeError(path + ": record " + std::to_string(photos.size() + 1) + " has no id or file");
    }
    p.mask = format::stringOr(o, "mask");
    p.pixel = format::stringOr(o, "annotation") == "pixel" && !p.mask.empty();
    p.complete = format::boolOr(o, "complete_outfit");
    const Json& boxes = format::objectOf(o, "boxes");
    auto box = [&](const char* key) {
      const Json* v = format::member(boxes, key);
      return v ? boxFrom(*v) : std::nullopt;
    };
    p.boxes = {box("top_with_outer"), box("bottom"), box("shoes")};
    for (const auto& [group, value] : boxes.items())
      if (boxFrom(value)) p.groupsPresent.push_back(group);
    for (const Json& w : format::arrayOf(o, "warnings")) p.warnings.push_back(format::textOf(w));
    photos.push_back(std::move(p));
  }
  std::sort(photos.begin(), photos.end(), [](const CcpPhoto& a, const CcpPhoto& b) { return a.id < b.id; });
  return photos;
}

std::vector<CcpPhoto> selectCcpOutfits(const std::vector<CcpPhoto>& photos, const CcpOptions& options) {
  std::vector<CcpPhoto> out;
  for (const CcpPhoto& p : photos) {
    if (!p.complete || !ccpInSplit(p.id, options.split)) continue;
    if (options.skipWarnings && !p.warnings.empty()) continue;
    const bool boxed = p.pixel && p.boxes[0] && p.boxes[1] && p.boxes[2];
    if (options.boxes == BoxSource::GroundTruth && !boxed) continue;
    out.push_back(p);
  }
  return out;
}

Result<std::array<RgbImage, 3>> renderCcpCrops(const std::string& dir, const CcpPhoto& photo,
                                               const CcpClassTable& classes, const CcpOptions& options) {
  auto decoded = decodeImageFile(dir + "/" + photo.file);
  if (!decoded) return decoded.error();
  const RgbImage& image = decoded->image;
  std::array<std::optional<Box>, 3> boxes = photo.boxes;
  GrayImage personMask;
  std::array<GrayImage, 3> garmentMasks;
  if (options.boxes == BoxSource::Auto) {
    if (!options.autoCrop) return makeError("--boxes auto needs the app's crop pipeline, and none was given");
    auto crops = options.autoCrop(image);
    if (!crops) return makeError(photo.file + ": " + crops.message());
    boxes = crops->boxes;
    personMask = std::move(crops->personMask);
    for (const auto& b : boxes)
      if (!b || b->empty()) return std::array<RgbImage, 3>{};
    if (options.background == Background::Garment) {
      for (const GrayImage& m : crops->garmentMasks)
        if (m.empty())
          return makeError("--background remove needs garment masks, which this crop pipeline does not give");
      garmentMasks = std::move(crops->garmentMasks);
    }
  }
  std::array<GrayImage, 3> masks;
  if (options.boxes == BoxSource::Auto && options.background == Background::Garment) {
    masks = std::move(garmentMasks);
  } else if (options.boxes == BoxSource::GroundTruth && options.background != Background::Keep) {
    auto labels = readLabels(dir + "/" + photo.mask, image);
    if (!labels) return labels.error();
    const std::vector<int> slotOf = slotOfLabel(classes, photo);
    for (int s = 0; s < 3; ++s)
      masks[s] = maskWhere(*labels, slotOf, options.background == Background::Person ? -1 : s);
  } else if (options.background == Background::Person && !personMask.empty()) {
    masks = {personMask, personMask, personMask};
  }
  std::array<RgbImage, 3> out;
  for (int s = 0; s < 3; ++s) {
    if (!boxes[s]) return makeError(photo.file + ": no " + categoryName(kCategories[s]) + " box");
    out[s] = renderCrop(image, masks[s].empty() ? nullptr : &masks[s], *boxes[s], options.cropSize);
  }
  return out;
}

Result<OutfitSet> loadCcpOutfits(const std::string& dir, Encoder& encoder, const CcpOptions& options,
                                 const ProgressCallback& progress, const CancelFlag* cancel) {
  auto photos = readCcpAnnotations(dir);
  if (!photos) return photos.error();
  auto classes = readCcpClasses(dir);
  if (!classes) return classes.error();
  CcpOptions all = options;
  all.split = Split::All;
  const std::vector<CcpPhoto> selected = selectCcpOutfits(*photos, all);
  if (selected.empty())
    return makeError(dir + ": no complete outfits with " + boxSourceName(options.boxes) + " boxes");

  const std::string key = cacheKey(dir, encoder.info().id, options);
  const std::string cachePath = options.cacheDir.empty() ? "" : outfitCachePath(options.cacheDir, "ccp", key);
  std::optional<OutfitSet> set = cachePath.empty() ? std::nullopt : readOutfitCache(cachePath, key);
  if (!set) {
    OutfitSet fresh;
    fresh.encoderId = encoder.info().id;
    fresh.dim = encoder.info().dim;
    std::vector<RgbImage> batch;
    std::vector<const CcpPhoto*> batchPhotos;
    const auto flush = [&]() -> Status {
      if (batch.empty()) return Status::success();
      auto vectors = encoder.encode(batch);
      if (!vectors) return vectors.error();
      for (std::size_t i = 0; i < batchPhotos.size(); ++i) {
        const std::string id = "ccp:" + batchPhotos[i]->id;
        fresh.add(id, {id + ":top", id + ":bottom", id + ":shoes"}, vectors->row(3 * i),
                  vectors->row(3 * i + 1), vectors->row(3 * i + 2));
      }
      batch.clear();
      batchPhotos.clear();
      return Status::success();
    };
    for (std::size_t i = 0; i < selected.size(); ++i) {
      if (cancel && cancel->isCancelled()) return makeError("cancelled while encoding the dataset");
      if (progress) {
        progress({static_cast<long long>(i), static_cast<long long>(selected.size()),
                  "encoding outfit photos: " + selected[i].file});
      }
      auto crops = renderCcpCrops(dir, selected[i], *classes, options);
      if (!crops) return crops.error();
      if ((*crops)[0].empty()) continue;  // auto boxes: the pipeline missed an item
      for (RgbImage& c : *crops) batch.push_back(std::move(c));
      batchPhotos.push_back(&selected[i]);
      if (static_cast<int>(batchPhotos.size()) == kEncodeBatch) {
        if (Status s = flush(); !s) return s.error();
      }
    }
    if (Status s = flush(); !s) return s.error();
    if (progress)
      progress({static_cast<long long>(selected.size()), static_cast<long long>(selected.size()), "encoded"});
    // A cache that cannot be written only costs time next run.
    if (!cachePath.empty()) {
      if (Status s = writeOutfitCache(cachePath, key, fresh); !s)
        logWarning(LogArea::Pipeline, "embedding cache not written: " + s.message());
    }
    set = std::move(fresh);
  }
  std::vector<int> keep;
  for (int i = 0; i < set->size(); ++i)
    if (ccpInSplit(set->ids[static_cast<std::size_t>(i)].substr(4), options.split)) keep.push_back(i);
  if (keep.empty())
    return makeError(dir + ": no outfits in the " + std::string(splitName(options.split)) + " split");
  return set->subset(keep);
}

}  // namespace w2w::compat
