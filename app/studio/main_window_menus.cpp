// The main window's menus: building them, naming their entries in the
// current language, and the entries that change with the state (Undo and
// Redo, recent libraries).
#include <QAction>
#include <QActionGroup>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QTabWidget>
#include <QUndoGroup>
#include <QUndoStack>

#include "compat_service.h"
#include "library_controller.h"
#include "main_window.h"
#include "studio_settings.h"
#include "translation_manager.h"
#include "view_action.h"

namespace w2w {

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

void MainWindow::refreshRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = settings_->recentLibraries();
  for (int i = 0; i < recent.size(); ++i) {
    QAction* action = recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(recent[i]));
    connect(action, &QAction::triggered, this, [this, path = recent[i]] { openLibrary(path); });
  }
  recentMenu_->setEnabled(!recent.isEmpty());
}

}  // namespace w2w
