// Running the crop pipeline again on photos already in a library: after a
// failed analysis (no person found, a model that was missing), or after the
// parser model changed. Automatic crops are replaced; crops a person drew or
// moved are kept (Library::storeAnalysis). Each photo is its own
// transaction, so an interruption keeps the photos finished so far.
#pragma once

#include <vector>

#include "common/progress.h"
#include "common/result.h"
#include "library/library.h"
#include "pipeline/photo_importer.h"

namespace w2w {

struct ReanalysisReport {
  long long analysed = 0;  // photos with new crops
  long long failed = 0;    // photos whose file could not be read or analysed (status failed, with why)
  bool cancelled = false;
};

Result<ReanalysisReport> reanalyzePhotos(Library& library, const std::vector<Id>& photoIds,
                                         const PhotoAnalyzer& analyzer, const ProgressCallback& progress = {},
                                         const CancelFlag* cancel = nullptr);

}  // namespace w2w
