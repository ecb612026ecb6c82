// WardrobePanel: the library's items as a searchable list of thumbnails, for
// taking pieces where they are needed (the outfit board, the
// recommendations). It shows the category of the slot being filled (the
// person may widen it to every category) and finds items by file name, tag
// or category. An item is taken by double-click or Enter (itemChosen), or
// dragged onto a slot.
#pragma once

#include <QWidget>

#include <optional>

#include "library/types.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace w2w {

class LibraryFilterModel;
class LibraryGridModel;
class LibraryGridView;

class WardrobePanel : public QWidget {
  Q_OBJECT

 public:
  // `items` is the library's model (shared with the library view, which
  // keeps it current); the panel shows its items only.
  WardrobePanel(LibraryGridModel* items, QWidget* parent = nullptr);

  // The category shown (nullopt: every category).
  void setCategory(std::optional<Category> category);
  std::optional<Category> category() const;
  LibraryGridView* list() const { return list_; }
  QLineEdit* search() const { return search_; }

 Q_SIGNALS:
  void itemChosen(w2w::Id item);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void applyFilter();

  LibraryGridModel* items_;
  LibraryFilterModel* filter_;
  LibraryGridView* list_;
  QLabel* title_;
  QComboBox* category_;  // item 0: every category; then kCategories in order
  QLineEdit* search_;
  QLabel* count_;
};

}  // namespace w2w
