// Occlusion maps: which regions of a crop drive its similarity to another
// item. Each region is covered with white (the crops' background colour) in
// turn; the drop in cosine similarity to the reference embedding is that
// region's importance. Works with any encoder, since it only calls encode().
#pragma once

#include <vector>

#include "common/image.h"
#include "common/matrix.h"
#include "common/progress.h"
#include "common/result.h"
#include "embed/encoder.h"

namespace w2w {

struct OcclusionOptions {
  int grid = 7;        // regions per side (a grid x grid map)
  double patch = 2.0;  // occluder side in grid cells (overlapping windows smooth the map)
  int batch = 16;      // images per encode() call
};

struct OcclusionMap {
  FloatMatrix drop;       // [grid, grid]: similarity lost when the region is hidden (may be negative)
  double baseline = 0.0;  // similarity of the whole crop to the reference
};

// `reference` is the other item's embedding (same encoder).
Result<OcclusionMap> occlusionMap(Encoder& encoder, const RgbImage& crop, const std::vector<float>& reference,
                                  const OcclusionOptions& options = {}, const CancelFlag* cancel = nullptr);

}  // namespace w2w
