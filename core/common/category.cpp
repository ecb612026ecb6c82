#include "common/category.h"

#include <algorithm>
#include <cctype>

namespace w2w {

const char* categoryName(Category c) {
  switch (c) {
    case Category::Top: return "top";
    case Category::Outer: return "outer";
    case Category::Bottom: return "bottom";
    case Category::Onepiece: return "onepiece";
    case Category::Shoes: return "shoes";
    case Category::Bag: return "bag";
    case Category::Accessory: return "accessory";
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

std::string categoryNames(std::string_view separator) {
  std::string out;
  for (Category c : kCategories) {
    if (!out.empty()) out += separator;
    out += categoryName(c);
  }
  return out;
}

bool canWearTogether(Category a, Category b) {
  if (a == b) return allowsSeveral(a);
  const auto either = [&](Category x, Category y) { return (a == x && b == y) || (a == y && b == x); };
  return !either(Category::Bottom, Category::Onepiece);
}

const std::vector<CategoryPair>& categoryPairs() {
  static const std::vector<CategoryPair> pairs = [] {
    std::vector<CategoryPair> out;
    for (int i = 0; i < kCategoryCount; ++i) {
      for (int j = i; j < kCategoryCount; ++j) {
        if (canWearTogether(kCategories[i], kCategories[j])) out.push_back({kCategories[i], kCategories[j]});
      }
    }
    return out;
  }();
  return pairs;
}

CategoryPair makePair(Category a, Category b) {
  return categoryIndex(a) <= categoryIndex(b) ? CategoryPair{a, b} : CategoryPair{b, a};
}

std::string pairName(CategoryPair p) {
  return std::string(categoryName(p.first)) + "_" + categoryName(p.second);
}

std::optional<CategoryPair> parsePairName(std::string_view name) {
  for (const CategoryPair& p : categoryPairs()) {
    if (name == pairName(p)) return p;
  }
  return std::nullopt;
}

void CategoryCounts::remove(Category c) {
  int& n = n_[static_cast<std::size_t>(categoryIndex(c))];
  if (n > 0) --n;
}

int CategoryCounts::total() const {
  int sum = 0;
  for (int n : n_) sum += n;
  return sum;
}

namespace {

// The first two categories present that cannot be worn together, if any.
std::optional<CategoryPair> clash(const CategoryCounts& counts) {
  for (Category a : kCategories) {
    if (!counts.has(a)) continue;
    if (counts.count(a) > 1 && !allowsSeveral(a)) return CategoryPair{a, a};
    for (Category b : kCategories) {
      if (categoryIndex(b) > categoryIndex(a) && counts.has(b) && !canWearTogether(a, b))
        return CategoryPair{a, b};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string outfitProblem(const CategoryCounts& counts) {
  if (const auto pair = clash(counts)) {
    if (pair->first == pair->second) return std::string("more than one ") + categoryName(pair->first);
    return std::string("a ") + categoryName(pair->first) + " and a " + categoryName(pair->second) +
           " cannot be worn together";
  }
  const std::vector<Category> missing = requiredMissing(counts);
  if (missing.empty()) return {};
  // Either side of the choice is listed as missing only while neither is chosen.
  const bool eitherSide = std::find(missing.begin(), missing.end(), Category::Onepiece) != missing.end();
  std::vector<std::string> parts;
  if (eitherSide) parts.push_back("a top and a bottom or a onepiece");
  for (Category c : missing) {
    if (eitherSide && c != Category::Shoes) continue;
    parts.push_back(c == Category::Shoes ? "shoes" : std::string("a ") + categoryName(c));
  }
  std::string needs = parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) needs += (eitherSide ? ", and " : " and ") + parts[i];
  return "needs " + needs;
}

bool isValidOutfit(const CategoryCounts& counts) { return outfitProblem(counts).empty(); }

bool canAdd(const CategoryCounts& counts, Category c) {
  if (counts.has(c) && !allowsSeveral(c)) return false;
  for (Category present : kCategories) {
    if (present != c && counts.has(present) && !canWearTogether(present, c)) return false;
  }
  return true;
}

std::vector<Category> requiredMissing(const CategoryCounts& counts) {
  std::vector<Category> out;
  const bool separates = counts.has(Category::Top) || counts.has(Category::Bottom);
  const bool onepiece = counts.has(Category::Onepiece);
  for (Category c : kCategories) {
    if (counts.has(c)) continue;
    switch (c) {
      case Category::Top:
      case Category::Bottom:
        if (!onepiece) out.push_back(c);
        break;
      case Category::Onepiece:
        if (!separates) out.push_back(c);
        break;
      case Category::Shoes: out.push_back(c); break;
      default: break;
    }
  }
  return out;
}

std::vector<Category> categoriesToComplete(const CategoryCounts& counts) {
  const std::vector<Category> required = requiredMissing(counts);
  std::vector<Category> out;
  for (Category c : kCategories) {
    const bool isRequired = std::find(required.begin(), required.end(), c) != required.end();
    const bool optional = c == Category::Outer || c == Category::Bag || c == Category::Accessory;
    if ((isRequired || (optional && !counts.has(c))) && canAdd(counts, c)) out.push_back(c);
  }
  return out;
}

}  // namespace w2w
