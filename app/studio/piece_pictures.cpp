#include "piece_pictures.h"

#include <QPainter>

#include "library_controller.h"

namespace w2w {

QPixmap piecePicture(const LibraryController* library, Id item) {
  QPixmap picture;
  if (item) picture.loadFromData(library->cropPng(item));
  return picture;
}

QPixmap outfitStrip(const LibraryController* library, const std::vector<Id>& items, int side) {
  constexpr int kGap = 4;
  const int n = static_cast<int>(items.size());
  QPixmap strip(std::max(1, n * side + (n - 1) * kGap), side);
  strip.fill(Qt::transparent);
  QPainter painter(&strip);
  for (int i = 0; i < n; ++i) {
    const QPixmap p = piecePicture(library, items[static_cast<std::size_t>(i)])
                          .scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawPixmap(i * (side + kGap) + (side - p.width()) / 2, (side - p.height()) / 2, p);
  }
  return strip;
}

}  // namespace w2w
