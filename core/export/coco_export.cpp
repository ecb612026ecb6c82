// The coco format: COCO detection/segmentation JSON, plus the library's own
// fields (prefixed w2w_) that COCO tools ignore: docs/decisions.md, "COCO
// export and import", lists them.
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <map>
#include <set>

#include "common/version.h"
#include "export/coco_rle.h"
#include "export/export_internal.h"
#include "format/json.h"
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
std::string cocoFileName(const std::string& absolutePhoto, const QDir& cocoFolder) {
  const QString photo = QString::fromStdString(absolutePhoto);
  const QString relative = cocoFolder.relativeFilePath(photo);
  return (relative.startsWith(QStringLiteral("..")) ? photo : relative).toStdString();
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
  using format::Json;
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

  Json categories = Json::array();
  for (Category c : kCategories) {
    categories.push_back(
        Json{{"id", cocoCategoryId(c)}, {"name", categoryName(c)}, {"supercategory", "garment"}});
  }

  Json images = Json::array(), annotations = Json::array();
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
    images.push_back(Json{{"id", static_cast<std::int64_t>(photo.id)},
                          {"width", photo.width},
                          {"height", photo.height},
                          {"file_name", cocoFileName(library.resolvePath(photo.path), cocoFolder)},
                          {"w2w_status", photoStatusName(photo.status)},
                          {"w2w_sha256", photo.contentHash}});
    const auto found = itemsOfPhoto.find(photo.id);
    if (found == itemsOfPhoto.end()) continue;
    const GrayImage mask = photoMaskAtSize(library, photo);
    for (const Item* item : found->second) {
      const Box box = clippedBox(*item->box, photo.width, photo.height);
      if (box.empty()) {
        ++skippedBoxes;
        continue;
      }
      // Areas are pixel counts: written as integers.
      Json a{{"id", static_cast<std::int64_t>(item->id)},
             {"image_id", static_cast<std::int64_t>(photo.id)},
             {"category_id", cocoCategoryId(item->category)},
             {"bbox", Json::array({box.x, box.y, box.width, box.height})},
             {"area", static_cast<std::int64_t>(box.area())},
             {"iscrowd", 0},
             {"w2w_box_source", item->source == ItemSource::Manual ? "edited" : "automatic"},
             {"w2w_review", reviewState(*item, photo)},
             {"w2w_confidence", item->confidence}};
      if (!mask.empty()) {
        const GrayImage inBox = maskInBox(mask, box);
        a["segmentation"] = Json{{"size", Json::array({photo.height, photo.width})},
                                 {"counts", encodeRleCounts(maskRuns(inBox))}};
        a["area"] = static_cast<std::int64_t>(setPixels(inBox));
      }
      annotations.push_back(std::move(a));
      exported.insert(item->id);
    }
  }

  Json outfitList = Json::array();
  long long skippedOutfits = 0;
  for (const Outfit& outfit : *outfits) {
    if (outfit.origin == OutfitOrigin::Modified) continue;  // training artefacts, not curated data
    Json members = Json::array();
    bool complete = true;
    for (const OutfitItem& member : outfit.items) {
      if (!exported.count(member.item)) complete = false;
      members.push_back(static_cast<std::int64_t>(member.item));
    }
    if (!complete) {
      ++skippedOutfits;
      continue;
    }
    Json o{{"id", static_cast<std::int64_t>(outfit.id)},
           {"name", outfit.name},
           {"origin", outfitOriginName(outfit.origin)},
           {"annotation_ids", std::move(members)}};
    if (outfit.photoId) o["image_id"] = static_cast<std::int64_t>(*outfit.photoId);
    outfitList.push_back(std::move(o));
  }

  const Json info{{"description", "What2Wear library " + library.path()},
                  {"version", kVersion},
                  {"date_created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
                  {"w2w_format", 1}};
  const auto imageCount = static_cast<long long>(images.size());
  const auto annotationCount = static_cast<long long>(annotations.size());
  const auto outfitCount = static_cast<long long>(outfitList.size());
  const Json document{{"info", info},
                      {"licenses", Json::array()},
                      {"categories", std::move(categories)},
                      {"images", std::move(images)},
                      {"annotations", std::move(annotations)},
                      {"w2w_outfits", std::move(outfitList)}};
  if (job.cancelled()) return Status::success();
  const std::string json = format::dumpJson(document);
  if (Status s = writeFileAtomically(file, Bytes(json.begin(), json.end())); !s) return s;

  ExportReport& r = job.report;
  r.images = imageCount;
  r.annotations = annotationCount;
  r.outfits = outfitCount;
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
