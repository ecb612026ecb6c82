// Bringing an annotated dataset into a library: the photos of a COCO file
// with their boxes, so curation starts from them.
//
// Category names map to the app's categories through category_table.h;
// boxes of other names are counted as skipped by name. Each photo keeps at
// most one box per category (the largest; the others are counted). Boxes
// are stored as edited crops, which the crop pipeline never replaces; the
// union of the photo's segmentations (RLE or polygons) becomes its mask, so
// crops get the same white background as the pipeline's. The w2w_ fields
// that the coco export writes (review state, flags, saved outfits) are read
// back when present, so an export imported into a new library exports the
// same again.
//
// Each photo is written in its own transaction: an interruption keeps the
// photos finished so far. Photos already in the library (same content) are
// not added again; their boxes are left as they are.
//
// Thread-safety: uses the Library from the calling thread only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "library/library.h"

namespace w2w {

struct CocoImportOptions {
  std::string annotations;  // the COCO JSON file
  std::string imagesDir;    // where relative file names are found; empty: the JSON file's folder
};

struct CocoImportReport {
  long long added = 0;       // photos
  long long duplicates = 0;  // photos already in the library
  long long boxes = 0;       // crops stored
  long long outfits = 0;     // saved outfits added
  long long extraBoxes = 0;  // a second box of a category in one photo (the largest one is kept)
  std::map<std::string, long long> unmapped;  // boxes per category name with no app category
  std::vector<std::string> errors;            // one line per photo that could not be imported
  std::vector<std::string> notes;
  bool cancelled = false;
};

// Fails (nothing imported) when the file is not a COCO file; a photo that
// cannot be read is one line in `errors` and the rest go on.
Result<CocoImportReport> importCoco(Library& library, const CocoImportOptions& options,
                                    const ProgressCallback& progress = {},
                                    const CancelFlag* cancel = nullptr);

}  // namespace w2w
