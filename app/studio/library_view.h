// LibraryView: the library as a thumbnail grid, with a filter bar (photos or
// items, category, state, tag, name) and, after an import, a report of every
// file: added, already there, or why it failed. The selection can be put on
// the outfit board (Ctrl+B; Enter or double-click on an item), completed in
// the recommendations (Ctrl+L), tagged and untagged (Ctrl+T / Ctrl+Shift+T),
// undoably (Edit ▸ Undo), or removed from the library (Delete, after a
// confirmation); Enter or double-click on a photo opens its crops.
#pragma once

#include <QWidget>

#include <vector>

#include "library/types.h"
#include "library_grid_model.h"
#include "pipeline/photo_importer.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QToolButton;
class QUndoStack;

namespace w2w {

class LibraryController;
class LibraryFilterModel;
class LibraryGridView;
class ThumbnailCache;

class LibraryView : public QWidget {
  Q_OBJECT

 public:
  LibraryView(LibraryController* library, ThumbnailCache* thumbnails, QWidget* parent = nullptr);
  ~LibraryView() override;

  // Re-reads the library (photos and items, and which are encoded with `modelId`).
  void refresh(const std::string& modelId);
  LibraryGridView* grid() const { return grid_; }
  LibraryGridModel* model() const { return model_; }
  LibraryFilterModel* filterModel() const { return filterModel_; }
  std::vector<GridEntry> selectedEntries() const;
  // The selected items, and the crops of the selected photos.
  std::vector<Id> selectedPieces() const;
  // A panel beside the grid (the saved outfits).
  void addSidePanel(QWidget* panel);
  void select(GridEntry::Kind kind, Id id);
  void showImportReport(const QString& title, const ImportReport& report);
  QListWidget* importReport() const { return report_; }
  QUndoStack* undoStack() const { return undo_; }

  // Adds the tag to (or removes it from) the selected photos and items, as
  // one undoable step. Returns the error, or "" when it worked.
  QString tagSelection(const QString& tag, bool add);
  // Removes the selected photos and items from the library (after asking,
  // when `confirm`). Returns the error, or "" when it worked or was declined.
  QString removeSelection(bool confirm);

 Q_SIGNALS:
  void photoActivated(Id photoId);  // open it in the crop editor
  void putOnBoardRequested(const std::vector<w2w::Id>& items);
  void completeLookRequested(const std::vector<w2w::Id>& items);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void applyFilter();
  void reloadTags();
  void askTag(bool add);  // the dialogs behind the tag actions
  void updateSelectionActions();

  LibraryController* library_;
  LibraryGridModel* model_;
  LibraryFilterModel* filterModel_;
  LibraryGridView* grid_;
  QSplitter* splitter_;
  QComboBox* kind_;
  QComboBox* category_;
  QComboBox* state_;
  QComboBox* tag_;
  QLineEdit* search_;
  QLabel* count_;
  QWidget* reportPanel_;
  QLabel* reportTitle_;
  QListWidget* report_;
  QToolButton* closeReport_;
  QUndoStack* undo_;
  QAction* addTag_;
  QAction* removeTag_;
  QAction* removeEntries_;
  QAction* cropAgain_;
  QAction* putOnBoard_;
  QAction* completeLook_;
  QAction* editCrops_;
};

}  // namespace w2w
