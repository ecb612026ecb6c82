// Pictures of pieces for lists and slots: an item's crop, and the crops of an
// outfit side by side.
#pragma once

#include <QPixmap>

#include <vector>

#include "library/types.h"

namespace w2w {

class LibraryController;

// The item's crop; a null pixmap for 0 or an item without one.
QPixmap piecePicture(const LibraryController* library, Id item);

// The pieces' crops side by side, each `side` pixels square (empty places
// stay transparent).
QPixmap outfitStrip(const LibraryController* library, const std::vector<Id>& items, int side);

}  // namespace w2w
