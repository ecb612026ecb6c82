#include "datasets/ccp_outfits.h"

#include <algorithm>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "compat/outfit_cache.h"
#include "io/cv_convert.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "vision/crop_renderer.h"

namespace w2w::datasets {
namespace {

// Bump when the crops change (box use, masks, rendering): the cache key has it.
constexpr const char* kLoaderVersion = "ccp-loader-v2";
constexpr int kEncodeBatch = 16;  // outfits per encoder call

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

// 255 where the photo's label is of `category`.
cv::Mat categoryMask(const cv::Mat& labels, const std::vector<std::optional<Category>>& categoryOf,
                     Category category) {
  std::array<std::uint8_t, 256> table{};
  for (std::size_t l = 0; l < categoryOf.size() && l < 256; ++l)
    table[l] = categoryOf[l] == category ? 255 : 0;
  cv::Mat mask(labels.size(), CV_8UC1);
  for (int y = 0; y < labels.rows; ++y) {
    const uchar* l = labels.ptr<uchar>(y);
    uchar* m = mask.ptr<uchar>(y);
    for (int x = 0; x < labels.cols; ++x) m[x] = table[l[x]];
  }
  return mask;
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

std::size_t at(Category c) { return static_cast<std::size_t>(categoryIndex(c)); }

}  // namespace

const char* boxSourceName(BoxSource b) { return b == BoxSource::GroundTruth ? "gt" : "auto"; }
const char* backgroundName(Background b) {
  return b == Background::Keep ? "keep" : b == Background::Person ? "person" : "garment";
}

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

bool ccpInSplit(const std::string& photoId, Split split) {
  bool ok = !photoId.empty();
  for (char ch : photoId) ok = ok && ch >= '0' && ch <= '9';
  if (!ok) return split == Split::All;
  return numberInSplit(std::stoll(photoId), split);
}

std::vector<Category> ccpLayout() {
  return {Category::Top,      Category::Outer, Category::Bottom,
          Category::Onepiece, Category::Shoes, Category::Bag};
}

std::vector<const CcpRecord*> selectCcpPhotos(const CcpDataset& dataset, const CcpOptions& options) {
  std::vector<const CcpRecord*> out;
  for (const CcpRecord& r : dataset.records) {
    if (!ccpInSplit(r.id, options.split)) continue;
    if (options.skipWarnings && !r.warnings.empty()) continue;
    const bool usable =
        options.boxes == BoxSource::GroundTruth ? r.hasMask() : r.completeOutfit || r.onepieceOutfit;
    if (usable) out.push_back(&r);
  }
  return out;
}

Result<std::optional<std::vector<RgbImage>>> renderCcpOutfit(const CcpDataset& dataset,
                                                             const CcpRecord& photo,
                                                             const CcpOptions& options) {
  using Crops = std::optional<std::vector<RgbImage>>;
  auto decoded = decodeImageFile(photo.photo);
  if (!decoded) return decoded.error();
  const RgbImage& image = decoded->image;
  std::array<std::optional<Box>, kCategoryCount> boxes;
  std::array<GrayImage, kCategoryCount> masks;  // per category; empty: no mask (keep the pixels)
  const std::vector<Category> layout = ccpLayout();
  if (options.boxes == BoxSource::Auto) {
    if (!options.autoCrop) return makeError("--boxes auto needs the app's crop pipeline, and none was given");
    auto crops = options.autoCrop(image);
    if (!crops) return makeError(photo.file + ": " + crops.message());
    boxes = crops->boxes;
    for (Category c : layout) {
      if (!boxes[at(c)] || boxes[at(c)]->empty()) {
        boxes[at(c)].reset();
        continue;
      }
      if (options.background == Background::Person) masks[at(c)] = crops->personMask;
      if (options.background == Background::Garment) {
        if (crops->garmentMasks[at(c)].empty())
          return makeError("--background remove needs garment masks, which this crop pipeline does not give");
        masks[at(c)] = crops->garmentMasks[at(c)];
      }
    }
  } else {
    if (!photo.hasMask()) return makeError(photo.file + ": no pixel annotation, so no dataset boxes");
    auto labels = readLabels(photo.mask, image);
    if (!labels) return labels.error();
    const GrayImage classMask = grayFromMat(*labels);
    const auto categoryOf = ccpPhotoCategories(dataset, photo, &classMask);
    boxes[at(Category::Top)] = photo.top;
    boxes[at(Category::Bottom)] = photo.bottom;
    boxes[at(Category::Shoes)] = photo.shoes;
    boxes[at(Category::Onepiece)] = photo.onepiece;
    const cv::Mat person = *labels != 0;
    for (Category c : layout) {
      const cv::Mat garment = categoryMask(*labels, categoryOf, c);
      if (c == Category::Outer || c == Category::Bag) boxes[at(c)] = ccpRuleBox(grayFromMat(garment));
      if (!boxes[at(c)]) continue;
      if (options.background == Background::Garment) masks[at(c)] = grayFromMat(garment);
      if (options.background == Background::Person) masks[at(c)] = grayFromMat(person);
    }
  }
  CategoryCounts counts;
  for (Category c : layout)
    if (boxes[at(c)]) counts.add(c);
  if (!isValidOutfit(counts)) return Crops();
  std::vector<RgbImage> out;
  for (Category c : layout) {
    out.emplace_back();
    if (!boxes[at(c)]) continue;
    const GrayImage* mask = masks[at(c)].empty() ? nullptr : &masks[at(c)];
    out.back() = renderCrop(image, mask, *boxes[at(c)], options.cropSize);
  }
  return Crops(std::move(out));
}

Result<compat::OutfitSet> loadCcpOutfits(const std::string& dir, Encoder& encoder, const CcpOptions& options,
                                         const ProgressCallback& progress, const CancelFlag* cancel,
                                         CcpLoadReport* report) {
  auto dataset = loadCcpDataset(dir);
  if (!dataset) return dataset.error();
  CcpOptions all = options;
  all.split = Split::All;
  const std::vector<const CcpRecord*> selected = selectCcpPhotos(*dataset, all);
  if (selected.empty())
    return makeError(dir + ": no outfit photos with " + std::string(boxSourceName(options.boxes)) + " boxes");

  const std::string key = cacheKey(dir, encoder.info().id, options);
  const std::string cachePath =
      options.cacheDir.empty() ? "" : compat::outfitCachePath(options.cacheDir, "ccp", key);
  std::optional<compat::OutfitSet> set =
      cachePath.empty() ? std::nullopt : compat::readOutfitCache(cachePath, key);
  const std::vector<Category> layout = ccpLayout();
  if (!set) {
    compat::OutfitSet fresh;
    fresh.encoderId = encoder.info().id;
    fresh.dim = encoder.info().dim;
    fresh.slots = layout;
    std::vector<RgbImage> batch;
    struct Pending {
      const CcpRecord* photo;
      std::vector<int> rowOfSlot;  // row in the batch's vectors, -1 for an empty slot
    };
    std::vector<Pending> pending;
    const auto flush = [&]() -> Status {
      if (batch.empty()) return Status::success();
      auto vectors = encoder.encode(batch);
      if (!vectors) return vectors.error();
      for (const Pending& p : pending) {
        const std::string id = "ccp:" + p.photo->id;
        std::vector<std::string> keys;
        std::vector<const float*> rows;
        for (std::size_t s = 0; s < layout.size(); ++s) {
          const int row = p.rowOfSlot[s];
          keys.push_back(row < 0 ? "" : id + ":" + categoryName(layout[s]));
          rows.push_back(row < 0 ? nullptr : vectors->row(row));
        }
        fresh.add(id, keys, rows);
      }
      batch.clear();
      pending.clear();
      return Status::success();
    };
    for (std::size_t i = 0; i < selected.size(); ++i) {
      if (cancel && cancel->isCancelled()) return makeError("cancelled while encoding the dataset");
      if (progress) {
        progress({static_cast<long long>(i), static_cast<long long>(selected.size()),
                  "encoding outfit photos: " + selected[i]->file});
      }
      auto crops = renderCcpOutfit(*dataset, *selected[i], options);
      if (!crops) return crops.error();
      if (!*crops) continue;  // no valid outfit in this photo
      Pending p{selected[i], {}};
      for (RgbImage& c : **crops) {
        p.rowOfSlot.push_back(c.empty() ? -1 : static_cast<int>(batch.size()));
        if (!c.empty()) batch.push_back(std::move(c));
      }
      pending.push_back(std::move(p));
      if (static_cast<int>(pending.size()) == kEncodeBatch) {
        if (Status s = flush(); !s) return s.error();
      }
    }
    if (Status s = flush(); !s) return s.error();
    if (progress)
      progress({static_cast<long long>(selected.size()), static_cast<long long>(selected.size()), "encoded"});
    if (fresh.empty()) return makeError(dir + ": no photo shows a valid outfit");
    // A cache that cannot be written only costs time next run.
    if (!cachePath.empty()) (void)compat::writeOutfitCache(cachePath, key, fresh);
    set = std::move(fresh);
  }
  std::vector<int> keep;
  for (int i = 0; i < set->size(); ++i)
    if (ccpInSplit(set->ids[static_cast<std::size_t>(i)].substr(4), options.split)) keep.push_back(i);
  if (keep.empty())
    return makeError(dir + ": no outfits in the " + std::string(splitName(options.split)) + " split");
  compat::OutfitSet out = set->subset(keep);
  if (report) {
    *report = {};
    for (const CcpRecord* r : selected) report->photos += ccpInSplit(r->id, options.split) ? 1 : 0;
    for (int i = 0; i < out.size(); ++i) ++(out.isOnepiece(i) ? report->onepieces : report->separates);
    report->leftOut = report->photos - out.size();
  }
  return out;
}

}  // namespace w2w::datasets
