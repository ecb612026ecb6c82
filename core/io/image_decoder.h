// Decoding photos into upright 8-bit RGB, safely.
//
// Every file goes through the same steps: read bytes (Unicode paths), probe
// the header, refuse what is too large before allocating, decode, convert
// gray / 16-bit / CMYK / alpha (composited on white) to RGB, apply the EXIF
// orientation. Thread-safe: no shared state.
#pragma once

#include <string>

#include "common/image.h"
#include "common/result.h"
#include "io/file_io.h"
#include "io/image_probe.h"

namespace w2w {

struct DecodeLimits {
  long long maxPixels = 64LL * 1000 * 1000;  // refuses e.g. a 100-megapixel photo
  long long maxFileBytes = 256LL << 20;
  int maxSide = 30000;
};

struct DecodedImage {
  RgbImage image;      // upright (EXIF orientation applied), RGB
  ImageHeader header;  // format, stored size, orientation
  std::string sha256;  // of the file bytes
  long long fileSize = 0;
  bool hadAlpha = false;  // transparent pixels were composited on white
};

// Metadata without pixels: what the library records for an import.
struct ImageInfo {
  ImageHeader header;
  std::string sha256;
  long long fileSize = 0;
};

// Errors name the file: "<path>: truncated JPEG", "<path>: 12000x12000 is 144.0
// megapixels, above the 64-megapixel limit", "<path>: no such file", ...
Result<DecodedImage> decodeImageFile(const std::string& path, const DecodeLimits& limits = {});
Result<DecodedImage> decodeImageBytes(const Bytes& bytes, const std::string& name,
                                      const DecodeLimits& limits = {});

// Reads the file, hashes it and probes the header, without decoding pixels.
Result<ImageInfo> probeImageFile(const std::string& path, const DecodeLimits& limits = {});

// Image files the importer looks at (by extension, case-insensitive).
bool hasImageExtension(const std::string& path);

}  // namespace w2w
