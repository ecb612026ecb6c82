#include "common/category.h"

#include <algorithm>
#include <cctype>

namespace w2w {

const char* categoryName(Category c) {
  switch (c) {
    case Category::Top: return "top";
    case Category::Bottom: return "bottom";
    case Category::Shoes: return "shoes";
  }
  return "unknown";
}

std::optional<Category> parseCategory(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  for (Category c : kCategories) {
    if (lower == categoryName(c)) return c;
  }
  return std::nullopt;
}

}  // namespace w2w
