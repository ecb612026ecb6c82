#include "library/types.h"

#include <algorithm>

namespace w2w {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parseName(const std::string& name, const char* const (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (name == names[i]) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

const char* const kPhotoStatusNames[] = {"imported", "processed", "reviewed", "flagged", "failed"};
const char* const kItemSourceNames[] = {"auto", "manual", "standalone"};
const char* const kOutfitOriginNames[] = {"photo", "user", "modified"};
const char* const kRunStatusNames[] = {"running", "finished", "cancelled", "failed"};

}  // namespace

const char* photoStatusName(PhotoStatus s) { return kPhotoStatusNames[static_cast<int>(s)]; }
std::optional<PhotoStatus> parsePhotoStatus(const std::string& name) {
  return parseName<PhotoStatus>(name, kPhotoStatusNames);
}

const char* itemSourceName(ItemSource s) { return kItemSourceNames[static_cast<int>(s)]; }
std::optional<ItemSource> parseItemSource(const std::string& name) {
  return parseName<ItemSource>(name, kItemSourceNames);
}

const char* outfitOriginName(OutfitOrigin o) { return kOutfitOriginNames[static_cast<int>(o)]; }
std::optional<OutfitOrigin> parseOutfitOrigin(const std::string& name) {
  return parseName<OutfitOrigin>(name, kOutfitOriginNames);
}

const char* runStatusName(RunStatus s) { return kRunStatusNames[static_cast<int>(s)]; }
std::optional<RunStatus> parseRunStatus(const std::string& name) {
  return parseName<RunStatus>(name, kRunStatusNames);
}

}  // namespace w2w

namespace w2w {

Id Outfit::member(Category c) const {
  for (const OutfitItem& i : items) {
    if (i.category == c) return i.item;
  }
  return 0;
}

void Outfit::setMember(Category c, Id item) {
  if (!allowsSeveral(c) || !item) {
    items.erase(
        std::remove_if(items.begin(), items.end(), [&](const OutfitItem& i) { return i.category == c; }),
        items.end());
  }
  if (!item) return;
  const auto after = std::find_if(items.begin(), items.end(), [&](const OutfitItem& i) {
    return categoryIndex(i.category) > categoryIndex(c);
  });
  items.insert(after, {item, c});
}

std::vector<Id> Outfit::itemIds() const {
  std::vector<Id> out;
  for (const OutfitItem& i : items) out.push_back(i.item);
  return out;
}

CategoryCounts Outfit::categories() const {
  CategoryCounts counts;
  for (const OutfitItem& i : items) counts.add(i.category);
  return counts;
}

}  // namespace w2w
