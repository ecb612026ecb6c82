// The photo analyzer imports use: the crop pipeline (person, white
// background, top/bottom/shoes crops) with the bundled garment parser or a
// given model. Shared by the studio, the command line and the demo, so all of
// them crop photos the same way.
#pragma once

#include <string>

#include "common/result.h"
#include "pipeline/photo_importer.h"

namespace w2w {

// Loads the model now (a missing or bad model fails here, once), and keeps
// OpenCV and LibTorch from starting thread pools on top of the importer's own
// worker threads. `modelPath` empty: the bundled model.
Result<PhotoAnalyzer> defaultPhotoAnalyzer(const std::string& modelPath = {});

}  // namespace w2w
