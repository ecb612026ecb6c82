// RgbImage: the plain image type of w2w_core's public API.
//
// Public headers carry no OpenCV or Qt Gui types (design.md: torch and OpenCV
// stay inside core's .cpp files), so decoded photos and crops cross the API as
// 8-bit RGB pixels in a std::vector. widgets/ converts to QImage for display.
#pragma once

#include <cstdint>
#include <vector>

namespace w2w {

struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, 3 bytes per pixel (R, G, B), no padding

  bool empty() const { return width <= 0 || height <= 0; }
  std::size_t byteCount() const { return static_cast<std::size_t>(width) * height * 3; }
  const std::uint8_t* row(int y) const { return pixels.data() + static_cast<std::size_t>(y) * width * 3; }
  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * width * 3; }
};

// Single-channel 8-bit image (masks: 0 = background, 255 = foreground).
struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, 1 byte per pixel

  bool empty() const { return width <= 0 || height <= 0; }
};

// An axis-aligned box in pixels: x, y of the top-left pixel, width and height.
struct Box {
  int x = 0;
  int y = 0;
  int width = 0;
  int height = 0;

  bool empty() const { return width <= 0 || height <= 0; }
  long long area() const { return empty() ? 0 : static_cast<long long>(width) * height; }
  bool operator==(const Box& o) const {
    return x == o.x && y == o.y && width == o.width && height == o.height;
  }
  bool operator!=(const Box& o) const { return !(*this == o); }
};

// Intersection over union of two boxes (0 when either is empty).
double boxIoU(const Box& a, const Box& b);

}  // namespace w2w
