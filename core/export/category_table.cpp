#include "export/category_table.h"

#include <cctype>
#include <string_view>

namespace w2w {
namespace {

struct ForeignName {
  const char* name;      // as the dataset spells it
  const char* category;  // the app's category name
};

// DeepFashion2's 13 categories, ModaNet's 13 and CCP's garment classes.
constexpr ForeignName kTable[] = {
    // DeepFashion2
    {"short sleeve top", "top"},
    {"long sleeve top", "top"},
    {"vest", "top"},
    {"sling", "top"},
    {"short sleeve outwear", "outer"},
    {"long sleeve outwear", "outer"},
    {"shorts", "bottom"},
    {"trousers", "bottom"},
    {"skirt", "bottom"},
    {"short sleeve dress", "onepiece"},
    {"long sleeve dress", "onepiece"},
    {"vest dress", "onepiece"},
    {"sling dress", "onepiece"},
    // ModaNet (shorts and skirt above)
    {"top", "top"},
    {"outer", "outer"},
    {"pants", "bottom"},
    {"dress", "onepiece"},
    {"footwear", "shoes"},
    {"boots", "shoes"},
    {"bag", "bag"},
    // CCP (pants, shorts, skirt, top, vest, dress, boots, bag above)
    {"blouse", "top"},
    {"shirt", "top"},
    {"t shirt", "top"},
    {"sweater", "top"},
    {"sweatshirt", "top"},
    {"hoodie", "top"},
    {"jumper", "top"},
    {"blazer", "outer"},
    {"cape", "outer"},
    {"cardigan", "outer"},
    {"coat", "outer"},
    {"jacket", "outer"},
    {"jeans", "bottom"},
    {"leggings", "bottom"},
    {"bodysuit", "onepiece"},
    {"romper", "onepiece"},
    {"suit", "onepiece"},
    {"shoes", "shoes"},
    {"clogs", "shoes"},
    {"flats", "shoes"},
    {"heels", "shoes"},
    {"loafers", "shoes"},
    {"pumps", "shoes"},
    {"sandals", "shoes"},
    {"sneakers", "shoes"},
    {"wedges", "shoes"},
    {"purse", "bag"},
    {"wallet", "bag"},
    // Accessories: ModaNet's and CCP's
    {"belt", "accessory"},
    {"sunglasses", "accessory"},
    {"glasses", "accessory"},
    {"headwear", "accessory"},
    {"hat", "accessory"},
    {"scarf", "accessory"},
    {"scarf & tie", "accessory"},
    {"tie", "accessory"},
    {"gloves", "accessory"},
    {"watch", "accessory"},
    {"bracelet", "accessory"},
    {"necklace", "accessory"},
    {"earrings", "accessory"},
    {"ring", "accessory"},
    {"accessories", "accessory"},
    // The app's own names
    {"bottom", "bottom"},
    {"onepiece", "onepiece"},
    {"accessory", "accessory"},
};

// Lower case, '_' and '-' as spaces, runs of spaces as one, trimmed.
std::string normalized(std::string_view name) {
  std::string out;
  for (char ch : name) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (c == '_' || c == '-') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::optional<Category> categoryForForeignName(const std::string& name) {
  const std::string key = normalized(name);
  if (auto own = parseCategory(key)) return own;
  for (const ForeignName& entry : kTable) {
    if (key == entry.name) return parseCategory(entry.category);
  }
  return std::nullopt;
}

}  // namespace w2w
