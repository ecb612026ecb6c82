// RecommendationsView: "complete the look". One or two pieces (from the board,
// or dropped from the library) and, for every missing category, the library's
// items ranked by how well the whole outfit would go together, each with its
// score and the per-pair "why"; from a single piece, whole outfits (the best
// pairs scored together). Options: how many, diversity, leave out crops of the
// same photo or items already in saved outfits, only items with a tag.
#pragma once

#include <QWidget>

#include <array>

#include "library/types.h"
#include "outfit_board_view.h"

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

class RecommendationsView : public QWidget {
  Q_OBJECT

 public:
  RecommendationsView(LibraryController* library, CompatService* compat, QWidget* parent = nullptr);

  void setPieces(const BoardPieces& pieces);
  const BoardPieces& pieces() const { return pieces_; }
  void refresh();
  // Results shown, for tests: one list per category, and the whole outfits.
  QListWidget* list(Category category) const { return lists_[static_cast<std::size_t>(seedSlot(category))]; }
  QListWidget* outfits() const { return outfits_; }

 Q_SIGNALS:
  void putOnBoard(const w2w::BoardPieces& pieces);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void reloadTags();

  LibraryController* library_;
  CompatService* compat_;
  BoardPieces pieces_{};
  std::array<ItemSlot*, kSeedSlotCount> slots_{};
  std::array<QListWidget*, kSeedSlotCount> lists_{};
  std::array<QLabel*, kSeedSlotCount> listLabels_{};
  std::array<QWidget*, kSeedSlotCount> listColumns_{};
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
