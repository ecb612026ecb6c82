#include "heatmaps_view.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/occlusion.h"
#include "category_style.h"
#include "compat/compat_model.h"
#include "compat_service.h"
#include "encoder_service.h"
#include "heatmap_overlay.h"
#include "image_convert.h"
#include "io/image_decoder.h"
#include "library/library.h"
#include "library_controller.h"
#include "piece_pictures.h"
#include "similarity_matrix.h"

namespace w2w {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The encoder followed by the trained head: occlusion then measures the
// similarity the model actually uses, not the raw encoder's.
class ProjectedEncoder : public Encoder {
 public:
  ProjectedEncoder(Encoder& encoder, const compat::CompatModel& model, Category category)
      : encoder_(encoder), model_(model), category_(category) {
    info_ = encoder.info();
    info_.dim = model.latentDim();
  }
  const EncoderInfo& info() const override { return info_; }
  Result<FloatMatrix> encode(const std::vector<RgbImage>& crops) override {
    auto raw = encoder_.encode(crops);
    if (!raw) return raw.error();
    return model_.embed(category_, *raw);
  }

 private:
  Encoder& encoder_;
  const compat::CompatModel& model_;
  Category category_;
  EncoderInfo info_;
};

}  // namespace

HeatmapsView::HeatmapsView(LibraryController* library, CompatService* compat, EncoderService* encoders,
                           QWidget* parent)
    : QWidget(parent), library_(library), compat_(compat), encoders_(encoders) {
  setObjectName("heatmaps");
  outfitChoice_ = new QComboBox(this);
  outfitChoice_->setObjectName("outfitChoice");
  outfitMatrix_ = new SimilarityMatrix(this);
  outfitMatrix_->setObjectName("outfitHeatmap");
  itemMatrix_ = new SimilarityMatrix(this);
  itemMatrix_->setObjectName("itemHeatmap");
  overlay_ = new HeatmapOverlay(this);
  outfitLabel_ = new QLabel(this);
  outfitLabel_->setWordWrap(true);
  itemsLabel_ = new QLabel(this);
  itemsLabel_->setWordWrap(true);
  overlayLabel_ = new QLabel(this);
  overlayLabel_->setWordWrap(true);
  spaceLabel_ = new QLabel(this);
  spaceLabel_->setWordWrap(true);

  auto* grid = new QGridLayout(this);
  grid->addWidget(outfitLabel_, 0, 0);
  grid->addWidget(outfitChoice_, 1, 0);
  grid->addWidget(outfitMatrix_, 2, 0);
  grid->addWidget(itemsLabel_, 0, 1, 2, 1);
  grid->addWidget(itemMatrix_, 2, 1);
  grid->addWidget(overlayLabel_, 0, 2, 2, 1);
  grid->addWidget(overlay_, 2, 2);
  grid->addWidget(spaceLabel_, 3, 0, 1, 3);
  grid->setColumnStretch(0, 2);
  grid->setColumnStretch(1, 3);
  grid->setColumnStretch(2, 2);
  grid->setRowStretch(2, 1);

  connect(outfitChoice_, &QComboBox::currentIndexChanged, this, &HeatmapsView::refreshOutfit);
  connect(itemMatrix_, &SimilarityMatrix::cellClicked, this, [this](int row, int column) {
    if (row < static_cast<int>(items_.size()) && column < static_cast<int>(items_.size()) && row != column) {
      explain(items_[static_cast<std::size_t>(row)], items_[static_cast<std::size_t>(column)]);
    }
  });
  connect(outfitMatrix_, &SimilarityMatrix::cellClicked, this, [this](int row, int column) {
    const auto n = static_cast<int>(outfitIds_.size());
    if (row != column && row < n && column < n && outfitIds_[static_cast<std::size_t>(row)] &&
        outfitIds_[static_cast<std::size_t>(column)])
      explain(outfitIds_[static_cast<std::size_t>(row)], outfitIds_[static_cast<std::size_t>(column)]);
  });
  connect(compat_, &CompatService::changed, this, [this] {
    refreshOutfit();
    refreshItems();
  });
  connect(library_, &LibraryController::contentChanged, this, &HeatmapsView::reloadOutfits);
  connect(library_, &LibraryController::outfitsChanged, this, &HeatmapsView::reloadOutfits);
  connect(library_, &LibraryController::contentChanged, this, [this] {
    // Items removed from the library leave the comparison.
    const std::vector<Id> gone = library_->missingItems(items_);
    if (gone.empty()) return;
    std::vector<Id> kept;
    for (Id id : items_)
      if (std::find(gone.begin(), gone.end(), id) == gone.end()) kept.push_back(id);
    setItems(kept);
  });
  retranslate();
}

HeatmapsView::~HeatmapsView() = default;

bool HeatmapsView::busy() const { return maps_.isBusy(); }

void HeatmapsView::retranslate() {
  itemsLabel_->setText(items_.empty()
                           ? tr("<b>Items</b>: select crops or photos in the library and press Ctrl+K to "
                                "compare them here")
                           : tr("<b>Items</b>: similarity of every pair (click a cell: which regions of "
                                "the row item drive its similarity to the column item)"));
  overlayLabel_->setText(tr("<b>Spatial map</b>: the regions that matter most glow brightest"));
  spaceLabel_->setText(compat_->description());
  reloadOutfits();
}

void HeatmapsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void HeatmapsView::setBoard(const BoardPieces& pieces) {
  board_ = pieces;
  reloadOutfits();
}

void HeatmapsView::reloadOutfits() {
  const int keep = outfitChoice_->currentIndex();
  QSignalBlocker block(outfitChoice_);
  outfitChoice_->clear();
  const auto ids = [](const auto& pieceOf) {
    QList<QVariant> out;
    for (Category c : kBoardSlots) out << static_cast<qlonglong>(pieceOf(c));
    return out;
  };
  outfitChoice_->addItem(tr("The outfit board"), ids([this](Category c) { return board_[c]; }));
  if (Library* library = library_->library()) {
    if (auto outfits = library->outfits()) {
      for (const Outfit& o : *outfits) {
        QString name = tr("Outfit %1").arg(o.id);
        if (!o.name.empty()) {
          name = QString::fromStdString(o.name);
        } else if (o.photoId) {
          if (auto photo = library->photo(*o.photoId); photo && *photo)
            name = tr("Photo %1").arg(QFileInfo(QString::fromStdString((*photo)->path)).fileName());
        }
        outfitChoice_->addItem(name, ids([&](Category c) { return o.member(c); }));
      }
    }
  }
  outfitChoice_->setCurrentIndex(std::clamp(keep, 0, outfitChoice_->count() - 1));
  refreshOutfit();
}

void HeatmapsView::refreshOutfit() {
  const QList<QVariant> all = outfitChoice_->currentData().toList();
  // Every pair of the pieces the outfit has (all slots while it has none).
  std::vector<Category> shown;
  QList<QVariant> ids;
  for (int a = 0; a < static_cast<int>(kBoardSlots.size()) && a < all.size(); ++a) {
    if (!all[a].toLongLong()) continue;
    shown.push_back(kBoardSlots[static_cast<std::size_t>(a)]);
    ids << all[a];
  }
  if (shown.empty()) {
    shown.assign(kBoardSlots.begin(), kBoardSlots.end());
    for (std::size_t a = 0; a < shown.size(); ++a) ids << QVariant(qlonglong(0));
  }
  const int n = static_cast<int>(shown.size());
  outfitIds_.clear();
  for (const QVariant& id : ids) outfitIds_.push_back(id.toLongLong());
  QStringList names;
  QStringList pieces;
  for (int a = 0; a < n; ++a) {
    names << categoryLabel(shown[static_cast<std::size_t>(a)]);
    const Id item = ids.value(a).toLongLong();
    if (item) pieces << library_->itemName(item).text();
  }
  outfitMatrix_->setToolTip(pieces.join('\n'));
  outfitLabel_->setText(pieces.isEmpty()
                            ? tr("<b>Outfit</b>: nothing to show yet. Put pieces on the outfit board, or "
                                 "choose a saved outfit or a photo's outfit below.")
                            : tr("<b>Outfit</b>: pair similarities (click a cell for its spatial map)"));
  QVector<QVector<double>> matrix(n, QVector<double>(n, kNaN));
  QVector<QPixmap> pictures;
  for (int a = 0; a < n; ++a) {
    pictures << piecePicture(library_, ids[a].toLongLong());
    for (int b = 0; b < n; ++b) {
      if (a == b || !ids[a].toLongLong() || !ids[b].toLongLong()) continue;
      if (auto s = compat_->similarity(ids[a].toLongLong(), ids[b].toLongLong())) matrix[a][b] = *s;
    }
  }
  outfitMatrix_->setMatrix(matrix, names, names);
  outfitMatrix_->setRowPictures(pictures);
  spaceLabel_->setText(compat_->description());
}

void HeatmapsView::setItems(const std::vector<Id>& items) {
  items_ = items;
  refreshItems();
  retranslate();
}

void HeatmapsView::refreshItems() {
  const int n = static_cast<int>(items_.size());
  QVector<QVector<double>> matrix(n, QVector<double>(n, kNaN));
  QStringList labels;
  QStringList names;
  QVector<QPixmap> pictures;
  QString problem;
  for (int a = 0; a < n; ++a) {
    const ItemName name = library_->itemName(items_[static_cast<std::size_t>(a)]);
    labels << name.shortText();
    names << QStringLiteral("%1. %2").arg(a + 1).arg(name.text());
    pictures << piecePicture(library_, items_[static_cast<std::size_t>(a)]);
    for (int b = 0; b < n; ++b) {
      auto s = compat_->similarity(items_[static_cast<std::size_t>(a)], items_[static_cast<std::size_t>(b)]);
      if (s)
        matrix[a][b] = *s;
      else
        problem = QString::fromStdString(s.message());
    }
  }
  itemMatrix_->setMatrix(matrix, labels, labels);
  itemMatrix_->setToolTip(names.join('\n'));
  itemMatrix_->setRowPictures(pictures);
  itemMatrix_->setColumnPictures(pictures);
  if (!problem.isEmpty()) itemsLabel_->setText(problem);
}

void HeatmapsView::explain(Id row, Id column) {
  Library* library = library_->library();
  if (!library) return;
  auto crop = library->cropImage(row);
  auto reference = compat_->vectorOf(column);
  auto item = library->item(row);
  if (!crop || !reference || !item || !*item) {
    overlay_->clearHeat();
    overlayLabel_->setText(QString::fromStdString(!crop        ? crop.message()
                                                  : !reference ? reference.message()
                                                               : "the item is gone"));
    Q_EMIT explained();
    return;
  }
  auto decoded = decodeImageBytes(crop->png, "crop");
  if (!decoded) return;
  overlay_->setImage(toQImage(decoded->image));
  overlay_->clearHeat();
  const QString rowName = library_->itemName(row).text().toHtmlEscaped();
  const QString columnName = library_->itemName(column).text().toHtmlEscaped();
  overlayLabel_->setText(tr("<b>Spatial map</b>: %1 compared with %2 — computing…").arg(rowName, columnName));

  const Category category = (*item)->category;
  std::shared_ptr<const compat::CompatModel> model = compat_->sharedModel();
  const std::string needed = compat_->encoderId();
  EncoderService* encoders = encoders_;
  const RgbImage image = decoded->image;
  const std::vector<float> target = *reference;
  struct Computed {
    OcclusionMap map;
    Status status;
  };
  // The encoder runs on a worker; the GUI only draws the result.
  maps_.run(
      [=]() -> Computed {
        OcclusionMap map;
        Status done = encoders->use([&](Encoder& encoder) -> Status {
          if (encoder.info().id != needed) {
            return makeError("the trained model needs the encoder " + needed + "; choose it in Settings");
          }
          std::unique_ptr<Encoder> projected;
          if (model) projected = std::make_unique<ProjectedEncoder>(encoder, *model, category);
          auto computed = occlusionMap(projected ? *projected : encoder, image, target);
          if (!computed) return computed.error();
          map = std::move(*computed);
          return Status::success();
        });
        return {std::move(map), std::move(done)};
      },
      [this, rowName, columnName](const Computed& computed) {
        if (!computed.status) {
          overlayLabel_->setText(QString::fromStdString(computed.status.message()));
        } else {
          overlay_->setHeat(computed.map.drop, tr("Similarity %1; the brightest regions lose the most "
                                                  "similarity when hidden.")
                                                   .arg(computed.map.baseline, 0, 'f', 3));
          overlayLabel_->setText(tr("<b>Spatial map</b>: which regions of %1 drive its similarity to %2")
                                     .arg(rowName, columnName));
        }
        Q_EMIT explained();
      });
}

}  // namespace w2w
