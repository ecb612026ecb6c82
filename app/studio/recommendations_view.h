// RecommendationsView: "complete the look". The given pieces (from the board,
// or taken from the wardrobe panel beside them) and, for every empty slot,
// the library's items ranked by how well the whole outfit would go together,
// each with its score, the model's verdict and the per-pair "why"; from a
// single piece, whole outfits (the best pairs scored together); with every
// slot filled, the alternatives to each piece that suit the others. Options:
// how many, diversity, leave out crops of the same photo or items already in
// saved outfits, only items with a tag. Double-click a suggestion to put it
// on the board. The given pieces are kept across restarts, per library.
#pragma once

#include <QWidget>

#include <vector>

#include "board_pieces.h"
#include "kept_pieces.h"
#include "library/types.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QSlider;
class QSpinBox;

namespace w2w {

class CompatService;
class ItemSlot;
class LibraryController;
class LibraryGridModel;
class StudioSettings;
class WardrobePanel;

class RecommendationsView : public QWidget {
  Q_OBJECT

 public:
  // `wardrobe`: the library's grid model, shown by the wardrobe panel;
  // `settings` (may be null) keeps the given pieces of each library.
  RecommendationsView(LibraryController* library, CompatService* compat, LibraryGridModel* wardrobe,
                      StudioSettings* settings, QWidget* parent = nullptr);

  void setPieces(const BoardPieces& pieces);
  const BoardPieces& pieces() const { return pieces_; }
  void refresh();
  // Results shown, for tests: one list per slot, and the whole outfits.
  QListWidget* list(Category category) const;
  QListWidget* outfits() const { return outfits_; }
  QString status() const;

 Q_SIGNALS:
  void putOnBoard(const w2w::BoardPieces& pieces);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void reloadTags();
  void selectSlot(Category category);
  std::size_t slotIndex(Category category) const;

  LibraryController* library_;
  CompatService* compat_;
  KeptPieces kept_;  // the given pieces outlive a restart, as the board does
  BoardPieces pieces_;
  Category selected_ = kBoardSlots.front();
  // One of each per slot, in kBoardSlots order.
  std::vector<ItemSlot*> slots_;
  std::vector<QListWidget*> lists_;
  std::vector<QLabel*> listLabels_;
  std::vector<QWidget*> listColumns_;
  QWidget* slotPanel_;
  QAction* removeAction_;
  WardrobePanel* wardrobe_;
  QWidget* outfitColumn_;
  QListWidget* outfits_;
  QLabel* outfitsLabel_;
  QLabel* status_;
  QSpinBox* k_;
  QSlider* diversity_;
  QLabel* kLabel_;
  QLabel* diversityLabel_;
  QCheckBox* samePhoto_;
  QCheckBox* excludeSaved_;
  QComboBox* tag_;
  QLabel* tagLabel_;
};

}  // namespace w2w
