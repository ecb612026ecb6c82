// OutfitBoardView: the stylist's board. One slot per board category, filled
// from the wardrobe panel beside it (double-click, Enter or drag), from the
// library (its context menu, Enter, or a drag that rests on the board's tab)
// or from the recommendations. The outfit score, the model's verdict on it
// and the pair similarities update as pieces change; the best pieces for the
// selected slot are listed to swap one in; "Modify at random" makes the
// seed's modified outfit; "Complete the look" fills the empty slots. Every
// change of the pieces is undoable (Edit menu) and the board is kept, per
// library, across restarts. Saving an outfit is a separate, final step: the
// saved outfits panel lists them (and deletes one after asking).
//
// Shortcuts: R modify at random, Ctrl+L complete the look, Ctrl+R show
// recommendations, Ctrl+S save, Delete remove the selected slot's piece,
// Ctrl+Shift+Delete clear the board.
#pragma once

#include <QUndoStack>
#include <QWidget>

#include <random>

#include "board_pieces.h"
#include "kept_pieces.h"
#include "library/types.h"

class QAction;
class QLabel;
class QListWidget;
class QTabWidget;
class QToolBar;

namespace w2w {

class CompatService;
class ItemSlot;
class LibraryController;
class LibraryGridModel;
class SavedOutfitsPanel;
class SimilarityMatrix;
class StudioSettings;
class WardrobePanel;

class OutfitBoardView : public QWidget {
  Q_OBJECT

 public:
  // `wardrobe`: the library's grid model, which the wardrobe panel shows;
  // `settings` (may be null) keeps the board of each library.
  OutfitBoardView(LibraryController* library, CompatService* compat, LibraryGridModel* wardrobe,
                  StudioSettings* settings, QWidget* parent = nullptr);

  const BoardPieces& pieces() const { return pieces_; }
  // Undoable changes. An item always goes to the slot of its own category.
  void setPiece(Category category, Id item);
  void setPieces(const BoardPieces& pieces, const QString& what);
  // Items of any categories, each to its slot (a photo brings its crops).
  void putItems(const std::vector<Id>& items, const QString& what);
  void takePhoto(Id photoId);
  void removePiece(Category category);
  // These report what they did, or why not, in notice().
  void modifyAtRandom();
  void completeTheLook();
  // Saves the pieces as an outfit in the library (not an undo step). Returns
  // an error, empty on success.
  QString saveOutfit(const QString& name);
  QString openSavedOutfit(Id outfitId);

  // Applied without the undo stack (the commands call this).
  void applyPieces(const BoardPieces& pieces);
  QUndoStack* undoStack() { return &undo_; }
  double score() const { return score_; }  // NaN when incomplete or not encoded
  Category selectedSlot() const { return selected_; }
  void selectSlot(Category category);
  QString notice() const;

 Q_SIGNALS:
  void completeRequested(const w2w::BoardPieces& pieces);  // open the recommendations for the board
  void piecesChanged(const w2w::BoardPieces& pieces);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void refresh();  // everything shown, from pieces_
  void refreshSlots();
  void refreshScore();
  void refreshCandidates();
  void updateUndoActions();  // enabled state and tool tips (the steps' names)
  void restoreForLibrary();
  void dropRemovedPieces();  // pieces removed from the library leave the board
  void say(const QString& message);
  void askAndSave();
  Category nextEmptySlot(Category after) const;
  ItemSlot* slotOf(Category category) const;

  LibraryController* library_;
  CompatService* compat_;
  KeptPieces kept_;  // the board outlives a restart
  QUndoStack undo_;
  BoardPieces pieces_;
  Category selected_ = kBoardSlots.front();
  double score_;
  std::mt19937_64 random_{std::random_device{}()};

  std::vector<ItemSlot*> slots_;  // in kBoardSlots order
  QWidget* slotPanel_;
  QLabel* notice_;
  QLabel* scoreLabel_;
  QLabel* ruleLabel_;
  QLabel* spaceLabel_;
  QLabel* candidatesLabel_;
  SimilarityMatrix* pairs_;
  QListWidget* candidates_;
  QTabWidget* side_;
  WardrobePanel* wardrobe_;
  SavedOutfitsPanel* saved_;
  QToolBar* toolbar_;
  QAction* randomAction_;
  QAction* saveAction_;
  QAction* completeAction_;
  QAction* recommendAction_;
  QAction* removeAction_;
  QAction* clearAction_;
  QAction* undoAction_;
  QAction* redoAction_;
};

}  // namespace w2w
