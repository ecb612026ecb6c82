#include "library_fixture.h"

#include <stdexcept>

#include "common/seed_slots.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w::test {

std::unique_ptr<Library> makePhotoOutfitLibrary(const std::string& path, int photos) {
  auto library = Library::create(path);
  if (!library) throw std::runtime_error(library.message());
  for (int p = 1; p <= photos; ++p) {
    NewPhoto photo{"/photos/" + std::to_string(p) + ".jpg", "hash" + std::to_string(p), 1000, 100, 200};
    auto id = (*library)->addPhoto(photo);
    if (!id) throw std::runtime_error(id.message());
    PhotoAnalysis analysis;
    for (Category c : kSeedSlots) {
      const RgbImage crop = makeTestImage(32, 32, p * 3 + seedSlot(c));
      analysis.crops.push_back({c, Box{0, 0, 10, 10}, 0.9, makeCropImage(crop)});
    }
    if (Status s = (*library)->storeAnalysis(*id, analysis); !s) throw std::runtime_error(s.message());
  }
  if (auto synced = (*library)->syncPhotoOutfits(); !synced) throw std::runtime_error(synced.message());
  return std::move(*library);
}

}  // namespace w2w::test
