#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoGroup>
#include <QUndoStack>

#include "background_encoder.h"
#include "background_task.h"
#include "category_style.h"
#include "common/build_info.h"
#include "compat_service.h"
#include "crop_review_view.h"
#include "crop_session.h"
#include "embeddings_view.h"
#include "encoder_service.h"
#include "export_dialog.h"
#include "heatmaps_view.h"
#include "library_controller.h"
#include "library_grid_model.h"
#include "library_grid_view.h"
#include "library_view.h"
#include "log_dialog.h"
#include "outfit_board_view.h"
#include "pipeline/demo_library.h"
#include "recommendations_view.h"
#include "saved_outfits_panel.h"
#include "settings_dialog.h"
#include "studio_settings.h"
#include "tab_drag_switcher.h"
#include "task_status_widget.h"
#include "thumbnail_cache.h"
#include "training_controller.h"
#include "training_view.h"
#include "translation_manager.h"
#include "view_action.h"

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

void MainWindow::buildMenus() {
  auto add = [this](QMenu* menu, const char* name, QList<QKeySequence> shortcuts, auto slot) {
    QAction* action = menu->addAction(QString());
    action->setObjectName(name);  // for tests and style sheets; the window keeps its own pointers
    action->setShortcuts(shortcuts);
    connect(action, &QAction::triggered, this, slot);
    return action;
  };
  fileMenu_ = menuBar()->addMenu(QString());
  fileMenu_->setObjectName("menuFile");
  newLibraryAction_ = add(fileMenu_, "actionNewLibrary", {QKeySequence::New}, &MainWindow::newLibrary);
  openLibraryAction_ = add(fileMenu_, "actionOpenLibrary", {QKeySequence::Open}, &MainWindow::chooseLibrary);
  recentMenu_ = fileMenu_->addMenu(QString());
  recentMenu_->setObjectName("menuRecent");
  openDemoAction_ = add(fileMenu_, "actionOpenDemo", {}, &MainWindow::openDemoLibrary);
  fileMenu_->addSeparator();
  importPhotosAction_ = add(fileMenu_, "actionImportPhotos", {QKeySequence(Qt::CTRL | Qt::Key_I)},
                            [this] { importPhotosDialog(false); });
  importFolderAction_ = add(fileMenu_, "actionImportFolder", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
                            [this] { importPhotosDialog(true); });
  importItemsAction_ = add(fileMenu_, "actionImportItems", {}, &MainWindow::importItemsDialog);
  exportAction_ = add(fileMenu_, "actionExport", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
                      &MainWindow::exportDialog);
  fileMenu_->addSeparator();
  settingsAction_ = add(fileMenu_, "actionSettings", {QKeySequence::Preferences}, &MainWindow::openSettings);
  fileMenu_->addSeparator();
  quitAction_ = add(fileMenu_, "actionQuit", {QKeySequence::Quit}, &QWidget::close);

  // One Undo and one Redo for the whole window, on the stack of the view on
  // screen; the views have no undo shortcuts of their own.
  editMenu_ = menuBar()->addMenu(QString());
  editMenu_->setObjectName("menuEdit");
  undoAction_ = add(editMenu_, "actionUndo", QKeySequence::keyBindings(QKeySequence::Undo),
                    [this] { undoGroup_->undo(); });
  redoAction_ = add(editMenu_, "actionRedo", QKeySequence::keyBindings(QKeySequence::Redo),
                    [this] { undoGroup_->redo(); });
  connect(undoGroup_, &QUndoGroup::indexChanged, this, &MainWindow::updateUndoActions);
  connect(undoGroup_, &QUndoGroup::activeStackChanged, this, &MainWindow::updateUndoActions);
  connect(undoGroup_, &QUndoGroup::undoTextChanged, this, &MainWindow::updateUndoActions);
  connect(undoGroup_, &QUndoGroup::redoTextChanged, this, &MainWindow::updateUndoActions);

  modelMenu_ = menuBar()->addMenu(QString());
  modelMenu_->setObjectName("menuModel");
  useCheckpointAction_ = add(modelMenu_, "actionUseCheckpoint", {}, &MainWindow::chooseCheckpoint);
  useBaselineAction_ =
      add(modelMenu_, "actionUseBaseline", {}, [this] { compat_->setCheckpoint(QString()); });

  viewMenu_ = menuBar()->addMenu(QString());
  viewMenu_->setObjectName("menuView");
  nextViewAction_ = add(viewMenu_, "actionNextView",
                        {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)},
                        [this] { goToView((views_->currentIndex() + 1) % views_->count()); });
  previousViewAction_ =
      add(viewMenu_, "actionPreviousView",
          {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageUp)},
          [this] { goToView((views_->currentIndex() + views_->count() - 1) % views_->count()); });
  for (int i = 0; i < static_cast<int>(tabs_.size()); ++i) {
    const QKeySequence key(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i));
    goToViewActions_.push_back(add(viewMenu_, qPrintable(QStringLiteral("actionGoToView_%1").arg(i + 1)),
                                   {key}, [this, i] { goToView(i); }));
  }
  viewMenu_->addSeparator();
  compareAction_ =
      add(viewMenu_, "actionCompare", {QKeySequence(Qt::CTRL | Qt::Key_K)}, &MainWindow::compareSelection);
  viewMenu_->addSeparator();
  languageMenu_ = viewMenu_->addMenu(QString());
  languageMenu_->setObjectName("menuLanguage");
  auto* languages = new QActionGroup(this);
  auto addLanguage = [&](const QString& code, const char* name) {
    QAction* action =
        languageMenu_->addAction(code.isEmpty() ? QString() : TranslationManager::nativeName(code));
    action->setObjectName(name);
    action->setCheckable(true);
    action->setChecked(settings_->language() == code);
    action->setData(code);
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code] {
      settings_->setLanguage(code);
      translations_->apply(code);
    });
    return action;
  };
  followSystemLanguageAction_ = addLanguage(QString(), "actionLanguageSystem");
  for (const QString& code : TranslationManager::languages())
    addLanguage(code, qPrintable("actionLanguage_" + code));

  helpMenu_ = menuBar()->addMenu(QString());
  helpMenu_->setObjectName("menuHelp");
  showLogAction_ = add(helpMenu_, "actionShowLog", {}, &MainWindow::showLog);
  aboutAction_ = add(helpMenu_, "actionAbout", {QKeySequence::HelpContents}, &MainWindow::showAbout);
  refreshRecentMenu();
}

void MainWindow::retranslate() {
  const QString file = QFileInfo(library_->path()).fileName();
  setWindowTitle(!library_->hasLibrary()  ? tr("What2Wear Studio")
                 : library_->isReadOnly() ? tr("What2Wear Studio — %1 (read-only)").arg(file)
                                          : tr("What2Wear Studio — %1").arg(file));
  for (std::size_t i = 0; i < tabs_.size(); ++i) {
    const QString title = tr(tabs_[i].title);
    views_->setTabText(static_cast<int>(i), title);
    views_->setTabToolTip(static_cast<int>(i), withShortcut(title, goToViewActions_[i]->shortcut()));
    goToViewActions_[i]->setText(title);
  }
  fileMenu_->setTitle(tr("&File"));
  editMenu_->setTitle(tr("&Edit"));
  modelMenu_->setTitle(tr("&Model"));
  viewMenu_->setTitle(tr("&View"));
  helpMenu_->setTitle(tr("&Help"));
  newLibraryAction_->setText(tr("&New Library…"));
  openLibraryAction_->setText(tr("&Open Library…"));
  recentMenu_->setTitle(tr("Open &Recent"));
  openDemoAction_->setText(tr("Open &Demo Library"));
  importPhotosAction_->setText(tr("&Import Photos…"));
  importFolderAction_->setText(tr("Import &Folder…"));
  importItemsAction_->setText(tr("Import Single &Items…"));
  exportAction_->setText(tr("&Export…"));
  settingsAction_->setText(tr("&Settings…"));
  quitAction_->setText(tr("&Quit"));
  updateUndoActions();
  useCheckpointAction_->setText(tr("Use a &Trained Model…"));
  useBaselineAction_->setText(tr("Use the &Untrained Baseline"));
  nextViewAction_->setText(tr("&Next View"));
  previousViewAction_->setText(tr("&Previous View"));
  compareAction_->setText(tr("&Compare Selected in Heatmaps"));
  languageMenu_->setTitle(tr("&Language"));
  followSystemLanguageAction_->setText(tr("Follow the system"));
  showLogAction_->setText(tr("Show &Log…"));
  aboutAction_->setText(tr("&About What2Wear Studio"));
  encodingLabel_->setText(tr("Encoding new crops…"));
  refreshContent();
}

void MainWindow::updateUndoActions() {
  undoAction_->setEnabled(undoGroup_->canUndo());
  redoAction_->setEnabled(undoGroup_->canRedo());
  undoAction_->setText(undoGroup_->canUndo() ? tr("&Undo %1").arg(undoGroup_->undoText()) : tr("&Undo"));
  redoAction_->setText(undoGroup_->canRedo() ? tr("&Redo %1").arg(undoGroup_->redoText()) : tr("&Redo"));
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

void MainWindow::refreshRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = settings_->recentLibraries();
  for (int i = 0; i < recent.size(); ++i) {
    QAction* action = recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(recent[i]));
    connect(action, &QAction::triggered, this, [this, path = recent[i]] { openLibrary(path); });
  }
  recentMenu_->setEnabled(!recent.isEmpty());
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

bool MainWindow::openLibrary(const QString& path, QString* error) {
  const QString failure = library_->openLibrary(path);
  if (!failure.isEmpty()) {
    if (error)
      *error = failure;
    else
      QMessageBox::warning(this, tr("Cannot open library"), failure);
    settings_->removeRecentLibrary(path);
    return false;
  }
  settings_->addRecentLibrary(path);
  retranslate();
  return true;
}

void MainWindow::openDemoLibrary() {
  const QString path = QString::fromStdString(defaultDemoLibraryPath());
  const bool exists = QFileInfo::exists(path);
  if (!exists) {
    // Create it empty now so the window shows it at once; the import fills it.
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto created = Library::create(path.toStdString());
    if (!created) {
      QMessageBox::warning(this, tr("Cannot create the demo library"),
                           QString::fromStdString(created.message()));
      return;
    }
  }
  if (!openLibrary(path)) return;
  auto info = library_->library()->info();
  if (!exists || (info && info->photos == 0)) library_->buildDemo(path);
}

void MainWindow::newLibrary() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("New Library"), settings_->libraryFolder() + "/wardrobe.w2w",
                                   tr("What2Wear libraries (*.w2w)"));
  if (path.isEmpty()) return;
  const QString file = path.endsWith(".w2w") ? path : path + ".w2w";
  const QString failure = library_->openLibrary(file, true);
  if (!failure.isEmpty()) {
    QMessageBox::warning(this, tr("Cannot create library"), failure);
    return;
  }
  settings_->addRecentLibrary(file);
  retranslate();
}

void MainWindow::chooseLibrary() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Library"), settings_->libraryFolder(),
                                                    tr("What2Wear libraries (*.w2w);;All files (*)"));
  if (!path.isEmpty()) openLibrary(path);
}

void MainWindow::importPhotosDialog(bool folder) {
  if (!library_->hasLibrary()) return;
  QStringList paths;
  if (folder) {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Outfit Photos"));
    if (!dir.isEmpty()) paths << dir;
  } else {
    paths = QFileDialog::getOpenFileNames(this, tr("Import Outfit Photos"), QString(),
                                          tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)"));
  }
  if (!paths.isEmpty()) library_->importPhotos(paths);
}

void MainWindow::importItemsDialog() {
  if (!library_->hasLibrary()) return;
  QStringList choices = {tr("From each file's folder name")};
  QStringList names = {QStringLiteral("folder")};
  for (Category c : kCategories) {
    choices << categoryLabel(c);
    names << QString::fromUtf8(categoryName(c));
  }
  bool ok = false;
  const QString choice = QInputDialog::getItem(this, tr("Import Single Items"), tr("Category of the items:"),
                                               choices, 0, false, &ok);
  if (!ok) return;
  const QString category = names.at(choices.indexOf(choice));
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of Single-Item Photos"));
  if (!dir.isEmpty()) library_->importItems({dir}, category);
}

void MainWindow::exportDialog() {
  if (!library_->hasLibrary() || currentTask_) return;
  ExportDialog dialog(library_->library(), library_->path(), compat_->checkpoint(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  const ExportOptions options = dialog.options();
  const std::string file = library_->path().toStdString();
  const QString out = QString::fromStdString(options.out);
  BackgroundTask* task = library_->runTask(
      tr("Exporting"), [file, options](const ProgressCallback& progress, const CancelFlag& cancel) {
        // Its own read-only connection: the export only reads, on one snapshot.
        auto library = Library::open(file, Library::Access::ReadOnly);
        if (!library) return QString::fromStdString(library.message());
        auto report = exportLibrary(**library, options, progress, &cancel);
        return report ? QString() : QString::fromStdString(report.message());
      });
  connect(task, &BackgroundTask::finished, this, [this, out](const QString& error, bool cancelled) {
    if (cancelled)
      statusBar()->showMessage(tr("Export cancelled: nothing was written"), 8000);
    else if (error.isEmpty())
      statusBar()->showMessage(tr("Exported to %1").arg(out), 10000);
  });
}

void MainWindow::updateExportAction() {
  if (exportAction_) exportAction_->setEnabled(library_->hasLibrary() && !currentTask_);
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() && library_->hasLibrary() && !library_->isReadOnly())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls()) {
    if (url.isLocalFile()) paths << url.toLocalFile();
  }
  if (!paths.isEmpty()) library_->importPhotos(paths);
  event->acceptProposedAction();
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
