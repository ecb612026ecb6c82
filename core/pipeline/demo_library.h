// The bundled demo library: 30 street-style outfit photos and 40 single items
// (resources/demo, see SOURCES.md there), imported into a library of its own
// so a first start and the headless demo have something real to show.
#pragma once

#include <string>

#include "common/progress.h"
#include "common/result.h"
#include "pipeline/photo_importer.h"

namespace w2w {

// resources/demo, or an empty string when the demo files are not installed.
std::string demoResourceFolder();

// Where the studio keeps its demo library: <app data>/demo/demo.w2w.
std::string defaultDemoLibraryPath();

struct DemoBuildReport {
  std::string libraryPath;
  ImportReport photos;
  ImportReport items;
  long long outfits = 0;  // outfits formed by photos with all three crops
  bool cancelled = false;
};

// Creates the library (or opens it, adding only what is missing) and imports
// the demo photos (through `analyzer` when given) and items.
Result<DemoBuildReport> buildDemoLibrary(const std::string& libraryPath, const PhotoAnalyzer& analyzer,
                                         const ProgressCallback& progress = {},
                                         const CancelFlag* cancel = nullptr);

}  // namespace w2w
