#include "main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoGroup>
#include <QUndoStack>

#include "background_encoder.h"
#include "background_task.h"
#include "common/build_info.h"
#include "compat_service.h"
#include "crop_review_view.h"
#include "crop_session.h"
#include "embeddings_view.h"
#include "encoder_service.h"
#include "heatmaps_view.h"
#include "library_controller.h"
#include "library_grid_model.h"
#include "library_grid_view.h"
#include "library_view.h"
#include "log_dialog.h"
#include "outfit_board_view.h"
#include "recommendations_view.h"
#include "saved_outfits_panel.h"
#include "settings_dialog.h"
#include "studio_settings.h"
#include "tab_drag_switcher.h"
#include "task_status_widget.h"
#include "thumbnail_cache.h"
#include "training_controller.h"
#include "training_view.h"

namespace w2w {

MainWindow::MainWindow(StudioSettings* settings, LibraryController* library, TranslationManager* translations,
                       QWidget* parent)
    : QMainWindow(parent), settings_(settings), library_(library), translations_(translations) {
  setObjectName("MainWindow");
  setAcceptDrops(true);
  resize(1280, 820);

  thumbnails_ = new ThumbnailCache(192, {}, this);
  libraryView_ = new LibraryView(library_, thumbnails_, this);
  connect(library_, &LibraryController::importReported, libraryView_, &LibraryView::showImportReport);

  encoders_ = new EncoderService(settings_, this);
  connect(encoders_, &EncoderService::encoderChanged, this, &MainWindow::refreshContent);
  // New and edited crops are encoded at once, whichever view made them.
  backgroundEncoder_ = new BackgroundEncoder(library_, encoders_, this);
  connect(library_, &LibraryController::cropsAdded, backgroundEncoder_,
          [this](const std::vector<Id>& photos, const std::vector<Id>& items) {
            backgroundEncoder_->encodePhotos(photos);
            backgroundEncoder_->encodeItems(items);
          });

  cropSession_ = new CropSession(library_, this);
  cropView_ = new CropReviewView(cropSession_, settings_, this);
  connect(cropSession_, &CropSession::errorOccurred, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
  // Crop edits change one photo; the grid catches up when it is shown again,
  // the counts in the status bar at once.
  connect(cropSession_, &CropSession::cropChanged, this, [this](Id photo) {
    gridStale_ = true;
    refreshLibraryLabel();
    backgroundEncoder_->encodePhotos({photo});
  });
  connect(libraryView_, &LibraryView::photoActivated, this, &MainWindow::editCrops);

  embeddingsView_ = new EmbeddingsView(library_, encoders_, this);
  connect(embeddingsView_, &EmbeddingsView::openSettings, this, &MainWindow::openSettings);
  connect(embeddingsView_, &EmbeddingsView::itemSelected, this, &MainWindow::showItemInLibrary);
  connect(backgroundEncoder_, &BackgroundEncoder::encoded, this, [this] {
    embeddingsView_->refresh();
    gridStale_ = true;  // the grid's "encoded" badges
    if (views_->currentWidget() == libraryView_) {
      gridStale_ = false;
      libraryView_->refresh(encoders_->modelId());
    }
  });
  connect(backgroundEncoder_, &BackgroundEncoder::failed, this, [this](const QString& message) {
    statusBar()->showMessage(tr("Encoding new crops failed: %1").arg(message), 10000);
  });

  training_ = new TrainingController(library_, encoders_, this);
  trainingView_ = new TrainingView(training_, library_, encoders_, settings_, this);
  connect(training_, &TrainingController::runEnded, this, [this](qint64 runId, const QString& outcome) {
    if (outcome == "paused")
      statusBar()->showMessage(
          tr("Run %1 paused; Resume (Ctrl+P) trains on from its last checkpoint").arg(runId), 8000);
  });
  compat_ = new CompatService(library_, encoders_, settings_, this);
  board_ = new OutfitBoardView(library_, compat_, libraryView_->model(), settings_, this);
  recommendations_ = new RecommendationsView(library_, compat_, libraryView_->model(), settings_, this);
  connect(board_, &OutfitBoardView::completeRequested, this, [this](const BoardPieces& pieces) {
    recommendations_->setPieces(pieces);
    goToView(views_->indexOf(recommendations_));
  });
  connect(libraryView_, &LibraryView::putOnBoardRequested, this, [this](const std::vector<Id>& items) {
    board_->putItems(items, tr("Put pieces from the library on the board"));
    goToView(views_->indexOf(board_));
  });
  connect(libraryView_, &LibraryView::completeLookRequested, this, [this](const std::vector<Id>& items) {
    recommendations_->setPieces(piecesOf(items));
    goToView(views_->indexOf(recommendations_));
  });
  auto* savedOutfits = new SavedOutfitsPanel(library_, compat_, libraryView_);
  libraryView_->addSidePanel(savedOutfits);
  connect(savedOutfits, &SavedOutfitsPanel::openRequested, this, [this](Id outfit) {
    const QString error = board_->openSavedOutfit(outfit);
    if (!error.isEmpty()) {
      statusBar()->showMessage(error, 8000);
      return;
    }
    goToView(views_->indexOf(board_));
  });
  connect(trainingView_, &TrainingView::checkpointChosen, this, [this](const QString& folder) {
    const QString error = compat_->setCheckpoint(folder);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot use this model"), error);
  });
  heatmaps_ = new HeatmapsView(library_, compat_, encoders_, this);
  connect(board_, &OutfitBoardView::piecesChanged, heatmaps_, &HeatmapsView::setBoard);
  heatmaps_->setBoard(board_->pieces());
  connect(recommendations_, &RecommendationsView::putOnBoard, this, [this](const BoardPieces& pieces) {
    board_->setPieces(pieces, tr("Take a recommendation"));
    goToView(views_->indexOf(board_));
  });

  views_ = new QTabWidget(this);
  views_->setDocumentMode(true);
  tabs_ = {{libraryView_, QT_TR_NOOP("Library")},       {cropView_, QT_TR_NOOP("Crops")},
           {embeddingsView_, QT_TR_NOOP("Embeddings")}, {trainingView_, QT_TR_NOOP("Training")},
           {board_, QT_TR_NOOP("Outfit board")},        {recommendations_, QT_TR_NOOP("Recommendations")},
           {heatmaps_, QT_TR_NOOP("Heatmaps")}};
  for (const ViewTab& tab : tabs_) views_->addTab(tab.view, QString());
  new TabDragSwitcher(views_->tabBar());  // a piece dragged onto a tab opens that view
  undoGroup_ = new QUndoGroup(this);
  for (QUndoStack* stack : {libraryView_->undoStack(), cropSession_->undoStack(), board_->undoStack()})
    undoGroup_->addStack(stack);
  connect(views_, &QTabWidget::currentChanged, this, &MainWindow::viewChanged);
  setCentralWidget(views_);

  libraryLabel_ = new QLabel(this);
  libraryLabel_->setObjectName("libraryStatus");
  encodingLabel_ = new QLabel(this);
  encodingLabel_->setObjectName("encodingLabel");
  encodingLabel_->hide();
  taskStatus_ = new TaskStatusWidget(this);
  statusBar()->addWidget(libraryLabel_, 1);
  statusBar()->addPermanentWidget(encodingLabel_);
  statusBar()->addPermanentWidget(taskStatus_);
  connect(backgroundEncoder_, &BackgroundEncoder::busyChanged, encodingLabel_, &QWidget::setVisible);
  connect(taskStatus_, &TaskStatusWidget::cancelRequested, this, [this] {
    if (currentTask_) currentTask_->cancel();
  });

  buildMenus();
  retranslate();
  connect(library_, &LibraryController::contentChanged, this, &MainWindow::refreshContent);
  // A saved or deleted outfit changes the status bar's count at once.
  connect(library_, &LibraryController::outfitsChanged, this, &MainWindow::refreshLibraryLabel);
  connect(library_, &LibraryController::taskStarted, this, &MainWindow::watchTask);
  // A read-only library can be browsed, not changed: nothing offers to import into it.
  connect(library_, &LibraryController::writableChanged, this, [this](bool writable) {
    for (QAction* action : {importPhotosAction_, importFolderAction_, importItemsAction_})
      action->setEnabled(writable);
    cropView_->setEditable(writable);
    retranslate();
    if (!writable) statusBar()->showMessage(library_->readOnlyReason(), 15000);
  });
  connect(settings_, &StudioSettings::recentLibrariesChanged, this, &MainWindow::refreshRecentMenu);

  restoreGeometry(settings_->windowGeometry());
  restoreState(settings_->windowState());
  viewChanged();
  // Sees every key before the widget with the focus does (see eventFilter).
  qApp->installEventFilter(this);
}

// The views go first: they use the services (compatibility, encoders, crop
// session) that are children of the window too, and would otherwise outlive them.
MainWindow::~MainWindow() {
  // The heatmaps must not hear from a board that is being destroyed.
  QObject::disconnect(board_, nullptr, heatmaps_, nullptr);
  QObject::disconnect(undoGroup_, nullptr, this, nullptr);
  qApp->removeEventFilter(this);
  delete views_;
  delete backgroundEncoder_;  // its worker uses the encoder service
}

QUndoStack* MainWindow::undoStackOf(QWidget* view) const {
  if (view == libraryView_) return libraryView_->undoStack();
  if (view == cropView_) return cropSession_->undoStack();
  if (view == board_) return board_->undoStack();
  return nullptr;  // a view without undoable edits: Undo is disabled there
}

void MainWindow::viewChanged() {
  QWidget* view = views_->currentWidget();
  undoGroup_->setActiveStack(undoStackOf(view));
  if (view == libraryView_ && gridStale_) {
    gridStale_ = false;
    libraryView_->refresh(encoders_->modelId());
  }
}

void MainWindow::goToView(int index) {
  views_->setCurrentIndex(index);
  // The view's own shortcuts work while the focus is inside it: give it the
  // widget it last had focused, else its first one that takes the focus.
  QWidget* view = views_->currentWidget();
  QWidget* focused = QApplication::focusWidget();
  if (focused && view->isAncestorOf(focused)) return;
  if (QWidget* last = view->focusWidget(); last && last->isVisible()) {
    last->setFocus(Qt::ShortcutFocusReason);
    return;
  }
  for (QWidget* w = view->nextInFocusChain(); w && w != view; w = w->nextInFocusChain()) {
    if (view->isAncestorOf(w) && w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus)) {
      w->setFocus(Qt::ShortcutFocusReason);
      return;
    }
  }
  view->setFocus(Qt::ShortcutFocusReason);
}

// View switching belongs to the window: a child (a text field, the crop
// canvas, a table) would otherwise claim Ctrl+Tab, Ctrl+PageDown or Alt+N
// through a ShortcutOverride and keep a keyboard user in one view. Refusing
// the override here lets the window's shortcuts run.
bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::ShortcutOverride) return false;
  auto* widget = qobject_cast<QWidget*>(watched);
  if (!widget || widget->window() != this) return false;
  auto* key = static_cast<QKeyEvent*>(event);
  QKeyCombination combination = key->keyCombination();
  if (combination.key() == Qt::Key_Backtab)
    combination = QKeyCombination(combination.keyboardModifiers(), Qt::Key_Tab);
  const QKeySequence pressed(combination);
  std::vector<QAction*> windowKeys = goToViewActions_;
  windowKeys.push_back(nextViewAction_);
  windowKeys.push_back(previousViewAction_);
  for (QAction* action : windowKeys) {
    if (action->shortcuts().contains(pressed)) {
      event->ignore();
      return true;
    }
  }
  return false;
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QMainWindow::changeEvent(event);
}

void MainWindow::refreshContent() {
  updateExportAction();
  libraryView_->refresh(encoders_->modelId());
  cropView_->reloadQueue();
  refreshLibraryLabel();
}

void MainWindow::refreshLibraryLabel() {
  if (!library_->hasLibrary()) {
    libraryLabel_->setText(tr("No library open: File ▸ New Library or Open Library"));
    return;
  }
  auto info = library_->library()->info();
  if (!info) {
    libraryLabel_->setText(QString::fromStdString(info.message()));
    return;
  }
  libraryLabel_->setText(
      (library_->isReadOnly() ? tr("Read-only (changes cannot be saved): ") : QString()) +
      tr("%1 — %n photo(s)", nullptr, static_cast<int>(info->photos)).arg(library_->path()) +
      tr(", %n item(s)", nullptr, static_cast<int>(info->items)) +
      tr(", %n outfit(s)", nullptr, static_cast<int>(info->outfits)));
  libraryLabel_->setToolTip(library_->readOnlyReason());
}

void MainWindow::watchTask(BackgroundTask* task) {
  if (currentTask_) currentTask_->cancel();  // one task at a time; the newest wins
  currentTask_ = task;
  updateExportAction();
  taskStatus_->begin(task->title());
  connect(task, &BackgroundTask::progress, this, [this](qint64 done, qint64 total, const QString& message) {
    taskStatus_->update(done, total, message);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - lastRefreshMs_ > 1000) {  // show new photos as they arrive, at most once a second
      lastRefreshMs_ = now;
      refreshContent();
    }
  });
  connect(task, &BackgroundTask::finished, this, [this, task](const QString& error, bool cancelled) {
    if (currentTask_ == task) {
      taskStatus_->end();
      currentTask_ = nullptr;
    }
    updateExportAction();
    // A paused run stops its task too; the training controller says "paused".
    if (cancelled && training_->state() == TrainingController::State::Pausing) return;
    if (cancelled)
      statusBar()->showMessage(tr("%1: cancelled; the work done so far is kept").arg(task->title()), 8000);
    else if (!error.isEmpty())
      QMessageBox::warning(this, task->title(), error);
    else
      statusBar()->showMessage(tr("%1: done").arg(task->title()), 5000);
  });
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (currentTask_) {
    currentTask_->cancel();
    currentTask_->wait();
  }
  settings_->setWindowGeometry(saveGeometry());
  settings_->setWindowState(saveState());
  event->accept();
}

QStringList MainWindow::viewNames() const {
  QStringList names;
  for (int i = 0; i < views_->count(); ++i) names << views_->widget(i)->objectName();
  return names;
}

bool MainWindow::showView(const QString& name) {
  for (int i = 0; i < views_->count(); ++i) {
    if (views_->widget(i)->objectName() == name) {
      goToView(i);
      return true;
    }
  }
  return false;
}

void MainWindow::editCrops(qint64 photoId) {
  cropView_->showPhoto(photoId);
  views_->setCurrentWidget(cropView_);
}

BoardPieces MainWindow::piecesOf(const std::vector<Id>& items) const {
  BoardPieces pieces;
  if (Library* library = library_->library()) {
    for (Id id : items) {
      auto item = library->item(id);
      if (item && *item && !pieces[(*item)->category]) pieces.set((*item)->category, id);
    }
  }
  return pieces;
}

void MainWindow::putOnBoard(const std::vector<Id>& items) {
  board_->putItems(items, tr("Put pieces on the board"));
  recommendations_->setPieces(piecesOf(items));
}

bool MainWindow::busy() const {
  return !currentTask_.isNull() || backgroundEncoder_->isBusy() || heatmaps_->busy() ||
         compat_->recommenderBuilding() || training_->isTraining();
}

QString MainWindow::startTraining() {
  views_->setCurrentWidget(trainingView_);
  return trainingView_->startTraining();
}

void MainWindow::compareItems(const std::vector<Id>& items) {
  heatmaps_->setItems(items);
  if (items.size() >= 2) heatmaps_->explain(items[0], items[1]);
}

void MainWindow::compareSelection() {
  std::vector<Id> items;
  for (const GridEntry& entry : libraryView_->selectedEntries()) {
    if (entry.kind == GridEntry::Kind::Item) {
      items.push_back(entry.id);
    } else if (auto crops = library_->library()->items(ItemQuery().fromPhoto(entry.id))) {
      for (const Item& crop : *crops) items.push_back(crop.id);  // a photo brings its crops
    }
    if (items.size() >= 16) break;  // beyond that the matrix is unreadable
  }
  if (items.empty()) {
    statusBar()->showMessage(tr("Select crops or photos in the library first"), 5000);
    return;
  }
  if (items.size() > 16) items.resize(16);
  heatmaps_->setItems(items);
  views_->setCurrentWidget(heatmaps_);
}

void MainWindow::chooseCheckpoint() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Trained Model (a checkpoint folder)"),
                                                           QFileInfo(library_->path()).absolutePath());
  if (folder.isEmpty()) return;
  const QString error = compat_->setCheckpoint(folder);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot use this model"), error);
}

void MainWindow::openSettings() {
  SettingsDialog dialog(settings_, translations_, this);
  dialog.exec();
}

void MainWindow::showItemInLibrary(qint64 itemId) {
  views_->setCurrentWidget(libraryView_);
  libraryView_->select(GridEntry::Kind::Item, itemId);
}

void MainWindow::showLog() {
  LogDialog dialog(this);
  dialog.exec();
}

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About What2Wear Studio"),
      tr("<h3>What2Wear Studio %1</h3><p>Learns which clothes go together: crops outfit photos into "
         "top, bottom and shoes, embeds the crops, trains a compatibility model and recommends the "
         "pieces that complete a look.</p><p>%2</p>")
          .arg(QString::fromStdString(applicationVersion()), QString::fromStdString(libraryVersions())));
}

}  // namespace w2w
