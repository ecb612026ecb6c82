// CompatService: how well items go together, for the board, the heatmaps and
// the recommendations — one place that knows whether a trained checkpoint is
// in use (pair similarities in its latent space) or not (the untrained
// baseline: cosine of the encoder's embeddings, labelled as such).
//
// Vectors are read from the library's embedding cache, projected once and
// kept until the library, the encoder or the checkpoint changes. GUI thread.
#pragma once

#include <QObject>
#include <QString>

#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "background_jobs.h"
#include "common/result.h"
#include "compat/verdict.h"
#include "library/types.h"
#include "recommend/latent_catalog.h"
#include "recommend/recommender.h"

namespace w2w {

namespace compat {
class CompatModel;
}

class EncoderService;
class LibraryController;
class StudioSettings;

class BoardPieces;

// An outfit's score as the core computes it (recommend/recommender.h).
struct OutfitScore {
  double score = 0.0;                 // the mean of the pair similarities
  std::vector<PairSimilarity> pairs;  // the pair similarities behind it
};

class CompatService : public QObject {
  Q_OBJECT

 public:
  CompatService(LibraryController* library, EncoderService* encoders, StudioSettings* settings,
                QObject* parent = nullptr);
  ~CompatService() override;

  // Uses a checkpoint folder ("" for the untrained baseline). Returns an
  // error (and keeps the baseline) when it cannot be loaded.
  QString setCheckpoint(const QString& folder);
  QString checkpoint() const { return checkpoint_; }
  bool trained() const { return model_ != nullptr; }
  const compat::CompatModel* model() const { return model_.get(); }
  // For background work: keeps the model alive even if another is chosen meanwhile.
  std::shared_ptr<const compat::CompatModel> sharedModel() const { return model_; }
  // One line for the views: which space the numbers come from.
  QString description() const;
  // The encoder model id whose embeddings the space needs.
  std::string encoderId() const;

  // The item's unit vector in the space, or why there is none (not encoded).
  Result<std::vector<float>> vectorOf(Id item);
  Result<double> similarity(Id a, Id b);
  // The score of a complete outfit (every board slot filled).
  Result<OutfitScore> score(const BoardPieces& pieces);

  // The threshold the trained model learned with (its checkpoint's), against
  // which verdicts are given; none for the untrained baseline.
  std::optional<double> threshold() const;
  // The model's verdict on an outfit score (compat/verdict.h); none without
  // a threshold.
  std::optional<compat::Verdict> judge(double score) const;
  // "goes together", "borderline" or "clashes" (translated); verdict() is
  // empty without a threshold.
  static QString verdictText(compat::Verdict verdict);
  QString verdict(double score) const;
  // One line on how verdicts are given (or why there are none).
  QString verdictRule() const;
  // The recommendation engine over every encoded item of the library, built
  // in the background whenever the space or the library changes: null while
  // it is being built (recommenderReady follows) or when it failed.
  std::shared_ptr<const Recommender> recommender() const { return recommender_; }
  QString recommenderError() const { return recommenderError_; }
  bool recommenderBuilding() const { return building_; }

 Q_SIGNALS:
  void changed();  // the space or the library changed: scores must be recomputed
  void recommenderReady();

 private:
  void invalidate();
  void rebuildRecommender();

  LibraryController* library_;
  EncoderService* encoders_;
  StudioSettings* settings_;
  QString checkpoint_;
  std::shared_ptr<const compat::CompatModel> model_;
  std::unordered_map<Id, std::vector<float>> vectors_;
  std::shared_ptr<const Recommender> recommender_;
  QString recommenderError_;
  bool building_ = false;
  // A rebuild started before the latest change is discarded; last member, so
  // a rebuild in flight finishes before the members it reports to go.
  BackgroundJobs rebuilds_{BackgroundJobs::Keep::LatestResult};
};

}  // namespace w2w
