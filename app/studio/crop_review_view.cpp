#include "crop_review_view.h"

#include <QAction>
#include <QButtonGroup>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

#include "category_style.h"
#include "crop_canvas.h"
#include "crop_legend.h"
#include "crop_session.h"
#include "image_convert.h"
#include "library/library.h"
#include "photo_status_label.h"
#include "studio_settings.h"
#include "view_action.h"
#include "vision/photo_analyzer.h"

namespace w2w {
namespace {

QRect toRect(const Box& b) { return {b.x, b.y, b.width, b.height}; }

constexpr std::array<PhotoStatus, 3> kFilters = {PhotoStatus::Processed, PhotoStatus::Reviewed,
                                                 PhotoStatus::Flagged};
int filterIndex(PhotoStatus s) {
  const auto it = std::find(kFilters.begin(), kFilters.end(), s);
  return it == kFilters.end() ? 0 : static_cast<int>(it - kFilters.begin());
}

bool contains(const std::vector<Category>& list, Category c) {
  return std::find(list.begin(), list.end(), c) != list.end();
}

}  // namespace

CropReviewView::CropReviewView(CropSession* session, StudioSettings* settings, QWidget* parent)
    : QWidget(parent), session_(session), settings_(settings) {
  setObjectName("crops");
  canvas_ = new CropCanvas(this);
  canvas_->setObjectName("cropCanvas");
  legend_ = new CropLegend(this);
  legend_->setObjectName("cropLegend");
  const auto zoomButton = [this](const char* name) {
    auto* b = new QToolButton(this);
    b->setObjectName(name);
    b->setAutoRaise(true);
    b->setFocusPolicy(Qt::NoFocus);  // the photo keeps the keyboard
    return b;
  };
  zoomOut_ = zoomButton("zoomOut");
  zoomIn_ = zoomButton("zoomIn");
  fit_ = zoomButton("zoomFit");
  zoomLabel_ = new QLabel(this);
  zoomLabel_->setMinimumWidth(zoomLabel_->fontMetrics().horizontalAdvance("1600%") + 6);
  zoomLabel_->setAlignment(Qt::AlignCenter);
  queue_ = new QListWidget(this);
  queue_->setObjectName("reviewQueue");
  queueTitle_ = new QLabel(this);
  queueCount_ = new QLabel(this);
  queueCount_->setObjectName("reviewCount");
  filters_ = new QButtonGroup(this);
  filters_->setExclusive(true);
  for (int i = 0; i < 3; ++i) {
    auto* b = new QToolButton(this);
    b->setObjectName(QStringList{"filterToReview", "filterReviewed", "filterFlagged"}[i]);
    b->setCheckable(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    filters_->addButton(b, i);
    filterButtons_[static_cast<std::size_t>(i)] = b;
  }
  filterButtons_[0]->setChecked(true);
  details_ = new QLabel(this);
  details_->setWordWrap(true);
  details_->setTextFormat(Qt::RichText);
  title_ = new QLabel(this);
  title_->setObjectName("cropTitle");
  title_->setWordWrap(true);
  toolbar_ = new QToolBar(this);
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);

  auto action = [this](const char* name, QList<QKeySequence> keys, auto slot, bool inToolbar = true) {
    QAction* a = addViewAction(this, name, keys, inToolbar ? toolbar_ : nullptr);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  acceptAction_ =
      action("actionAccept", {QKeySequence(Qt::Key_A), QKeySequence(Qt::Key_Return)}, [this] { accept(); });
  flagAction_ = action("actionFlag", {QKeySequence(Qt::Key_F)}, [this] { flag(); });
  previousAction_ =
      action("actionPrevious", {QKeySequence(Qt::Key_P), QKeySequence(Qt::Key_PageUp)}, [this] { step(-1); });
  nextAction_ =
      action("actionNext", {QKeySequence(Qt::Key_N), QKeySequence(Qt::Key_PageDown)}, [this] { step(1); });
  toolbar_->addSeparator();
  drawAction_ = action("actionDrawBox", {QKeySequence(Qt::Key_D)}, [this] { drawBox(); });
  deleteAction_ =
      action("actionDeleteBox", {QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)},
             [this] { deleteBox(); });
  notVisibleAction_ = action("actionNotVisible", {QKeySequence(Qt::Key_V)}, [this] { toggleNotVisible(); });
  toolbar_->addSeparator();
  whiteBackground_ = action("actionWhiteBackground", {QKeySequence(Qt::Key_W)}, [this] { refreshImage(); });
  whiteBackground_->setCheckable(true);
  toolbar_->addSeparator();
  // Buttons only: Ctrl+Z and Ctrl+Shift+Z are the window's Edit menu, which
  // undoes on this view's stack while the view is on screen.
  undoAction_ = session_->undoStack()->createUndoAction(this);
  redoAction_ = session_->undoStack()->createRedoAction(this);
  for (QAction* a : {undoAction_, redoAction_}) toolbar_->addAction(a);
  // 1, 2, ...: one key per category, in the legend's order.
  for (Category c : kCategories) {
    const int index = categoryIndex(c);
    if (index >= 9) break;
    categoryActions_[static_cast<std::size_t>(index)] = action(
        qPrintable(QStringLiteral("actionCategory_%1").arg(QString::fromUtf8(categoryName(c)))),
        {QKeySequence(Qt::Key_1 + index)}, [this, c] { chooseCategory(c); }, false);
  }

  auto* canvasBar = new QHBoxLayout;
  canvasBar->setContentsMargins(0, 0, 0, 0);
  canvasBar->addWidget(legend_, 1);
  canvasBar->addWidget(zoomOut_);
  canvasBar->addWidget(zoomLabel_);
  canvasBar->addWidget(zoomIn_);
  canvasBar->addWidget(fit_);
  auto* photo = new QWidget(this);
  auto* photoLayout = new QVBoxLayout(photo);
  photoLayout->setContentsMargins(0, 0, 0, 0);
  photoLayout->addWidget(canvas_, 1);
  photoLayout->addLayout(canvasBar);

  auto* filterRow = new QHBoxLayout;
  filterRow->setSpacing(2);
  for (QToolButton* b : filterButtons_) filterRow->addWidget(b);
  auto* side = new QWidget(this);
  auto* sideLayout = new QVBoxLayout(side);
  sideLayout->setContentsMargins(0, 0, 0, 0);
  sideLayout->addWidget(queueTitle_);
  sideLayout->addLayout(filterRow);
  sideLayout->addWidget(queueCount_);
  sideLayout->addWidget(queue_, 1);
  sideLayout->addWidget(details_);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(photo);
  splitter->addWidget(side);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  splitter->setChildrenCollapsible(false);
  side->setMinimumWidth(260);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(toolbar_);
  layout->addWidget(title_);
  layout->addWidget(splitter, 1);

  connect(canvas_, &CropCanvas::boxEdited, this,
          [this](Category c, const QRect&, const QRect& after, bool fromKeyboard) {
            if (current_) session_->moveBox(current_, c, after, fromKeyboard);
          });
  connect(canvas_, &CropCanvas::boxDrawn, this, [this](Category c, const QRect& box) {
    if (current_) session_->addBox(current_, c, box);
  });
  connect(canvas_, &CropCanvas::selectionChanged, this, [this](Category c) {
    legend_->setSelected(c);
    refreshBoxes();  // what Delete and V act on
    refreshDetails();
  });
  connect(canvas_, &CropCanvas::zoomChanged, this,
          [this](double zoom) { zoomLabel_->setText(QStringLiteral("%1%").arg(qRound(zoom * 100))); });
  connect(legend_, &CropLegend::categoryClicked, this, [this](Category c) {
    chooseCategory(c);
    canvas_->setFocus();
  });
  connect(zoomIn_, &QToolButton::clicked, canvas_, [this] { canvas_->zoomBy(1.25); });
  connect(zoomOut_, &QToolButton::clicked, canvas_, [this] { canvas_->zoomBy(0.8); });
  connect(fit_, &QToolButton::clicked, canvas_, &CropCanvas::fitPhoto);
  connect(filters_, &QButtonGroup::idClicked, this,
          [this](int id) { setFilter(kFilters[static_cast<std::size_t>(id)]); });
  connect(queue_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (row >= 0) showPhoto(queue_->item(row)->data(Qt::UserRole).toLongLong());
  });
  connect(session_, &CropSession::cropChanged, this, [this](Id photo) {
    if (photo == current_) {
      refreshBoxes();
      refreshDetails();
    }
    refreshRow(photo);
    refreshCounts();
  });
  zoomLabel_->setText(QStringLiteral("100%"));
  legend_->setSelected(canvas_->selected());
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
  previousAction_->setToolTip(tr("The photo above in the queue (P)"));
  nextAction_->setText(tr("Next"));
  nextAction_->setToolTip(tr("The photo below in the queue (N)"));
  drawAction_->setText(tr("Draw box"));
  drawAction_->setToolTip(tr(
      "Draw the chosen category's box, a missing one or a new one over a wrong one (D); choose the category "
      "with 1, 2, ... or in the legend"));
  deleteAction_->setText(tr("Delete box"));
  deleteAction_->setToolTip(tr("Delete the chosen category's box (Delete)"));
  notVisibleAction_->setText(tr("Not visible"));
  notVisibleAction_->setToolTip(
      tr("The chosen garment cannot be seen in the photo: no box, not counted as missing, not proposed again "
         "by Crop again (V; again to undo the mark)"));
  undoAction_->setText(tr("Undo"));
  redoAction_->setText(tr("Redo"));
  for (Category c : kCategories) {
    if (QAction* a = categoryActions_[static_cast<std::size_t>(categoryIndex(c))])
      a->setText(tr("Choose %1").arg(categoryLabel(c)));
  }
  zoomOut_->setText(QStringLiteral("−"));
  zoomOut_->setToolTip(tr("Zoom out (-)"));
  zoomIn_->setText(QStringLiteral("+"));
  zoomIn_->setToolTip(tr("Zoom in (+, or the mouse wheel over the photo)"));
  fit_->setText(tr("Fit"));
  fit_->setToolTip(tr("Show the whole photo (0); drag with the middle button or with Space held to pan"));
  queueTitle_->setText(tr("<b>Review queue</b> (least certain first)"));
  emptyText_ =
      tr("No photo to review yet.\n\nImport outfit photos (File ▸ Import Photos, Ctrl+I, or drop them on the "
         "window): each is cropped into its garments, and the least certain crops come first here.");
  canvas_->setEmptyText(emptyText_);
  refreshCounts();
  refreshDetails();
}

void CropReviewView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void CropReviewView::setEditable(bool editable) {
  editable_ = editable;
  canvas_->setEditable(editable);  // a read-only library can still be looked at closely
  refreshBoxes();
}

void CropReviewView::setFilter(PhotoStatus filter) {
  filter_ = kFilters[static_cast<std::size_t>(filterIndex(filter))];
  filterButtons_[static_cast<std::size_t>(filterIndex(filter_))]->setChecked(true);
  if (settings_ && session_->library())
    settings_->setReviewFilter(libraryPath_, QString::fromUtf8(photoStatusName(filter_)));
  queue_->clear();  // a new list: the least certain first again
  reloadQueue();
  if (queue_->count() > 0 && !rowOf(current_)) queue_->setCurrentRow(0);
}

void CropReviewView::restoreState() {
  Library* library = session_->library();
  libraryPath_ = library ? QString::fromStdString(library->path()) : QString();
  current_ = 0;
  session_->undoStack()->clear();
  canvas_->clearBoxes();
  canvas_->setImage({});
  {
    const QSignalBlocker block(queue_);
    queue_->clear();
  }
  if (!settings_ || !library) {
    filter_ = PhotoStatus::Processed;
    filterButtons_[0]->setChecked(true);
    return;
  }
  const auto saved = parsePhotoStatus(settings_->reviewFilter(libraryPath_).toStdString());
  filter_ = kFilters[static_cast<std::size_t>(filterIndex(saved.value_or(PhotoStatus::Processed)))];
  filterButtons_[static_cast<std::size_t>(filterIndex(filter_))]->setChecked(true);
  const Id photo = settings_->reviewPhoto(libraryPath_);
  if (auto found = library->photo(photo); photo && found && *found) current_ = photo;
}

QListWidgetItem* CropReviewView::rowOf(Id photoId) const {
  for (int i = 0; i < queue_->count(); ++i) {
    if (queue_->item(i)->data(Qt::UserRole).toLongLong() == photoId) return queue_->item(i);
  }
  return nullptr;
}

void CropReviewView::fillRow(QListWidgetItem* row, const ReviewEntry& entry) {
  const QString name = QFileInfo(QString::fromStdString(entry.photo.path)).fileName();
  // The mark says at once what happened to the photo in this session too.
  QString mark;
  switch (entry.photo.status) {
    case PhotoStatus::Reviewed: mark = QStringLiteral("✓ "); break;
    case PhotoStatus::Flagged: mark = QStringLiteral("⚑ "); break;
    default: mark = QStringLiteral("• "); break;
  }
  QString state;
  if (!entry.missing.empty()) {
    QStringList names;
    for (Category c : entry.missing) names << categoryLabel(c);
    state = tr("missing: %1").arg(names.join(QStringLiteral(", ")));
  } else if (entry.crops > 0) {
    state = tr("lowest confidence %1").arg(entry.lowestConfidence, 0, 'f', 2);
  } else {
    state = tr("no boxes");
  }
  row->setText(mark + name + QStringLiteral(" — ") + state);
  row->setToolTip(photoStatusLabel(entry.photo.status));
  row->setData(Qt::UserRole, static_cast<qlonglong>(entry.photo.id));
}

void CropReviewView::refreshRow(Id photoId) {
  QListWidgetItem* row = rowOf(photoId);
  if (!row || !session_->library()) return;
  if (auto entry = session_->library()->reviewEntry(photoId); entry && *entry) fillRow(row, **entry);
}

void CropReviewView::reloadQueue() {
  Library* library = session_->library();
  const QString path = library ? QString::fromStdString(library->path()) : QString();
  if (path != libraryPath_) restoreState();  // another library: its own filter and photo
  if (current_ && library) {
    auto shown = library->photo(current_);
    if (shown && !*shown) {  // removed from the library: its edits cannot be undone any more
      current_ = 0;
      session_->undoStack()->clear();
      canvas_->clearBoxes();
      canvas_->setImage({});
    }
  }
  if (!library) {
    refreshCounts();
    refreshDetails();
    return;
  }
  auto entries = library->reviewQueue(filter_);
  {
    const QSignalBlocker block(queue_);
    // Rows already listed stay (a photo accepted a moment ago keeps its place
    // and shows its mark); gone photos leave; new ones join at the end.
    for (int i = queue_->count() - 1; i >= 0; --i) {
      const Id id = queue_->item(i)->data(Qt::UserRole).toLongLong();
      auto entry = library->reviewEntry(id);
      if (entry && *entry)
        fillRow(queue_->item(i), **entry);
      else
        delete queue_->takeItem(i);
    }
    if (entries) {
      for (const ReviewEntry& e : *entries) {
        if (!rowOf(e.photo.id)) fillRow(new QListWidgetItem(queue_), e);
      }
    }
    if (QListWidgetItem* row = rowOf(current_)) queue_->setCurrentItem(row);
  }
  refreshCounts();
  if (!current_ && queue_->count() > 0) {
    queue_->setCurrentRow(0);  // shows it
  } else if (current_ && canvas_->image().isNull()) {
    showPhoto(current_);  // restored after a restart
  } else {
    refreshBoxes();
    refreshDetails();
  }
}

void CropReviewView::refreshCounts() {
  counts_ = {};
  long long total = 0;
  if (Library* library = session_->library()) {
    if (auto info = library->info()) {
      for (std::size_t i = 0; i < kFilters.size(); ++i)
        counts_[i] = info->photosByStatus[static_cast<int>(kFilters[i])];
      total = counts_[0] + counts_[1] + counts_[2];
    }
  }
  filterButtons_[0]->setText(tr("To review (%1)").arg(counts_[0]));
  filterButtons_[1]->setText(tr("Reviewed (%1)").arg(counts_[1]));
  filterButtons_[2]->setText(tr("Flagged (%1)").arg(counts_[2]));
  filterButtons_[0]->setToolTip(tr("Photos whose crops nobody has accepted or flagged yet"));
  filterButtons_[1]->setToolTip(tr("Photos whose crops a curator accepted"));
  filterButtons_[2]->setToolTip(tr("Photos a curator flagged for attention"));
  const long long shown = counts_[static_cast<std::size_t>(filterIndex(filter_))];
  switch (filter_) {
    case PhotoStatus::Reviewed:
      queueCount_->setText(
          tr("%1 of %n cropped photo(s) reviewed", nullptr, static_cast<int>(total)).arg(shown));
      break;
    case PhotoStatus::Flagged:
      queueCount_->setText(
          tr("%1 of %n cropped photo(s) flagged", nullptr, static_cast<int>(total)).arg(shown));
      break;
    default:
      queueCount_->setText(
          tr("%1 of %n cropped photo(s) to review", nullptr, static_cast<int>(total)).arg(shown));
      break;
  }
}

void CropReviewView::showPhoto(Id photoId) {
  const bool another = photoId != current_;
  current_ = photoId;
  if (another) canvas_->clearBoxes();
  refreshImage();
  if (another) canvas_->fitPhoto();
  refreshBoxes();
  refreshDetails();
  if (QListWidgetItem* row = rowOf(photoId); row && queue_->currentItem() != row) {
    const QSignalBlocker block(queue_);
    queue_->setCurrentItem(row);
  }
  if (settings_ && !libraryPath_.isEmpty()) settings_->setReviewPhoto(libraryPath_, photoId);
  canvas_->setFocus();
}

void CropReviewView::refreshImage() {
  canvas_->setEmptyText(emptyText_);
  if (!current_) {
    canvas_->setImage({});
    return;
  }
  const PhotoPixels& p = session_->pixels(current_);
  if (!p.error.isEmpty()) {
    canvas_->setImage({});
    canvas_->setEmptyText(p.error);
    return;
  }
  canvas_->setImage(toQImage(
      whiteBackground_->isChecked() && !p.mask.empty() ? whiteBackground(p.photo, p.mask) : p.photo));
}

void CropReviewView::refreshBoxes() {
  const PhotoCrops crops = current_ ? session_->photoCrops(current_) : PhotoCrops();
  std::vector<Category> missing;
  if (current_ && session_->library()) {
    if (auto entry = session_->library()->reviewEntry(current_); entry && *entry) missing = (*entry)->missing;
  }
  for (Category c : kCategories) {
    const auto& item = crops.item(c);
    canvas_->setBox(c, item && item->box ? std::optional<QRect>(toRect(*item->box)) : std::nullopt);
    legend_->setState(c, item                    ? CropLegend::State::Boxed
                         : crops.isNotVisible(c) ? CropLegend::State::NotVisible
                         : contains(missing, c)  ? CropLegend::State::Missing
                                                 : CropLegend::State::None);
  }
  const bool photo = current_ != 0 && !canvas_->image().isNull();
  const bool boxed = photo && crops.item(canvas_->selected()).has_value();
  drawAction_->setEnabled(editable_ && photo);
  deleteAction_->setEnabled(editable_ && boxed);
  notVisibleAction_->setEnabled(editable_ && photo);
  for (QAction* a : {acceptAction_, flagAction_}) a->setEnabled(editable_ && current_ != 0);
}

void CropReviewView::refreshDetails() {
  Library* library = session_->library();
  if (!current_ || !library) {
    title_->setText(queue_->count() == 0 && counts_[0] + counts_[1] + counts_[2] > 0
                        ? tr("No photo in this list. The other lists hold the rest.")
                        : QString());
    details_->clear();
    return;
  }
  auto photo = library->photo(current_);
  if (photo && *photo) {
    const QListWidgetItem* row = rowOf(current_);
    const QString position =
        row ? tr(" · %1 of %2 in this list").arg(queue_->row(row) + 1).arg(queue_->count()) : QString();
    title_->setText(tr("<b>%1</b> — %2%3")
                        .arg(QFileInfo(QString::fromStdString((*photo)->path)).fileName(),
                             photoStatusLabel((*photo)->status), position));
  }
  const PhotoCrops crops = session_->photoCrops(current_);
  QString text;
  for (Category c : kCategories) {
    const auto& item = crops.item(c);
    const CropLegend::State state = legend_->state(c);
    const QString swatch =
        QStringLiteral("<span style='color:%1'>%2</span> ")
            .arg(categoryColor(c).name(), item ? QStringLiteral("■") : QStringLiteral("□"));
    if (item) {
      text += swatch +
              tr("%1: %2, confidence %3")
                  .arg(categoryLabel(c), item->source == ItemSource::Manual ? tr("edited") : tr("automatic"))
                  .arg(item->confidence, 0, 'f', 2) +
              QStringLiteral("<br>");
    } else if (state == CropLegend::State::Missing) {
      text += swatch +
              tr("%1: missing — press %2 and drag on the photo to draw it, or V if it cannot be seen")
                  .arg(categoryLabel(c))
                  .arg(categoryIndex(c) + 1) +
              QStringLiteral("<br>");
    } else if (state == CropLegend::State::NotVisible) {
      text += swatch + tr("%1: not visible").arg(categoryLabel(c)) + QStringLiteral("<br>");
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

void CropReviewView::chooseCategory(Category c) {
  canvas_->setSelected(c);
  legend_->setSelected(c);
  // Nothing to move or resize yet: the next drag draws it.
  if (current_ && !canvas_->image().isNull() && !canvas_->box(c))
    canvas_->startDrawing(c);
  else
    canvas_->stopDrawing();
  refreshBoxes();
}

void CropReviewView::drawBox() {
  if (current_ && !canvas_->image().isNull()) canvas_->startDrawing(canvas_->selected());
}

bool CropReviewView::confirmLosingOutfits(Category c, Id itemId) {
  const int outfits = session_->savedOutfitsWearing(itemId);
  if (outfits == 0) return true;
  return QMessageBox::question(
             this, tr("Remove Box"),
             tr("The %1 crop is part of %n saved outfit(s), which are deleted with it. Undo "
                "brings the crop back, not the outfits.",
                nullptr, outfits)
                 .arg(categoryLabel(c)),
             QMessageBox::Cancel | QMessageBox::Ok, QMessageBox::Cancel) == QMessageBox::Ok;
}

void CropReviewView::deleteBox() {
  if (!current_) return;
  const Category c = canvas_->selected();
  const PhotoCrops crops = session_->photoCrops(current_);
  if (!crops.item(c) || !confirmLosingOutfits(c, crops.item(c)->id)) return;
  canvas_->stopDrawing();
  session_->deleteBox(current_, c);
}

void CropReviewView::toggleNotVisible() {
  if (!current_) return;
  const Category c = canvas_->selected();
  const PhotoCrops crops = session_->photoCrops(current_);
  const bool mark = !crops.isNotVisible(c);
  if (mark && crops.item(c) && !confirmLosingOutfits(c, crops.item(c)->id)) return;
  canvas_->stopDrawing();
  session_->setNotVisible(current_, c, mark);
}

}  // namespace w2w
