#include "common/image.h"

#include <algorithm>

namespace w2w {

double boxIoU(const Box& a, const Box& b) {
  if (a.empty() || b.empty()) return 0.0;
  const long long x0 = std::max(a.x, b.x);
  const long long y0 = std::max(a.y, b.y);
  const long long x1 = std::min<long long>(a.x + a.width, b.x + b.width);
  const long long y1 = std::min<long long>(a.y + a.height, b.y + b.height);
  const long long inter = std::max(0LL, x1 - x0) * std::max(0LL, y1 - y0);
  const long long uni = a.area() + b.area() - inter;
  return uni > 0 ? static_cast<double>(inter) / static_cast<double>(uni) : 0.0;
}

}  // namespace w2w
