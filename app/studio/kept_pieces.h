// KeptPieces: the pieces a view holds (the outfit board, the recommendations'
// given pieces), kept in the settings per library file so that they are
// there again after a restart. Pieces removed from the library meanwhile are
// left out when restored.
#pragma once

#include <QString>

#include "board_pieces.h"

namespace w2w {

class LibraryController;
class StudioSettings;

class KeptPieces {
 public:
  // `view` names the view in the settings; without settings nothing is kept.
  KeptPieces(QString view, StudioSettings* settings, const LibraryController* library);

  // The pieces kept for the open library (none when no library is open).
  BoardPieces restore() const;
  void keep(const BoardPieces& pieces) const;

 private:
  QString view_;
  StudioSettings* settings_;
  const LibraryController* library_;
};

}  // namespace w2w
