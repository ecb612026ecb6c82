// PilResampler: PIL's Image.resize(..., BICUBIC) for 8-bit RGB, reproduced
// bit for bit (Pillow's Resample.c algorithm, re-derived here): a cubic
// convolution with a = -0.5 whose support widens by the scale factor when
// downscaling (antialiasing), weights normalised per output pixel and turned
// into 22-bit fixed point, a horizontal pass then a vertical pass, each
// rounded and clamped to 0..255 as PIL stores its intermediate image as uint8.
//
// Only a window of the resized image is computed: every output pixel depends
// on its own weights alone, so the centre crop of a resize costs the crop's
// size, not the resized image's, and the result is identical.
//
// Standard library only; stateless and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace w2w::clip {

struct ResampleWindow {
  int fullWidth = 0;  // size of the whole resized image
  int fullHeight = 0;
  int x0 = 0;  // the window, inside [0, fullWidth) x [0, fullHeight)
  int y0 = 0;
  int width = 0;
  int height = 0;
};

class PilResampler {
 public:
  // src: interleaved RGB8 rows of srcStride bytes. dst: window.width *
  // window.height * 3 bytes, row-major, no padding. The window must lie inside
  // the full resized image (checked by the caller).
  static void resizeBicubic(const std::uint8_t* src, int srcWidth, int srcHeight, std::ptrdiff_t srcStride,
                            const ResampleWindow& window, std::uint8_t* dst);

  // PIL's fixed-point weights for output positions [first, first + count) of an
  // axis resized from inSize to outSize (exposed for tests).
  struct Coefficients {
    int taps = 0;                       // weights per output position (padded with zeros)
    std::vector<int> start;             // first input index per output position
    std::vector<int> count;             // used taps per output position
    std::vector<std::int32_t> weights;  // count * taps, in 1/2^22 units
  };
  static Coefficients coefficients(int inSize, int outSize, int first, int count);
};

}  // namespace w2w::clip
