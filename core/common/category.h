// Garment categories and the rules of an outfit: what kind of garment an item
// is, which categories an outfit needs, and which pairs of categories can be
// worn together. Every part of the program (library, compatibility model,
// evaluator, recommender, views) takes these rules from here.
//
// A category says what a garment is; it is NOT a row of an outfit tensor. The
// compatibility model lays outfits out in slots of its own (compat/), and the
// seed's three-slot layout (top, bottom, shoes) is one such layout.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace w2w {

// In the order views list them (head to toe, then what is carried or worn on
// top of the outfit); the values are stable indices into per-category arrays.
enum class Category {
  Top = 0,        // inner top: shirt, t-shirt, blouse, sweater, top
  Outer = 1,      // coat, jacket, blazer, cardigan, cape
  Bottom = 2,     // trousers, jeans, shorts, skirt, leggings
  Onepiece = 3,   // dress, romper, jumpsuit
  Shoes = 4,      // shoes, boots, sandals, sneakers
  Bag = 5,        // bag, purse, wallet
  Accessory = 6,  // hat, scarf, belt, glasses, jewellery, watch, gloves, tie
};

inline constexpr int kCategoryCount = 7;
inline constexpr std::array<Category, kCategoryCount> kCategories = {
    Category::Top,   Category::Outer, Category::Bottom,   Category::Onepiece,
    Category::Shoes, Category::Bag,   Category::Accessory};

// Index of c in kCategories (0 .. kCategoryCount - 1), for per-category arrays.
inline constexpr int categoryIndex(Category c) { return static_cast<int>(c); }

// "top", "outer", "bottom", "onepiece", "shoes", "bag", "accessory": the names
// used in JSON, on the command line and in the library file.
const char* categoryName(Category c);

// Parses the names above (case-insensitive); nullopt for anything else.
std::optional<Category> parseCategory(std::string_view name);

// The names above joined by `separator` ("top|outer|..."), for usage lines and
// error messages.
std::string categoryNames(std::string_view separator);

// Only accessories may appear several times in one outfit; an outfit holds at
// most one item of every other category.
inline constexpr bool allowsSeveral(Category c) { return c == Category::Accessory; }

// Whether an outfit may hold an item of `a` and an item of `b` together. Every
// pair may, except a bottom with a one-piece (a dress replaces the top-bottom
// combination; a visible inner top under a one-piece is allowed), and two
// items of one category unless it allowsSeveral().
bool canWearTogether(Category a, Category b);

// One pair of categories that can be worn together, first <= second in
// kCategories order.
struct CategoryPair {
  Category first;
  Category second;
  bool operator==(const CategoryPair& o) const { return first == o.first && second == o.second; }
};

// Every pair for which canWearTogether() holds, in kCategories order
// ((top, top) is absent, (accessory, accessory) is present).
const std::vector<CategoryPair>& categoryPairs();

// The pair in canonical order: (bottom, top) becomes (top, bottom).
CategoryPair makePair(Category a, Category b);

// "top_bottom", "outer_shoes", "accessory_accessory": pair names in reports
// and JSON. parsePairName reads them back (nullopt for anything else).
std::string pairName(CategoryPair p);
std::optional<CategoryPair> parsePairName(std::string_view name);

// How many items of each category an outfit holds.
class CategoryCounts {
 public:
  CategoryCounts() = default;
  template <typename Range>
  static CategoryCounts of(const Range& categories) {
    CategoryCounts counts;
    for (Category c : categories) counts.add(c);
    return counts;
  }

  void add(Category c) { ++n_[static_cast<std::size_t>(categoryIndex(c))]; }
  void remove(Category c);
  int count(Category c) const { return n_[static_cast<std::size_t>(categoryIndex(c))]; }
  bool has(Category c) const { return count(c) > 0; }
  int total() const;

 private:
  std::array<int, kCategoryCount> n_{};
};

// Valid outfit: shoes, and either a top and a bottom or a one-piece; at most
// one item per category except accessories; no two items that cannot be worn
// together. Outer layer, bag and accessories are optional.
bool isValidOutfit(const CategoryCounts& counts);

// Why an outfit is not valid, in one line ("needs shoes", "a one-piece and a
// bottom cannot be worn together", ...); empty when it is valid.
std::string outfitProblem(const CategoryCounts& counts);

// Whether an item of category c can be added to the outfit: it can be worn
// with everything already there and the outfit has no item of c yet (unless
// several are allowed).
bool canAdd(const CategoryCounts& counts, Category c);

// The categories still needed for a valid outfit, in kCategories order. When
// either a top+bottom or a one-piece would do (nothing chosen yet on that
// side), all three are listed.
std::vector<Category> requiredMissing(const CategoryCounts& counts);

// The categories worth proposing to complete an outfit, in kCategories order:
// the required ones that are missing, and the optional outer layer, bag and
// accessory while the outfit has none. A top is not proposed over a one-piece
// (allowed, never needed), nor a one-piece over a top or bottom.
std::vector<Category> categoriesToComplete(const CategoryCounts& counts);

}  // namespace w2w
