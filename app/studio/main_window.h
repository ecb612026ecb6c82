// MainWindow: menus, the views, the status bar. It hands work to the
// controllers and keeps no state of its own beyond what is on screen.
//
// Window-level keys: Ctrl+Tab / Ctrl+PageDown and Ctrl+Shift+Tab /
// Ctrl+PageUp switch views and Alt+1..7 go to one, whatever widget has the
// focus (no child may claim them); Edit ▸ Undo / Redo (Ctrl+Z, Ctrl+Shift+Z)
// act on the undo stack of the view on screen.
#pragma once

#include <QMainWindow>
#include <QPointer>

#include <array>
#include <vector>

#include "board_pieces.h"
#include "library/types.h"

class QAction;
class QLabel;
class QMenu;
class QTabWidget;
class QUndoGroup;
class QUndoStack;

namespace w2w {

class BackgroundEncoder;
class BackgroundTask;
class CropReviewView;
class CropSession;
class CompatService;
class EmbeddingsView;
class OutfitBoardView;
class RecommendationsView;
class HeatmapsView;
class EncoderService;
class LibraryController;
class LibraryView;
class StudioSettings;
class TaskStatusWidget;
class ThumbnailCache;
class TrainingController;
class TrainingView;
class TranslationManager;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  MainWindow(StudioSettings* settings, LibraryController* library, TranslationManager* translations,
             QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a library, reporting failure in a message box (or returning it).
  bool openLibrary(const QString& path, QString* error = nullptr);
  // First start: the demo library, built in the background when missing.
  void openDemoLibrary();
  // Names of the views, for --view: "library", ...
  QStringList viewNames() const;
  bool showView(const QString& name);
  // Opens a photo in the crop editor.
  void editCrops(qint64 photoId);
  ThumbnailCache* thumbnails() const { return thumbnails_; }
  CompatService* compat() const { return compat_; }
  // Puts items on the outfit board and in the recommendations, each in the
  // slot of its category.
  void putOnBoard(const std::vector<Id>& items);
  // Compares items in the heatmaps and explains the first against the second.
  void compareItems(const std::vector<Id>& items);
  // Starts a training run with the Training view's settings (for scripted
  // demos and screenshots); returns why not, or "" when it started.
  QString startTraining();
  // True while a background task runs (screenshots wait for it).
  bool busy() const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void buildMenus();
  void retranslate();
  void updateUndoActions();
  // Makes the view at `index` current and moves the keyboard focus into it.
  void goToView(int index);
  void viewChanged();
  QUndoStack* undoStackOf(QWidget* view) const;
  // Items by the slot of their category (the first of each category).
  BoardPieces piecesOf(const std::vector<Id>& items) const;
  void refreshRecentMenu();
  void refreshContent();
  void refreshLibraryLabel();  // the counts in the status bar
  void newLibrary();
  void chooseLibrary();
  void importPhotosDialog(bool folder);
  void importItemsDialog();
  void watchTask(BackgroundTask* task);
  void exportDialog();
  void updateExportAction();
  void showAbout();
  void showLog();
  void openSettings();
  void chooseCheckpoint();
  void compareSelection();
  void showItemInLibrary(qint64 itemId);

  StudioSettings* settings_;
  LibraryController* library_;
  ThumbnailCache* thumbnails_;
  LibraryView* libraryView_;
  CropSession* cropSession_;
  CropReviewView* cropView_;
  EncoderService* encoders_;
  BackgroundEncoder* backgroundEncoder_;
  EmbeddingsView* embeddingsView_;
  CompatService* compat_;
  OutfitBoardView* board_;
  RecommendationsView* recommendations_;
  HeatmapsView* heatmaps_;
  TrainingController* training_;
  TrainingView* trainingView_;
  QTabWidget* views_;
  // The tabs, in order, with their titles (translated on display).
  struct ViewTab {
    QWidget* view;
    const char* title;
  };
  std::vector<ViewTab> tabs_;
  QUndoGroup* undoGroup_;

  QMenu* fileMenu_ = nullptr;
  QMenu* editMenu_ = nullptr;
  QMenu* modelMenu_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QMenu* helpMenu_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QMenu* languageMenu_ = nullptr;
  QAction* newLibraryAction_ = nullptr;
  QAction* openLibraryAction_ = nullptr;
  QAction* openDemoAction_ = nullptr;
  QAction* importPhotosAction_ = nullptr;
  QAction* importFolderAction_ = nullptr;
  QAction* importItemsAction_ = nullptr;
  QAction* exportAction_ = nullptr;
  QAction* settingsAction_ = nullptr;
  QAction* quitAction_ = nullptr;
  QAction* undoAction_ = nullptr;
  QAction* redoAction_ = nullptr;
  QAction* useCheckpointAction_ = nullptr;
  QAction* useBaselineAction_ = nullptr;
  QAction* compareAction_ = nullptr;
  QAction* nextViewAction_ = nullptr;
  QAction* previousViewAction_ = nullptr;
  std::vector<QAction*> goToViewActions_;  // one per tab, Alt+1..
  QAction* followSystemLanguageAction_ = nullptr;
  QAction* aboutAction_ = nullptr;
  QAction* showLogAction_ = nullptr;
  TranslationManager* translations_;
  QLabel* libraryLabel_;
  QLabel* encodingLabel_;
  TaskStatusWidget* taskStatus_;
  QPointer<BackgroundTask> currentTask_;
  qint64 lastRefreshMs_ = 0;
  bool gridStale_ = false;
};

}  // namespace w2w
