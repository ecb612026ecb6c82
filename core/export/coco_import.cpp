#include "export/coco_import.h"

#include <QDir>
#include <QFileInfo>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <optional>

#include "export/category_table.h"
#include "export/coco_rle.h"
#include "export/export_internal.h"
#include "format/json.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

using format::Json;

struct Annotation {
  Id cocoId = 0;
  Category category = Category::Top;
  Box box;
  Json segmentation;
  bool flagged = false;
};

// The segmentation of one annotation as a mask of the image's size; an
// empty image when there is none or it does not fit the image.
GrayImage segmentationMask(const Json& segmentation, int width, int height) {
  if (segmentation.is_object()) {
    const Json& size = format::arrayOf(segmentation, "size");
    if (size.size() != 2 || format::integerOf(size[0]) != height || format::integerOf(size[1]) != width)
      return {};
    std::optional<std::vector<long long>> runs;
    const Json* counts = format::member(segmentation, "counts");
    if (counts && counts->is_string()) {
      runs = decodeRleCounts(counts->get<std::string>());
    } else if (counts && counts->is_array()) {
      runs.emplace();
      for (const Json& v : *counts)
        runs->push_back(static_cast<long long>(v.is_number() ? v.get<double>() : 0.0));
    }
    if (!runs) return {};
    return maskFromRuns(*runs, width, height).value_or(GrayImage{});
  }
  if (segmentation.is_array() && !segmentation.empty()) {
    // Polygons: [[x1, y1, x2, y2, ...], ...] in pixel coordinates.
    cv::Mat mask(height, width, CV_8UC1, cv::Scalar(0));
    std::vector<std::vector<cv::Point>> polygons;
    for (const Json& poly : segmentation) {
      if (!poly.is_array()) continue;
      const auto coordinate = [&poly](std::size_t i) {
        return static_cast<int>(std::lround(poly[i].is_number() ? poly[i].get<double>() : 0.0));
      };
      std::vector<cv::Point> points;
      for (std::size_t i = 0; i + 1 < poly.size(); i += 2)
        points.emplace_back(coordinate(i), coordinate(i + 1));
      if (points.size() >= 3) polygons.push_back(std::move(points));
    }
    if (polygons.empty()) return {};
    cv::fillPoly(mask, polygons, cv::Scalar(255));
    GrayImage out{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height)};
    for (int y = 0; y < height; ++y)
      std::copy(mask.ptr(y), mask.ptr(y) + width,
                out.pixels.begin() + static_cast<std::ptrdiff_t>(y) * width);
    return out;
  }
  return {};
}

// x, y, width, height as numbers, rounded to whole pixels and clipped to the image.
std::optional<Box> readBox(const Json& value, int width, int height) {
  if (!value.is_array() || value.size() != 4) return std::nullopt;
  double b[4];
  for (std::size_t i = 0; i < 4; ++i) {
    if (!value[i].is_number()) return std::nullopt;
    b[i] = value[i].get<double>();
    if (!std::isfinite(b[i])) return std::nullopt;
  }
  const long x0 = std::lround(b[0]), y0 = std::lround(b[1]);
  const long x1 = std::lround(b[0] + b[2]);
  const long y1 = std::lround(b[1] + b[3]);
  const Box box = detail::clippedBox(
      {static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0)},
      width, height);
  if (box.empty()) return std::nullopt;
  return box;
}

}  // namespace

Result<CocoImportReport> importCoco(Library& library, const CocoImportOptions& options,
                                    const ProgressCallback& progress, const CancelFlag* cancel) {
  auto bytes = readFileBytes(options.annotations);
  if (!bytes) return bytes.error();
  auto document =
      format::parseJson(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
  if (!document) return makeError(options.annotations + ": " + document.message());
  const Json& root = *document;
  const auto isArray = [&root](const char* key) {
    const Json* v = format::member(root, key);
    return v && v->is_array();
  };
  if (!isArray("images") || !isArray("annotations") || !isArray("categories"))
    return makeError(options.annotations + ": not a COCO file (needs images, annotations and categories)");

  CocoImportReport report;
  std::map<std::int64_t, std::optional<Category>> categoryOf;
  std::map<std::int64_t, std::string> categoryNameOf;
  for (const Json& c : format::arrayOf(root, "categories")) {
    const std::string name = format::stringOr(c, "name");
    categoryOf[format::integerOr(c, "id")] = categoryForForeignName(name);
    categoryNameOf[format::integerOr(c, "id")] = name;
  }

  // Annotations per image: at most one per category, the largest.
  std::map<std::int64_t, std::vector<const Json*>> annotationsOf;
  for (const Json& a : format::arrayOf(root, "annotations")) {
    if (a.is_object()) annotationsOf[format::integerOr(a, "image_id")].push_back(&a);
  }

  const QString imagesDir = options.imagesDir.empty()
                                ? QFileInfo(QString::fromStdString(options.annotations)).absolutePath()
                                : QString::fromStdString(options.imagesDir);
  std::map<std::int64_t, Id> itemOfAnnotation;
  const Json& images = format::arrayOf(root, "images");
  const long long total = static_cast<long long>(images.size());
  for (long long i = 0; i < total; ++i) {
    if (cancel && cancel->isCancelled()) {
      report.cancelled = true;
      break;
    }
    const Json& image = images[static_cast<std::size_t>(i)];
    const QString fileName = QString::fromStdString(format::stringOr(image, "file_name"));
    const std::string path =
        (QFileInfo(fileName).isAbsolute() ? fileName : QDir(imagesDir).filePath(fileName)).toStdString();
    if (progress)
      progress({i, total, "photo " + std::to_string(i + 1) + " of " + std::to_string(total) + ": " + path});
    const int width = format::intOr(image, "width"), height = format::intOr(image, "height");

    // The boxes this photo keeps, one per category.
    std::map<Category, Annotation> chosen;
    for (const Json* annotationJson : annotationsOf[format::integerOr(image, "id")]) {
      const Json& a = *annotationJson;
      const std::int64_t categoryId = format::integerOr(a, "category_id");
      const auto mapped = categoryOf.find(categoryId);
      if (mapped == categoryOf.end() || !mapped->second) {
        ++report.unmapped[mapped == categoryOf.end() ? "category " + std::to_string(categoryId)
                                                     : categoryNameOf[categoryId]];
        continue;
      }
      const Json* bbox = format::member(a, "bbox");
      const auto box = bbox ? readBox(*bbox, width, height) : std::nullopt;
      if (!box) {
        report.notes.push_back(path + ": annotation " + std::to_string(format::integerOr(a, "id")) +
                               " has no box inside the photo");
        continue;
      }
      const Json* segmentation = format::member(a, "segmentation");
      Annotation annotation{format::integerOr(a, "id"), *mapped->second, *box,
                            segmentation ? *segmentation : Json(),
                            format::stringOr(a, "w2w_review") == "flagged"};
      auto [at, inserted] = chosen.emplace(annotation.category, annotation);
      if (!inserted) {
        ++report.extraBoxes;
        if (annotation.box.area() > at->second.box.area()) at->second = annotation;
      }
    }

    auto decoded = decodeImageFile(path);
    if (!decoded) {
      report.errors.push_back(decoded.message());
      continue;
    }
    if (decoded->image.width != width || decoded->image.height != height) {
      report.errors.push_back(path + ": the photo is " + std::to_string(decoded->image.width) + "x" +
                              std::to_string(decoded->image.height) + " but the annotations say " +
                              std::to_string(width) + "x" + std::to_string(height));
      continue;
    }
    auto existing = library.photoByHash(decoded->sha256);
    if (!existing) return existing.error();
    if (*existing) {
      ++report.duplicates;
      // Saved outfits of the file may still use this photo's crops.
      auto items = library.items(ItemQuery().fromPhoto((*existing)->id));
      if (!items) return items.error();
      for (const auto& [category, annotation] : chosen) {
        for (const Item& item : *items) {
          if (item.category == category) itemOfAnnotation[annotation.cocoId] = item.id;
        }
      }
      continue;
    }

    // The union of the kept boxes' segmentations is the photo's mask.
    GrayImage mask;
    for (const auto& [category, annotation] : chosen) {
      const GrayImage one = segmentationMask(annotation.segmentation, width, height);
      if (one.empty()) continue;
      if (mask.empty()) mask = GrayImage{width, height, std::vector<std::uint8_t>(one.pixels.size(), 0)};
      for (std::size_t p = 0; p < one.pixels.size(); ++p) mask.pixels[p] |= one.pixels[p];
    }
    std::vector<std::uint8_t> maskPng;
    if (!mask.empty()) {
      auto png = encodePng(mask);
      if (!png) return png.error();
      maskPng = std::move(*png);
    }

    const std::string status = format::stringOr(image, "w2w_status");
    std::map<std::int64_t, Id> added;
    const Status written = library.transaction([&]() -> Status {
      NewPhoto record{QFileInfo(QString::fromStdString(path)).absoluteFilePath().toStdString(),
                      decoded->sha256, decoded->fileSize, width, height};
      auto photoId = library.addPhoto(record);
      if (!photoId) return photoId.error();
      PhotoAnalysis analysis;
      analysis.maskPng = maskPng;
      if (Status s = library.storeAnalysis(*photoId, analysis); !s) return s;
      for (const auto& [category, annotation] : chosen) {
        const CropImage crop =
            makeCropImage(renderCrop(decoded->image, mask.empty() ? nullptr : &mask, annotation.box));
        auto itemId = library.addManualCrop(*photoId, category, annotation.box, crop);
        if (!itemId) return itemId.error();
        if (annotation.flagged && status != "flagged") {
          if (Status s = library.setItemFlagged(*itemId, true); !s) return s;
        }
        added[annotation.cocoId] = *itemId;
      }
      if (status == "reviewed" || status == "flagged") {
        if (Status s = library.setPhotoStatus(*photoId, *parsePhotoStatus(status)); !s) return s;
      }
      return Status::success();
    });
    if (!written) return written.error();  // the library could not be written: stop here
    ++report.added;
    report.boxes += static_cast<long long>(added.size());
    itemOfAnnotation.insert(added.begin(), added.end());
  }

  // Saved outfits of a What2Wear export; photo outfits follow from the crops.
  if (!report.cancelled) {
    for (const Json& o : format::arrayOf(root, "w2w_outfits")) {
      if (format::stringOr(o, "origin") != "user") continue;
      Outfit outfit;
      outfit.origin = OutfitOrigin::User;
      outfit.name = format::stringOr(o, "name");
      bool complete = true;
      for (const Json& member : format::arrayOf(o, "annotation_ids")) {
        const auto found = itemOfAnnotation.find(format::integerOf(member));
        if (found == itemOfAnnotation.end()) {
          complete = false;
          break;
        }
        auto item = library.item(found->second);
        if (!item) return item.error();
        if (*item) outfit.setMember((*item)->category, found->second);
      }
      if (!complete) {
        report.notes.push_back("saved outfit '" + outfit.name +
                               "' uses a box that was not imported; left out");
        continue;
      }
      auto id = library.addOutfit(outfit);
      if (!id) return id.error();
      ++report.outfits;
    }
  }
  auto synced = library.syncPhotoOutfits();
  if (!synced) return synced.error();
  return report;
}

}  // namespace w2w
