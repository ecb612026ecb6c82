// Builds without Qt Gui (W2W_BUILD_GUI=OFF) cannot paint a lookbook.
#include "export/export_internal.h"

namespace w2w::detail {

Status writeLookbook(ExportJob&) {
  return makeError("this build has no lookbook export (built without Qt Gui)");
}

}  // namespace w2w::detail
