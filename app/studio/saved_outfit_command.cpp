#include "saved_outfit_command.h"

#include "library_controller.h"

namespace w2w {

SavedOutfitCommand::SavedOutfitCommand(LibraryController* library, Outfit outfit, bool save,
                                       const QString& text)
    : library_(library), outfit_(std::move(outfit)), save_(save) {
  setText(text);
}

QString SavedOutfitCommand::add() {
  outfit_.id = 0;
  return library_->addOutfit(outfit_);
}

QString SavedOutfitCommand::remove() { return library_->removeOutfit(outfit_.id); }

void SavedOutfitCommand::redo() {
  if (applied_) return;
  error_ = save_ ? add() : remove();
  applied_ = error_.isEmpty();
}

void SavedOutfitCommand::undo() {
  if (!applied_) return;
  error_ = save_ ? remove() : add();
  applied_ = !error_.isEmpty();
}

}  // namespace w2w
