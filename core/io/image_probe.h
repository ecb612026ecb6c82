// Reads an image's format, stored size and EXIF orientation from its header
// alone, without decoding pixels. The decoder checks these numbers against its
// limits *before* allocating, so a decompression bomb costs nothing.
#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "io/file_io.h"

namespace w2w {

struct ImageHeader {
  std::string format;   // "jpeg", "png", "webp", "bmp", "tiff", "pnm"
  int storedWidth = 0;  // as stored in the file, before the EXIF orientation
  int storedHeight = 0;
  int orientation = 1;  // EXIF orientation 1..8 (1 = upright, 6 = rotate 90° clockwise)

  // Width and height once the orientation is applied (5..8 swap the sides).
  int width() const { return orientation >= 5 ? storedHeight : storedWidth; }
  int height() const { return orientation >= 5 ? storedWidth : storedHeight; }
};

// Fails with a one-line reason: "empty file", "not an image (unrecognised
// format)", "GIF images are not supported", "corrupt PNG header", ...
Result<ImageHeader> probeImage(const std::uint8_t* data, std::size_t size);
inline Result<ImageHeader> probeImage(const Bytes& bytes) { return probeImage(bytes.data(), bytes.size()); }

// EXIF orientation from a TIFF-structured EXIF block (starting at "II*\0" or
// "MM\0*"); 1 when absent or unreadable.
int exifOrientationFromTiff(const std::uint8_t* data, std::size_t size);

}  // namespace w2w
