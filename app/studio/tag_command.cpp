#include "tag_command.h"

#include <QCoreApplication>

#include "library_controller.h"

namespace w2w {

TagCommand::TagCommand(LibraryController* library, std::vector<GridEntry> entries, QString tag, bool add)
    : library_(library), entries_(std::move(entries)), tag_(std::move(tag)), add_(add) {
  const int n = static_cast<int>(entries_.size());
  setText(
      add_ ? QCoreApplication::translate("w2w::TagCommand", "Tag %n entries '%1'", nullptr, n).arg(tag_)
           : QCoreApplication::translate("w2w::TagCommand", "Untag %n entries '%1'", nullptr, n).arg(tag_));
}

void TagCommand::redo() {
  if (applied_) return;
  // The first time the whole selection; after an undo, what changed then.
  error_ = library_->changeTag(first_ ? entries_ : changed_, tag_, add_, &changed_);
  first_ = false;
  applied_ = error_.isEmpty();
}

void TagCommand::undo() {
  if (!applied_) return;
  error_ = library_->changeTag(changed_, tag_, !add_);
  applied_ = !error_.isEmpty();
}

}  // namespace w2w
