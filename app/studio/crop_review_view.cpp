#include "crop_review_view.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "category_style.h"
#include "crop_canvas.h"
#include "crop_session.h"
#include "image_convert.h"
#include "library/library.h"
#include "view_action.h"

namespace w2w {
namespace {

QRect toRect(const Box& b) { return {b.x, b.y, b.width, b.height}; }

// The photo with everything outside the person's mask painted white.
QImage whiteBackground(const PhotoPixels& p) {
  QImage image = toQImage(p.photo);
  if (p.mask.empty() || p.mask.width != p.photo.width || p.mask.height != p.photo.height) return image;
  for (int y = 0; y < image.height(); ++y) {
    uchar* row = image.scanLine(y);
    const std::uint8_t* m = p.mask.pixels.data() + static_cast<std::size_t>(y) * p.mask.width;
    for (int x = 0; x < image.width(); ++x) {
      if (m[x] < 128) row[3 * x] = row[3 * x + 1] = row[3 * x + 2] = 255;
    }
  }
  return image;
}

}  // namespace

CropReviewView::CropReviewView(CropSession* session, QWidget* parent) : QWidget(parent), session_(session) {
  setObjectName("crops");
  canvas_ = new CropCanvas(this);
  canvas_->setObjectName("cropCanvas");
  queue_ = new QListWidget(this);
  queue_->setObjectName("reviewQueue");
  details_ = new QLabel(this);
  details_->setWordWrap(true);
  details_->setTextFormat(Qt::RichText);
  title_ = new QLabel(this);
  toolbar_ = new QToolBar(this);
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);

  auto action = [this](const char* name, QList<QKeySequence> keys, auto slot) {
    QAction* a = addViewAction(this, name, keys, toolbar_);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  whiteBackground_ = action("actionWhiteBackground", {QKeySequence(Qt::Key_W)}, [this] { refreshImage(); });
  whiteBackground_->setCheckable(true);
  toolbar_->addSeparator();
  acceptAction_ =
      action("actionAccept", {QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_Return)}, [this] { accept(); });
  flagAction_ = action("actionFlag", {QKeySequence(Qt::Key_F)}, [this] { flag(); });
  previousAction_ =
      action("actionPrevious", {QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_PageUp)}, [this] { step(-1); });
  nextAction_ =
      action("actionNext", {QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_PageDown)}, [this] { step(1); });
  drawAction_ = action("actionDrawBox", {QKeySequence(Qt::Key_D)}, [this] { drawMissing(); });
  toolbar_->addSeparator();
  undoAction_ = session_->undoStack()->createUndoAction(this);
  undoAction_->setShortcuts(QKeySequence::Undo);
  redoAction_ = session_->undoStack()->createRedoAction(this);
  redoAction_->setShortcuts(QKeySequence::Redo);
  for (QAction* a : {undoAction_, redoAction_}) {
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(a);
    toolbar_->addAction(a);
  }

  auto* side = new QWidget(this);
  auto* sideLayout = new QVBoxLayout(side);
  sideLayout->setContentsMargins(0, 0, 0, 0);
  sideLayout->addWidget(new QLabel(tr("Review queue (least certain first)"), side));
  sideLayout->addWidget(queue_, 1);
  sideLayout->addWidget(details_);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(canvas_);
  splitter->addWidget(side);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  side->setMinimumWidth(320);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(toolbar_);
  layout->addWidget(title_);
  layout->addWidget(splitter, 1);

  connect(canvas_, &CropCanvas::boxEdited, this,
          [this](Category c, const QRect& before, const QRect& after, bool fromKeyboard) {
            const Id item = itemIds_[static_cast<std::size_t>(c)];
            if (item) session_->moveBox(item, before, after, fromKeyboard);
          });
  connect(canvas_, &CropCanvas::boxDrawn, this,
          [this](Category c, const QRect& box) { session_->addBox(current_, c, box); });
  connect(canvas_, &CropCanvas::selectionChanged, this, [this] { refreshDetails(); });
  connect(queue_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) showPhoto(queue_->item(row)->data(Qt::UserRole).toLongLong());
  });
  connect(session_, &CropSession::cropChanged, this, [this](Id photo) {
    if (photo == current_) {
      refreshBoxes();
      refreshDetails();
    }
  });
  retranslate();
}

void CropReviewView::retranslate() {
  whiteBackground_->setText(tr("White background"));
  whiteBackground_->setToolTip(tr("Show the photo with its background removed (W)"));
  acceptAction_->setText(tr("Accept"));
  acceptAction_->setToolTip(tr("The crops are right: mark the photo reviewed and go on (A)"));
  flagAction_->setText(tr("Flag"));
  flagAction_->setToolTip(tr("Mark the photo for attention and go on (F)"));
  previousAction_->setText(tr("Previous"));
  nextAction_->setText(tr("Next"));
  drawAction_->setText(tr("Draw missing box"));
  drawAction_->setToolTip(tr("Draw the selected category's box when the pipeline found none (D)"));
  undoAction_->setText(tr("Undo"));
  redoAction_->setText(tr("Redo"));
  refreshDetails();
}

void CropReviewView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void CropReviewView::reloadQueue() {
  Library* library = session_->library();
  if (current_ && library) {
    auto shown = library->photo(current_);
    if (shown && !*shown) {  // removed from the library: its edits cannot be undone any more
      current_ = 0;
      session_->undoStack()->clear();
      canvas_->clearBoxes();
      canvas_->setImage({});
      refreshDetails();
    }
  }
  const Id keep = current_;
  QSignalBlocker block(queue_);
  queue_->clear();
  if (!library) return;
  auto photos = library->reviewQueue();
  if (!photos) return;
  for (const Photo& p : *photos) {
    double lowest = 1.0;
    int found = 0;
    for (const auto& item : session_->crops(p.id)) {
      if (!item) continue;
      ++found;
      lowest = std::min(lowest, item->confidence);
    }
    const QString name = QFileInfo(QString::fromStdString(p.path)).fileName();
    auto* row = new QListWidgetItem(
        found < kSeedSlotCount ? tr("%1 — %n box(es) missing", nullptr, kSeedSlotCount - found).arg(name)
                               : tr("%1 — lowest confidence %2").arg(name).arg(lowest, 0, 'f', 2),
        queue_);
    row->setData(Qt::UserRole, static_cast<qlonglong>(p.id));
    if (p.id == keep) queue_->setCurrentItem(row);
  }
  if (!current_ && queue_->count() > 0) {
    queue_->setCurrentRow(0);
    showPhoto(queue_->item(0)->data(Qt::UserRole).toLongLong());
  }
}

void CropReviewView::showPhoto(Id photoId) {
  current_ = photoId;
  canvas_->clearBoxes();
  refreshImage();
  refreshBoxes();
  refreshDetails();
  canvas_->setFocus();
}

void CropReviewView::refreshImage() {
  if (!current_) return;
  const PhotoPixels& p = session_->pixels(current_);
  if (!p.error.isEmpty()) {
    canvas_->setImage({});
    title_->setText(p.error);
    return;
  }
  canvas_->setImage(whiteBackground_->isChecked() ? whiteBackground(p) : toQImage(p.photo));
}

void CropReviewView::refreshBoxes() {
  itemIds_ = {};
  for (const auto& item : session_->crops(current_)) {
    if (!item || !item->box) continue;
    itemIds_[static_cast<std::size_t>(seedSlot(item->category))] = item->id;
    canvas_->setBox(item->category, toRect(*item->box));
  }
  for (Category c : kSeedSlots) {
    if (!itemIds_[static_cast<std::size_t>(seedSlot(c))]) canvas_->setBox(c, std::nullopt);
  }
}

void CropReviewView::refreshDetails() {
  if (!current_ || !session_->library()) {
    title_->setText(tr("No photo to review. Import outfit photos, or pick one in the library."));
    details_->clear();
    return;
  }
  auto photo = session_->library()->photo(current_);
  if (photo && *photo) {
    title_->setText(tr("<b>%1</b> — %2")
                        .arg(QFileInfo(QString::fromStdString((*photo)->path)).fileName(),
                             QString::fromUtf8(photoStatusName((*photo)->status))));
  }
  QString text;
  for (const auto& item : session_->crops(current_)) {
    if (!item) continue;
    text += tr("<span style='color:%1'>■</span> %2: %3, confidence %4<br>")
                .arg(categoryColor(item->category).name(), categoryLabel(item->category),
                     item->source == ItemSource::Manual ? tr("edited") : tr("automatic"))
                .arg(item->confidence, 0, 'f', 2);
  }
  for (Category c : kSeedSlots) {
    if (!itemIds_[static_cast<std::size_t>(seedSlot(c))]) {
      text += tr("<span style='color:%1'>□</span> %2: not found — select it and press D to draw it<br>")
                  .arg(categoryColor(c).name(), categoryLabel(c));
    }
  }
  details_->setText(text);
}

void CropReviewView::step(int direction) {
  const int row = queue_->currentRow() + direction;
  if (row >= 0 && row < queue_->count()) queue_->setCurrentRow(row);
}

void CropReviewView::accept() {
  if (!current_) return;
  session_->setPhotoStatus(current_, PhotoStatus::Reviewed);
  step(1);
}

void CropReviewView::flag() {
  if (!current_) return;
  session_->setPhotoStatus(current_, PhotoStatus::Flagged);
  step(1);
}

void CropReviewView::drawMissing() {
  const Category c = canvas_->selected();
  if (current_ && !itemIds_[static_cast<std::size_t>(seedSlot(c))]) canvas_->startDrawing(c);
}

}  // namespace w2w
