#include "common/build_info.h"

#include <QtGlobal>

#include <sqlite3.h>
#include <torch/version.h>
#include <opencv2/core/version.hpp>

#include "common/version.h"

namespace w2w {

std::string applicationVersion() { return kVersion; }

std::string libraryVersions() {
  return std::string("Qt ") + qVersion() + ", LibTorch " + TORCH_VERSION + ", OpenCV " + CV_VERSION +
         ", SQLite " + sqlite3_libversion();
}

}  // namespace w2w
