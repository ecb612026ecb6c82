// CropReviewView: the curator's view. A review queue of photos (least certain
// crops first), the photo with its boxes to drag, and Accept / Flag / Next.
//
// Shortcuts: A or Enter accept, F flag, N or Page Down next, P or Page Up
// previous, W original / white background, D draw the selected box when it is
// missing, Ctrl+Z / Ctrl+Shift+Z undo and redo, Tab next box, arrows nudge.
#pragma once

#include <QWidget>

#include "library/types.h"

class QAction;
class QCheckBox;
class QLabel;
class QListWidget;
class QToolBar;

namespace w2w {

class CropCanvas;
class CropSession;

class CropReviewView : public QWidget {
  Q_OBJECT

 public:
  CropReviewView(CropSession* session, QWidget* parent = nullptr);

  // Reloads the queue (after an import or when the library changes).
  void reloadQueue();
  // Shows a photo (any photo of the library, queued or not).
  void showPhoto(Id photoId);
  Id currentPhoto() const { return current_; }
  CropCanvas* canvas() const { return canvas_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void refreshBoxes();
  void refreshImage();
  void refreshDetails();
  void step(int direction);
  void accept();
  void flag();
  void drawMissing();

  CropSession* session_;
  CropCanvas* canvas_;
  QListWidget* queue_;
  QLabel* details_;
  QLabel* title_;
  QToolBar* toolbar_;
  QAction* whiteBackground_;
  QAction* acceptAction_;
  QAction* flagAction_;
  QAction* previousAction_;
  QAction* nextAction_;
  QAction* drawAction_;
  QAction* undoAction_;
  QAction* redoAction_;
  Id current_ = 0;
  std::array<Id, kSeedSlotCount> itemIds_{};
};

}  // namespace w2w
