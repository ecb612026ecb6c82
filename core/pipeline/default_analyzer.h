// The photo analyzer imports use unless told otherwise: the crop pipeline
// (person, white background, top/bottom/shoes crops). Shared by the studio,
// the command line and the demo, so all of them crop photos the same way.
#pragma once

#include "pipeline/photo_importer.h"

namespace w2w {

// Empty until the crop pipeline is built in: photos are then registered only.
PhotoAnalyzer defaultPhotoAnalyzer();

}  // namespace w2w
