// The coco format: COCO detection/segmentation JSON, plus the library's own
// fields (prefixed w2w_) that COCO tools ignore: docs/decisions.md, "COCO
// export and import", lists them.
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>
#include <set>

#include "common/version.h"
#include "export/coco_rle.h"
#include "export/export_internal.h"
#include "io/file_io.h"

namespace w2w::detail {
namespace {

int cocoCategoryId(Category c) { return categoryIndex(c) + 1; }

// Where a box stands with the curator: flagged (the box or its photo),
// reviewed (its photo was accepted) or waiting.
const char* reviewState(const Item& item, const Photo& photo) {
  if (item.flagged || photo.status == PhotoStatus::Flagged) return "flagged";
  if (photo.status == PhotoStatus::Reviewed) return "reviewed";
  return "waiting";
}

// Relative to the COCO file's folder when the photo is inside it (the usual
// images-next-to-annotations layout), else absolute.
QString cocoFileName(const std::string& absolutePhoto, const QDir& cocoFolder) {
  const QString photo = QString::fromStdString(absolutePhoto);
  const QString relative = cocoFolder.relativeFilePath(photo);
  return relative.startsWith(QStringLiteral("..")) ? photo : relative;
}

// The photo's mask inside the box: the pixels of this garment's box that
// belong to the person.
GrayImage maskInBox(const GrayImage& mask, const Box& box) {
  GrayImage out{mask.width, mask.height, std::vector<std::uint8_t>(mask.pixels.size(), 0)};
  for (int y = box.y; y < box.y + box.height; ++y) {
    for (int x = box.x; x < box.x + box.width; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * mask.width + x;
      out.pixels[i] = mask.pixels[i];
    }
  }
  return out;
}

long long setPixels(const GrayImage& mask) {
  long long n = 0;
  for (std::uint8_t v : mask.pixels) n += v >= 128;
  return n;
}

}  // namespace

Status writeCoco(ExportJob& job, const std::string& file) {
  Library& library = job.library;
  auto photos = library.photos();
  if (!photos) return photos.error();
  auto items = library.items(ItemQuery().onlyCrops());
  if (!items) return items.error();
  auto outfits = library.outfits();
  if (!outfits) return outfits.error();
  auto standalone = library.items(ItemQuery().onlyStandalone());
  if (!standalone) return standalone.error();

  std::map<Id, std::vector<const Item*>> itemsOfPhoto;
  for (const Item& item : *items) {
    if (item.photoId && item.box) itemsOfPhoto[*item.photoId].push_back(&item);
  }
  const QDir cocoFolder = QFileInfo(QString::fromStdString(file)).absoluteDir();

  QJsonArray categories;
  for (Category c : kCategories) {
    categories.append(
        QJsonObject{{"id", cocoCategoryId(c)}, {"name", categoryName(c)}, {"supercategory", "garment"}});
  }

  QJsonArray images, annotations;
  std::set<Id> exported;  // annotation (item) ids
  long long skippedPhotos = 0, skippedBoxes = 0;
  const long long total = static_cast<long long>(photos->size());
  long long done = 0;
  for (const Photo& photo : *photos) {
    if (job.cancelled()) return Status::success();
    job.step(done, total, "photo " + std::to_string(done + 1) + " of " + std::to_string(total));
    ++done;
    if (job.options.skipFlagged && photo.status == PhotoStatus::Flagged) {
      ++skippedPhotos;
      continue;
    }
    images.append(QJsonObject{{"id", static_cast<qint64>(photo.id)},
                              {"width", photo.width},
                              {"height", photo.height},
                              {"file_name", cocoFileName(library.resolvePath(photo.path), cocoFolder)},
                              {"w2w_status", photoStatusName(photo.status)},
                              {"w2w_sha256", QString::fromStdString(photo.contentHash)}});
    const auto found = itemsOfPhoto.find(photo.id);
    if (found == itemsOfPhoto.end()) continue;
    const GrayImage mask = photoMaskAtSize(library, photo);
    for (const Item* item : found->second) {
      const Box box = clippedBox(*item->box, photo.width, photo.height);
      if (box.empty()) {
        ++skippedBoxes;
        continue;
      }
      QJsonObject a{{"id", static_cast<qint64>(item->id)},
                    {"image_id", static_cast<qint64>(photo.id)},
                    {"category_id", cocoCategoryId(item->category)},
                    {"bbox", QJsonArray{box.x, box.y, box.width, box.height}},
                    {"area", static_cast<double>(box.area())},
                    {"iscrowd", 0},
                    {"w2w_box_source", item->source == ItemSource::Manual ? "edited" : "automatic"},
                    {"w2w_review", reviewState(*item, photo)},
                    {"w2w_confidence", item->confidence}};
      if (!mask.empty()) {
        const GrayImage inBox = maskInBox(mask, box);
        a["segmentation"] = QJsonObject{{"size", QJsonArray{photo.height, photo.width}},
                                        {"counts", QString::fromStdString(encodeRleCounts(maskRuns(inBox)))}};
        a["area"] = static_cast<double>(setPixels(inBox));
      }
      annotations.append(a);
      exported.insert(item->id);
    }
  }

  QJsonArray outfitList;
  long long skippedOutfits = 0;
  for (const Outfit& outfit : *outfits) {
    if (outfit.origin == OutfitOrigin::Modified) continue;  // training artefacts, not curated data
    QJsonArray members;
    bool complete = true;
    for (const OutfitItem& member : outfit.items) {
      if (!exported.count(member.item)) complete = false;
      members.append(static_cast<qint64>(member.item));
    }
    if (!complete) {
      ++skippedOutfits;
      continue;
    }
    QJsonObject o{{"id", static_cast<qint64>(outfit.id)},
                  {"name", QString::fromStdString(outfit.name)},
                  {"origin", outfitOriginName(outfit.origin)},
                  {"annotation_ids", members}};
    if (outfit.photoId) o["image_id"] = static_cast<qint64>(*outfit.photoId);
    outfitList.append(o);
  }

  const QJsonObject info{{"description", "What2Wear library " + QString::fromStdString(library.path())},
                         {"version", kVersion},
                         {"date_created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                         {"w2w_format", 1}};
  const QJsonObject document{{"info", info},     {"licenses", QJsonArray()},   {"categories", categories},
                             {"images", images}, {"annotations", annotations}, {"w2w_outfits", outfitList}};
  if (job.cancelled()) return Status::success();
  const QByteArray json = QJsonDocument(document).toJson(QJsonDocument::Compact);
  if (Status s = writeFileAtomically(file, Bytes(json.begin(), json.end())); !s) return s;

  ExportReport& r = job.report;
  r.images = images.size();
  r.annotations = annotations.size();
  r.outfits = outfitList.size();
  r.skipped = skippedPhotos + skippedBoxes + skippedOutfits;
  if (skippedPhotos) r.notes.push_back(std::to_string(skippedPhotos) + " flagged photo(s) left out");
  if (skippedBoxes) r.notes.push_back(std::to_string(skippedBoxes) + " box(es) outside their photo left out");
  if (skippedOutfits)
    r.notes.push_back(std::to_string(skippedOutfits) + " outfit(s) with a piece not in the file left out");
  if (!standalone->empty())
    r.notes.push_back(
        std::to_string(standalone->size()) +
        " single-item photo(s) have no box and are not COCO annotations (see the crops export)");
  return Status::success();
}

}  // namespace w2w::detail
