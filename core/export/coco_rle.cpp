#include "export/coco_rle.h"

namespace w2w {

std::vector<long long> maskRuns(const GrayImage& mask) {
  std::vector<long long> runs;
  bool current = false;  // the first run counts unset pixels
  long long length = 0;
  for (int x = 0; x < mask.width; ++x) {
    for (int y = 0; y < mask.height; ++y) {
      const bool set = mask.pixels[static_cast<std::size_t>(y) * mask.width + x] >= 128;
      if (set != current) {
        runs.push_back(length);
        current = set;
        length = 0;
      }
      ++length;
    }
  }
  runs.push_back(length);
  return runs;
}

// pycocotools' rleToString: each run (minus the run two before it, from the
// third on) in 5-bit groups, lowest first, 0x20 meaning "more follow", each
// group offset by 48 to stay printable.
std::string encodeRleCounts(const std::vector<long long>& runs) {
  std::string out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    long long x = runs[i];
    if (i > 2) x -= runs[i - 2];
    bool more = true;
    while (more) {
      long long c = x & 0x1f;
      x >>= 5;
      more = (c & 0x10) ? x != -1 : x != 0;
      if (more) c |= 0x20;
      out.push_back(static_cast<char>(c + 48));
    }
  }
  return out;
}

std::optional<std::vector<long long>> decodeRleCounts(const std::string& counts) {
  std::vector<long long> runs;
  std::size_t p = 0;
  while (p < counts.size()) {
    long long x = 0;
    int k = 0;
    bool more = true;
    while (more) {
      if (p >= counts.size() || k > 11) return std::nullopt;  // truncated, or too long for 64 bits
      const long long c = static_cast<long long>(static_cast<unsigned char>(counts[p])) - 48;
      if (c < 0 || c > 63) return std::nullopt;
      x |= (c & 0x1f) << (5 * k);
      more = (c & 0x20) != 0;
      ++p;
      ++k;
      if (!more && (c & 0x10)) x -= 1LL << (5 * k);  // the top bit read is the sign
    }
    if (runs.size() > 2) x += runs[runs.size() - 2];
    if (x < 0) return std::nullopt;
    runs.push_back(x);
  }
  return runs;
}

std::optional<GrayImage> maskFromRuns(const std::vector<long long>& runs, int width, int height) {
  if (width <= 0 || height <= 0) return std::nullopt;
  const long long total = static_cast<long long>(width) * height;
  long long sum = 0;
  for (long long r : runs) {
    if (r < 0) return std::nullopt;
    sum += r;
    if (sum > total) return std::nullopt;
  }
  if (sum != total) return std::nullopt;
  GrayImage mask{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(total), 0)};
  long long index = 0;  // column-major position
  bool set = false;
  for (long long r : runs) {
    for (long long i = 0; i < r; ++i, ++index) {
      if (set) {
        const long long x = index / height, y = index % height;
        mask.pixels[static_cast<std::size_t>(y * width + x)] = 255;
      }
    }
    set = !set;
  }
  return mask;
}

}  // namespace w2w
