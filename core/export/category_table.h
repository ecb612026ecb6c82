// Garment category names of other datasets, mapped to the app's categories,
// for importing their annotations (the table is documented in
// docs/decisions.md, "COCO export and import").
//
// Covers the app's own names, DeepFashion2, ModaNet and Clothing Co-Parsing
// (CCP), onto the seven garment categories of common/category.h. A name the
// table does not know leaves its boxes skipped and reported, never forced
// into another category.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>

#include "common/category.h"

namespace w2w {

// The app's category for a dataset's category name (case, spaces, '_' and
// '-' ignored: "Short_sleeve top" = "short sleeve top"); nullopt when the
// name is not in the table or names nothing worn (skin, hair, background).
std::optional<Category> categoryForForeignName(const std::string& name);

}  // namespace w2w
