#include "embeddings_view.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "analysis/projection.h"
#include "background_task.h"
#include "category_style.h"
#include "embed/devices.h"
#include "embedding_map.h"
#include "encoder_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "pipeline/library_encoding.h"
#include "view_action.h"

namespace w2w {

EmbeddingsView::EmbeddingsView(LibraryController* library, EncoderService* encoders, QWidget* parent)
    : QWidget(parent), library_(library), encoders_(encoders) {
  setObjectName("embeddings");
  encoderLabel_ = new QLabel(this);
  encoderLabel_->setWordWrap(true);
  countLabel_ = new QLabel(this);
  countLabel_->setObjectName("encodedCount");
  countLabel_->setWordWrap(true);
  encodeAction_ = addViewAction(this, "actionEncodeLibrary", {QKeySequence(Qt::CTRL | Qt::Key_E)});
  settingsButton_ = new QPushButton(this);
  map_ = new EmbeddingMap(this);
  itemPicture_ = new QLabel(this);
  itemPicture_->setFixedSize(160, 160);
  itemPicture_->setAlignment(Qt::AlignCenter);
  itemLabel_ = new QLabel(this);
  itemLabel_->setWordWrap(true);
  openItem_ = new QPushButton(this);
  openItem_->setEnabled(false);

  auto* header = new QHBoxLayout;
  auto* labels = new QVBoxLayout;
  labels->addWidget(encoderLabel_);
  labels->addWidget(countLabel_);
  header->addLayout(labels, 1);
  header->addWidget(settingsButton_);
  header->addWidget(addViewButton(encodeAction_, "encodeButton", this));
  auto* side = new QVBoxLayout;
  side->addWidget(itemPicture_);
  side->addWidget(itemLabel_);
  side->addWidget(openItem_);
  side->addStretch();
  auto* body = new QHBoxLayout;
  body->addWidget(map_, 1);
  body->addLayout(side);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(header);
  layout->addLayout(body, 1);

  connect(encodeAction_, &QAction::triggered, this, &EmbeddingsView::encodeLibrary);
  connect(settingsButton_, &QPushButton::clicked, this, &EmbeddingsView::openSettings);
  connect(map_, &EmbeddingMap::itemClicked, this, &EmbeddingsView::showItem);
  connect(openItem_, &QPushButton::clicked, this, [this] {
    if (shownItem_) Q_EMIT itemSelected(shownItem_);
  });
  connect(encoders_, &EncoderService::encoderChanged, this, &EmbeddingsView::refresh);
  connect(library_, &LibraryController::contentChanged, this, &EmbeddingsView::refresh);
  connect(library_, &LibraryController::writableChanged, encodeAction_, &QAction::setEnabled);
  retranslate();
}

void EmbeddingsView::retranslate() {
  QString device;
  for (const ComputeDevice& d : availableDevices()) {
    if (d.id != "cpu") device = QString::fromStdString(d.name);
  }
  encoderLabel_->setText(tr("<b>Encoder:</b> %1<br><b>Device:</b> %2")
                             .arg(encoders_->displayName(), encoders_->isBasic() || device.isEmpty()
                                                                ? tr("CPU")
                                                                : tr("%1 when available").arg(device)));
  // Every item counts: crops of photos and single items alike.
  if (!library_->hasLibrary())
    countLabel_->setText(tr("No library is open."));
  else if (total_ == 0)
    countLabel_->setText(
        tr("No crops yet: import outfit photos or single items (File menu). Each crop is "
           "encoded as soon as it exists and appears on the map."));
  else if (encoded_ < total_)
    countLabel_->setText(
        tr("%1 of %2 items encoded with this encoder; Encode library (Ctrl+E) encodes the rest.")
            .arg(encoded_)
            .arg(total_));
  else
    countLabel_->setText(tr("%1 of %2 items encoded with this encoder").arg(encoded_).arg(total_));
  encodeAction_->setText(tr("Encode library"));
  encodeAction_->setToolTip(withShortcut(tr("Encode every crop that has no embedding for this encoder yet"),
                                         encodeAction_->shortcut()));
  settingsButton_->setText(tr("Change encoder…"));
  openItem_->setText(tr("Show in library"));
  if (!shownItem_) itemLabel_->setText(tr("Click a point to see its crop."));
}

void EmbeddingsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void EmbeddingsView::refresh() {
  Library* library = library_->library();
  QVector<MapPoint> points;
  std::optional<std::array<double, 2>> explained;
  encoded_ = total_ = 0;
  if (library) {
    if (auto items = library->items()) total_ = static_cast<long long>(items->size());
    auto embeddings = library->itemEmbeddings(encoders_->modelId());
    if (embeddings) {
      encoded_ = embeddings->vectors.rows;
      if (auto projection = pca2d(embeddings->vectors)) {
        for (std::int64_t i = 0; i < embeddings->vectors.rows; ++i) {
          points.push_back({embeddings->itemIds[static_cast<std::size_t>(i)],
                            embeddings->categories[static_cast<std::size_t>(i)],
                            QPointF(projection->points.at(i, 0), projection->points.at(i, 1))});
        }
        explained = std::array<double, 2>{projection->explainedVariance[0], projection->explainedVariance[1]};
      }
    }
  }
  map_->setPoints(points, explained);
  retranslate();
}

void EmbeddingsView::showItem(Id itemId) {
  shownItem_ = itemId;
  openItem_->setEnabled(true);
  const QByteArray png = library_->cropPng(itemId);
  QPixmap picture;
  picture.loadFromData(png);
  itemPicture_->setPixmap(
      picture.scaled(itemPicture_->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
  if (auto item = library_->library()->item(itemId); item && *item) {
    itemLabel_->setText(tr("%1, item %2%3")
                            .arg(categoryLabel((*item)->category))
                            .arg(itemId)
                            .arg((*item)->photoId ? tr(" (photo %1)").arg(*(*item)->photoId) : QString()));
  }
}

void EmbeddingsView::encodeLibrary() {
  if (!library_->library()) return;
  const std::string file = library_->library()->path();
  EncoderService* encoders = encoders_;
  library_->runTask(tr("Encoding the library"),
                    [file, encoders](const ProgressCallback& progress, const CancelFlag& cancel) {
                      auto library = Library::open(file);
                      if (!library) return QString::fromStdString(library.message());
                      Status done = encoders->use([&](Encoder& encoder) -> Status {
                        auto report = w2w::encodeLibrary(**library, encoder, {}, progress, &cancel);
                        return report ? Status::success() : Status(report.error());
                      });
                      return done ? QString() : QString::fromStdString(done.message());
                    });
}

}  // namespace w2w
