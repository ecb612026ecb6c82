// A small library for the export and import tests, built directly through
// the Library API (no crop pipeline, so it is fast and exact):
//   photo A  reviewed, with a mask; top and shoes automatic, bottom edited;
//   photo B  flagged, no mask, three automatic boxes;
//   photo C  processed, with a mask; top (flagged) and bottom only (no shoes
//            box), the bottom box reaching past the photo's lower edge;
//   a single-item photo (shoes);
//   outfits: the photo outfits of A and B, and the saved outfit "Client look"
//            (A's top, C's bottom, B's shoes).
#pragma once

#include <memory>
#include <string>

#include "library/library.h"

namespace w2w::test {

struct ExportFixture {
  std::string folder;  // the library and its photos/ folder
  std::string file;    // the library
  std::unique_ptr<Library> library;
  Id photoA = 0, photoB = 0, photoC = 0;
  Id editedItem = 0;   // A's bottom
  Id flaggedItem = 0;  // C's top
  Id savedOutfit = 0;
};

// Builds the library in `folder` (which must exist).
ExportFixture buildExportFixture(const std::string& folder);

}  // namespace w2w::test
