// TagCommand: adding a tag to (or removing it from) a selection of photos and
// items, as one undoable step of the library view. Undo touches only the
// entries the change touched, so entries that already had the tag keep it.
#pragma once

#include <QString>
#include <QUndoCommand>

#include <vector>

#include "library_grid_model.h"

namespace w2w {

class LibraryController;

class TagCommand : public QUndoCommand {
 public:
  TagCommand(LibraryController* library, std::vector<GridEntry> entries, QString tag, bool add);

  // Both do nothing when the change is already in that state, so the
  // command can be applied (and checked) before it is pushed on a stack.
  void redo() override;
  void undo() override;
  // The error of the last redo or undo ("" when it worked).
  QString error() const { return error_; }

 private:
  LibraryController* library_;
  std::vector<GridEntry> entries_;  // the selection
  std::vector<GridEntry> changed_;  // what the first redo changed
  QString tag_;
  bool add_;
  bool first_ = true;     // the next redo is the first one
  bool applied_ = false;  // the tags are as redo() leaves them
  QString error_;
};

}  // namespace w2w
