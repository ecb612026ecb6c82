#include "embed/clip/pil_resample.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace w2w::clip {

namespace {

constexpr int kPrecisionBits = 32 - 8 - 2;  // PIL's PRECISION_BITS

double bicubic(double x) {
  constexpr double a = -0.5;
  if (x < 0.0) x = -x;
  if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

std::uint8_t clip8(std::int64_t v) {
  if (v >= (std::int64_t{1} << kPrecisionBits << 8)) return 255;
  if (v <= 0) return 0;
  return static_cast<std::uint8_t>(v >> kPrecisionBits);
}

}  // namespace

PilResampler::Coefficients PilResampler::coefficients(int inSize, int outSize, int first, int count) {
  constexpr double kSupport = 2.0;  // bicubic
  const double scale = static_cast<double>(inSize) / outSize;
  const double filterScale = std::max(scale, 1.0);
  const double support = kSupport * filterScale;
  Coefficients c;
  c.taps = static_cast<int>(std::ceil(support)) * 2 + 1;
  c.start.resize(count);
  c.count.resize(count);
  c.weights.assign(static_cast<std::size_t>(count) * c.taps, 0);
  std::vector<double> k(c.taps);
  for (int i = 0; i < count; ++i) {
    const int xx = first + i;
    const double center = (xx + 0.5) * scale;
    const double ss = 1.0 / filterScale;
    // PIL truncates (int) after adding 0.5, then clamps; same order here.
    int xmin = static_cast<int>(center - support + 0.5);
    if (xmin < 0) xmin = 0;
    int xmax = static_cast<int>(center + support + 0.5);
    if (xmax > inSize) xmax = inSize;
    xmax -= xmin;
    double sum = 0.0;
    for (int x = 0; x < xmax; ++x) {
      k[x] = bicubic((x + xmin - center + 0.5) * ss);
      sum += k[x];
    }
    for (int x = 0; x < xmax; ++x) {
      const double w = sum != 0.0 ? k[x] / sum : k[x];
      const double fixed = w * (1 << kPrecisionBits);
      c.weights[static_cast<std::size_t>(i) * c.taps + x] =
          static_cast<std::int32_t>(w < 0 ? -0.5 + fixed : 0.5 + fixed);
    }
    c.start[i] = xmin;
    c.count[i] = xmax;
  }
  return c;
}

void PilResampler::resizeBicubic(const std::uint8_t* src, int srcWidth, int srcHeight,
                                 std::ptrdiff_t srcStride, const ResampleWindow& win, std::uint8_t* dst) {
  const bool horizontal = win.fullWidth != srcWidth;
  const bool vertical = win.fullHeight != srcHeight;

  // Rows of the source the vertical pass needs for the window's rows.
  Coefficients cv;
  int rowFirst = win.y0, rowCount = win.height;
  if (vertical) {
    cv = coefficients(srcHeight, win.fullHeight, win.y0, win.height);
    rowFirst = srcHeight;
    int rowLast = 0;
    for (int i = 0; i < win.height; ++i) {
      if (cv.count[i] == 0) continue;
      rowFirst = std::min(rowFirst, cv.start[i]);
      rowLast = std::max(rowLast, cv.start[i] + cv.count[i]);
    }
    if (rowFirst >= rowLast) rowFirst = rowLast = 0;
    rowCount = rowLast - rowFirst;
  }

  // Horizontal pass into a uint8 intermediate of rowCount x window width.
  std::vector<std::uint8_t> temp(static_cast<std::size_t>(rowCount) * win.width * 3);
  if (horizontal) {
    const Coefficients ch = coefficients(srcWidth, win.fullWidth, win.x0, win.width);
    for (int y = 0; y < rowCount; ++y) {
      const std::uint8_t* in = src + (rowFirst + y) * srcStride;
      std::uint8_t* out = temp.data() + static_cast<std::size_t>(y) * win.width * 3;
      for (int x = 0; x < win.width; ++x) {
        const std::int32_t* k = &ch.weights[static_cast<std::size_t>(x) * ch.taps];
        const std::uint8_t* p = in + ch.start[x] * 3;
        std::int64_t s0 = 1 << (kPrecisionBits - 1), s1 = s0, s2 = s0;
        for (int t = 0; t < ch.count[x]; ++t, p += 3) {
          s0 += p[0] * static_cast<std::int64_t>(k[t]);
          s1 += p[1] * static_cast<std::int64_t>(k[t]);
          s2 += p[2] * static_cast<std::int64_t>(k[t]);
        }
        out[x * 3 + 0] = clip8(s0);
        out[x * 3 + 1] = clip8(s1);
        out[x * 3 + 2] = clip8(s2);
      }
    }
  } else {
    for (int y = 0; y < rowCount; ++y)
      std::memcpy(temp.data() + static_cast<std::size_t>(y) * win.width * 3,
                  src + (rowFirst + y) * srcStride + static_cast<std::ptrdiff_t>(win.x0) * 3,
                  static_cast<std::size_t>(win.width) * 3);
  }

  if (!vertical) {
    std::memcpy(dst, temp.data(), temp.size());
    return;
  }
  const std::size_t rowBytes = static_cast<std::size_t>(win.width) * 3;
  for (int y = 0; y < win.height; ++y) {
    const std::int32_t* k = &cv.weights[static_cast<std::size_t>(y) * cv.taps];
    const std::uint8_t* base = temp.data() + static_cast<std::size_t>(cv.start[y] - rowFirst) * rowBytes;
    std::uint8_t* out = dst + y * rowBytes;
    for (std::size_t i = 0; i < rowBytes; ++i) {
      std::int64_t s = 1 << (kPrecisionBits - 1);
      const std::uint8_t* p = base + i;
      for (int t = 0; t < cv.count[y]; ++t, p += rowBytes) s += *p * static_cast<std::int64_t>(k[t]);
      out[i] = clip8(s);
    }
  }
}

}  // namespace w2w::clip
