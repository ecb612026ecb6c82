#include "pipeline/default_analyzer.h"

#include "vision/photo_analyzer.h"

namespace w2w {

Result<PhotoAnalyzer> defaultPhotoAnalyzer(const std::string& modelPath) {
  AnalyzerOptions options;
  options.modelPath = modelPath;
  auto analyzer = makeImportAnalyzer(options);
  if (!analyzer) return analyzer.error();
  // The importer's workers are the parallelism; one library thread each.
  useOneLibraryThreadPerWorker();
  return PhotoAnalyzer(std::move(*analyzer));
}

}  // namespace w2w
