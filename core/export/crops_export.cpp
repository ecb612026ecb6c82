// The crops format: every item's crop image (the square, white-padded image
// the encoder sees) in a folder per category, with manifest.csv and
// manifest.json describing each file.
#include <QDir>

#include "export/export_internal.h"
#include "io/file_io.h"

namespace w2w::detail {
namespace {

const char* sourceLabel(ItemSource s) {
  switch (s) {
    case ItemSource::Auto: return "automatic";
    case ItemSource::Manual: return "edited";
    case ItemSource::Standalone: return "single-item photo";
  }
  return "automatic";
}

}  // namespace

Status writeCrops(ExportJob& job) {
  Library& library = job.library;
  auto items = library.items();
  if (!items) return items.error();
  std::vector<std::vector<std::string>> rows = {{"item_id", "category", "file", "source", "photo_id", "photo",
                                                 "box_x", "box_y", "box_w", "box_h", "flagged", "crop_sha256",
                                                 "tags"}};
  format::Json manifest = format::Json::array();
  const long long total = static_cast<long long>(items->size());
  long long done = 0;
  for (Category c : kCategories) {
    if (!QDir().mkpath(QString::fromStdString(job.path(categoryName(c)))))
      return makeError(job.path(categoryName(c)) + ": cannot create the folder");
  }
  for (const Item& item : *items) {
    if (job.cancelled()) return Status::success();
    job.step(done, total, "crop " + std::to_string(done + 1) + " of " + std::to_string(total));
    ++done;
    auto crop = library.cropImage(item.id);
    if (!crop) return crop.error();
    if (crop->png.empty()) {
      job.report.notes.push_back("item " + std::to_string(item.id) + " has no crop image yet");
      ++job.report.skipped;
      continue;
    }
    const std::string file =
        std::string(categoryName(item.category)) + "/" + std::to_string(item.id) + ".png";
    if (Status s = writeFileAtomically(job.path(file), crop->png); !s) return s;
    auto tags = library.itemTags(item.id);
    if (!tags) return tags.error();
    std::string photoPath;
    if (item.photoId) {
      auto photo = library.photo(*item.photoId);
      if (!photo) return photo.error();
      if (*photo) photoPath = library.resolvePath((*photo)->path);
    } else {
      photoPath = library.resolvePath(item.imagePath);
    }
    const Box box = item.box.value_or(Box{});
    rows.push_back({std::to_string(item.id), categoryName(item.category), file, sourceLabel(item.source),
                    item.photoId ? std::to_string(*item.photoId) : "", photoPath,
                    item.box ? std::to_string(box.x) : "", item.box ? std::to_string(box.y) : "",
                    item.box ? std::to_string(box.width) : "", item.box ? std::to_string(box.height) : "",
                    item.flagged ? "1" : "0", crop->hash, joined(*tags)});
    format::Json entry{{"item_id", static_cast<std::int64_t>(item.id)},
                       {"category", categoryName(item.category)},
                       {"file", file},
                       {"source", sourceLabel(item.source)},
                       {"photo", photoPath},
                       {"flagged", item.flagged},
                       {"crop_sha256", crop->hash},
                       {"tags", *tags}};
    if (item.photoId) entry["photo_id"] = static_cast<std::int64_t>(*item.photoId);
    if (item.box) entry["box"] = format::Json::array({box.x, box.y, box.width, box.height});
    manifest.push_back(std::move(entry));
    job.report.files.push_back(file);
    ++job.report.annotations;
  }
  if (Status s = writeCsv(job.path("manifest.csv"), rows); !s) return s;
  if (Status s = writeJsonFile(job.path("manifest.json"), format::Json{{"crops", std::move(manifest)}}); !s)
    return s;
  job.report.files.push_back("manifest.csv");
  job.report.files.push_back("manifest.json");
  return Status::success();
}

}  // namespace w2w::detail
