#include "outfit_board_view.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoCommand>
#include <QVBoxLayout>

#include "category_style.h"
#include "compat_service.h"
#include "item_slot.h"
#include "library/library.h"
#include "library_controller.h"
#include "outfit_board_text.h"
#include "piece_pictures.h"
#include "saved_outfits_panel.h"
#include "similarity_matrix.h"
#include "studio_settings.h"
#include "tab_drag_switcher.h"
#include "view_action.h"
#include "wardrobe_panel.h"

namespace w2w {
namespace {

using board_text::neededNames;

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

// The verdict in its colour, for rich-text labels.
QString verdictHtml(compat::Verdict verdict) {
  const char* color = verdict == compat::Verdict::GoesTogether ? "#2e7d32"
                      : verdict == compat::Verdict::Borderline ? "#ef6c00"
                                                               : "#c62828";
  return QStringLiteral("<span style='font-size:15pt; font-weight:bold; color:%1'>%2</span>")
      .arg(QLatin1String(color), CompatService::verdictText(verdict).toHtmlEscaped());
}

}  // namespace

OutfitBoardView::OutfitBoardView(LibraryController* library, CompatService* compat,
                                 LibraryGridModel* wardrobe, StudioSettings* settings, QWidget* parent)
    : QWidget(parent), library_(library), compat_(compat), kept_("board", settings, library), score_(kNaN) {
  setObjectName("board");
  toolbar_ = new QToolBar(this);
  toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  slotPanel_ = new QWidget(this);
  slotPanel_->setObjectName("boardSlots");
  auto action = [this](QWidget* scope, const char* name, QList<QKeySequence> keys, auto slot) {
    QAction* a = addViewAction(scope, name, keys, toolbar_);
    connect(a, &QAction::triggered, this, slot);
    return a;
  };
  randomAction_ =
      action(this, "actionModifyAtRandom", {QKeySequence(Qt::Key_R)}, [this] { modifyAtRandom(); });
  completeAction_ =
      action(this, "actionCompleteLook", {QKeySequence(Qt::CTRL | Qt::Key_L)}, [this] { completeTheLook(); });
  recommendAction_ = action(this, "actionShowRecommendations", {QKeySequence(Qt::CTRL | Qt::Key_R)},
                            [this] { Q_EMIT completeRequested(pieces_); });
  saveAction_ = action(this, "actionSaveOutfit", {QKeySequence::Save}, [this] { askAndSave(); });
  // Outfits are saved in the library: not in a read-only one (the board itself is in the settings).
  connect(library_, &LibraryController::writableChanged, saveAction_, &QAction::setEnabled);
  toolbar_->addSeparator();
  // Delete acts on the slots only: in the saved outfits list it deletes an outfit.
  removeAction_ =
      action(slotPanel_, "actionRemovePiece", {QKeySequence::Delete}, [this] { removePiece(selected_); });
  clearAction_ = action(this, "actionClearBoard", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete)},
                        [this] { setPieces({}, tr("Clear the board")); });
  toolbar_->addSeparator();
  // Buttons only: Ctrl+Z and Ctrl+Shift+Z are the window's Edit menu. Their
  // texts stay short whatever the step is called (a step names a piece by its
  // file, which can be long and would push the toolbar's buttons into its
  // overflow menu); the step's name is in the tool tip.
  undoAction_ = new QAction(this);
  undoAction_->setObjectName("actionBoardUndo");
  redoAction_ = new QAction(this);
  redoAction_->setObjectName("actionBoardRedo");
  connect(undoAction_, &QAction::triggered, &undo_, &QUndoStack::undo);
  connect(redoAction_, &QAction::triggered, &undo_, &QUndoStack::redo);
  for (QAction* a : {undoAction_, redoAction_}) toolbar_->addAction(a);
  connect(&undo_, &QUndoStack::indexChanged, this, &OutfitBoardView::updateUndoActions);
  connect(&undo_, &QUndoStack::cleanChanged, this, &OutfitBoardView::updateUndoActions);

  notice_ = new QLabel(this);
  notice_->setObjectName("boardNotice");
  notice_->setWordWrap(true);
  notice_->setTextFormat(Qt::PlainText);
  notice_->setStyleSheet("QLabel { background: palette(alternate-base); padding: 4px; border-radius: 4px; }");

  // Two columns, head to toe: seven slots in one column would not fit a laptop screen.
  auto* slotGrid = new QGridLayout(slotPanel_);
  slotGrid->setContentsMargins(0, 0, 0, 0);
  for (Category c : kBoardSlots) {
    auto* slot = new ItemSlot(c, slotPanel_);
    slot->setMinimumSize(120, 96);
    const int index = static_cast<int>(slots_.size());
    slots_.push_back(slot);
    slotGrid->addWidget(slot, index / 2, index % 2);
    connect(slot, &ItemSlot::itemDropped, this, [this, c](Id item) { setPiece(c, item); });
    connect(slot, &ItemSlot::photoDropped, this, &OutfitBoardView::takePhoto);
    connect(slot, &ItemSlot::clicked, this, [this, c] { selectSlot(c); });
  }

  scoreLabel_ = new QLabel(this);
  scoreLabel_->setObjectName("scoreLabel");
  scoreLabel_->setAlignment(Qt::AlignCenter);
  scoreLabel_->setWordWrap(true);
  ruleLabel_ = new QLabel(this);
  ruleLabel_->setObjectName("verdictRule");
  ruleLabel_->setWordWrap(true);
  spaceLabel_ = new QLabel(this);
  spaceLabel_->setWordWrap(true);
  pairs_ = new SimilarityMatrix(this);
  pairs_->setObjectName("pairMatrix");
  pairs_->setMinimumSize(200, 160);
  auto* scorePanel = new QWidget(this);
  auto* scoreColumn = new QVBoxLayout(scorePanel);
  scoreColumn->setContentsMargins(0, 0, 0, 0);
  scoreColumn->addWidget(scoreLabel_);
  scoreColumn->addWidget(ruleLabel_);
  scoreColumn->addWidget(pairs_, 1);
  scoreColumn->addWidget(spaceLabel_);

  wardrobe_ = new WardrobePanel(wardrobe, this);
  connect(wardrobe_, &WardrobePanel::itemChosen, this, [this](Id item) { setPiece(selected_, item); });
  candidatesLabel_ = new QLabel(this);
  candidatesLabel_->setWordWrap(true);
  candidates_ = new QListWidget(this);
  candidates_->setObjectName("slotCandidates");
  candidates_->setIconSize(QSize(56, 56));
  candidates_->setWordWrap(true);
  connect(candidates_, &QListWidget::itemActivated, this,
          [this](QListWidgetItem* row) { setPiece(selected_, row->data(Qt::UserRole).toLongLong()); });
  auto* candidatePanel = new QWidget(this);
  auto* candidateColumn = new QVBoxLayout(candidatePanel);
  candidateColumn->setContentsMargins(0, 0, 0, 0);
  candidateColumn->addWidget(candidatesLabel_);
  candidateColumn->addWidget(candidates_, 1);
  saved_ = new SavedOutfitsPanel(library_, compat_, this);
  connect(saved_, &SavedOutfitsPanel::openRequested, this, [this](Id id) {
    const QString error = openSavedOutfit(id);
    if (!error.isEmpty()) say(error);
  });
  side_ = new QTabWidget(this);
  side_->setObjectName("boardSide");
  side_->setDocumentMode(true);
  side_->addTab(wardrobe_, QString());
  side_->addTab(candidatePanel, QString());
  side_->addTab(saved_, QString());
  new TabDragSwitcher(side_->tabBar());

  auto* body = new QSplitter(this);
  body->setChildrenCollapsible(false);
  body->addWidget(slotPanel_);
  body->addWidget(scorePanel);
  body->addWidget(side_);
  body->setStretchFactor(0, 2);
  body->setStretchFactor(1, 3);
  body->setStretchFactor(2, 3);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(toolbar_);
  layout->addWidget(notice_);
  layout->addWidget(body, 1);

  connect(compat_, &CompatService::changed, this, [this] {
    // Scores and verdicts may have changed; the pieces have not.
    refreshSlots();
    refreshScore();
    refreshCandidates();
  });
  connect(compat_, &CompatService::recommenderReady, this, &OutfitBoardView::refreshCandidates);
  connect(library_, &LibraryController::libraryOpened, this, &OutfitBoardView::restoreForLibrary);
  connect(library_, &LibraryController::contentChanged, this, &OutfitBoardView::dropRemovedPieces);
  connect(library_, &LibraryController::tagsChanged, this, [this] {
    refreshSlots();  // the names show the tags
    refreshCandidates();
  });
  retranslate();
  selectSlot(kBoardSlots.front());
  if (library_->hasLibrary()) restoreForLibrary();
}

void OutfitBoardView::retranslate() {
  randomAction_->setText(tr("Modify at random"));
  randomAction_->setToolTip(withShortcut(
      tr("Replace two pieces, chosen at random, with pieces of other outfits: the seed's modified outfit"),
      randomAction_->shortcut()));
  completeAction_->setText(tr("Complete the look"));
  completeAction_->setToolTip(withShortcut(
      tr("Fill the empty slots with the pieces that go best with the others"), completeAction_->shortcut()));
  recommendAction_->setText(tr("Show recommendations"));
  recommendAction_->setToolTip(withShortcut(
      tr("Open the recommendations for these pieces: what completes the look, or alternatives for each"),
      recommendAction_->shortcut()));
  saveAction_->setText(tr("Save outfit…"));
  saveAction_->setToolTip(
      withShortcut(tr("Save the pieces as an outfit in the library (listed under Saved outfits)"),
                   saveAction_->shortcut()));
  removeAction_->setText(tr("Remove piece"));
  removeAction_->setToolTip(withShortcut(tr("Empty the selected slot"), removeAction_->shortcut()));
  clearAction_->setText(tr("Clear board"));
  clearAction_->setToolTip(withShortcut(tr("Empty every slot"), clearAction_->shortcut()));
  undoAction_->setText(tr("Undo"));
  redoAction_->setText(tr("Redo"));
  updateUndoActions();
  side_->setTabText(0, tr("Wardrobe"));
  side_->setTabText(1, tr("Best for this slot"));
  side_->setTabText(2, tr("Saved outfits"));
  refresh();
}

void OutfitBoardView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void OutfitBoardView::updateUndoActions() {
  undoAction_->setEnabled(undo_.canUndo());
  undoAction_->setToolTip(undo_.canUndo() ? tr("Undo %1").arg(undo_.undoText()) : tr("Nothing to undo"));
  redoAction_->setEnabled(undo_.canRedo());
  redoAction_->setToolTip(undo_.canRedo() ? tr("Redo %1").arg(undo_.redoText()) : tr("Nothing to redo"));
}

ItemSlot* OutfitBoardView::slotOf(Category category) const {
  for (ItemSlot* slot : slots_)
    if (slot->category() == category) return slot;
  return nullptr;
}

void OutfitBoardView::selectSlot(Category category) {
  selected_ = category;
  for (ItemSlot* slot : slots_) slot->setSelected(slot->category() == category);
  wardrobe_->setCategory(category);
  refreshCandidates();
}

Category OutfitBoardView::nextEmptySlot(Category after) const {
  // What a whole outfit still needs comes first (a top is followed by the
  // bottom, not by the optional outer layer); then any slot still open.
  const std::vector<Category> needed = pieces_.missing();
  const std::vector<Category> open = pieces_.emptySlots();
  const auto start = std::find(kBoardSlots.begin(), kBoardSlots.end(), after);
  const std::size_t n = kBoardSlots.size();
  const std::size_t from = static_cast<std::size_t>(start - kBoardSlots.begin());
  for (const std::vector<Category>* candidates : {&needed, &open}) {
    for (std::size_t step = 1; step <= n; ++step) {
      const Category c = kBoardSlots[(from + step) % n];
      if (!pieces_[c] && std::find(candidates->begin(), candidates->end(), c) != candidates->end()) return c;
    }
  }
  return after;
}

QString OutfitBoardView::notice() const { return notice_->isHidden() ? QString() : notice_->text(); }

void OutfitBoardView::say(const QString& message) {
  notice_->setText(message);
  notice_->setVisible(!message.isEmpty());
}

void OutfitBoardView::setPiece(Category category, Id item) {
  if (item) {
    auto found =
        library_->library() ? library_->library()->item(item) : Result<std::optional<Item>>(makeError(""));
    if (!found || !*found) return;
    category = (*found)->category;  // an item always goes to its own slot
  }
  if (std::find(kBoardSlots.begin(), kBoardSlots.end(), category) == kBoardSlots.end()) return;
  // A piece takes the place of those it cannot be worn with (a dress, of a bottom).
  const BoardPieces after = pieces_.with(category, item);
  const QString name = library_->itemName(item).text();
  setPieces(after,
            item ? tr("Put %1 on the board").arg(name) : tr("Remove the %1").arg(categoryLabel(category)));
  // Filling the slot being chosen for moves on to the next empty one.
  if (item && category == selected_ && pieces_ == after) selectSlot(nextEmptySlot(category));
}

void OutfitBoardView::removePiece(Category category) {
  if (!pieces_[category]) {
    say(tr("The %1 slot is already empty.").arg(categoryLabel(category)));
    return;
  }
  BoardPieces after = pieces_;
  after.set(category, 0);
  setPieces(after, tr("Remove %1").arg(library_->itemName(pieces_[category]).text()));
}

void OutfitBoardView::setPieces(const BoardPieces& pieces, const QString& what) {
  if (pieces == pieces_) return;
  undo_.push(new SetPiecesCommand(this, pieces_, pieces, what));
}

void OutfitBoardView::putItems(const std::vector<Id>& items, const QString& what) {
  Library* library = library_->library();
  if (!library) return;
  BoardPieces after = pieces_;
  for (Id id : items) {
    auto item = library->item(id);
    if (item && *item) after.set((*item)->category, id);
  }
  setPieces(after, what);
}

void OutfitBoardView::takePhoto(Id photoId) {
  Library* library = library_->library();
  if (!library) return;
  auto crops = library->items(ItemQuery().fromPhoto(photoId));
  if (!crops) return;
  std::vector<Id> ids;
  for (const Item& item : *crops) ids.push_back(item.id);
  putItems(ids, tr("Put a photo's outfit on the board"));
}

void OutfitBoardView::applyPieces(const BoardPieces& pieces) {
  pieces_ = pieces;
  refresh();
  kept_.keep(pieces_);
  Q_EMIT piecesChanged(pieces_);
}

void OutfitBoardView::refresh() {
  refreshSlots();
  say(pieces_.isEmpty()
          ? tr("Start here: double-click pieces in the wardrobe on the right (or drag them onto a slot). "
               "In the Library, right-click an item ▸ Put on the board, or press Enter on it.")
          : QString());
  refreshScore();
  refreshCandidates();
}

void OutfitBoardView::refreshSlots() {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const Category c = kBoardSlots[i];
    const Id item = pieces_[c];
    slots_[i]->setItem(item, piecePicture(library_, item),
                       item ? library_->itemName(item).text() : QString());
    // A slot whose kind cannot be worn with the pieces on the board is off
    // (a bottom beside a one-piece); putting such a piece on replaces them.
    const bool open = item || pieces_.accepts(c);
    slots_[i]->setEnabled(open);
    if (!open)
      slots_[i]->setToolTip(tr("%1 cannot be worn with the pieces on the board").arg(categoryLabel(c)));
  }
}

void OutfitBoardView::refreshScore() {
  score_ = kNaN;
  // The pairs of the pieces on the board (every slot while it is empty).
  std::vector<Category> shown;
  for (Category c : kBoardSlots)
    if (pieces_[c]) shown.push_back(c);
  if (shown.empty()) shown.assign(kBoardSlots.begin(), kBoardSlots.end());
  QStringList names;
  for (Category c : shown) names << categoryLabel(c);
  const int n = static_cast<int>(shown.size());
  QVector<QVector<double>> matrix(n, QVector<double>(n, kNaN));
  QVector<QPixmap> pictures;
  for (Category c : shown) pictures << piecePicture(library_, pieces_[c]);
  spaceLabel_->setText(compat_->description());
  ruleLabel_->setText(compat_->verdictRule());
  // Pairs that are complete show even on an incomplete board.
  for (int a = 0; a < n; ++a) {
    for (int b = 0; b < n; ++b) {
      const Id x = pieces_[shown[static_cast<std::size_t>(a)]];
      const Id y = pieces_[shown[static_cast<std::size_t>(b)]];
      if (a == b || !x || !y) continue;
      if (auto s = compat_->similarity(x, y)) matrix[a][b] = *s;
    }
  }
  pairs_->setMatrix(matrix, names, names);
  pairs_->setRowPictures(pictures);
  if (!pieces_.isComplete()) {
    scoreLabel_->setText(tr("<span style='font-size:14pt'>Make a whole outfit to see how well the pieces go "
                            "together</span><br>Still needed: %1")
                             .arg(neededNames(pieces_.missing())));
    return;
  }
  auto score = compat_->score(pieces_);
  if (!score) {
    scoreLabel_->setText(QStringLiteral("<span style='font-size:13pt'>%1</span>")
                             .arg(QString::fromStdString(score.message()).toHtmlEscaped()));
    return;
  }
  score_ = score->score;
  // Without a trained model the rule below the score says why there is no
  // verdict; the score does not say it again.
  const auto verdict = compat_->judge(score_);
  const QString number =
      QStringLiteral("<span style='font-size:28pt; font-weight:bold'>%1</span><br>").arg(score_, 0, 'f', 3);
  scoreLabel_->setText(number + (verdict ? verdictHtml(*verdict) + QStringLiteral("<br>") : QString()) +
                       tr("outfit score (the mean of the pair similarities)"));
}

void OutfitBoardView::refreshCandidates() {
  candidates_->clear();
  const QString slotName = categoryLabel(selected_);
  std::vector<GivenPiece> given;
  auto engine = compat_->recommender();
  if (!engine) {
    candidatesLabel_->setText(compat_->recommenderBuilding()
                                  ? tr("Preparing candidates…")
                                  : tr("No candidates: %1").arg(compat_->recommenderError()));
    return;
  }
  for (Category c : kBoardSlots) {
    const Id item = pieces_[c];
    if (c == selected_ || !item) continue;
    if (auto piece = engine->piece(item)) given.push_back(*piece);
  }
  if (given.empty()) {
    candidatesLabel_->setText(
        tr("Put pieces in the other slots: the %1 pieces that go best with them are listed here. "
           "Double-click one to swap it in.")
            .arg(slotName));
    return;
  }
  RecommendOptions options;
  options.k = 12;
  options.excluded.insert(pieces_[selected_]);  // already on the board
  auto ranked = engine->rank(given, selected_, options);
  if (!ranked) {
    candidatesLabel_->setText(QString::fromStdString(ranked.message()));
    return;
  }
  candidatesLabel_->setText(
      tr("The best %1 pieces for the others on the board (double-click to swap):").arg(slotName));
  for (const Suggestion& s : *ranked) {
    const QString verdict = compat_->verdict(s.score);
    const QString line = verdict.isEmpty() ? tr("score %1").arg(s.score, 0, 'f', 3)
                                           : tr("score %1, %2").arg(s.score, 0, 'f', 3).arg(verdict);
    auto* row = new QListWidgetItem(QIcon(piecePicture(library_, s.itemId)),
                                    library_->itemName(s.itemId).text() + '\n' + line, candidates_);
    row->setData(Qt::UserRole, static_cast<qlonglong>(s.itemId));
    QStringList why;
    for (const PairSimilarity& p : s.why) {
      why << tr("%1–%2: %3").arg(categoryLabel(p.a), categoryLabel(p.b)).arg(p.similarity, 0, 'f', 3);
    }
    row->setToolTip(why.join('\n'));
  }
}

void OutfitBoardView::restoreForLibrary() {
  undo_.clear();
  applyPieces(kept_.restore());
}

void OutfitBoardView::dropRemovedPieces() {
  BoardPieces kept = pieces_;
  if (!kept.drop(library_->missingItems(pieces_.items()))) return;
  applyPieces(kept);
  undo_.clear();  // earlier steps would put the removed items back
}

}  // namespace w2w
