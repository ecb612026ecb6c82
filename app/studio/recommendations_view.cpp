#include "recommendations_view.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include "category_style.h"
#include "compat_service.h"
#include "item_slot.h"
#include "library/library.h"
#include "library_controller.h"

namespace w2w {
namespace {

QPixmap pictureOf(LibraryController* library, Id item) {
  QPixmap picture;
  if (item) picture.loadFromData(library->cropPng(item));
  return picture;
}

// The three crops of an outfit side by side, for the whole-outfit list.
QPixmap outfitPicture(LibraryController* library, const std::array<Id, 3>& items, int side) {
  QPixmap strip(side * 3 + 8, side);
  strip.fill(Qt::transparent);
  QPainter painter(&strip);
  for (int i = 0; i < 3; ++i) {
    const QPixmap p =
        pictureOf(library, items[i]).scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    painter.drawPixmap(i * (side + 4), 0, p);
  }
  return strip;
}

QString whyText(const std::vector<PairSimilarity>& why) {
  QStringList lines;
  for (const PairSimilarity& p : why) {
    lines << RecommendationsView::tr("%1–%2 similarity %3")
                 .arg(categoryLabel(p.a), categoryLabel(p.b))
                 .arg(p.similarity, 0, 'f', 3);
  }
  return lines.join('\n');
}

}  // namespace

RecommendationsView::RecommendationsView(LibraryController* library, CompatService* compat, QWidget* parent)
    : QWidget(parent), library_(library), compat_(compat) {
  setObjectName("recommend");
  auto* given = new QHBoxLayout;
  for (Category c : kSeedSlots) {
    auto* slot = new ItemSlot(c, this);
    slot->setMinimumSize(120, 120);
    slot->setMaximumHeight(160);
    slots_[static_cast<std::size_t>(seedSlot(c))] = slot;
    given->addWidget(slot);
    connect(slot, &ItemSlot::itemDropped, this, [this, c](Id item) {
      BoardPieces p = pieces_;
      if (auto found = library_->library()->item(item); found && *found && isSeedSlot((*found)->category)) {
        p[static_cast<std::size_t>(seedSlot((*found)->category))] = item;
      }
      setPieces(p);
    });
    connect(slot, &ItemSlot::clicked, this, [this, c] {  // a click takes the piece out
      BoardPieces p = pieces_;
      p[static_cast<std::size_t>(seedSlot(c))] = 0;
      setPieces(p);
    });
  }

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
  given->addLayout(options);

  status_ = new QLabel(this);
  status_->setWordWrap(true);
  auto* results = new QHBoxLayout;
  for (Category c : kSeedSlots) {
    auto* columnWidget = new QWidget(this);
    auto* column = new QVBoxLayout(columnWidget);
    column->setContentsMargins(0, 0, 0, 0);
    listColumns_[static_cast<std::size_t>(seedSlot(c))] = columnWidget;
    auto* label = new QLabel(this);
    auto* list = new QListWidget(this);
    list->setObjectName(QStringLiteral("suggestions_%1").arg(categoryName(c)));
    list->setIconSize(QSize(64, 64));
    listLabels_[static_cast<std::size_t>(seedSlot(c))] = label;
    lists_[static_cast<std::size_t>(seedSlot(c))] = list;
    column->addWidget(label);
    column->addWidget(list, 1);
    results->addWidget(columnWidget, 1);
    connect(list, &QListWidget::itemActivated, this, [this, c](QListWidgetItem* row) {
      BoardPieces p = pieces_;
      p[static_cast<std::size_t>(seedSlot(c))] = row->data(Qt::UserRole).toLongLong();
      Q_EMIT putOnBoard(p);
    });
  }
  outfitsLabel_ = new QLabel(this);
  outfits_ = new QListWidget(this);
  outfits_->setObjectName("wholeOutfits");
  outfits_->setIconSize(QSize(3 * 56 + 8, 56));
  connect(outfits_, &QListWidget::itemActivated, this, [this](QListWidgetItem* row) {
    const QList<QVariant> ids = row->data(Qt::UserRole).toList();
    Q_EMIT putOnBoard({ids.value(0).toLongLong(), ids.value(1).toLongLong(), ids.value(2).toLongLong()});
  });
  outfitColumn_ = new QWidget(this);
  auto* outfitColumn = new QVBoxLayout(outfitColumn_);
  outfitColumn->setContentsMargins(0, 0, 0, 0);
  outfitColumn->addWidget(outfitsLabel_);
  outfitColumn->addWidget(outfits_, 1);
  results->addWidget(outfitColumn_, 2);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(given);
  layout->addWidget(status_);
  layout->addLayout(results, 1);

  for (auto* w : {static_cast<QObject*>(samePhoto_), static_cast<QObject*>(excludeSaved_)}) {
    connect(qobject_cast<QCheckBox*>(w), &QCheckBox::toggled, this, &RecommendationsView::refresh);
  }
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
    const std::vector<Id> gone = library_->missingItems({pieces_.begin(), pieces_.end()});
    if (gone.empty()) return;
    BoardPieces kept = pieces_;
    for (Id& id : kept)
      if (std::find(gone.begin(), gone.end(), id) != gone.end()) id = 0;
    setPieces(kept);
  });
  connect(library_, &LibraryController::libraryOpened, this, [this] { setPieces({0, 0, 0}); });
  retranslate();
}

void RecommendationsView::retranslate() {
  kLabel_->setText(tr("Suggestions per category:"));
  diversityLabel_->setText(tr("Diversity:"));
  diversity_->setToolTip(tr("Left: rank by score alone. Right: prefer suggestions unlike each other."));
  tagLabel_->setText(tr("Only items tagged:"));
  samePhoto_->setText(tr("Leave out crops of the same photo"));
  excludeSaved_->setText(tr("Leave out items already in saved outfits"));
  const int keep = tag_->currentIndex();
  if (tag_->count() > 0) tag_->setItemText(0, tr("(any tag)"));
  tag_->setCurrentIndex(keep);
  outfitsLabel_->setText(tr("Whole outfits (double-click to put one on the board)"));
  for (Category c : kSeedSlots) {
    listLabels_[static_cast<std::size_t>(seedSlot(c))]->setText(
        tr("%1 that complete the look").arg(categoryLabel(c)));
  }
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

void RecommendationsView::setPieces(const BoardPieces& pieces) {
  pieces_ = pieces;
  for (Category c : kSeedSlots) {
    const Id item = pieces_[static_cast<std::size_t>(seedSlot(c))];
    slots_[static_cast<std::size_t>(seedSlot(c))]->setItem(item, pictureOf(library_, item),
                                                           item ? tr("item %1").arg(item) : QString());
  }
  refresh();
}

void RecommendationsView::refresh() {
  for (QListWidget* list : lists_) list->clear();
  outfits_->clear();
  // Only the missing categories have suggestions; whole outfits need one piece.
  int givenCount = 0;
  for (Category c : kSeedSlots) {
    const bool missing = !pieces_[static_cast<std::size_t>(seedSlot(c))];
    listColumns_[static_cast<std::size_t>(seedSlot(c))]->setVisible(missing);
    givenCount += !missing;
  }
  outfitColumn_->setVisible(givenCount <= 1);
  auto engine = compat_->recommender();
  if (!engine) {
    status_->setText(compat_->recommenderBuilding()
                         ? tr("Preparing candidates…")
                         : tr("No recommendations: %1").arg(compat_->recommenderError()));
    return;
  }
  std::vector<GivenPiece> given;
  for (Id item : pieces_) {
    if (!item) continue;
    auto piece = engine->piece(item);
    if (!piece) {
      status_->setText(
          tr("Item %1 is not encoded yet: encode the library first (Embeddings view).").arg(item));
      return;
    }
    given.push_back(*piece);
  }
  if (given.empty() || given.size() == 3) {
    status_->setText(
        tr("Drop one or two pieces above (or press \"Show recommendations\" on the outfit board). %1")
            .arg(compat_->description()));
    return;
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
  status_->setText(compat_->description());
  for (Category target : kSeedSlots) {
    if (pieces_[static_cast<std::size_t>(seedSlot(target))]) continue;
    auto ranked = engine->rank(given, target, options);
    if (!ranked) continue;
    for (const Suggestion& s : *ranked) {
      auto* row =
          new QListWidgetItem(QIcon(pictureOf(library_, s.itemId)),
                              tr("item %1\nscore %2").arg(s.itemId).arg(s.score, 0, 'f', 3), list(target));
      row->setData(Qt::UserRole, static_cast<qlonglong>(s.itemId));
      row->setToolTip(whyText(s.why));
    }
  }
  if (given.size() == 1) {
    auto whole = engine->complete(given[0], options);
    if (!whole) return;
    for (const OutfitSuggestion& o : *whole) {
      const Id top = o.member(Category::Top), bottom = o.member(Category::Bottom), shoes = o.member(Category::Shoes);
      auto* row = new QListWidgetItem(QIcon(outfitPicture(library_, {top, bottom, shoes}, 56)),
                                      tr("score %1").arg(o.score, 0, 'f', 3), outfits_);
      row->setData(Qt::UserRole, QList<QVariant>{static_cast<qlonglong>(top), static_cast<qlonglong>(bottom),
                                                 static_cast<qlonglong>(shoes)});
      row->setToolTip(whyText(o.why));
    }
  }
}

}  // namespace w2w
