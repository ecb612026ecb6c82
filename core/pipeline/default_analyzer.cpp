#include "pipeline/default_analyzer.h"

namespace w2w {

PhotoAnalyzer defaultPhotoAnalyzer() { return {}; }

}  // namespace w2w
