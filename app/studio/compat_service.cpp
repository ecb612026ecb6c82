#include "compat_service.h"

#include <QFileInfo>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

#include "compat/compat_model.h"
#include "encoder_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "recommend/library_catalog.h"
#include "studio_settings.h"

namespace w2w {
namespace {

void normalize(float* v, std::int64_t n) {
  double norm = 0;
  for (std::int64_t i = 0; i < n; ++i) norm += static_cast<double>(v[i]) * v[i];
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (std::int64_t i = 0; i < n; ++i) v[i] = static_cast<float>(v[i] / norm);
  }
}

double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) s += static_cast<double>(a[i]) * b[i];
  return s;
}

}  // namespace

CompatService::CompatService(LibraryController* library, EncoderService* encoders, StudioSettings* settings,
                             QObject* parent)
    : QObject(parent), library_(library), encoders_(encoders), settings_(settings) {
  connect(library_, &LibraryController::contentChanged, this, &CompatService::invalidate);
  connect(encoders_, &EncoderService::encoderChanged, this, &CompatService::invalidate);
  connect(library_, &LibraryController::libraryOpened, this, [this](const QString& path) {
    // Each library remembers the checkpoint last used with it.
    const QString saved = settings_->activeCheckpoint(path);
    if (setCheckpoint(saved).isEmpty()) return;
    setCheckpoint(QString());
  });
}

// A rebuild in flight finishes before the service goes (it reports to it).
CompatService::~CompatService() {
  for (QFuture<void>& f : pending_) f.waitForFinished();
}

QString CompatService::setCheckpoint(const QString& folder) {
  if (folder.isEmpty()) {
    model_.reset();
    checkpoint_.clear();
  } else {
    auto loaded = compat::CompatModel::load(folder.toStdString());
    if (!loaded) return QString::fromStdString(loaded.message());
    model_ = std::move(*loaded);
    checkpoint_ = folder;
  }
  if (library_->hasLibrary()) {
    settings_->setActiveCheckpoint(library_->path(), checkpoint_);
  }
  invalidate();
  return {};
}

QString CompatService::description() const {
  if (model_) {
    const auto& info = model_->info();
    return tr("Trained model %1 (validation AUC %2, encoder %3)")
        .arg(QFileInfo(checkpoint_).fileName())
        .arg(info.bestValAuc, 0, 'f', 3)
        .arg(QString::fromStdString(info.encoderId));
  }
  return tr("Untrained baseline: cosine of %1 embeddings (train a model for learned compatibility)")
      .arg(encoders_->displayName());
}

std::string CompatService::encoderId() const {
  return model_ ? model_->info().encoderId : encoders_->modelId();
}

void CompatService::invalidate() {
  vectors_.clear();
  rebuildRecommender();
  Q_EMIT changed();
}

Result<std::vector<float>> CompatService::vectorOf(Id itemId) {
  if (auto hit = vectors_.find(itemId); hit != vectors_.end()) return hit->second;
  Library* library = library_->library();
  if (!library) return makeError("no library open");
  auto item = library->item(itemId);
  if (!item) return item.error();
  if (!*item) return makeError("item " + std::to_string(itemId) + " is not in the library");
  auto embedding = library->embedding((*item)->cropHash, encoderId());
  if (!embedding) return embedding.error();
  if (!*embedding)
    return makeError("item " + std::to_string(itemId) + " is not encoded yet (Embeddings ▸ Encode library)");
  FloatMatrix row(1, static_cast<std::int64_t>((*embedding)->size()));
  row.data = **embedding;
  if (model_) {
    auto latent = model_->embed((*item)->category, row);
    if (!latent) return latent.error();
    row = std::move(*latent);
  } else {
    normalize(row.data.data(), row.cols);
  }
  vectors_[itemId] = row.data;
  return row.data;
}

Result<double> CompatService::similarity(Id a, Id b) {
  auto va = vectorOf(a);
  if (!va) return va.error();
  auto vb = vectorOf(b);
  if (!vb) return vb.error();
  return dot(*va, *vb);
}

Result<OutfitScore> CompatService::score(Id top, Id bottom, Id shoes) {
  const std::array<std::array<Id, 2>, 3> pairs = {{{top, bottom}, {bottom, shoes}, {top, shoes}}};
  OutfitScore out;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    auto s = similarity(pairs[i][0], pairs[i][1]);
    if (!s) return s.error();
    out.pairs[i] = *s;
  }
  out.score = (out.pairs[0] + out.pairs[1] + out.pairs[2]) / 3.0;
  return out;
}

namespace {

// Runs on a worker with its own library connection (one per thread).
Result<LatentCatalog> buildCatalog(const std::string& path, const compat::CompatModel* model,
                                   const std::string& encoderId) {
  auto library = Library::open(path);
  if (!library) return library.error();
  if (model) return buildLatentCatalog(**library, *model, true);
  // Baseline: the encoder's embeddings scaled to unit length.
  LatentCatalog catalog;
  auto items = (*library)->items();
  if (!items) return items.error();
  std::unordered_map<Id, Id> photoOf;
  for (const Item& item : *items) photoOf[item.id] = item.photoId.value_or(0);
  for (Category c : kSeedSlots) {
    auto embedded = (*library)->itemEmbeddings(encoderId, c);
    if (!embedded) return embedded.error();
    LatentCandidates& candidates = catalog.of(c);
    candidates.itemIds = embedded->itemIds;
    candidates.vectors = std::move(embedded->vectors);
    for (std::int64_t r = 0; r < candidates.vectors.rows; ++r)
      normalize(candidates.vectors.row(r), candidates.vectors.cols);
    for (Id id : candidates.itemIds) candidates.photoIds.push_back(photoOf[id]);
    if (candidates.vectors.cols) catalog.dim = static_cast<int>(candidates.vectors.cols);
  }
  for (Category c : kSeedSlots) catalog.of(c).vectors.cols = catalog.dim;
  return catalog;
}

}  // namespace

void CompatService::rebuildRecommender() {
  recommender_.reset();
  recommenderError_.clear();
  if (!library_->hasLibrary()) {
    building_ = false;
    return;
  }
  building_ = true;
  const int generation = ++generation_;
  const std::string path = library_->path().toStdString();
  const std::string encoder = encoderId();
  // The model is immutable and its const methods thread-safe; the shared
  // pointer keeps it alive while the worker uses it.
  std::shared_ptr<const compat::CompatModel> model = model_;
  QPointer<CompatService> self(this);
  pending_.removeIf([](const QFuture<void>& f) { return f.isFinished(); });
  pending_ << QtConcurrent::run([self, generation, path, encoder, model] {
    auto catalog = buildCatalog(path, model.get(), encoder);
    std::shared_ptr<const Recommender> engine;
    QString error;
    if (catalog)
      engine = std::make_shared<const Recommender>(std::move(*catalog));
    else
      error = QString::fromStdString(catalog.message());
    QMetaObject::invokeMethod(
        self.data(),
        [self, generation, engine, error] {
          if (!self || generation != self->generation_) return;
          self->building_ = false;
          self->recommender_ = engine;
          self->recommenderError_ = error;
          Q_EMIT self->recommenderReady();
        },
        Qt::QueuedConnection);
  });
}

}  // namespace w2w
