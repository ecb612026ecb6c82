// SavedOutfitCommand: saving an outfit to the library, or deleting a saved
// one, as one undoable step of the outfit board. Undoing a deletion saves the
// outfit again (under a new id, with the same name and pieces).
#pragma once

#include <QString>
#include <QUndoCommand>

#include "library/types.h"

namespace w2w {

class LibraryController;

class SavedOutfitCommand : public QUndoCommand {
 public:
  // save: `outfit` is saved by redo(); otherwise the saved outfit
  // `outfit.id` is deleted by redo().
  SavedOutfitCommand(LibraryController* library, Outfit outfit, bool save, const QString& text);

  // Both do nothing when the library is already in that state, so the
  // command can be applied (and checked) before it is pushed on a stack.
  void redo() override;
  void undo() override;
  QString error() const { return error_; }  // of the last redo or undo
  Id outfitId() const { return outfit_.id; }

 private:
  QString add();
  QString remove();

  LibraryController* library_;
  Outfit outfit_;
  bool save_;
  bool applied_ = false;
  QString error_;
};

}  // namespace w2w
