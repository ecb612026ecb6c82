#include "analysis/occlusion.h"

#include <algorithm>
#include <cmath>

namespace w2w {
namespace {

double cosine(const float* a, const std::vector<float>& b) {
  double dot = 0, na = 0, nb = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    na += static_cast<double>(a[i]) * a[i];
    nb += static_cast<double>(b[i]) * b[i];
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
}

// The crop with a white square centred on grid cell (gx, gy).
RgbImage occluded(const RgbImage& crop, int gx, int gy, const OcclusionOptions& o) {
  RgbImage out = crop;
  const double cellW = static_cast<double>(crop.width) / o.grid,
               cellH = static_cast<double>(crop.height) / o.grid;
  const double cx = (gx + 0.5) * cellW, cy = (gy + 0.5) * cellH;
  const int x0 = std::max(0, static_cast<int>(cx - o.patch * cellW / 2));
  const int x1 = std::min(crop.width, static_cast<int>(std::ceil(cx + o.patch * cellW / 2)));
  const int y0 = std::max(0, static_cast<int>(cy - o.patch * cellH / 2));
  const int y1 = std::min(crop.height, static_cast<int>(std::ceil(cy + o.patch * cellH / 2)));
  for (int y = y0; y < y1; ++y) std::fill(out.row(y) + x0 * 3, out.row(y) + x1 * 3, 255);
  return out;
}

}  // namespace

Result<OcclusionMap> occlusionMap(Encoder& encoder, const RgbImage& crop, const std::vector<float>& reference,
                                  const OcclusionOptions& options, const CancelFlag* cancel) {
  if (crop.empty()) return makeError("no crop image to explain");
  if (options.grid < 1 || options.batch < 1) return makeError("bad occlusion options");
  if (static_cast<int>(reference.size()) != encoder.info().dim) {
    return makeError("the reference embedding has dimension " + std::to_string(reference.size()) +
                     ", the encoder " + std::to_string(encoder.info().dim));
  }
  auto whole = encoder.encode({crop});
  if (!whole) return whole.error();
  OcclusionMap map;
  map.baseline = cosine(whole->row(0), reference);
  map.drop = FloatMatrix(options.grid, options.grid);
  const int cells = options.grid * options.grid;
  for (int start = 0; start < cells; start += options.batch) {
    if (cancel && cancel->isCancelled()) return makeError("cancelled");
    std::vector<RgbImage> batch;
    for (int cell = start; cell < std::min(cells, start + options.batch); ++cell) {
      batch.push_back(occluded(crop, cell % options.grid, cell / options.grid, options));
    }
    auto vectors = encoder.encode(batch);
    if (!vectors) return vectors.error();
    for (std::int64_t i = 0; i < vectors->rows; ++i) {
      const int cell = start + static_cast<int>(i);
      map.drop.at(cell / options.grid, cell % options.grid) =
          static_cast<float>(map.baseline - cosine(vectors->row(i), reference));
    }
  }
  return map;
}

}  // namespace w2w
