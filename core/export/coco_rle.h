// COCO run-length encoding of binary masks, in the compressed string form
// pycocotools writes ("counts" as text, "size" as [height, width]).
//
// Runs go down the columns (column-major, as pycocotools stores masks) and
// start with a run of zeros, which may be empty.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/image.h"

namespace w2w {

// Run lengths of `mask` (pixels >= 128 are set), column-major, zeros first.
std::vector<long long> maskRuns(const GrayImage& mask);
// The compressed "counts" string of those runs.
std::string encodeRleCounts(const std::vector<long long>& runs);
// The runs of a "counts" string; nullopt when it is malformed.
std::optional<std::vector<long long>> decodeRleCounts(const std::string& counts);
// The mask (0 or 255) of runs covering exactly width*height pixels; nullopt otherwise.
std::optional<GrayImage> maskFromRuns(const std::vector<long long>& runs, int width, int height);

}  // namespace w2w
