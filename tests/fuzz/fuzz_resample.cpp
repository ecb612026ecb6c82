// libFuzzer target: PilResampler with arbitrary image and target geometry
// (the window is kept inside the resized image, as preprocess.cpp does).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "embed/clip/pil_resample.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 8) return 0;
  const int srcW = 1 + data[0] % 64, srcH = 1 + data[1] % 64;
  const int fullW = 1 + data[2] % 160, fullH = 1 + data[3] % 160;
  const int x0 = data[4] % fullW, y0 = data[5] % fullH;
  const int w = 1 + data[6] % (fullW - x0), h = 1 + data[7] % (fullH - y0);
  const int stride = srcW * 3 + data[0] % 5;
  std::vector<std::uint8_t> src(static_cast<std::size_t>(stride) * srcH);
  if (size > 8)
    for (std::size_t i = 0; i < src.size(); ++i) src[i] = data[8 + i % (size - 8)];
  std::vector<std::uint8_t> dst(static_cast<std::size_t>(w) * h * 3);
  w2w::clip::PilResampler::resizeBicubic(src.data(), srcW, srcH, stride, {fullW, fullH, x0, y0, w, h},
                                         dst.data());
  return 0;
}
