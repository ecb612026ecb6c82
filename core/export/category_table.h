// Garment category names of other datasets, mapped to the app's categories,
// for importing their annotations (the table is documented in
// docs/decisions.md, "COCO export and import").
//
// Covers the app's own names, DeepFashion2, ModaNet and Clothing Co-Parsing
// (CCP). A name maps to a category by the category's name, so a category
// this build does not have (outer, onepiece, bag) leaves its names unmapped:
// their boxes are reported as skipped, never forced into another category.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>

#include "common/category.h"

namespace w2w {

// The app's category for a dataset's category name (case, spaces, '_' and
// '-' ignored: "Short_sleeve top" = "short sleeve top"); nullopt when the
// name is not in the table or names no garment the app keeps (belt, hat).
std::optional<Category> categoryForForeignName(const std::string& name);

}  // namespace w2w
