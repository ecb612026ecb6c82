#include "saved_outfits_panel.h"

#include <QAction>
#include <QEvent>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QVBoxLayout>

#include "board_pieces.h"
#include "compat_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "piece_pictures.h"
#include "view_action.h"

namespace w2w {
namespace {

constexpr int kPictureSide = 44;

QString outfitTitle(const Outfit& outfit) {
  return outfit.name.empty() ? SavedOutfitsPanel::tr("Outfit %1").arg(outfit.id)
                             : QString::fromStdString(outfit.name);
}

BoardPieces piecesOf(const Outfit& outfit) {
  BoardPieces pieces;
  for (Category c : kBoardSlots) pieces.set(c, outfit.member(c));
  return pieces;
}

}  // namespace

SavedOutfitsPanel::SavedOutfitsPanel(LibraryController* library, CompatService* compat, QWidget* parent)
    : QWidget(parent), library_(library), compat_(compat) {
  setObjectName("savedOutfits");
  title_ = new QLabel(this);
  list_ = new QListWidget(this);
  list_->setObjectName("savedOutfitList");
  list_->setIconSize(QSize(3 * kPictureSide + 8, kPictureSide));
  list_->setWordWrap(true);
  list_->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(title_);
  layout->addWidget(list_, 1);

  // The keys work while the list has the focus (the board's Delete empties a slot).
  open_ = addViewAction(list_, "actionOpenSavedOutfit", {});
  rename_ = addViewAction(list_, "actionRenameSavedOutfit", {QKeySequence(Qt::Key_F2)});
  delete_ = addViewAction(list_, "actionDeleteSavedOutfit", {QKeySequence::Delete});
  connect(open_, &QAction::triggered, this, [this] {
    if (const Id id = currentOutfit()) Q_EMIT openRequested(id);
  });
  connect(list_, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* row) { Q_EMIT openRequested(row->data(Qt::UserRole).toLongLong()); });
  connect(rename_, &QAction::triggered, this, [this] {
    const Id id = currentOutfit();
    if (!id) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Outfit"), tr("Name:"), QLineEdit::Normal,
                                               list_->currentItem()->data(Qt::UserRole + 1).toString(), &ok);
    if (!ok) return;
    const QString error = renameOutfit(id, name);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot rename the outfit"), error);
  });
  connect(delete_, &QAction::triggered, this, [this] {
    const QString error = deleteOutfit(currentOutfit(), true);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot delete the outfit"), error);
  });
  connect(list_, &QListWidget::currentRowChanged, this, &SavedOutfitsPanel::updateActions);
  // A read-only library's outfits can be opened, not renamed or deleted.
  connect(library_, &LibraryController::writableChanged, this, &SavedOutfitsPanel::updateActions);
  connect(library_, &LibraryController::outfitsChanged, this, &SavedOutfitsPanel::reload);
  connect(library_, &LibraryController::contentChanged, this, &SavedOutfitsPanel::reload);
  connect(library_, &LibraryController::tagsChanged, this, &SavedOutfitsPanel::reload);
  connect(compat_, &CompatService::changed, this, &SavedOutfitsPanel::reload);
  retranslate();
}

void SavedOutfitsPanel::retranslate() {
  open_->setText(tr("Put on the board"));
  rename_->setText(tr("Rename…"));
  delete_->setText(tr("Delete from the library…"));
  reload();
}

void SavedOutfitsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

Id SavedOutfitsPanel::currentOutfit() const {
  return list_->currentItem() ? list_->currentItem()->data(Qt::UserRole).toLongLong() : 0;
}

void SavedOutfitsPanel::reload() {
  const Id current = currentOutfit();
  list_->clear();
  std::vector<Outfit> saved;
  if (Library* library = library_->library()) {
    if (auto outfits = library->outfits(OutfitOrigin::User)) saved = std::move(*outfits);
  }
  for (const Outfit& outfit : saved) {
    const BoardPieces pieces = piecesOf(outfit);
    QString line;
    if (auto score = compat_->score(pieces)) {
      const QString verdict = compat_->verdict(score->score);
      line = verdict.isEmpty() ? tr("score %1").arg(score->score, 0, 'f', 2)
                               : tr("score %1, %2").arg(score->score, 0, 'f', 2).arg(verdict);
    } else {
      line = tr("no score: %1").arg(QString::fromStdString(score.message()));
    }
    QStringList names;
    for (Id item : pieces.items()) names << library_->itemName(item).text();
    auto* row = new QListWidgetItem(QIcon(outfitStrip(library_, pieces.items(), kPictureSide)),
                                    outfitTitle(outfit) + '\n' + line, list_);
    row->setData(Qt::UserRole, static_cast<qlonglong>(outfit.id));
    row->setData(Qt::UserRole + 1, QString::fromStdString(outfit.name));
    row->setToolTip(names.join('\n'));
    if (outfit.id == current) list_->setCurrentItem(row);
  }
  title_->setText(tr("<b>Saved outfits</b> (%1)").arg(saved.size()));
  list_->setToolTip(saved.empty() ? tr("Outfits saved on the board (Save outfit, Ctrl+S) appear here.")
                                  : tr("Double-click an outfit to put it on the board; F2 renames it, "
                                       "Delete removes it from the library"));
  updateActions();
}

void SavedOutfitsPanel::updateActions() {
  const bool chosen = list_->currentItem() != nullptr;
  open_->setEnabled(chosen);
  for (QAction* a : {rename_, delete_}) a->setEnabled(chosen && !library_->isReadOnly());
}

QString SavedOutfitsPanel::deleteOutfit(Id outfitId, bool confirm) {
  Library* library = library_->library();
  if (!library || !outfitId) return tr("Choose a saved outfit first.");
  auto outfit = library->outfit(outfitId);
  if (!outfit) return QString::fromStdString(outfit.message());
  if (!*outfit) return tr("The outfit is no longer in the library.");
  if (confirm && QMessageBox::question(
                     this, tr("Delete the saved outfit"),
                     tr("Delete “%1” from the library? Its pieces stay in the library. This "
                        "cannot be undone.")
                         .arg(outfitTitle(**outfit)),
                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
    return {};
  }
  return library_->removeOutfit(outfitId);
}

QString SavedOutfitsPanel::renameOutfit(Id outfitId, const QString& name) {
  Library* library = library_->library();
  if (!library) return tr("No library is open.");
  auto outfit = library->outfit(outfitId);
  if (!outfit) return QString::fromStdString(outfit.message());
  if (!*outfit) return tr("The outfit is no longer in the library.");
  Outfit renamed = **outfit;
  renamed.name = name.trimmed().toStdString();
  return library_->updateOutfit(renamed);
}

}  // namespace w2w
