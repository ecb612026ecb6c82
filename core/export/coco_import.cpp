#include "export/coco_import.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <optional>

#include "export/category_table.h"
#include "export/coco_rle.h"
#include "export/export_internal.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

struct Annotation {
  Id cocoId = 0;
  Category category = Category::Top;
  Box box;
  QJsonValue segmentation;
  bool flagged = false;
};

// The segmentation of one annotation as a mask of the image's size; an
// empty image when there is none or it does not fit the image.
GrayImage segmentationMask(const QJsonValue& segmentation, int width, int height) {
  if (segmentation.isObject()) {
    const QJsonObject rle = segmentation.toObject();
    const QJsonArray size = rle.value("size").toArray();
    if (size.size() != 2 || size[0].toInt() != height || size[1].toInt() != width) return {};
    std::optional<std::vector<long long>> runs;
    if (rle.value("counts").isString()) {
      runs = decodeRleCounts(rle.value("counts").toString().toStdString());
    } else if (rle.value("counts").isArray()) {
      runs.emplace();
      for (const QJsonValue& v : rle.value("counts").toArray())
        runs->push_back(static_cast<long long>(v.toDouble()));
    }
    if (!runs) return {};
    return maskFromRuns(*runs, width, height).value_or(GrayImage{});
  }
  if (segmentation.isArray() && !segmentation.toArray().isEmpty()) {
    // Polygons: [[x1, y1, x2, y2, ...], ...] in pixel coordinates.
    cv::Mat mask(height, width, CV_8UC1, cv::Scalar(0));
    std::vector<std::vector<cv::Point>> polygons;
    for (const QJsonValue& poly : segmentation.toArray()) {
      const QJsonArray xy = poly.toArray();
      std::vector<cv::Point> points;
      for (int i = 0; i + 1 < xy.size(); i += 2)
        points.emplace_back(static_cast<int>(std::lround(xy[i].toDouble())),
                            static_cast<int>(std::lround(xy[i + 1].toDouble())));
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
std::optional<Box> readBox(const QJsonValue& value, int width, int height) {
  const QJsonArray b = value.toArray();
  if (b.size() != 4) return std::nullopt;
  for (const QJsonValue& v : b) {
    if (!v.isDouble() || !std::isfinite(v.toDouble())) return std::nullopt;
  }
  const long x0 = std::lround(b[0].toDouble()), y0 = std::lround(b[1].toDouble());
  const long x1 = std::lround(b[0].toDouble() + b[2].toDouble());
  const long y1 = std::lround(b[1].toDouble() + b[3].toDouble());
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
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(
      QByteArray(reinterpret_cast<const char*>(bytes->data()), static_cast<int>(bytes->size())), &parseError);
  if (document.isNull())
    return makeError(options.annotations + ": not valid JSON (" + parseError.errorString().toStdString() +
                     ")");
  const QJsonObject root = document.object();
  if (!root.value("images").isArray() || !root.value("annotations").isArray() ||
      !root.value("categories").isArray())
    return makeError(options.annotations + ": not a COCO file (needs images, annotations and categories)");

  CocoImportReport report;
  std::map<qint64, std::optional<Category>> categoryOf;
  std::map<qint64, std::string> categoryNameOf;
  for (const QJsonValue& v : root.value("categories").toArray()) {
    const QJsonObject c = v.toObject();
    const std::string name = c.value("name").toString().toStdString();
    categoryOf[c.value("id").toInteger()] = categoryForForeignName(name);
    categoryNameOf[c.value("id").toInteger()] = name;
  }

  // Annotations per image: at most one per category, the largest.
  std::map<qint64, std::vector<QJsonObject>> annotationsOf;
  for (const QJsonValue& v : root.value("annotations").toArray()) {
    const QJsonObject a = v.toObject();
    annotationsOf[a.value("image_id").toInteger()].push_back(a);
  }

  const QString imagesDir = options.imagesDir.empty()
                                ? QFileInfo(QString::fromStdString(options.annotations)).absolutePath()
                                : QString::fromStdString(options.imagesDir);
  std::map<qint64, Id> itemOfAnnotation;
  const QJsonArray images = root.value("images").toArray();
  const long long total = images.size();
  for (long long i = 0; i < total; ++i) {
    if (cancel && cancel->isCancelled()) {
      report.cancelled = true;
      break;
    }
    const QJsonObject image = images[static_cast<int>(i)].toObject();
    const QString fileName = image.value("file_name").toString();
    const std::string path =
        (QFileInfo(fileName).isAbsolute() ? fileName : QDir(imagesDir).filePath(fileName)).toStdString();
    if (progress)
      progress({i, total, "photo " + std::to_string(i + 1) + " of " + std::to_string(total) + ": " + path});
    const int width = image.value("width").toInt(), height = image.value("height").toInt();

    // The boxes this photo keeps, one per category.
    std::map<Category, Annotation> chosen;
    for (const QJsonObject& a : annotationsOf[image.value("id").toInteger()]) {
      const qint64 categoryId = a.value("category_id").toInteger();
      const auto mapped = categoryOf.find(categoryId);
      if (mapped == categoryOf.end() || !mapped->second) {
        ++report.unmapped[mapped == categoryOf.end() ? "category " + std::to_string(categoryId)
                                                     : categoryNameOf[categoryId]];
        continue;
      }
      const auto box = readBox(a.value("bbox"), width, height);
      if (!box) {
        report.notes.push_back(path + ": annotation " + std::to_string(a.value("id").toInteger()) +
                               " has no box inside the photo");
        continue;
      }
      Annotation annotation{a.value("id").toInteger(), *mapped->second, *box, a.value("segmentation"),
                            a.value("w2w_review").toString() == "flagged"};
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

    const QString status = image.value("w2w_status").toString();
    std::map<qint64, Id> added;
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
        if (Status s = library.setPhotoStatus(*photoId, *parsePhotoStatus(status.toStdString())); !s)
          return s;
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
    for (const QJsonValue& v : root.value("w2w_outfits").toArray()) {
      const QJsonObject o = v.toObject();
      if (o.value("origin").toString() != "user") continue;
      Outfit outfit;
      outfit.origin = OutfitOrigin::User;
      outfit.name = o.value("name").toString().toStdString();
      bool complete = true;
      for (const QJsonValue& member : o.value("annotation_ids").toArray()) {
        const auto found = itemOfAnnotation.find(member.toInteger());
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
