// LibraryView: the library as a thumbnail grid, with a filter bar (photos or
// items, category, state, tag, name) and, after an import, a report of every
// file: added, already there, or why it failed. The selection can be tagged
// and untagged (context menu, Ctrl+T / Ctrl+Shift+T), undoably (Ctrl+Z), or
// removed from the library (Delete, after a confirmation).
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
  void photoActivated(Id photoId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void applyFilter();
  void reloadTags();
  void askTag(bool add);  // the dialogs behind the tag actions
  void updateUndoActions();

  LibraryController* library_;
  LibraryGridModel* model_;
  LibraryFilterModel* filterModel_;
  LibraryGridView* grid_;
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
  QAction* undoAction_;
  QAction* redoAction_;
};

}  // namespace w2w
