#include "kept_pieces.h"

#include <utility>

#include "library_controller.h"
#include "studio_settings.h"

namespace w2w {

KeptPieces::KeptPieces(QString view, StudioSettings* settings, const LibraryController* library)
    : view_(std::move(view)), settings_(settings), library_(library) {}

BoardPieces KeptPieces::restore() const {
  if (!settings_ || !library_->hasLibrary()) return {};
  BoardPieces kept = BoardPieces::fromText(settings_->pieces(view_, library_->path()));
  kept.drop(library_->missingItems(kept.items()));
  return kept;
}

void KeptPieces::keep(const BoardPieces& pieces) const {
  if (settings_ && library_->hasLibrary()) settings_->setPieces(view_, library_->path(), pieces.toText());
}

}  // namespace w2w
