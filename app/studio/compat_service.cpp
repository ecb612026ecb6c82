#include "compat_service.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>

#include "board_pieces.h"
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

CompatService::~CompatService() = default;

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
    return makeError(tr("%1 is not encoded yet (Embeddings ▸ Encode library)")
                         .arg(library_->itemName(itemId).text())
                         .toStdString());
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
  return pairSimilarity(va->data(), vb->data(), static_cast<int>(std::min(va->size(), vb->size())));
}

Result<OutfitScore> CompatService::score(const BoardPieces& pieces) {
  if (!pieces.isComplete()) return makeError("the pieces make no outfit yet");
  std::vector<std::vector<float>> vectors;
  std::vector<std::pair<Category, const float*>> given;
  for (Category c : kBoardSlots) {
    if (!pieces[c]) continue;
    auto vector = vectorOf(pieces[c]);
    if (!vector) return vector.error();
    vectors.push_back(std::move(*vector));
  }
  std::size_t next = 0;
  for (Category c : kBoardSlots)
    if (pieces[c]) given.push_back({c, vectors[next++].data()});
  OutfitScore out;
  out.score = outfitScore(given, static_cast<int>(vectors.front().size()), &out.pairs);
  return out;
}

std::optional<double> CompatService::threshold() const {
  if (!model_) return std::nullopt;
  return model_->info().config.loss.threshold;
}

std::optional<compat::Verdict> CompatService::judge(double score) const {
  const auto limit = threshold();
  if (!limit) return std::nullopt;
  return compat::verdictOf(score, *limit);
}

QString CompatService::verdictText(compat::Verdict verdict) {
  switch (verdict) {
    case compat::Verdict::GoesTogether: return tr("goes together");
    case compat::Verdict::Borderline: return tr("borderline");
    case compat::Verdict::Clashes: return tr("clashes");
  }
  return {};
}

QString CompatService::verdict(double score) const {
  const auto judged = judge(score);
  return judged ? verdictText(*judged) : QString();
}

QString CompatService::verdictRule() const {
  const auto limit = threshold();
  if (!limit) {
    return tr(
        "No verdict: the untrained baseline has no threshold. Train a model (Training view) to "
        "learn one.");
  }
  return tr("The model's threshold is %1: scores above %2 go together, below %3 clash, in between "
            "is borderline.")
      .arg(*limit, 0, 'f', 2)
      .arg(*limit + compat::kBorderlineBand, 0, 'f', 2)
      .arg(*limit - compat::kBorderlineBand, 0, 'f', 2);
}

namespace {

// Runs on a worker with its own library connection (one per thread).
Result<LatentCatalog> buildCatalog(const std::string& path, const compat::CompatModel* model,
                                   const std::string& encoderId) {
  // Reading is enough; the projections are cached when the library may be written.
  auto library = Library::open(path, Library::Access::ReadWriteIfWritable);
  if (!library) return library.error();
  if (model) return buildLatentCatalog(**library, *model, true);
  // Baseline: the encoder's embeddings scaled to unit length.
  LatentCatalog catalog;
  auto items = (*library)->items();
  if (!items) return items.error();
  std::unordered_map<Id, Id> photoOf;
  for (const Item& item : *items) photoOf[item.id] = item.photoId.value_or(0);
  for (Category c : kCategories) {
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
  for (Category c : kCategories) catalog.of(c).vectors.cols = catalog.dim;
  return catalog;
}

}  // namespace

void CompatService::rebuildRecommender() {
  recommender_.reset();
  recommenderError_.clear();
  if (!library_->hasLibrary()) {
    rebuilds_.cancelAll();  // a rebuild for the library just closed reports nothing
    building_ = false;
    return;
  }
  building_ = true;
  const std::string path = library_->path().toStdString();
  const std::string encoder = encoderId();
  // The model is immutable and its const methods thread-safe; the shared
  // pointer keeps it alive while the worker uses it.
  std::shared_ptr<const compat::CompatModel> model = model_;
  struct Built {
    std::shared_ptr<const Recommender> engine;
    QString error;
  };
  rebuilds_.run(
      [path, encoder, model]() -> Built {
        auto catalog = buildCatalog(path, model.get(), encoder);
        if (!catalog) return {nullptr, QString::fromStdString(catalog.message())};
        return {std::make_shared<const Recommender>(std::move(*catalog)), {}};
      },
      [this](const Built& built) {
        building_ = false;
        recommender_ = built.engine;
        recommenderError_ = built.error;
        Q_EMIT recommenderReady();
      });
}

}  // namespace w2w
