#include "image_convert.h"

#include <QPainter>

#include <cstring>

namespace w2w {

QImage toQImage(const RgbImage& image) {
  if (image.empty()) return {};
  QImage out(image.width, image.height, QImage::Format_RGB888);
  for (int y = 0; y < image.height; ++y)
    std::memcpy(out.scanLine(y), image.row(y), static_cast<std::size_t>(image.width) * 3);
  return out;
}

RgbImage fromQImage(const QImage& image) {
  RgbImage out;
  if (image.isNull()) return out;
  QImage rgb = image;
  if (rgb.hasAlphaChannel()) {
    QImage flat(rgb.size(), QImage::Format_RGB888);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, rgb);
    painter.end();
    rgb = flat;
  } else {
    rgb = rgb.convertToFormat(QImage::Format_RGB888);
  }
  out.width = rgb.width();
  out.height = rgb.height();
  out.pixels.resize(out.byteCount());
  for (int y = 0; y < out.height; ++y)
    std::memcpy(out.row(y), rgb.constScanLine(y), static_cast<std::size_t>(out.width) * 3);
  return out;
}

}  // namespace w2w
