// Importing outfit photos into a library: find the image files, register each
// (content hash, size, upright dimensions), skip duplicates by content, and,
// when an analyzer is given, run the crop pipeline on worker threads.
//
// Each photo is written in its own transaction (photo row, analysis and crops
// together), so an interrupted import keeps every photo finished so far and
// none half-done. Bad files are reported one by one and the import goes on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "io/image_decoder.h"
#include "library/library.h"

namespace w2w {

// Turns a decoded photo into person box, mask and crops (the vision pipeline).
// Called on worker threads, several at once: it must be thread-safe.
using PhotoAnalyzer = std::function<Result<PhotoAnalysis>(const DecodedImage& photo)>;

struct ImportOptions {
  bool recursive = true;  // descend into sub-folders of folder arguments
  int threads = 2;        // worker threads for decoding and analysis
  DecodeLimits limits;
  PhotoAnalyzer analyzer;  // empty: register metadata only
};

struct ImportEntry {
  enum class Outcome { Added, Duplicate, Failed };
  std::string path;
  Outcome outcome = Outcome::Failed;
  Id id = 0;            // Added: the new photo or item; Duplicate: the one already holding this content
  std::string error;    // Failed: why (one line, names the file)
  std::string warning;  // Added, but analysis failed or found no person
};

struct ImportReport {
  std::vector<ImportEntry> entries;  // in the order the files were finished
  bool cancelled = false;
  long long added() const { return count(ImportEntry::Outcome::Added); }
  long long duplicates() const { return count(ImportEntry::Outcome::Duplicate); }
  long long failed() const { return count(ImportEntry::Outcome::Failed); }

 private:
  long long count(ImportEntry::Outcome o) const;
};

// Expands folders into their image files (sorted, by extension); files given
// directly are kept whatever their extension so a mislabelled file gets a
// clear error instead of silence. Missing paths, folders that cannot be read
// and the library's own files (`libraryPath` and SQLite's files beside it)
// become Failed entries in `problems`.
std::vector<std::string> collectImageFiles(const std::vector<std::string>& paths, bool recursive,
                                           std::vector<ImportEntry>* problems,
                                           const std::string& libraryPath = {});

// Reports the last entry of `report` as "[done/total] added: file.jpg".
void reportImportProgress(const ImportReport& report, long long total, const ProgressCallback& progress);

// Imports into `library` (which must be used by this thread only). Progress
// is reported after each photo; `cancel` is polled between photos.
ImportReport importPhotos(Library& library, const std::vector<std::string>& paths,
                          const ImportOptions& options, const ProgressCallback& progress = {},
                          const CancelFlag* cancel = nullptr);

}  // namespace w2w
