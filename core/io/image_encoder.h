// Encoding images to PNG/JPEG bytes (crops, masks, thumbnails).
#pragma once

#include "common/image.h"
#include "common/result.h"
#include "io/file_io.h"

namespace w2w {

Result<Bytes> encodePng(const RgbImage& image);
Result<Bytes> encodePng(const GrayImage& mask);
Result<Bytes> encodeJpeg(const RgbImage& image, int quality = 90);

// Decodes a PNG mask written by encodePng(GrayImage).
Result<GrayImage> decodeMaskPng(const Bytes& png);

// Scales the image so its longer side is at most `maxSide` (area filter).
RgbImage downscaleToFit(const RgbImage& image, int maxSide);

}  // namespace w2w
