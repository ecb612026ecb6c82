#include "library_view.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelection>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

#include "category_style.h"
#include "library/library.h"
#include "library_controller.h"
#include "library_filter_model.h"
#include "library_grid_view.h"
#include "tag_command.h"
#include "view_action.h"

namespace w2w {

LibraryView::LibraryView(LibraryController* library, ThumbnailCache* thumbnails, QWidget* parent)
    : QWidget(parent), library_(library) {
  setObjectName("library");
  model_ = new LibraryGridModel(thumbnails, this);
  model_->setCropLoader([this](Id id) { return library_->cropPng(id); });
  filterModel_ = new LibraryFilterModel(this);
  filterModel_->setSourceModel(model_);
  grid_ = new LibraryGridView(160, this);
  grid_->setObjectName("libraryGrid");
  grid_->setModel(filterModel_);

  kind_ = new QComboBox(this);
  category_ = new QComboBox(this);
  state_ = new QComboBox(this);
  tag_ = new QComboBox(this);
  search_ = new QLineEdit(this);
  search_->setClearButtonEnabled(true);
  search_->setObjectName("librarySearch");
  count_ = new QLabel(this);
  for (int i = 0; i < 3; ++i) kind_->addItem(QString());
  for (int i = 0; i <= kCategoryCount; ++i) category_->addItem(QString());  // any, then each category
  for (int i = 0; i < 9; ++i) state_->addItem(QString());
  auto* bar = new QHBoxLayout;
  for (QWidget* w : std::initializer_list<QWidget*>{kind_, category_, state_, tag_}) bar->addWidget(w);
  bar->addWidget(search_, 1);
  bar->addWidget(count_);

  reportPanel_ = new QWidget(this);
  reportTitle_ = new QLabel(reportPanel_);
  report_ = new QListWidget(reportPanel_);
  report_->setObjectName("importReport");
  report_->setMaximumHeight(150);
  closeReport_ = new QToolButton(reportPanel_);
  closeReport_->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
  auto* reportHead = new QHBoxLayout;
  reportHead->addWidget(reportTitle_, 1);
  reportHead->addWidget(closeReport_);
  auto* reportLayout = new QVBoxLayout(reportPanel_);
  reportLayout->setContentsMargins(0, 0, 0, 0);
  reportLayout->addLayout(reportHead);
  reportLayout->addWidget(report_);
  reportPanel_->hide();

  splitter_ = new QSplitter(this);
  splitter_->setChildrenCollapsible(false);
  splitter_->addWidget(grid_);
  splitter_->setStretchFactor(0, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(bar);
  layout->addWidget(splitter_, 1);
  layout->addWidget(reportPanel_);

  for (QComboBox* box : {kind_, category_, state_, tag_}) {
    connect(box, &QComboBox::currentIndexChanged, this, &LibraryView::applyFilter);
  }
  connect(search_, &QLineEdit::textChanged, this, &LibraryView::applyFilter);
  connect(closeReport_, &QToolButton::clicked, reportPanel_, &QWidget::hide);
  // Enter and double-click: an item goes on the board (with the other items
  // selected with it); a photo opens in the crop editor.
  connect(grid_, &QListView::activated, this, [this](const QModelIndex& index) {
    const GridEntry& e = filterModel_->entry(index);
    if (e.kind == GridEntry::Kind::Photo) {
      Q_EMIT photoActivated(e.id);
      return;
    }
    const bool inSelection = grid_->selectionModel()->isSelected(index);
    Q_EMIT putOnBoardRequested(inSelection ? selectedPieces() : std::vector<Id>{e.id});
  });

  // Tags: actions on the selection, in the grid's context menu and as
  // shortcuts while the view has the focus.
  undo_ = new QUndoStack(this);
  const auto action = [this](const char* name, QKeySequence key) { return addViewAction(this, name, {key}); };
  addTag_ = action("actionAddTag", QKeySequence(Qt::CTRL | Qt::Key_T));
  removeTag_ = action("actionRemoveTag", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
  putOnBoard_ = action("actionPutOnBoard", QKeySequence(Qt::CTRL | Qt::Key_B));
  connect(putOnBoard_, &QAction::triggered, this, [this] {
    const std::vector<Id> pieces = selectedPieces();
    if (!pieces.empty()) Q_EMIT putOnBoardRequested(pieces);
  });
  completeLook_ = action("actionCompleteLookFrom", QKeySequence(Qt::CTRL | Qt::Key_L));
  connect(completeLook_, &QAction::triggered, this, [this] {
    const std::vector<Id> pieces = selectedPieces();
    if (!pieces.empty()) Q_EMIT completeLookRequested(pieces);
  });
  editCrops_ = action("actionEditCrops", QKeySequence());
  connect(editCrops_, &QAction::triggered, this, [this] {
    for (const GridEntry& e : selectedEntries()) {
      if (e.kind == GridEntry::Kind::Photo) {
        Q_EMIT photoActivated(e.id);
        return;
      }
    }
  });
  // Delete works in the grid only (a side panel may delete its own things).
  removeEntries_ = addViewAction(grid_, "actionRemoveFromLibrary", {QKeySequence::Delete});
  connect(removeEntries_, &QAction::triggered, this, [this] {
    const QString error = removeSelection(true);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot remove"), error);
  });
  cropAgain_ = action("actionCropAgain", QKeySequence());
  connect(cropAgain_, &QAction::triggered, this, [this] {
    std::vector<Id> photos;
    for (const GridEntry& e : selectedEntries())
      if (e.kind == GridEntry::Kind::Photo) photos.push_back(e.id);
    if (!photos.empty()) library_->cropAgain(photos);
  });
  connect(addTag_, &QAction::triggered, this, [this] { askTag(true); });
  connect(removeTag_, &QAction::triggered, this, [this] { askTag(false); });
  grid_->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto* separator = new QAction(this);
  separator->setSeparator(true);
  auto* separator2 = new QAction(this);
  separator2->setSeparator(true);
  auto* separator3 = new QAction(this);
  separator3->setSeparator(true);
  grid_->addActions({putOnBoard_, completeLook_, editCrops_, separator3, addTag_, removeTag_, separator,
                     cropAgain_, separator2, removeEntries_});
  connect(grid_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          &LibraryView::updateSelectionActions);
  connect(filterModel_, &QAbstractItemModel::modelReset, this, &LibraryView::updateSelectionActions);
  connect(library_, &LibraryController::tagsChanged, this, [this] {
    reloadTags();
    applyFilter();
  });
  // Another library: the tag steps of the last one no longer apply.
  connect(library_, &LibraryController::libraryOpened, undo_, &QUndoStack::clear);
  // A read-only library is browsed, not edited.
  connect(library_, &LibraryController::writableChanged, this, [this](bool writable) {
    for (QAction* a : {addTag_, removeTag_, removeEntries_, cropAgain_}) a->setEnabled(writable);
  });
  retranslate();
}

// The undo stack is a child, deleted after this view is gone: its last
// signals must not reach the half-destroyed view.
LibraryView::~LibraryView() { QObject::disconnect(undo_, nullptr, this, nullptr); }

void LibraryView::retranslate() {
  const QStringList kinds = {tr("Photos and items"), tr("Photos"), tr("Items")};
  QStringList categories = {tr("Any category")};
  for (Category c : kCategories) categories << categoryLabel(c);
  const QStringList states = {tr("Any state"),    tr("New (not cropped)"), tr("Processed"),
                              tr("Reviewed"),     tr("Flagged"),           tr("Failed"),
                              tr("Edited crops"), tr("Encoded"),           tr("Not encoded")};
  for (int i = 0; i < kinds.size(); ++i) kind_->setItemText(i, kinds[i]);
  for (int i = 0; i < categories.size(); ++i) category_->setItemText(i, categories[i]);
  while (state_->count() > states.size()) state_->removeItem(state_->count() - 1);
  for (int i = 0; i < states.size(); ++i) state_->setItemText(i, states[i]);
  if (tag_->count() == 0) tag_->addItem(QString());
  tag_->setItemText(0, tr("Any tag"));
  search_->setPlaceholderText(tr("Filter by name, tag or category"));
  addTag_->setText(tr("Add a tag to the selection…"));
  removeTag_->setText(tr("Remove a tag from the selection…"));
  removeEntries_->setText(tr("Remove from the library…"));
  putOnBoard_->setText(tr("Put on the board"));
  putOnBoard_->setToolTip(
      tr("Put the selected pieces (a photo: its crops) on the outfit board (Enter on an item)"));
  completeLook_->setText(tr("Complete the look from this"));
  completeLook_->setToolTip(tr("Show what goes with the selected pieces in the recommendations"));
  editCrops_->setText(tr("Edit the crops"));
  editCrops_->setToolTip(tr("Open the photo in the crop editor (Enter on a photo)"));
  cropAgain_->setText(tr("Crop the selected photos again"));
  cropAgain_->setToolTip(tr("Run the crop pipeline again: automatic crops are replaced, edited ones kept"));
  closeReport_->setToolTip(tr("Hide the import report"));
  applyFilter();
}

void LibraryView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void LibraryView::reloadTags() {
  const QString current = tag_->currentData().toString();
  QSignalBlocker block(tag_);
  while (tag_->count() > 1) tag_->removeItem(1);
  if (library_->library()) {
    if (auto tags = library_->library()->tags()) {
      for (const Tag& t : *tags)
        tag_->addItem(QString::fromStdString(t.name), QString::fromStdString(t.name));
    }
  }
  tag_->setCurrentIndex(std::max(0, tag_->findData(current)));
}

void LibraryView::refresh(const std::string& modelId) {
  // The library may change under the view (another program, a background
  // task): what was selected and current, and the scroll position, stay.
  const auto key = [](const GridEntry& e) { return qMakePair(static_cast<int>(e.kind), e.id); };
  QSet<QPair<int, Id>> selected;
  for (const GridEntry& e : selectedEntries()) selected.insert(key(e));
  std::optional<QPair<int, Id>> current;
  if (grid_->currentIndex().isValid()) current = key(filterModel_->entry(grid_->currentIndex()));
  const int scroll = grid_->verticalScrollBar()->value();

  model_->setEntries(library_->gridEntries(modelId));
  reloadTags();
  applyFilter();

  QItemSelection selection;
  for (int row = 0; row < model_->rowCount(); ++row) {
    const QModelIndex index = filterModel_->mapFromSource(model_->index(row));
    if (!index.isValid()) continue;
    const QPair<int, Id> entry = key(model_->entry(row));
    if (selected.contains(entry)) selection.select(index, index);
    if (current == entry) grid_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
  }
  grid_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
  grid_->verticalScrollBar()->setValue(scroll);
}

void LibraryView::applyFilter() {
  LibraryFilter filter;
  filter.kind = static_cast<LibraryFilter::Kind>(std::max(0, kind_->currentIndex()));
  if (category_->currentIndex() > 0)
    filter.category = kCategories[static_cast<std::size_t>(category_->currentIndex() - 1)];
  filter.state = static_cast<LibraryFilter::State>(std::max(0, state_->currentIndex()));
  const QString tag = tag_->currentData().toString();
  if (!tag.isEmpty() && library_->library()) {
    filter.photoIds.emplace();
    filter.itemIds.emplace();
    if (auto photos = library_->library()->photos(PhotoQuery().withTag(tag.toStdString()))) {
      for (const Photo& p : *photos) filter.photoIds->insert(p.id);
    }
    if (auto items = library_->library()->items(ItemQuery().withTag(tag.toStdString()))) {
      for (const Item& i : *items) filter.itemIds->insert(i.id);
    }
  }
  filter.text = search_->text();
  filterModel_->setFilter(filter);
  count_->setText(tr("%1 of %2 shown").arg(filterModel_->rowCount()).arg(model_->rowCount()));
  grid_->setEmptyText(model_->rowCount() == 0
                          ? tr("This library is empty. Import outfit photos with File ▸ Import Photos "
                               "(Ctrl+I) or Import Folder (Ctrl+Shift+I), or drop photos or folders on "
                               "this window. Each photo is cropped into its top, bottom and shoes.")
                          : tr("Nothing matches the filters."));
  updateSelectionActions();
}

std::vector<Id> LibraryView::selectedPieces() const {
  std::vector<Id> pieces;
  for (const GridEntry& e : selectedEntries()) {
    if (e.kind == GridEntry::Kind::Item) {
      pieces.push_back(e.id);
    } else if (library_->library()) {
      if (auto crops = library_->library()->items(ItemQuery().fromPhoto(e.id))) {
        for (const Item& crop : *crops) pieces.push_back(crop.id);  // a photo brings its crops
      }
    }
  }
  return pieces;
}

void LibraryView::updateSelectionActions() {
  bool items = false, photos = false;
  for (const GridEntry& e : selectedEntries()) (e.kind == GridEntry::Kind::Photo ? photos : items) = true;
  putOnBoard_->setEnabled(items || photos);
  completeLook_->setEnabled(items || photos);
  editCrops_->setEnabled(photos);
}

void LibraryView::addSidePanel(QWidget* panel) {
  splitter_->addWidget(panel);
  splitter_->setStretchFactor(splitter_->indexOf(panel), 0);
  splitter_->setSizes({800, 260});
}

std::vector<GridEntry> LibraryView::selectedEntries() const {
  std::vector<GridEntry> out;
  for (const QModelIndex& index : grid_->selectionModel()->selectedIndexes())
    out.push_back(filterModel_->entry(index));
  return out;
}

void LibraryView::select(GridEntry::Kind kind, Id id) {
  const int row = model_->rowOf(kind, id);
  if (row < 0) return;
  QModelIndex index = filterModel_->mapFromSource(model_->index(row));
  if (!index.isValid()) {  // hidden by the filter: show everything again
    kind_->setCurrentIndex(0);
    category_->setCurrentIndex(0);
    state_->setCurrentIndex(0);
    tag_->setCurrentIndex(0);
    search_->clear();
    index = filterModel_->mapFromSource(model_->index(row));
  }
  grid_->setCurrentIndex(index);
  grid_->scrollTo(index);
}

QString LibraryView::tagSelection(const QString& tag, bool add) {
  std::vector<GridEntry> entries = selectedEntries();
  if (entries.empty()) return tr("Select photos or items first.");
  auto* command = new TagCommand(library_, std::move(entries), tag.trimmed(), add);
  command->redo();
  const QString error = command->error();
  if (!error.isEmpty()) {
    delete command;
    return error;
  }
  undo_->push(command);  // already applied: push's redo() does nothing
  return {};
}

QString LibraryView::removeSelection(bool confirm) {
  const std::vector<GridEntry> entries = selectedEntries();
  if (entries.empty()) return tr("Select photos or items first.");
  const auto photos = std::count_if(entries.begin(), entries.end(),
                                    [](const GridEntry& e) { return e.kind == GridEntry::Kind::Photo; });
  const int items = static_cast<int>(entries.size() - static_cast<std::size_t>(photos));
  if (confirm) {
    const QString question =
        tr("Remove %1 and %2 from the library? Their crops, embeddings and the outfits that use them go too; "
           "the image files stay on disk. This cannot be undone.")
            .arg(tr("%n photo(s)", nullptr, static_cast<int>(photos)), tr("%n item(s)", nullptr, items));
    if (QMessageBox::question(this, tr("Remove from the library"), question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes) {
      return {};
    }
  }
  // Tag steps may name what is removed: they cannot be undone any more.
  undo_->clear();
  return library_->removeEntries(entries);
}

void LibraryView::askTag(bool add) {
  const std::vector<GridEntry> entries = selectedEntries();
  if (entries.empty()) return;
  QStringList choices;
  if (add) {
    if (auto tags = library_->library() ? library_->library()->tags()
                                        : Result<std::vector<Tag>>(std::vector<Tag>{})) {
      for (const Tag& t : *tags) choices << QString::fromStdString(t.name);
    }
  } else {
    choices = library_->tagsOf(entries);
    if (choices.isEmpty()) return;
  }
  bool ok = false;
  const QString tag = QInputDialog::getItem(
      this, add ? tr("Add a tag") : tr("Remove a tag"),
      add ? tr("Tag for the %n selected photo(s) and item(s):", nullptr, static_cast<int>(entries.size()))
          : tr("Tag to remove from the %n selected photo(s) and item(s):", nullptr,
               static_cast<int>(entries.size())),
      choices, 0, add, &ok);
  if (!ok || tag.trimmed().isEmpty()) return;
  const QString error = tagSelection(tag, add);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot change the tags"), error);
}

void LibraryView::showImportReport(const QString& title, const ImportReport& report) {
  report_->clear();
  for (const ImportEntry& e : report.entries) {
    const QString name = QFileInfo(QString::fromStdString(e.path)).fileName();
    QListWidgetItem* row = nullptr;
    switch (e.outcome) {
      case ImportEntry::Outcome::Added:
        row = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                                  e.warning.empty()
                                      ? tr("%1: added").arg(name)
                                      : tr("%1: added, but %2").arg(name, QString::fromStdString(e.warning)),
                                  report_);
        break;
      case ImportEntry::Outcome::Duplicate:
        row = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxInformation),
                                  tr("%1: already in the library").arg(name), report_);
        break;
      case ImportEntry::Outcome::Failed:
        row = new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxCritical),
                                  QString::fromStdString(e.error), report_);
        row->setData(Qt::UserRole, QStringLiteral("error"));
        break;
    }
    row->setToolTip(QString::fromStdString(e.path));
  }
  // Failures first: they are what a person has to act on.
  report_->sortItems(Qt::AscendingOrder);
  QList<QListWidgetItem*> errors;
  for (int i = report_->count() - 1; i >= 0; --i) {
    if (report_->item(i)->data(Qt::UserRole).toString() == "error") errors.prepend(report_->takeItem(i));
  }
  for (int i = 0; i < errors.size(); ++i) report_->insertItem(i, errors[i]);
  reportTitle_->setText(
      tr("<b>%1</b>: %2 added, %3 already there, %4 failed%5")
          .arg(title)
          .arg(report.added())
          .arg(report.duplicates())
          .arg(report.failed())
          .arg(report.cancelled ? tr(" (cancelled: the rest was not imported)") : QString()));
  reportPanel_->show();
}

}  // namespace w2w
