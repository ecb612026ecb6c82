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
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>
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
#include "outfit_board_view.h"
#include "pipeline/demo_library.h"
#include "recommendations_view.h"
#include "settings_dialog.h"
#include "studio_settings.h"
#include "task_status_widget.h"
#include "thumbnail_cache.h"
#include "training_controller.h"
#include "training_view.h"
#include "translation_manager.h"

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
  board_ = new OutfitBoardView(library_, compat_, this);
  recommendations_ = new RecommendationsView(library_, compat_, this);
  connect(board_, &OutfitBoardView::completeRequested, this, [this](const BoardPieces& pieces) {
    recommendations_->setPieces(pieces);
    views_->setCurrentWidget(recommendations_);
  });
  connect(trainingView_, &TrainingView::checkpointChosen, this, [this](const QString& folder) {
    const QString error = compat_->setCheckpoint(folder);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot use this model"), error);
  });
  heatmaps_ = new HeatmapsView(library_, compat_, encoders_, this);
  connect(board_->undoStack(), &QUndoStack::indexChanged, heatmaps_,
          [this] { heatmaps_->setBoard(board_->pieces()); });
  connect(recommendations_, &RecommendationsView::putOnBoard, this, [this](const BoardPieces& pieces) {
    board_->setPieces(pieces, tr("Take a recommendation"));
    views_->setCurrentWidget(board_);
  });

  views_ = new QTabWidget(this);
  views_->setDocumentMode(true);
  views_->addTab(libraryView_, QString());
  views_->addTab(cropView_, QString());
  views_->addTab(embeddingsView_, QString());
  views_->addTab(trainingView_, QString());
  views_->addTab(board_, QString());
  views_->addTab(recommendations_, QString());
  views_->addTab(heatmaps_, QString());
  connect(views_, &QTabWidget::currentChanged, this, [this] {
    if (views_->currentWidget() == libraryView_ && gridStale_) {
      gridStale_ = false;
      libraryView_->refresh(encoders_->modelId());
    }
  });
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
    for (const char* name : {"actionImportPhotos", "actionImportFolder", "actionImportItems"})
      if (auto* action = findChild<QAction*>(name)) action->setEnabled(writable);
    cropView_->setEditable(writable);
    retranslate();
    if (!writable) statusBar()->showMessage(library_->readOnlyReason(), 15000);
  });
  connect(settings_, &StudioSettings::recentLibrariesChanged, this, &MainWindow::refreshRecentMenu);

  restoreGeometry(settings_->windowGeometry());
  restoreState(settings_->windowState());
}

// The views go first: they use the services (compatibility, encoders, crop
// session) that are children of the window too, and would otherwise outlive them.
MainWindow::~MainWindow() {
  // The board's undo stack goes with the board and signals as it goes: the
  // heatmaps must not read a board that is being destroyed.
  QObject::disconnect(board_->undoStack(), nullptr, heatmaps_, nullptr);
  delete views_;
  delete backgroundEncoder_;  // its worker uses the encoder service
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(QString());
  file->setObjectName("menuFile");
  auto add = [this](QMenu* menu, const char* name, QKeySequence shortcut, auto slot) {
    QAction* action = menu->addAction(QString());
    action->setObjectName(name);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, slot);
    return action;
  };
  add(file, "actionNewLibrary", QKeySequence::New, &MainWindow::newLibrary);
  add(file, "actionOpenLibrary", QKeySequence::Open, &MainWindow::chooseLibrary);
  recentMenu_ = file->addMenu(QString());
  recentMenu_->setObjectName("menuRecent");
  add(file, "actionOpenDemo", QKeySequence(), &MainWindow::openDemoLibrary);
  file->addSeparator();
  add(file, "actionImportPhotos", QKeySequence(Qt::CTRL | Qt::Key_I), [this] { importPhotosDialog(false); });
  add(file, "actionImportFolder", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
      [this] { importPhotosDialog(true); });
  add(file, "actionImportItems", QKeySequence(), &MainWindow::importItemsDialog);
  file->addSeparator();
  add(file, "actionSettings", QKeySequence::Preferences, &MainWindow::openSettings);
  file->addSeparator();
  add(file, "actionQuit", QKeySequence::Quit, &QWidget::close);

  QMenu* model = menuBar()->addMenu(QString());
  model->setObjectName("menuModel");
  add(model, "actionUseCheckpoint", QKeySequence(), &MainWindow::chooseCheckpoint);
  add(model, "actionUseBaseline", QKeySequence(), [this] { compat_->setCheckpoint(QString()); });

  QMenu* view = menuBar()->addMenu(QString());
  view->setObjectName("menuView");
  add(view, "actionCompare", QKeySequence(Qt::CTRL | Qt::Key_K), &MainWindow::compareSelection);
  view->addSeparator();
  languageMenu_ = view->addMenu(QString());
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
  };
  addLanguage(QString(), "actionLanguageSystem");
  for (const QString& code : TranslationManager::languages())
    addLanguage(code, qPrintable("actionLanguage_" + code));

  QMenu* help = menuBar()->addMenu(QString());
  help->setObjectName("menuHelp");
  add(help, "actionAbout", QKeySequence::HelpContents, &MainWindow::showAbout);
  refreshRecentMenu();
}

void MainWindow::retranslate() {
  const QString file = QFileInfo(library_->path()).fileName();
  setWindowTitle(!library_->hasLibrary()  ? tr("What2Wear Studio")
                 : library_->isReadOnly() ? tr("What2Wear Studio — %1 (read-only)").arg(file)
                                          : tr("What2Wear Studio — %1").arg(file));
  views_->setTabText(views_->indexOf(libraryView_), tr("Library"));
  views_->setTabText(views_->indexOf(cropView_), tr("Crops"));
  views_->setTabText(views_->indexOf(embeddingsView_), tr("Embeddings"));
  views_->setTabText(views_->indexOf(trainingView_), tr("Training"));
  views_->setTabText(views_->indexOf(board_), tr("Outfit board"));
  views_->setTabText(views_->indexOf(recommendations_), tr("Recommendations"));
  views_->setTabText(views_->indexOf(heatmaps_), tr("Heatmaps"));
  auto text = [this](const char* name, const QString& value) {
    if (auto* action = findChild<QAction*>(name)) action->setText(value);
  };
  text("actionCompare", tr("&Compare Selected in Heatmaps"));
  if (auto* menu = findChild<QMenu*>("menuFile")) menu->setTitle(tr("&File"));
  if (auto* menu = findChild<QMenu*>("menuHelp")) menu->setTitle(tr("&Help"));
  if (auto* menu = findChild<QMenu*>("menuView")) menu->setTitle(tr("&View"));
  if (auto* menu = findChild<QMenu*>("menuModel")) menu->setTitle(tr("&Model"));
  text("actionUseCheckpoint", tr("Use a &Trained Model…"));
  text("actionUseBaseline", tr("Use the &Untrained Baseline"));
  languageMenu_->setTitle(tr("&Language"));
  text("actionLanguageSystem", tr("Follow the system"));
  recentMenu_->setTitle(tr("Open &Recent"));
  text("actionNewLibrary", tr("&New Library…"));
  text("actionOpenLibrary", tr("&Open Library…"));
  text("actionOpenDemo", tr("Open &Demo Library"));
  text("actionImportPhotos", tr("&Import Photos…"));
  text("actionImportFolder", tr("Import &Folder…"));
  text("actionImportItems", tr("Import Single &Items…"));
  text("actionQuit", tr("&Quit"));
  text("actionSettings", tr("&Settings…"));
  text("actionAbout", tr("&About What2Wear Studio"));
  encodingLabel_->setText(tr("Encoding new crops…"));
  refreshContent();
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
  const QStringList choices = {tr("From each file's folder name"), tr("Top"), tr("Bottom"), tr("Shoes")};
  bool ok = false;
  const QString choice = QInputDialog::getItem(this, tr("Import Single Items"), tr("Category of the items:"),
                                               choices, 0, false, &ok);
  if (!ok) return;
  const QString category = QStringList{"folder", "top", "bottom", "shoes"}.at(choices.indexOf(choice));
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of Single-Item Photos"));
  if (!dir.isEmpty()) library_->importItems({dir}, category);
}

void MainWindow::watchTask(BackgroundTask* task) {
  if (currentTask_) currentTask_->cancel();  // one task at a time; the newest wins
  currentTask_ = task;
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
    if (currentTask_ == task) taskStatus_->end();
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
      views_->setCurrentIndex(i);
      return true;
    }
  }
  return false;
}

void MainWindow::editCrops(qint64 photoId) {
  cropView_->showPhoto(photoId);
  views_->setCurrentWidget(cropView_);
}

void MainWindow::putOnBoard(const std::array<Id, 3>& pieces) {
  const BoardPieces board = {pieces[0], pieces[1], pieces[2]};
  board_->setPieces(board, tr("Put pieces on the board"));
  BoardPieces partial = board;
  partial[2] = 0;  // the recommendations complete the look from the other pieces
  recommendations_->setPieces(partial);
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

void MainWindow::showAbout() {
  QMessageBox::about(
      this, tr("About What2Wear Studio"),
      tr("<h3>What2Wear Studio %1</h3><p>Learns which clothes go together: crops outfit photos into "
         "top, bottom and shoes, embeds the crops, trains a compatibility model and recommends the "
         "pieces that complete a look.</p><p>%2</p>")
          .arg(QString::fromStdString(applicationVersion()), QString::fromStdString(libraryVersions())));
}

}  // namespace w2w
