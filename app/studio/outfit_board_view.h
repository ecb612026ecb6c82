// OutfitBoardView: the stylist's board. A top, a bottom and shoes dropped from
// the library (or a whole photo's three crops); the outfit score and the three
// pair similarities update as pieces change; any piece can be swapped for one
// of the candidates listed for its slot; "Modify at random" makes the seed's
// modified outfit; the outfit can be saved to the library; every change is
// undoable.
//
// Shortcuts: R modify at random, Ctrl+S save, Ctrl+L complete the look (fills
// the empty slots), Delete clear, Ctrl+Z / Ctrl+Shift+Z undo and redo.
#pragma once

#include <QUndoStack>
#include <QWidget>

#include <array>
#include <random>

#include "library/types.h"

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QToolBar;

namespace w2w {

class CompatService;
class ItemSlot;
class LibraryController;
class SimilarityMatrix;

using BoardPieces = std::array<Id, kSeedSlotCount>;  // 0 = empty slot

class OutfitBoardView : public QWidget {
  Q_OBJECT

 public:
  OutfitBoardView(LibraryController* library, CompatService* compat, QWidget* parent = nullptr);

  const BoardPieces& pieces() const { return pieces_; }
  // Undoable changes.
  void setPiece(Category category, Id item);
  void setPieces(const BoardPieces& pieces, const QString& what);
  void takePhoto(Id photoId);  // the three crops of an outfit photo
  void modifyAtRandom();
  void completeTheLook();
  QString saveOutfit(const QString& name);  // returns an error, empty on success
  // The library's saved outfits: put one on the board, or delete one
  // (undoable, like saving). Return an error, empty on success.
  QString openSavedOutfit(Id outfitId);
  QString deleteSavedOutfit(Id outfitId);
  QComboBox* savedOutfits() const { return savedChoice_; }

  // Applied without the undo stack (the commands call this).
  void applyPieces(const BoardPieces& pieces);
  QUndoStack* undoStack() { return &undo_; }
  double score() const { return score_; }  // NaN when incomplete or not encoded
  Category selectedSlot() const { return selected_; }
  void selectSlot(Category category);

 Q_SIGNALS:
  void completeRequested(const w2w::BoardPieces& pieces);  // open the recommendations for the board

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void refreshScore();
  void refreshCandidates();
  void reloadSavedOutfits();
  void dropRemovedPieces();  // pieces removed from the library leave the board

  LibraryController* library_;
  CompatService* compat_;
  QUndoStack undo_;
  BoardPieces pieces_{};
  Category selected_ = Category::Top;
  double score_;
  std::mt19937 random_{std::random_device{}()};

  std::array<ItemSlot*, kSeedSlotCount> slots_{};
  QLabel* scoreLabel_;
  QLabel* spaceLabel_;
  QLabel* candidatesLabel_;
  SimilarityMatrix* pairs_;
  QListWidget* candidates_;
  QToolBar* toolbar_;
  QAction* randomAction_;
  QAction* saveAction_;
  QAction* completeAction_;
  QAction* clearAction_;
  QAction* recommendAction_;
  QAction* undoAction_;
  QAction* redoAction_;
  QComboBox* savedChoice_;  // item 0: the prompt; then one row per saved outfit (data: its id)
  QAction* deleteSavedAction_;
};

}  // namespace w2w

Q_DECLARE_METATYPE(w2w::BoardPieces)
