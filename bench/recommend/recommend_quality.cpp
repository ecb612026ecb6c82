// Recommendation quality on held-out outfits: for each outfit and each
// category, given the other two items, where does the true third item rank
// among every candidate of its category? Reported as Recall@1/5/10 and mean
// reciprocal rank, for the trained model, the untrained baseline (raw encoder
// cosine, same scoring) and random ranking.
//
//   bench_recommend_quality --checkpoint CKPT [--dataset ccp:DIR] [--split test]
//
// The dataset settings (boxes, background) default to those the checkpoint
// was trained with; the split defaults to the held-out photos.
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cmath>
#include <cstdio>
#include <map>

#include "compat/compat_model.h"
#include "datasets/dataset_loader.h"
#include "embed/encoder_factory.h"
#include "pipeline/dataset_crops.h"
#include "recommend/recommender.h"

namespace w2w {
namespace {

struct Quality {
  double recall1 = 0, recall5 = 0, recall10 = 0, mrr = 0;
  int queries = 0, candidates = 0;
};

// Catalog of the set's distinct items; ranks the true item for every query.
Quality measure(const compat::OutfitSet& space) {
  LatentCatalog catalog;
  catalog.dim = space.dim;
  std::map<std::string, Id> idOf;
  Id next = 1;
  for (int n = 0; n < space.size(); ++n) {
    for (Category c : kSeedSlots) {
      const std::string& key =
          space.items[static_cast<std::size_t>(n)][static_cast<std::size_t>(seedSlot(c))];
      if (idOf.count(key)) continue;
      idOf[key] = next;
      LatentCandidates& cand = catalog.of(c);
      cand.itemIds.push_back(next++);
      cand.photoIds.push_back(0);
      const float* v = space.vector(n, seedSlot(c));
      cand.vectors.data.insert(cand.vectors.data.end(), v, v + space.dim);
      cand.vectors.rows++;
      cand.vectors.cols = space.dim;
    }
  }
  Recommender engine(catalog);
  Quality q;
  for (int n = 0; n < space.size(); ++n) {
    for (Category target : kSeedSlots) {
      std::vector<GivenPiece> given;
      for (Category c : kSeedSlots) {
        if (c != target)
          given.push_back(*engine.piece(
              idOf[space.items[static_cast<std::size_t>(n)][static_cast<std::size_t>(seedSlot(c))]]));
      }
      RecommendOptions all;
      all.k = static_cast<int>(catalog.of(target).size());
      all.excludeSamePhoto = false;
      auto ranked = engine.rank(given, target, all);
      const Id truth =
          idOf[space.items[static_cast<std::size_t>(n)][static_cast<std::size_t>(seedSlot(target))]];
      int rank = 0;
      while (rank < static_cast<int>(ranked->size()) &&
             (*ranked)[static_cast<std::size_t>(rank)].itemId != truth)
        ++rank;
      ++rank;  // 1-based
      q.recall1 += rank <= 1;
      q.recall5 += rank <= 5;
      q.recall10 += rank <= 10;
      q.mrr += 1.0 / rank;
      ++q.queries;
      q.candidates += all.k;
    }
  }
  q.recall1 /= q.queries;
  q.recall5 /= q.queries;
  q.recall10 /= q.queries;
  q.mrr /= q.queries;
  q.candidates /= q.queries;
  return q;
}

Quality randomRanking(int candidates) {
  Quality q;
  q.candidates = candidates;
  q.recall1 = std::min(1.0, 1.0 / candidates);
  q.recall5 = std::min(1.0, 5.0 / candidates);
  q.recall10 = std::min(1.0, 10.0 / candidates);
  for (int r = 1; r <= candidates; ++r) q.mrr += 1.0 / r;
  q.mrr /= candidates;
  return q;
}

void print(const char* name, const Quality& q) {
  std::printf("| %-28s | %.3f | %.3f | %.3f | %.3f |\n", name, q.recall1, q.recall5, q.recall10, q.mrr);
}

}  // namespace
}  // namespace w2w

int main(int argc, char** argv) {
  using namespace w2w;
  QCoreApplication app(argc, argv);
  QCommandLineParser parser;
  parser.addOption({"checkpoint", "Trained checkpoint folder.", "CKPT"});
  parser.addOption({"dataset", "Dataset (default: the one the checkpoint was trained on).", "SPEC"});
  parser.addOption({"split", "train, test or all (default test).", "SPLIT", "test"});
  parser.process(app);
  auto model = compat::CompatModel::load(parser.value("checkpoint").toStdString());
  if (!model) {
    std::fprintf(stderr, "%s\n", model.message().c_str());
    return 1;
  }
  auto request = datasets::parseDatasetJson((*model)->info().dataJson);
  if (!request) {
    std::fprintf(stderr, "%s\n", request.message().c_str());
    return 1;
  }
  if (parser.isSet("dataset")) request->spec = parser.value("dataset").toStdString();
  request->split = datasets::parseSplit(parser.value("split").toStdString()).value_or(datasets::Split::Test);
  if (request->boxes == datasets::BoxSource::Auto) {  // crops as the checkpoint's training made them
    request->autoCrop = w2w::importCropFunction();
    request->autoCropId = w2w::importCropFunctionId();
  }
  auto encoder = openEncoder((*model)->info().encoderSpec);
  if (!encoder) {
    std::fprintf(stderr, "%s\n", encoder.message().c_str());
    return 1;
  }
  auto data = datasets::loadDataset(*request, **encoder);
  if (!data) {
    std::fprintf(stderr, "%s\n", data.message().c_str());
    return 1;
  }
  // The queries complete top, bottom and shoes: the outfits that have all three.
  compat::OutfitSet three = compat::keepSlots(data->outfits, [](Category c) { return isSeedSlot(c); });
  std::vector<int> full;
  for (int i = 0; i < three.size(); ++i) {
    if (three.has(i, 0) && three.has(i, 1) && three.has(i, 2)) full.push_back(i);
  }
  three = three.subset(full);
  compat::OutfitSet raw = three;
  compat::normalizeRows(raw);
  auto latent = (*model)->project(three);
  if (!latent) {
    std::fprintf(stderr, "%s\n", latent.message().c_str());
    return 1;
  }
  const Quality trained = measure(*latent);
  std::printf("%d held-out outfits (%s, split %s), %d candidates per category on average, %d queries\n\n",
              three.size(), request->spec.c_str(), datasets::splitName(request->split), trained.candidates,
              trained.queries);
  std::printf("| ranking | Recall@1 | Recall@5 | Recall@10 | MRR |\n|---|---|---|---|---|\n");
  print("trained model", trained);
  print("untrained (encoder cosine)", measure(raw));
  print("random", randomRanking(trained.candidates));
  return 0;
}
