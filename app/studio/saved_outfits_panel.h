// SavedOutfitsPanel: the outfits a person saved in the library, each with the
// pictures of its pieces, its name, its score and the model's verdict. Shown
// on the outfit board and in the library view.
//
// Enter or double-click puts one on the board (openRequested); F2 renames it;
// Delete removes it from the library after asking. Saving and deleting are
// explicit and final: no undo stack holds them, so undoing on the board never
// deletes or brings back a saved outfit.
#pragma once

#include <QWidget>

#include "library/types.h"

class QAction;
class QLabel;
class QListWidget;

namespace w2w {

class CompatService;
class LibraryController;

class SavedOutfitsPanel : public QWidget {
  Q_OBJECT

 public:
  SavedOutfitsPanel(LibraryController* library, CompatService* compat, QWidget* parent = nullptr);

  QListWidget* list() const { return list_; }
  // Removes a saved outfit from the library, after asking when `confirm`.
  // Returns the error, or "" when it was removed or the person declined.
  QString deleteOutfit(Id outfitId, bool confirm);
  QString renameOutfit(Id outfitId, const QString& name);

 Q_SIGNALS:
  void openRequested(w2w::Id outfitId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void reload();
  void updateActions();
  Id currentOutfit() const;

  LibraryController* library_;
  CompatService* compat_;
  QLabel* title_;
  QListWidget* list_;
  QAction* open_;
  QAction* rename_;
  QAction* delete_;
};

}  // namespace w2w
