#include "io/image_probe.h"

#include <cctype>
#include <cstring>

namespace w2w {
namespace {

std::uint32_t be16(const std::uint8_t* p) { return (p[0] << 8) | p[1]; }
std::uint32_t be32(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}
std::uint32_t le16(const std::uint8_t* p) { return p[0] | (p[1] << 8); }
std::uint32_t le32(const std::uint8_t* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t(p[3]) << 24);
}

bool startsWith(const std::uint8_t* data, std::size_t size, const char* magic, std::size_t n) {
  return size >= n && std::memcmp(data, magic, n) == 0;
}

// Reads one IFD0 tag's first value from a TIFF structure; 0 when absent.
std::uint32_t tiffTag(const std::uint8_t* data, std::size_t size, std::uint16_t wanted) {
  if (size < 8) return 0;
  const bool little = data[0] == 'I';
  auto u16 = [&](std::size_t off) { return little ? le16(data + off) : be16(data + off); };
  auto u32 = [&](std::size_t off) { return little ? le32(data + off) : be32(data + off); };
  const std::uint32_t ifd = u32(4);
  if (ifd < 8 || ifd + 2 > size) return 0;
  const std::uint32_t count = u16(ifd);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::size_t entry = ifd + 2 + std::size_t(i) * 12;
    if (entry + 12 > size) return 0;
    if (u16(entry) != wanted) continue;
    const std::uint32_t type = u16(entry + 2);
    if (type == 3) return u16(entry + 8);  // SHORT, stored in the first two value bytes
    if (type == 4) return u32(entry + 8);  // LONG
    return 0;
  }
  return 0;
}

Result<ImageHeader> probeJpeg(const std::uint8_t* d, std::size_t n) {
  ImageHeader h;
  h.format = "jpeg";
  std::size_t pos = 2;
  while (pos + 4 <= n) {
    if (d[pos] != 0xFF) return makeError("corrupt JPEG (bad marker)");
    const std::uint8_t marker = d[pos + 1];
    if (marker == 0xFF) {
      ++pos;
      continue;
    }  // fill byte
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      pos += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // end of image / start of scan: no size seen
    const std::uint32_t len = be16(d + pos + 2);
    if (len < 2 || pos + 2 + len > n) return makeError("truncated or corrupt JPEG header");
    const std::uint8_t* seg = d + pos + 4;
    const std::size_t segLen = len - 2;
    if (marker == 0xE1 && segLen > 6 && std::memcmp(seg, "Exif\0\0", 6) == 0) {
      h.orientation = exifOrientationFromTiff(seg + 6, segLen - 6);
    }
    const bool isSof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (isSof) {
      if (segLen < 5) return makeError("corrupt JPEG frame header");
      h.storedHeight = static_cast<int>(be16(seg + 1));
      h.storedWidth = static_cast<int>(be16(seg + 3));
      if (h.storedWidth == 0 || h.storedHeight == 0) return makeError("corrupt JPEG (zero size)");
      return h;
    }
    pos += 2 + len;
  }
  return makeError("truncated or corrupt JPEG (no frame header)");
}

Result<ImageHeader> probePng(const std::uint8_t* d, std::size_t n) {
  if (n < 33 || std::memcmp(d + 12, "IHDR", 4) != 0) return makeError("truncated or corrupt PNG header");
  ImageHeader h;
  h.format = "png";
  h.storedWidth = static_cast<int>(be32(d + 16));
  h.storedHeight = static_cast<int>(be32(d + 20));
  if (h.storedWidth <= 0 || h.storedHeight <= 0) return makeError("corrupt PNG (bad size)");
  // An eXIf chunk (before the image data) may carry an orientation.
  std::size_t pos = 8;
  while (pos + 12 <= n) {
    const std::uint32_t len = be32(d + pos);
    const std::uint8_t* type = d + pos + 4;
    if (std::memcmp(type, "IDAT", 4) == 0 || std::memcmp(type, "IEND", 4) == 0) break;
    if (len > n - pos - 12) break;
    if (std::memcmp(type, "eXIf", 4) == 0) h.orientation = exifOrientationFromTiff(d + pos + 8, len);
    pos += 12 + len;
  }
  return h;
}

Result<ImageHeader> probeWebp(const std::uint8_t* d, std::size_t n) {
  ImageHeader h;
  h.format = "webp";
  if (n < 30) return makeError("truncated WebP header");
  const std::uint8_t* chunk = d + 12;
  if (std::memcmp(chunk, "VP8X", 4) == 0) {
    h.storedWidth = 1 + static_cast<int>(chunk[12] | (chunk[13] << 8) | (chunk[14] << 16));
    h.storedHeight = 1 + static_cast<int>(chunk[15] | (chunk[16] << 8) | (chunk[17] << 16));
    // The EXIF chunk, when there is one, follows the image data.
    std::size_t pos = 12;
    while (pos + 8 <= n) {
      const std::uint32_t len = le32(d + pos + 4);
      if (len > n - pos - 8) break;
      if (std::memcmp(d + pos, "EXIF", 4) == 0) {
        const std::uint8_t* ex = d + pos + 8;
        std::size_t exLen = len;
        if (exLen > 6 && std::memcmp(ex, "Exif\0\0", 6) == 0) {
          ex += 6;
          exLen -= 6;
        }
        h.orientation = exifOrientationFromTiff(ex, exLen);
      }
      pos += 8 + len + (len & 1);
    }
  } else if (std::memcmp(chunk, "VP8 ", 4) == 0) {
    h.storedWidth = static_cast<int>(le16(d + 26) & 0x3FFF);
    h.storedHeight = static_cast<int>(le16(d + 28) & 0x3FFF);
  } else if (std::memcmp(chunk, "VP8L", 4) == 0) {
    const std::uint32_t bits = le32(d + 21);
    h.storedWidth = static_cast<int>((bits & 0x3FFF) + 1);
    h.storedHeight = static_cast<int>(((bits >> 14) & 0x3FFF) + 1);
  } else {
    return makeError("corrupt WebP header");
  }
  if (h.storedWidth <= 0 || h.storedHeight <= 0) return makeError("corrupt WebP (bad size)");
  return h;
}

Result<ImageHeader> probeBmp(const std::uint8_t* d, std::size_t n) {
  if (n < 26) return makeError("truncated BMP header");
  ImageHeader h;
  h.format = "bmp";
  h.storedWidth = static_cast<int>(static_cast<std::int32_t>(le32(d + 18)));
  const std::int32_t height = static_cast<std::int32_t>(le32(d + 22));
  h.storedHeight = height < 0 ? -height : height;
  if (h.storedWidth <= 0 || h.storedHeight <= 0) return makeError("corrupt BMP (bad size)");
  return h;
}

Result<ImageHeader> probeTiff(const std::uint8_t* d, std::size_t n) {
  ImageHeader h;
  h.format = "tiff";
  h.storedWidth = static_cast<int>(tiffTag(d, n, 256));
  h.storedHeight = static_cast<int>(tiffTag(d, n, 257));
  if (h.storedWidth <= 0 || h.storedHeight <= 0) return makeError("corrupt TIFF header");
  const std::uint32_t orientation = tiffTag(d, n, 274);
  if (orientation >= 1 && orientation <= 8) h.orientation = static_cast<int>(orientation);
  return h;
}

// Netpbm: "P1".."P6", then width and height as decimal text, comments allowed.
Result<ImageHeader> probePnm(const std::uint8_t* d, std::size_t n) {
  ImageHeader h;
  h.format = "pnm";
  std::size_t pos = 2;
  long long values[2] = {0, 0};
  for (long long& value : values) {
    while (pos < n && (std::isspace(d[pos]) || d[pos] == '#')) {
      if (d[pos] == '#') {
        while (pos < n && d[pos] != '\n') ++pos;
      } else
        ++pos;
    }
    if (pos >= n || !std::isdigit(d[pos])) return makeError("corrupt PNM header");
    while (pos < n && std::isdigit(d[pos]) && value < (1LL << 40)) value = value * 10 + (d[pos++] - '0');
  }
  if (values[0] <= 0 || values[1] <= 0 || values[0] > (1 << 30) || values[1] > (1 << 30))
    return makeError("corrupt PNM header (bad size)");
  h.storedWidth = static_cast<int>(values[0]);
  h.storedHeight = static_cast<int>(values[1]);
  return h;
}

}  // namespace

int exifOrientationFromTiff(const std::uint8_t* data, std::size_t size) {
  if (size < 8) return 1;
  if (!startsWith(data, size, "II*\0", 4) && !startsWith(data, size, "MM\0*", 4)) return 1;
  const std::uint32_t value = tiffTag(data, size, 274);
  return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
}

Result<ImageHeader> probeImage(const std::uint8_t* d, std::size_t n) {
  if (n == 0) return makeError("empty file");
  if (startsWith(d, n, "\xFF\xD8\xFF", 3)) return probeJpeg(d, n);
  if (startsWith(d, n, "\x89PNG\r\n\x1A\n", 8)) return probePng(d, n);
  if (startsWith(d, n, "RIFF", 4) && n >= 12 && std::memcmp(d + 8, "WEBP", 4) == 0) return probeWebp(d, n);
  if (startsWith(d, n, "BM", 2)) return probeBmp(d, n);
  if (startsWith(d, n, "II*\0", 4) || startsWith(d, n, "MM\0*", 4)) return probeTiff(d, n);
  if (n >= 2 && d[0] == 'P' && d[1] >= '1' && d[1] <= '6') return probePnm(d, n);
  if (startsWith(d, n, "GIF8", 4)) return makeError("GIF images are not supported (convert to PNG or JPEG)");
  if (n >= 12 && std::memcmp(d + 4, "ftyp", 4) == 0) {
    return makeError("HEIC/AVIF images are not supported (export the photo as JPEG)");
  }
  return makeError("not an image (unrecognised format)");
}

}  // namespace w2w
