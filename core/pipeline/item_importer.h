// Importing standalone item photos (one garment per photo, e.g. a product
// shot of a pair of shoes) into a library, each with a category.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/category.h"
#include "pipeline/photo_importer.h"

namespace w2w {

struct ItemImportOptions {
  // The category of every item; nullopt: taken from each file's folder name
  // ("shoes/…", "t-shirt/…", "pants/…", see categoryFromFolderName).
  std::optional<Category> category;
  bool recursive = true;
  int threads = 2;
  DecodeLimits limits;
};

// Maps common garment folder names to a category: top(s), t-shirt, shirt,
// longsleeve, blouse, sweater, hoodie → top; bottom(s), pants, jeans, shorts,
// skirt, trousers, leggings → bottom; shoes, sneakers, boots, heels, sandals → shoes.
std::optional<Category> categoryFromFolderName(const std::string& folderName);

// Imports each image as a standalone item (its crop is the whole image padded
// to a square). Duplicates by content are skipped; one transaction per item.
ImportReport importItems(Library& library, const std::vector<std::string>& paths,
                         const ItemImportOptions& options, const ProgressCallback& progress = {},
                         const CancelFlag* cancel = nullptr);

}  // namespace w2w
