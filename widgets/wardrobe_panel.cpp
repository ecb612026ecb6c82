#include "wardrobe_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QVBoxLayout>

#include "category_style.h"
#include "library_filter_model.h"
#include "library_grid_model.h"
#include "library_grid_view.h"

namespace w2w {

WardrobePanel::WardrobePanel(LibraryGridModel* items, QWidget* parent) : QWidget(parent), items_(items) {
  setObjectName("wardrobe");
  filter_ = new LibraryFilterModel(this);
  filter_->setSourceModel(items_);
  list_ = new LibraryGridView(88, this);
  list_->setObjectName("wardrobeList");
  list_->setModel(filter_);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  // One column of pictures at least (two or more as the window widens), so
  // that the views it sits in fit a 1024-pixel screen.
  list_->setMinimumWidth(88 + 20 + list_->verticalScrollBar()->sizeHint().width());
  title_ = new QLabel(this);
  category_ = new QComboBox(this);
  category_->setObjectName("wardrobeCategory");
  category_->addItem(QString());
  for (Category c : kCategories) category_->addItem(QString(), categoryIndex(c));
  search_ = new QLineEdit(this);
  search_->setObjectName("wardrobeSearch");
  search_->setClearButtonEnabled(true);
  count_ = new QLabel(this);

  auto* head = new QHBoxLayout;
  head->addWidget(title_, 1);
  head->addWidget(count_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(head);
  layout->addWidget(category_);
  layout->addWidget(search_);
  layout->addWidget(list_, 1);

  connect(category_, &QComboBox::currentIndexChanged, this, &WardrobePanel::applyFilter);
  connect(search_, &QLineEdit::textChanged, this, &WardrobePanel::applyFilter);
  connect(items_, &QAbstractItemModel::modelReset, this, &WardrobePanel::applyFilter);
  connect(list_, &QListView::activated, this,
          [this](const QModelIndex& index) { Q_EMIT itemChosen(filter_->entry(index).id); });
  retranslate();
}

void WardrobePanel::setCategory(std::optional<Category> category) {
  category_->setCurrentIndex(category ? category_->findData(categoryIndex(*category)) : 0);
}

std::optional<Category> WardrobePanel::category() const {
  if (category_->currentIndex() <= 0) return std::nullopt;
  return static_cast<Category>(category_->currentData().toInt());
}

void WardrobePanel::retranslate() {
  title_->setText(tr("<b>Wardrobe</b>"));
  category_->setItemText(0, tr("Every category"));
  for (int i = 1; i < category_->count(); ++i)
    category_->setItemText(i, categoryLabel(static_cast<Category>(category_->itemData(i).toInt())));
  search_->setPlaceholderText(tr("Search by name, tag or category"));
  list_->setToolTip(tr("Double-click a piece (or press Enter) to take it, or drag it onto a slot"));
  applyFilter();
}

void WardrobePanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void WardrobePanel::applyFilter() {
  LibraryFilter filter;
  filter.kind = LibraryFilter::Kind::Items;
  filter.category = category();
  filter.text = search_->text().trimmed();
  filter_->setFilter(filter);
  int total = 0;
  for (int row = 0; row < items_->rowCount(); ++row)
    total += items_->entry(row).kind == GridEntry::Kind::Item;
  count_->setText(tr("%1 of %2").arg(filter_->rowCount()).arg(total));
  if (total == 0) {
    list_->setEmptyText(
        tr("No pieces yet. Import outfit photos (File ▸ Import Photos, Ctrl+I): "
           "their tops, bottoms and shoes appear here."));
  } else if (!filter.text.isEmpty()) {
    list_->setEmptyText(tr("Nothing matches “%1”.").arg(filter.text));
  } else {
    list_->setEmptyText(filter.category
                            ? tr("No %1 pieces in the library.").arg(categoryLabel(*filter.category))
                            : tr("No pieces in the library."));
  }
}

}  // namespace w2w
