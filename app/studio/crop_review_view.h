// CropReviewView: the curator's view. A review queue of photos (least certain
// crops first) filtered by state (to review, reviewed, flagged), the photo
// with its boxes, a legend of the garment categories, and Accept / Flag /
// Next. The filter and the photo shown are remembered per library.
//
// Shortcuts: 1, 2, ... choose a category (and arm drawing when it has no
// box), D draws the chosen category's box anew, Delete deletes it, V marks the
// garment not visible (again: visible), A or Enter accept, F flag, N or Page
// Down next, P or Page Up previous, W original / white background, Ctrl+Z /
// Ctrl+Shift+Z undo and redo (Edit menu); on the photo: arrows nudge, + / - / 0 zoom.
#pragma once

#include <QWidget>

#include <array>

#include "library/types.h"

class QAction;
class QButtonGroup;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolBar;
class QToolButton;

namespace w2w {

class CropCanvas;
class CropLegend;
class CropSession;
class StudioSettings;
struct ReviewEntry;

class CropReviewView : public QWidget {
  Q_OBJECT

 public:
  // `settings` (optional) remembers the filter and the photo per library.
  CropReviewView(CropSession* session, StudioSettings* settings = nullptr, QWidget* parent = nullptr);

  // Reloads the queue (after an import or when the library changes). Rows
  // already listed stay where they are, with their marks brought up to date.
  void reloadQueue();
  // Off for a read-only library: the boxes are shown, not changed.
  void setEditable(bool editable);
  // Shows a photo (any photo of the library, queued or not).
  void showPhoto(Id photoId);
  Id currentPhoto() const { return current_; }
  CropCanvas* canvas() const { return canvas_; }

  // Which photos the queue lists: to review (Processed), Reviewed or Flagged.
  void setFilter(PhotoStatus filter);
  PhotoStatus filter() const { return filter_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void refreshBoxes();
  void refreshImage();
  void refreshDetails();
  void refreshCounts();
  void refreshRow(Id photoId);
  void fillRow(QListWidgetItem* row, const ReviewEntry& entry);
  QListWidgetItem* rowOf(Id photoId) const;
  void step(int direction);
  void accept();
  void flag();
  void chooseCategory(Category c);
  void drawBox();
  void deleteBox();
  void toggleNotVisible();
  // Asks before removing a crop that saved outfits wear (they go with it).
  bool confirmLosingOutfits(Category c, Id itemId);
  void restoreState();

  CropSession* session_;
  StudioSettings* settings_;
  CropCanvas* canvas_;
  CropLegend* legend_;
  QToolButton* zoomOut_;
  QToolButton* zoomIn_;
  QToolButton* fit_;
  QLabel* zoomLabel_;
  QListWidget* queue_;
  QLabel* queueTitle_;
  QLabel* queueCount_;
  QButtonGroup* filters_;
  std::array<QToolButton*, 3> filterButtons_{};
  QLabel* details_;
  QLabel* title_;
  QToolBar* toolbar_;
  QAction* whiteBackground_;
  QAction* acceptAction_;
  QAction* flagAction_;
  QAction* previousAction_;
  QAction* nextAction_;
  QAction* drawAction_;
  QAction* deleteAction_;
  QAction* notVisibleAction_;
  QAction* undoAction_;
  QAction* redoAction_;
  std::array<QAction*, kCategoryCount> categoryActions_{};
  PhotoStatus filter_ = PhotoStatus::Processed;
  QString emptyText_;    // what the photo area says while there is no photo
  QString libraryPath_;  // the library the queue was filled from
  Id current_ = 0;
  bool editable_ = true;               // false on a read-only library
  std::array<long long, 3> counts_{};  // to review, reviewed, flagged
};

}  // namespace w2w
