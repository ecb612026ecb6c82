// Getting work out of a library in the field's formats:
//   coco        COCO detection/segmentation JSON of the photos and their boxes
//               (docs/decisions.md, "COCO export and import" lists the extra fields);
//   crops       the square crops the encoder sees, a folder per category, with a
//               manifest (manifest.csv, manifest.json);
//   embeddings  one encoder's vectors as safetensors, items.csv (id, category,
//               photo, tags) and pairs.csv (pair similarities of outfits);
//   lookbook    saved outfits as lookbook.pdf (one outfit per page) and one PNG
//               per outfit.
// The library is only read (one snapshot). The output is written beside its
// final place and moved there when complete, so an interruption or a failure
// leaves an existing output as it was and never a half-written one.
//
// Thread-safety: uses the Library from the calling thread only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "library/library.h"

namespace w2w {

enum class ExportFormat { Coco, Crops, Embeddings, Lookbook };
inline constexpr ExportFormat kExportFormats[] = {ExportFormat::Coco, ExportFormat::Crops,
                                                  ExportFormat::Embeddings, ExportFormat::Lookbook};

// "coco", "crops", "embeddings", "lookbook".
const char* exportFormatName(ExportFormat format);
std::optional<ExportFormat> parseExportFormat(const std::string& name);
// coco writes one file (OUT is a .json file); the others fill a folder.
inline bool exportWritesFolder(ExportFormat format) { return format != ExportFormat::Coco; }

struct ExportOptions {
  ExportFormat format = ExportFormat::Coco;
  std::string out;     // the file (coco) or folder (the others)
  bool force = false;  // replace an existing non-empty output
  // coco: leave out photos a curator flagged (and their boxes and outfits).
  bool skipFlagged = false;
  // embeddings: the encoder's model id; empty: the one with the most embeddings.
  std::string encoderId;
  // lookbook: these outfits in this order; empty: every saved (user) outfit.
  std::vector<Id> outfitIds;
  // lookbook: a compatibility checkpoint folder for each outfit's score and
  // verdict; empty: no scores.
  std::string checkpoint;
};

struct ExportReport {
  ExportFormat format = ExportFormat::Coco;
  std::string out;
  long long images = 0;            // coco: photos written
  long long annotations = 0;       // coco: boxes; crops: crop images
  long long outfits = 0;           // coco: outfits listed; lookbook: pages; embeddings: outfits in pairs.csv
  long long vectors = 0;           // embeddings
  long long skipped = 0;           // photos, items or outfits left out (see `notes`)
  std::string encoderId;           // embeddings
  std::vector<std::string> files;  // what was written, relative to `out` (folders)
  std::vector<std::string> notes;  // what was left out and why, one line each
  bool cancelled = false;          // nothing was written
};

// Why `out` may not be written under `options` ("" when it may): an existing
// non-empty output without force, a file where a folder belongs or the
// other way round.
std::string whyOutputRefused(const ExportOptions& options);

Result<ExportReport> exportLibrary(Library& library, const ExportOptions& options,
                                   const ProgressCallback& progress = {}, const CancelFlag* cancel = nullptr);

}  // namespace w2w
