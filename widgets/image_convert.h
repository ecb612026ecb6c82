// Conversions between core's plain image types and Qt's.
#pragma once

#include <QImage>

#include "common/image.h"

namespace w2w {

// Deep copy of RGB pixels into a QImage (Format_RGB888).
QImage toQImage(const RgbImage& image);

// Deep copy of a QImage into RGB pixels (any format; alpha composited on white).
RgbImage fromQImage(const QImage& image);

}  // namespace w2w
