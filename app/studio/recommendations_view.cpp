#include "recommendations_view.h"

#include <algorithm>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "category_style.h"
#include "compat_service.h"
#include "item_slot.h"
#include "library/library.h"
#include "library_controller.h"
#include "piece_pictures.h"
#include "view_action.h"
#include "wardrobe_panel.h"

namespace w2w {
namespace {

QString whyText(const std::vector<PairSimilarity>& why) {
  QStringList lines;
  for (const PairSimilarity& p : why) {
    lines << RecommendationsView::tr("%1–%2 similarity %3")
                 .arg(categoryLabel(p.a), categoryLabel(p.b))
                 .arg(p.similarity, 0, 'f', 3);
  }
  return lines.join('\n');
}

// "score 0.412, goes together" (no verdict without a trained model).
QString scoreLine(const CompatService* compat, double score) {
  const QString verdict = compat->verdict(score);
  return verdict.isEmpty() ? RecommendationsView::tr("score %1").arg(score, 0, 'f', 3)
                           : RecommendationsView::tr("score %1, %2").arg(score, 0, 'f', 3).arg(verdict);
}

}  // namespace

RecommendationsView::RecommendationsView(LibraryController* library, CompatService* compat,
                                         LibraryGridModel* wardrobe, StudioSettings* settings,
                                         QWidget* parent)
    : QWidget(parent), library_(library), compat_(compat), kept_("recommend", settings, library) {
  setObjectName("recommend");
  slotPanel_ = new QWidget(this);
  slotPanel_->setObjectName("recommendSlots");
  auto* given = new QHBoxLayout(slotPanel_);
  given->setContentsMargins(0, 0, 0, 0);
  for (Category c : kBoardSlots) {
    auto* slot = new ItemSlot(c, slotPanel_);
    slot->setMinimumSize(60, 100);  // seven fit in a window on a 1024-pixel screen
    slot->setMaximumHeight(150);
    slots_.push_back(slot);
    given->addWidget(slot);
    connect(slot, &ItemSlot::itemDropped, this, [this](Id item) {
      BoardPieces p = pieces_;
      if (auto found = library_->library()->item(item); found && *found) p.set((*found)->category, item);
      setPieces(p);
    });
    connect(slot, &ItemSlot::clicked, this, [this, c] { selectSlot(c); });
  }
  removeAction_ = addViewAction(slotPanel_, "actionRemoveGivenPiece", {QKeySequence::Delete});
  connect(removeAction_, &QAction::triggered, this, [this] {
    BoardPieces p = pieces_;
    p.set(selected_, 0);
    setPieces(p);
  });

  k_ = new QSpinBox(this);
  k_->setRange(1, 50);
  k_->setValue(10);
  diversity_ = new QSlider(Qt::Horizontal, this);
  diversity_->setRange(0, 100);
  samePhoto_ = new QCheckBox(this);
  samePhoto_->setChecked(true);
  excludeSaved_ = new QCheckBox(this);
  tag_ = new QComboBox(this);
  kLabel_ = new QLabel(this);
  diversityLabel_ = new QLabel(this);
  tagLabel_ = new QLabel(this);
  auto* options = new QGridLayout;
  options->addWidget(kLabel_, 0, 0);
  options->addWidget(k_, 0, 1);
  options->addWidget(diversityLabel_, 1, 0);
  options->addWidget(diversity_, 1, 1);
  options->addWidget(tagLabel_, 2, 0);
  options->addWidget(tag_, 2, 1);
  options->addWidget(samePhoto_, 3, 0, 1, 2);
  options->addWidget(excludeSaved_, 4, 0, 1, 2);
  auto* top = new QHBoxLayout;
  top->addWidget(slotPanel_, 3);
  top->addLayout(options, 2);

  status_ = new QLabel(this);
  status_->setObjectName("recommendStatus");
  status_->setWordWrap(true);
  auto* resultsPanel = new QWidget(this);
  auto* results = new QHBoxLayout(resultsPanel);
  results->setContentsMargins(0, 0, 0, 0);
  for (Category c : kBoardSlots) {
    auto* columnWidget = new QWidget(resultsPanel);
    auto* column = new QVBoxLayout(columnWidget);
    column->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(columnWidget);
    label->setWordWrap(true);
    auto* list = new QListWidget(columnWidget);
    list->setObjectName(QStringLiteral("suggestions_%1").arg(categoryName(c)));
    list->setIconSize(QSize(56, 56));
    list->setWordWrap(true);
    list->setMinimumWidth(64);  // the picture and a scroll bar; the text wraps
    listColumns_.push_back(columnWidget);
    listLabels_.push_back(label);
    lists_.push_back(list);
    column->addWidget(label);
    column->addWidget(list, 1);
    results->addWidget(columnWidget, 1);
    connect(list, &QListWidget::itemActivated, this, [this, c](QListWidgetItem* row) {
      BoardPieces p = pieces_;
      p.set(c, row->data(Qt::UserRole).toLongLong());
      Q_EMIT putOnBoard(p);
    });
  }
  outfitsLabel_ = new QLabel(resultsPanel);
  outfitsLabel_->setWordWrap(true);
  outfits_ = new QListWidget(resultsPanel);
  outfits_->setObjectName("wholeOutfits");
  outfits_->setIconSize(QSize(5 * 48 + 16, 48));
  outfits_->setWordWrap(true);
  connect(outfits_, &QListWidget::itemActivated, this, [this](QListWidgetItem* row) {
    Q_EMIT putOnBoard(BoardPieces::fromText(row->data(Qt::UserRole).toString()));
  });
  outfitColumn_ = new QWidget(resultsPanel);
  auto* outfitColumn = new QVBoxLayout(outfitColumn_);
  outfitColumn->setContentsMargins(0, 0, 0, 0);
  outfitColumn->addWidget(outfitsLabel_);
  outfitColumn->addWidget(outfits_, 1);
  results->addWidget(outfitColumn_, 2);

  wardrobe_ = new WardrobePanel(wardrobe, this);
  connect(wardrobe_, &WardrobePanel::itemChosen, this, [this](Id item) {
    BoardPieces p = pieces_;
    if (auto found = library_->library()->item(item); found && *found) p.set((*found)->category, item);
    setPieces(p);
  });
  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addLayout(top);
  leftLayout->addWidget(status_);
  leftLayout->addWidget(resultsPanel, 1);
  auto* splitter = new QSplitter(this);
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(left);
  splitter->addWidget(wardrobe_);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);

  for (QCheckBox* box : {samePhoto_, excludeSaved_})
    connect(box, &QCheckBox::toggled, this, &RecommendationsView::refresh);
  connect(k_, &QSpinBox::valueChanged, this, &RecommendationsView::refresh);
  connect(diversity_, &QSlider::valueChanged, this, &RecommendationsView::refresh);
  connect(tag_, &QComboBox::currentIndexChanged, this, &RecommendationsView::refresh);
  connect(library_, &LibraryController::outfitsChanged, this, [this] {
    if (excludeSaved_->isChecked()) refresh();  // the saved outfits' items are left out
  });
  connect(compat_, &CompatService::recommenderReady, this, &RecommendationsView::refresh);
  connect(library_, &LibraryController::contentChanged, this, &RecommendationsView::reloadTags);
  connect(library_, &LibraryController::tagsChanged, this, &RecommendationsView::reloadTags);
  connect(library_, &LibraryController::contentChanged, this, [this] {
    // Pieces removed from the library are no longer given.
    BoardPieces kept = pieces_;
    if (kept.drop(library_->missingItems(pieces_.items()))) setPieces(kept);
  });
  connect(library_, &LibraryController::libraryOpened, this, [this] { setPieces(kept_.restore()); });
  selectSlot(kBoardSlots.front());
  retranslate();
  if (library_->hasLibrary()) setPieces(kept_.restore());
}

std::size_t RecommendationsView::slotIndex(Category category) const {
  return static_cast<std::size_t>(std::find(kBoardSlots.begin(), kBoardSlots.end(), category) -
                                  kBoardSlots.begin());
}

QListWidget* RecommendationsView::list(Category category) const {
  const std::size_t i = slotIndex(category);
  return i < lists_.size() ? lists_[i] : nullptr;
}

QString RecommendationsView::status() const { return status_->text(); }

void RecommendationsView::retranslate() {
  kLabel_->setText(tr("Suggestions per slot:"));
  diversityLabel_->setText(tr("Diversity:"));
  diversity_->setToolTip(tr("Left: rank by score alone. Right: prefer suggestions unlike each other."));
  tagLabel_->setText(tr("Only items tagged:"));
  samePhoto_->setText(tr("Leave out crops of the same photo"));
  excludeSaved_->setText(tr("Leave out items already in saved outfits"));
  removeAction_->setText(tr("Remove the piece"));
  const int keep = tag_->currentIndex();
  if (tag_->count() > 0) tag_->setItemText(0, tr("(any tag)"));
  tag_->setCurrentIndex(keep);
  outfitsLabel_->setText(tr("Whole outfits (double-click to put one on the board)"));
  refresh();
}

void RecommendationsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void RecommendationsView::reloadTags() {
  const QString current = tag_->currentData().toString();
  QSignalBlocker block(tag_);
  tag_->clear();
  tag_->addItem(tr("(any tag)"), QString());
  if (library_->library()) {
    if (auto tags = library_->library()->tags()) {
      for (const Tag& t : *tags)
        tag_->addItem(QString::fromStdString(t.name), QString::fromStdString(t.name));
    }
  }
  tag_->setCurrentIndex(std::max(0, tag_->findData(current)));
}

void RecommendationsView::selectSlot(Category category) {
  selected_ = category;
  for (ItemSlot* slot : slots_) slot->setSelected(slot->category() == category);
  wardrobe_->setCategory(category);
}

void RecommendationsView::setPieces(const BoardPieces& pieces) {
  pieces_ = pieces;
  kept_.keep(pieces_);
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    const Id item = pieces_[kBoardSlots[i]];
    slots_[i]->setItem(item, piecePicture(library_, item),
                       item ? library_->itemName(item).text() : QString());
  }
  // The wardrobe offers what is still missing.
  if (pieces_[selected_] && !pieces_.isComplete()) selectSlot(pieces_.missing().front());
  refresh();
}

void RecommendationsView::refresh() {
  for (QListWidget* list : lists_) list->clear();
  outfits_->clear();
  // The kinds that could join the pieces get what completes the look (a
  // dress: shoes, an outer layer, a bag, an accessory; never a bottom); once
  // the pieces make a whole outfit, each of them also gets the alternatives
  // that suit the others.
  const bool alternatives = pieces_.isComplete();
  const std::vector<Category> toComplete = categoriesToComplete(pieces_.categories());
  const auto shown = [&](Category c) {
    return (alternatives && pieces_[c]) ||
           std::find(toComplete.begin(), toComplete.end(), c) != toComplete.end();
  };
  for (std::size_t i = 0; i < kBoardSlots.size(); ++i) {
    const Category c = kBoardSlots[i];
    listColumns_[i]->setVisible(shown(c));
    listLabels_[i]->setText(alternatives ? tr("Other %1 pieces that suit the rest").arg(categoryLabel(c))
                                         : tr("%1 pieces that complete the look").arg(categoryLabel(c)));
  }
  outfitColumn_->setVisible(pieces_.count() <= 1);
  auto engine = compat_->recommender();
  if (!engine) {
    status_->setText(compat_->recommenderBuilding()
                         ? tr("Preparing candidates…")
                         : tr("No recommendations: %1").arg(compat_->recommenderError()));
    return;
  }
  if (pieces_.isEmpty()) {
    status_->setText(tr("Start with a piece: double-click one in the wardrobe on the right, or press "
                        "\"Show recommendations\" on the outfit board. %1")
                         .arg(compat_->description()));
    return;
  }
  std::vector<GivenPiece> given;
  for (Id item : pieces_.items()) {
    auto piece = engine->piece(item);
    if (!piece) {
      status_->setText(tr("%1 is not encoded yet: encode the library first (Embeddings view).")
                           .arg(library_->itemName(item).text()));
      return;
    }
    given.push_back(*piece);
  }
  RecommendOptions options;
  options.k = k_->value();
  options.diversity = diversity_->value() / 100.0;
  options.excludeSamePhoto = samePhoto_->isChecked();
  if (excludeSaved_->isChecked() && library_->library()) {
    if (auto saved = library_->library()->outfits(OutfitOrigin::User)) {
      for (const Outfit& o : *saved) {
        for (Id item : o.itemIds()) options.excluded.insert(item);
      }
    }
  }
  if (!tag_->currentData().toString().isEmpty() && library_->library()) {
    options.allowed.emplace();
    if (auto tagged =
            library_->library()->items(ItemQuery().withTag(tag_->currentData().toString().toStdString()))) {
      for (const Item& item : *tagged) options.allowed->insert(item.id);
    }
  }
  status_->setText(
      alternatives ? tr("The pieces make a whole outfit: the lists of the kinds on it show the pieces that "
                        "could replace one, with the others kept. %1 %2")
                         .arg(compat_->verdictRule(), compat_->description())
                   : QStringLiteral("%1 %2").arg(compat_->verdictRule(), compat_->description()));
  // A kind with nothing to suggest (none in the library, or all left out by
  // the options) gives its room to the others and is named once instead.
  QStringList nothing;
  for (std::size_t i = 0; i < kBoardSlots.size(); ++i) {
    const Category target = kBoardSlots[i];
    if (!shown(target)) continue;
    std::vector<GivenPiece> others;
    for (const GivenPiece& g : given)
      if (g.category != target) others.push_back(g);
    RecommendOptions slotOptions = options;
    if (pieces_[target]) slotOptions.excluded.insert(pieces_[target]);  // the piece being replaced
    auto ranked = engine->rank(others, target, slotOptions);
    if (!ranked || ranked->empty()) {
      listColumns_[i]->setVisible(false);
      nothing << categoryLabel(target);
      continue;
    }
    for (const Suggestion& s : *ranked) {
      auto* row = new QListWidgetItem(
          QIcon(piecePicture(library_, s.itemId)),
          library_->itemName(s.itemId).text() + '\n' + scoreLine(compat_, s.score), list(target));
      row->setData(Qt::UserRole, static_cast<qlonglong>(s.itemId));
      row->setToolTip(whyText(s.why));
    }
  }
  if (!nothing.isEmpty())
    status_->setText(status_->text() + ' ' + tr("Nothing to suggest for: %1.").arg(nothing.join(", ")));
  if (given.size() == 1) {
    auto whole = engine->complete(given[0], options);
    if (!whole) return;
    for (const OutfitSuggestion& o : *whole) {
      BoardPieces pieces;
      std::vector<Id> ids;
      QStringList names;
      for (const OutfitItem& item : o.items) {
        pieces.set(item.category, item.item);
        ids.push_back(item.item);
        names << library_->itemName(item.item).text();
      }
      auto* row =
          new QListWidgetItem(QIcon(outfitStrip(library_, ids, 48)), scoreLine(compat_, o.score), outfits_);
      row->setData(Qt::UserRole, pieces.toText());
      row->setToolTip(names.join('\n') + "\n\n" + whyText(o.why));
    }
  }
}

}  // namespace w2w
