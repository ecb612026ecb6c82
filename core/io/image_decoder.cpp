#include "io/image_decoder.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "io/cv_convert.h"

namespace w2w {
namespace {

std::string megapixels(long long pixels) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(pixels) / 1e6);
  return text;
}

// A JPEG whose entropy-coded data does not end in an EOI marker was cut off;
// libjpeg would silently fill the missing rows with gray.
bool jpegIsComplete(const Bytes& bytes) {
  const std::uint8_t* d = bytes.data();
  const std::size_t n = bytes.size();
  std::size_t pos = 2;
  while (pos + 4 <= n) {  // walk the header segments to the first scan
    if (d[pos] != 0xFF) return false;
    const std::uint8_t marker = d[pos + 1];
    if (marker == 0xFF) {
      ++pos;
      continue;
    }
    if (marker == 0xDA) break;
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
      pos += 2;
      continue;
    }
    pos += 2 + ((d[pos + 2] << 8) | d[pos + 3]);
  }
  for (std::size_t i = pos; i + 1 < n; ++i) {
    if (d[i] == 0xFF && d[i + 1] == 0xD9) return true;
  }
  return false;
}

bool pngIsComplete(const Bytes& bytes) {
  static const char kEnd[] = "IEND";
  return std::search(bytes.begin(), bytes.end(), kEnd, kEnd + 4) != bytes.end();
}

// Gray, 16-bit, BGRA and BGR matrices to 8-bit RGB; alpha over white.
Result<cv::Mat> toRgb8(cv::Mat image, bool* hadAlpha) {
  if (image.depth() == CV_16U) {
    image.convertTo(image, CV_8U, 1.0 / 257.0);
  } else if (image.depth() == CV_32F) {
    image.convertTo(image, CV_8U, 255.0);
  } else if (image.depth() != CV_8U) {
    return makeError("unsupported pixel format");
  }
  cv::Mat rgb;
  switch (image.channels()) {
    case 1: cv::cvtColor(image, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB); break;
    case 4: {
      *hadAlpha = true;
      rgb.create(image.rows, image.cols, CV_8UC3);
      for (int y = 0; y < image.rows; ++y) {
        const std::uint8_t* src = image.ptr<std::uint8_t>(y);
        std::uint8_t* dst = rgb.ptr<std::uint8_t>(y);
        for (int x = 0; x < image.cols; ++x, src += 4, dst += 3) {
          const int a = src[3];
          // BGRA in, RGB out: c * a + white * (1 - a), rounded.
          dst[0] = static_cast<std::uint8_t>((src[2] * a + 255 * (255 - a) + 127) / 255);
          dst[1] = static_cast<std::uint8_t>((src[1] * a + 255 * (255 - a) + 127) / 255);
          dst[2] = static_cast<std::uint8_t>((src[0] * a + 255 * (255 - a) + 127) / 255);
        }
      }
      break;
    }
    default: return makeError("unsupported number of channels (" + std::to_string(image.channels()) + ")");
  }
  return rgb;
}

cv::Mat applyOrientation(const cv::Mat& image, int orientation) {
  cv::Mat out;
  switch (orientation) {
    case 2: cv::flip(image, out, 1); break;
    case 3: cv::rotate(image, out, cv::ROTATE_180); break;
    case 4: cv::flip(image, out, 0); break;
    case 5: cv::transpose(image, out); break;
    case 6: cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7:
      cv::transpose(image, out);
      cv::flip(out, out, -1);
      break;
    case 8: cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: return image;
  }
  return out;
}

Status checkLimits(const ImageHeader& header, const DecodeLimits& limits) {
  const long long pixels = static_cast<long long>(header.storedWidth) * header.storedHeight;
  const std::string size = std::to_string(header.width()) + "x" + std::to_string(header.height());
  if (pixels > limits.maxPixels) {
    return makeError(size + " is " + megapixels(pixels) + " megapixels, above the " +
                     megapixels(limits.maxPixels) + "-megapixel limit");
  }
  if (header.storedWidth > limits.maxSide || header.storedHeight > limits.maxSide) {
    return makeError(size + " has a side above the " + std::to_string(limits.maxSide) + "-pixel limit");
  }
  return Status::success();
}

}  // namespace

Result<DecodedImage> decodeImageBytes(const Bytes& bytes, const std::string& name,
                                      const DecodeLimits& limits) {
  auto fail = [&](const std::string& why) { return makeError(name + ": " + why); };
  if (static_cast<long long>(bytes.size()) > limits.maxFileBytes)
    return fail("file is larger than the size limit");
  auto header = probeImage(bytes);
  if (!header) return fail(header.message());
  if (Status limit = checkLimits(*header, limits); !limit) return fail(limit.message());
  if (header->format == "jpeg" && !jpegIsComplete(bytes)) return fail("truncated JPEG (the file is cut off)");
  if (header->format == "png" && !pngIsComplete(bytes)) return fail("truncated PNG (the file is cut off)");

  cv::Mat raw;
  try {
    // UNCHANGED keeps alpha and 16-bit samples and leaves the orientation to us.
    raw = cv::imdecode(
        cv::Mat(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(bytes.data())),
        cv::IMREAD_UNCHANGED);
  } catch (const cv::Exception& e) {
    return fail("cannot decode " + header->format + " (" + e.err + ")");
  }
  if (raw.empty()) return fail("cannot decode " + header->format + " (corrupt or unsupported variant)");
  if (raw.cols != header->storedWidth || raw.rows != header->storedHeight) {
    return fail("corrupt " + header->format + " (header and data disagree on the size)");
  }

  DecodedImage out;
  auto rgb = toRgb8(raw, &out.hadAlpha);
  if (!rgb) return fail(rgb.message());
  out.image = rgbFromMat(applyOrientation(*rgb, header->orientation));
  out.header = *header;
  out.sha256 = sha256Hex(bytes);
  out.fileSize = static_cast<long long>(bytes.size());
  return out;
}

Result<DecodedImage> decodeImageFile(const std::string& path, const DecodeLimits& limits) {
  auto bytes = readFileBytes(path, limits.maxFileBytes);
  if (!bytes) return bytes.error();
  return decodeImageBytes(*bytes, path, limits);
}

Result<ImageInfo> probeImageFile(const std::string& path, const DecodeLimits& limits) {
  auto bytes = readFileBytes(path, limits.maxFileBytes);
  if (!bytes) return bytes.error();
  auto header = probeImage(*bytes);
  if (!header) return makeError(path + ": " + header.message());
  if (Status limit = checkLimits(*header, limits); !limit) return makeError(path + ": " + limit.message());
  ImageInfo info;
  info.header = *header;
  info.sha256 = sha256Hex(*bytes);
  info.fileSize = static_cast<long long>(bytes->size());
  return info;
}

bool hasImageExtension(const std::string& path) {
  static const char* const kExtensions[] = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".bmp",
                                            ".tif", ".tiff", ".pnm", ".ppm", ".pgm"};
  const auto dot = path.find_last_of('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::find(std::begin(kExtensions), std::end(kExtensions), ext) != std::end(kExtensions);
}

}  // namespace w2w
