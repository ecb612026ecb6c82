// A small wardrobe library for tests: analysed photos whose three crops make
// one photo outfit each (no photo files needed: the crops live in the library).
#pragma once

#include <memory>
#include <string>

#include "library/library.h"

namespace w2w::test {

// Creates `path` with `photos` photo outfits; crops differ from photo to photo.
std::unique_ptr<Library> makePhotoOutfitLibrary(const std::string& path, int photos);

}  // namespace w2w::test
