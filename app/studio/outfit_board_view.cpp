#include "outfit_board_view.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QToolBar>
#include <QUndoCommand>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

#include "category_style.h"
#include "compat_service.h"
#include "item_slot.h"
#include "library/library.h"
#include "library_controller.h"
#include "saved_outfit_command.h"
#include "similarity_matrix.h"
#include "view_action.h"

namespace w2w {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

class SetPiecesCommand : public QUndoCommand {
 public:
  SetPiecesCommand(OutfitBoardView* board, BoardPieces before, BoardPieces after, const QString& text)
      : board_(board), before_(before), after_(after) {
    setText(text);
  }
  void redo() override { board_->applyPieces(after_); }
  void undo() override { board_->applyPieces(before_); }

 private:
  OutfitBoardView* board_;
  BoardPieces before_, after_;
};

QPixmap pictureOf(LibraryController* library, Id item) {
  QPixmap picture;
  if (item) picture.loadFromData(library->cropPng(item));
  return picture;
}

}  // namespace

OutfitBoardView::OutfitBoardView(LibraryController* library, CompatService* compat, QWidget* parent)
    : QWidget(parent), library_(library), compat_(compat), score_(kNaN) {
  setObjectName("board");
  toolbar_ = new QToolBar(this);
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  auto action = [this](const char* name, QList<QKeySequence> keys, auto slot) {
    QAction* a = addViewAction(this, name, keys, toolbar_);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  randomAction_ = action("actionModifyAtRandom", {QKeySequence(Qt::Key_R)}, [this] { modifyAtRandom(); });
  completeAction_ =
      action("actionCompleteLook", {QKeySequence(Qt::CTRL | Qt::Key_L)}, [this] { completeTheLook(); });
  recommendAction_ = action("actionShowRecommendations", {}, [this] { Q_EMIT completeRequested(pieces_); });
  saveAction_ = action("actionSaveOutfit", {QKeySequence::Save}, [this] {
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save Outfit"), tr("Name:"), QLineEdit::Normal, QString(), &ok);
    if (!ok) return;
    const QString error = saveOutfit(name);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot save the outfit"), error);
  });
  clearAction_ = action("actionClearBoard", {QKeySequence::Delete}, [this] {
    setPieces({0, 0, 0}, tr("Clear board"));
  });
  toolbar_->addSeparator();
  savedChoice_ = new QComboBox(this);
  savedChoice_->setObjectName("savedOutfits");
  savedChoice_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  toolbar_->addWidget(savedChoice_);
  connect(savedChoice_, &QComboBox::activated, this, [this](int index) {
    if (index <= 0) return;
    const QString error = openSavedOutfit(savedChoice_->itemData(index).toLongLong());
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot open the outfit"), error);
  });
  deleteSavedAction_ = action("actionDeleteSavedOutfit", {}, [this] {
    const Id id = savedChoice_->currentData().toLongLong();
    if (id == 0) return;
    const QString error = deleteSavedOutfit(id);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot delete the outfit"), error);
  });
  connect(savedChoice_, &QComboBox::currentIndexChanged, this,
          [this](int index) { deleteSavedAction_->setEnabled(index > 0); });
  deleteSavedAction_->setEnabled(false);
  toolbar_->addSeparator();
  undoAction_ = undo_.createUndoAction(this);
  undoAction_->setShortcuts(QKeySequence::Undo);
  redoAction_ = undo_.createRedoAction(this);
  redoAction_->setShortcuts(QKeySequence::Redo);
  for (QAction* a : {undoAction_, redoAction_}) {
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(a);
    toolbar_->addAction(a);
  }

  auto* slotColumn = new QVBoxLayout;
  for (Category c : kSeedSlots) {
    auto* slot = new ItemSlot(c, this);
    slots_[static_cast<std::size_t>(seedSlot(c))] = slot;
    slotColumn->addWidget(slot, 1);
    connect(slot, &ItemSlot::itemDropped, this, [this, c](Id item) { setPiece(c, item); });
    connect(slot, &ItemSlot::photoDropped, this, &OutfitBoardView::takePhoto);
    connect(slot, &ItemSlot::clicked, this, [this, c] { selectSlot(c); });
  }

  scoreLabel_ = new QLabel(this);
  scoreLabel_->setObjectName("scoreLabel");
  scoreLabel_->setAlignment(Qt::AlignCenter);
  scoreLabel_->setWordWrap(true);
  spaceLabel_ = new QLabel(this);
  spaceLabel_->setWordWrap(true);
  pairs_ = new SimilarityMatrix(this);
  pairs_->setObjectName("pairMatrix");
  auto* scoreColumn = new QVBoxLayout;
  scoreColumn->addWidget(scoreLabel_);
  scoreColumn->addWidget(pairs_, 1);
  scoreColumn->addWidget(spaceLabel_);

  candidatesLabel_ = new QLabel(this);
  candidatesLabel_->setWordWrap(true);
  candidates_ = new QListWidget(this);
  candidates_->setObjectName("slotCandidates");
  candidates_->setIconSize(QSize(56, 56));
  connect(candidates_, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* row) { setPiece(selected_, row->data(Qt::UserRole).toLongLong()); });
  auto* candidateColumn = new QVBoxLayout;
  candidateColumn->addWidget(candidatesLabel_);
  candidateColumn->addWidget(candidates_, 1);

  auto* body = new QHBoxLayout;
  body->addLayout(slotColumn, 2);
  body->addLayout(scoreColumn, 3);
  body->addLayout(candidateColumn, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(toolbar_);
  layout->addLayout(body, 1);

  connect(compat_, &CompatService::changed, this, [this] {
    applyPieces(pieces_);  // pictures and scores may have changed
  });
  connect(compat_, &CompatService::recommenderReady, this, &OutfitBoardView::refreshCandidates);
  connect(library_, &LibraryController::libraryOpened, this, [this] {
    undo_.clear();
    applyPieces({0, 0, 0});
  });
  connect(library_, &LibraryController::outfitsChanged, this, &OutfitBoardView::reloadSavedOutfits);
  connect(library_, &LibraryController::contentChanged, this, &OutfitBoardView::reloadSavedOutfits);
  connect(library_, &LibraryController::contentChanged, this, &OutfitBoardView::dropRemovedPieces);
  selectSlot(Category::Top);
  retranslate();
}

void OutfitBoardView::retranslate() {
  randomAction_->setText(tr("Modify at random"));
  randomAction_->setToolTip(
      tr("Replace two pieces, chosen at random, with pieces of other outfits: the seed's "
         "modified outfit (R)"));
  completeAction_->setText(tr("Complete the look"));
  completeAction_->setToolTip(
      tr("Fill the empty slots with the pieces that go best with the others (Ctrl+L)"));
  recommendAction_->setText(tr("Show recommendations"));
  saveAction_->setText(tr("Save outfit"));
  saveAction_->setToolTip(tr("Save the three pieces as an outfit in the library (Ctrl+S)"));
  clearAction_->setText(tr("Clear"));
  deleteSavedAction_->setText(tr("Delete saved outfit"));
  deleteSavedAction_->setToolTip(
      tr("Delete the saved outfit chosen on the left from the library (undoable)"));
  savedChoice_->setToolTip(tr("Put an outfit saved in the library on the board"));
  reloadSavedOutfits();
  undoAction_->setText(tr("Undo"));
  redoAction_->setText(tr("Redo"));
  refreshScore();
  refreshCandidates();
}

void OutfitBoardView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void OutfitBoardView::selectSlot(Category category) {
  selected_ = category;
  for (ItemSlot* slot : slots_) slot->setSelected(slot->category() == category);
  refreshCandidates();
}

void OutfitBoardView::setPiece(Category category, Id item) {
  if (item) {
    auto found =
        library_->library() ? library_->library()->item(item) : Result<std::optional<Item>>(makeError(""));
    if (!found || !*found) return;
    category = (*found)->category;  // an item always goes to its own slot
  }
  if (!isSeedSlot(category)) return;  // the board has no slot for it
  BoardPieces after = pieces_;
  after[static_cast<std::size_t>(seedSlot(category))] = item;
  setPieces(after, tr("Put %1 on the board").arg(categoryLabel(category).toLower()));
}

void OutfitBoardView::setPieces(const BoardPieces& pieces, const QString& what) {
  if (pieces == pieces_) return;
  undo_.push(new SetPiecesCommand(this, pieces_, pieces, what));
}

void OutfitBoardView::takePhoto(Id photoId) {
  Library* library = library_->library();
  if (!library) return;
  auto crops = library->items(ItemQuery().fromPhoto(photoId));
  if (!crops) return;
  BoardPieces after = pieces_;
  for (const Item& item : *crops) {
    if (isSeedSlot(item.category)) after[static_cast<std::size_t>(seedSlot(item.category))] = item.id;
  }
  setPieces(after, tr("Put a photo's outfit on the board"));
}

void OutfitBoardView::applyPieces(const BoardPieces& pieces) {
  pieces_ = pieces;
  for (Category c : kSeedSlots) {
    const Id item = pieces_[static_cast<std::size_t>(seedSlot(c))];
    QString caption;
    if (item && library_->library()) {
      if (auto found = library_->library()->item(item); found && *found) {
        caption = (*found)->photoId ? tr("item %1 (photo %2)").arg(item).arg(*(*found)->photoId)
                                    : tr("item %1").arg(item);
      }
    }
    slots_[static_cast<std::size_t>(seedSlot(c))]->setItem(item, pictureOf(library_, item), caption);
  }
  refreshScore();
  refreshCandidates();
}

void OutfitBoardView::refreshScore() {
  score_ = kNaN;
  const QStringList names = {categoryLabel(Category::Top), categoryLabel(Category::Bottom),
                             categoryLabel(Category::Shoes)};
  QVector<QVector<double>> matrix(3, QVector<double>(3, kNaN));
  spaceLabel_->setText(compat_->description());
  if (std::find(pieces_.begin(), pieces_.end(), 0) != pieces_.end()) {
    scoreLabel_->setText(
        tr("<span style='font-size:15pt'>Drop a top, a bottom and shoes to see how well they go "
           "together</span>"));
    // Pairs that are already complete still show.
    for (int a = 0; a < 3; ++a) {
      for (int b = 0; b < 3; ++b) {
        if (a == b || !pieces_[a] || !pieces_[b]) continue;
        if (auto s = compat_->similarity(pieces_[a], pieces_[b])) matrix[a][b] = *s;
      }
    }
    pairs_->setMatrix(matrix, names, names);
    return;
  }
  auto score = compat_->score(pieces_[0], pieces_[1], pieces_[2]);
  if (!score) {
    scoreLabel_->setText(QStringLiteral("<span style='font-size:13pt'>%1</span>")
                             .arg(QString::fromStdString(score.message()).toHtmlEscaped()));
    pairs_->setMatrix(matrix, names, names);
    return;
  }
  score_ = score->score;
  // Pair order of OutfitScore: top-bottom, bottom-shoes, top-shoes.
  matrix[0][1] = matrix[1][0] = score->pairs[0];
  matrix[1][2] = matrix[2][1] = score->pairs[1];
  matrix[0][2] = matrix[2][0] = score->pairs[2];
  pairs_->setMatrix(matrix, names, names);
  scoreLabel_->setText(
      tr("<span style='font-size:30pt; font-weight:bold'>%1</span><br>outfit score (mean of the "
         "three pair similarities)")
          .arg(score_, 0, 'f', 3));
}

void OutfitBoardView::refreshCandidates() {
  candidates_->clear();
  const QString slotName = categoryLabel(selected_).toLower();
  std::vector<GivenPiece> given;
  auto engine = compat_->recommender();
  for (Category c : kSeedSlots) {
    const Id item = pieces_[static_cast<std::size_t>(seedSlot(c))];
    if (c == selected_ || !item || !engine) continue;
    if (auto piece = engine->piece(item)) given.push_back(*piece);
  }
  if (!engine) {
    candidatesLabel_->setText(compat_->recommenderBuilding()
                                  ? tr("Preparing candidates…")
                                  : tr("No candidates: %1").arg(compat_->recommenderError()));
    return;
  }
  if (given.empty()) {
    candidatesLabel_->setText(
        tr("Click a slot, put pieces in the other slots, and the %1 that go best with them "
           "are listed here. Double-click one to swap it in.")
            .arg(slotName));
    return;
  }
  RecommendOptions options;
  options.k = 12;
  options.excluded.insert(pieces_[static_cast<std::size_t>(seedSlot(selected_))]);  // already on the board
  auto ranked = engine->rank(given, selected_, options);
  if (!ranked) {
    candidatesLabel_->setText(QString::fromStdString(ranked.message()));
    return;
  }
  candidatesLabel_->setText(tr("Best %1 for the other pieces (double-click to swap):").arg(slotName));
  for (const Suggestion& s : *ranked) {
    auto* row =
        new QListWidgetItem(QIcon(pictureOf(library_, s.itemId)),
                            tr("item %1 — score %2").arg(s.itemId).arg(s.score, 0, 'f', 3), candidates_);
    row->setData(Qt::UserRole, static_cast<qlonglong>(s.itemId));
    QStringList why;
    for (const PairSimilarity& p : s.why) {
      why << tr("%1–%2: %3").arg(categoryLabel(p.a), categoryLabel(p.b)).arg(p.similarity, 0, 'f', 3);
    }
    row->setToolTip(why.join('\n'));
  }
}

void OutfitBoardView::modifyAtRandom() {
  Library* library = library_->library();
  if (!library || std::find(pieces_.begin(), pieces_.end(), 0) != pieces_.end()) return;
  // The seed's modified outfit: two of the three categories, the pair chosen
  // uniformly, each replaced by the same category of another outfit.
  static const std::array<std::array<int, 2>, 3> kPairs = {{{0, 1}, {1, 2}, {0, 2}}};
  const auto& pair = kPairs[std::uniform_int_distribution<int>(0, 2)(random_)];
  BoardPieces after = pieces_;
  for (int slot : pair) {
    auto others = library->items(ItemQuery().inCategory(kSeedSlots[static_cast<std::size_t>(slot)]));
    if (!others) return;
    std::vector<Id> choices;
    for (const Item& item : *others) {
      if (item.id != pieces_[static_cast<std::size_t>(slot)]) choices.push_back(item.id);
    }
    if (choices.empty()) return;
    after[static_cast<std::size_t>(slot)] =
        choices[std::uniform_int_distribution<std::size_t>(0, choices.size() - 1)(random_)];
  }
  setPieces(after, tr("Modify at random"));
}

void OutfitBoardView::completeTheLook() {
  auto engine = compat_->recommender();
  if (!engine) return;
  std::vector<GivenPiece> given;
  for (Id item : pieces_) {
    if (!item) continue;
    if (auto piece = engine->piece(item)) given.push_back(*piece);
  }
  BoardPieces after = pieces_;
  if (given.size() == 1) {
    auto outfits = engine->complete(given[0], {});
    if (!outfits || outfits->empty()) return;
    after = {outfits->front().member(Category::Top), outfits->front().member(Category::Bottom),
             outfits->front().member(Category::Shoes)};
  } else if (given.size() == 2) {
    for (Category c : kSeedSlots) {
      if (after[static_cast<std::size_t>(seedSlot(c))]) continue;
      auto ranked = engine->rank(given, c, {});
      if (ranked && !ranked->empty()) after[static_cast<std::size_t>(seedSlot(c))] = ranked->front().itemId;
    }
  }
  setPieces(after, tr("Complete the look"));
}

QString OutfitBoardView::saveOutfit(const QString& name) {
  if (!library_->library()) return tr("No library is open.");
  if (std::find(pieces_.begin(), pieces_.end(), 0) != pieces_.end())
    return tr("An outfit needs a top, a bottom and shoes.");
  Outfit outfit;
  outfit.name = name.toStdString();
  for (std::size_t slot = 0; slot < kSeedSlots.size(); ++slot) outfit.setMember(kSeedSlots[slot], pieces_[slot]);
  outfit.origin = OutfitOrigin::User;
  auto* command = new SavedOutfitCommand(library_, outfit, true, tr("Save outfit"));
  command->redo();  // applied and checked now; pushing it does not repeat it
  if (const QString error = command->error(); !error.isEmpty()) {
    delete command;
    return error;
  }
  undo_.push(command);
  return {};
}

QString OutfitBoardView::openSavedOutfit(Id outfitId) {
  Library* library = library_->library();
  if (!library) return tr("No library is open.");
  auto outfit = library->outfit(outfitId);
  if (!outfit) return QString::fromStdString(outfit.message());
  if (!*outfit) return tr("The outfit is no longer in the library.");
  const QString name = QString::fromStdString((*outfit)->name);
  setPieces({(*outfit)->member(Category::Top), (*outfit)->member(Category::Bottom),
             (*outfit)->member(Category::Shoes)},
            tr("Open %1").arg(name.isEmpty() ? tr("outfit %1").arg(outfitId) : name));
  return {};
}

QString OutfitBoardView::deleteSavedOutfit(Id outfitId) {
  Library* library = library_->library();
  if (!library) return tr("No library is open.");
  auto outfit = library->outfit(outfitId);
  if (!outfit) return QString::fromStdString(outfit.message());
  if (!*outfit) return tr("The outfit is no longer in the library.");
  auto* command = new SavedOutfitCommand(library_, **outfit, false, tr("Delete saved outfit"));
  command->redo();
  if (const QString error = command->error(); !error.isEmpty()) {
    delete command;
    return error;
  }
  undo_.push(command);
  return {};
}

void OutfitBoardView::dropRemovedPieces() {
  const std::vector<Id> gone = library_->missingItems({pieces_.begin(), pieces_.end()});
  if (gone.empty()) return;
  BoardPieces kept = pieces_;
  for (Id& id : kept)
    if (std::find(gone.begin(), gone.end(), id) != gone.end()) id = 0;
  applyPieces(kept);
  undo_.clear();  // earlier steps would put the removed items back
}

void OutfitBoardView::reloadSavedOutfits() {
  const Id current = savedChoice_->currentData().toLongLong();
  QSignalBlocker block(savedChoice_);
  savedChoice_->clear();
  savedChoice_->addItem(tr("Saved outfits…"), qint64{0});
  if (Library* library = library_->library()) {
    if (auto saved = library->outfits(OutfitOrigin::User)) {
      for (const Outfit& o : *saved) {
        const QString name = QString::fromStdString(o.name);
        savedChoice_->addItem(name.isEmpty() ? tr("outfit %1").arg(o.id) : name, static_cast<qint64>(o.id));
      }
    }
  }
  savedChoice_->setCurrentIndex(std::max(0, savedChoice_->findData(static_cast<qint64>(current))));
  deleteSavedAction_->setEnabled(savedChoice_->currentIndex() > 0);
}

}  // namespace w2w
