// The three garment categories of an outfit, in the order of the outfit tensor.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace w2w {

enum class Category { Top = 0, Bottom = 1, Shoes = 2 };

inline constexpr int kCategoryCount = 3;
inline constexpr std::array<Category, kCategoryCount> kCategories = {Category::Top, Category::Bottom,
                                                                     Category::Shoes};

// "top", "bottom", "shoes" (the names used in JSON, the CLI and the library).
const char* categoryName(Category c);

// Parses the names above (case-insensitive); nullopt for anything else.
std::optional<Category> parseCategory(std::string_view name);

inline int categoryIndex(Category c) { return static_cast<int>(c); }

}  // namespace w2w
