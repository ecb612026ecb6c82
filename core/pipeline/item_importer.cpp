#include "pipeline/item_importer.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "pipeline/import_writing.h"
#include "pipeline/ordered_workers.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

struct PreparedItem {
  std::string path;
  std::string error;
  ImageInfo info;
  std::optional<Category> category;
  CropImage crop;
};

PreparedItem prepare(const std::string& path, const ItemImportOptions& options) {
  PreparedItem out;
  out.path = path;
  out.category = options.category;
  if (!out.category) {
    const QString folder = QFileInfo(QString::fromStdString(path)).absoluteDir().dirName();
    out.category = categoryFromFolderName(folder.toStdString());
    if (!out.category) {
      out.error = path + ": cannot tell the category from the folder name '" + folder.toStdString() +
                  "' (pass --category " + categoryNames("|") + ")";
      return out;
    }
  }
  auto decoded = decodeImageFile(path, options.limits);
  if (!decoded) {
    out.error = decoded.message();
    return out;
  }
  out.info = {decoded->header, decoded->sha256, decoded->fileSize};
  out.crop = makeCropImage(renderWholeImage(decoded->image));
  return out;
}

ImportEntry write(Library& library, const PreparedItem& p, std::unordered_set<std::string>& seen) {
  if (auto refused =
          detail::refuseBeforeAdding(p.path, p.error, p.info.sha256, seen,
                                     [&](const std::string& hash) { return library.itemByHash(hash); })) {
    return *refused;
  }
  ImportEntry entry;
  entry.path = p.path;
  auto id = library.addStandaloneItem(*p.category, detail::fileRecord(p.path, p.info), p.crop);
  if (!id) {
    entry.error = id.message();
    return entry;
  }
  seen.insert(p.info.sha256);
  entry.outcome = ImportEntry::Outcome::Added;
  entry.id = *id;
  return entry;
}

}  // namespace

std::optional<Category> categoryFromFolderName(const std::string& folderName) {
  std::string name(folderName);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (auto exact = parseCategory(name)) return exact;  // "top", "outer", "onepiece", ...
  static const char* const kTops[] = {"tops",     "t-shirt",    "tshirt",  "t-shirts",  "shirt",
                                      "shirts",   "longsleeve", "blouse",  "blouses",   "sweater",
                                      "sweaters", "hoodie",     "hoodies", "sweatshirt"};
  static const char* const kOuter[] = {"outerwear", "outwear", "coat",     "coats",     "jacket", "jackets",
                                       "blazer",    "blazers", "cardigan", "cardigans", "cape",   "capes"};
  static const char* const kBottoms[] = {"bottoms", "pants",  "jeans",    "shorts",
                                         "skirt",   "skirts", "trousers", "leggings"};
  static const char* const kOnepieces[] = {"one-piece", "dress",    "dresses",   "romper",
                                           "rompers",   "jumpsuit", "jumpsuits", "all-body"};
  static const char* const kShoes[] = {"shoe", "sneakers", "boots", "heels", "sandals", "footwear"};
  static const char* const kBags[] = {"bags", "purse", "purses", "handbag", "handbags", "wallet", "wallets"};
  static const char* const kAccessories[] = {
      "accessories", "hat",       "hats",    "scarf", "scarves", "belt",   "belts", "glasses",
      "sunglasses",  "jewellery", "jewelry", "watch", "watches", "gloves", "tie",   "ties"};
  auto in = [&](const auto& names) {
    return std::find(std::begin(names), std::end(names), name) != std::end(names);
  };
  if (in(kTops)) return Category::Top;
  if (in(kOuter)) return Category::Outer;
  if (in(kBottoms)) return Category::Bottom;
  if (in(kOnepieces)) return Category::Onepiece;
  if (in(kShoes)) return Category::Shoes;
  if (in(kBags)) return Category::Bag;
  if (in(kAccessories)) return Category::Accessory;
  return std::nullopt;
}

ImportReport importItems(Library& library, const std::vector<std::string>& paths,
                         const ItemImportOptions& options, const ProgressCallback& progress,
                         const CancelFlag* cancel) {
  ImportReport report;
  const std::vector<std::string> files =
      collectImageFiles(paths, options.recursive, &report.entries, library.path());
  const long long total = static_cast<long long>(files.size() + report.entries.size());
  std::unordered_set<std::string> seen;
  const bool completed = detail::runOrdered<PreparedItem>(
      files.size(), options.threads, [&](std::size_t i) { return prepare(files[i], options); },
      [&](PreparedItem&& prepared) {
        report.entries.push_back(write(library, prepared, seen));
        reportImportProgress(report, total, progress);
      },
      cancel);
  report.cancelled = !completed;
  return report;
}

}  // namespace w2w
