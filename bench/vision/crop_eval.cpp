// Evaluates the photo pipeline on the CCP dev split (see docs/results/crops.md).
//
//   w2w_crop_eval --data ../shared/datasets/ccp [--first 401 --last 600] [--model FILE]
//                 [--baselines] [--fit-first 1 --fit-last 400] [--per-photo] [--json]
//
// Scores the pixel photos of ids [first, last] that have no warnings: mean box
// IoU of each category (top, outer, bottom, one-piece, shoes, bag) over the
// photos that show it, of top and outer together against top_with_outer, the
// one-piece flag's accuracy, the share of photos giving a valid outfit, and
// mean mask IoU; the seed's three boxes over the complete outfits.
// --baselines adds the fixed-ratio splits (whole image and true person box)
// of those three, fitted on [fit-first, fit-last].
#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cstdio>
#include <string>

#include "vision/ccp_dataset.h"
#include "vision/crop_evaluation.h"
#include "vision/photo_analyzer.h"

using namespace w2w;

namespace {
// Accessories are small and often several: no box to score.
constexpr std::array<Category, 6> kScoredCategories = {Category::Top,      Category::Outer, Category::Bottom,
                                                       Category::Onepiece, Category::Shoes, Category::Bag};
}  // namespace

int main(int argc, char** argv) {
  std::string data, model;
  int first = 401, last = 600, fitFirst = 1, fitLast = 400;
  bool baselines = false, json = false, perPhoto = false;
  for (int i = 1; i < argc; ++i) {
    const std::string key = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (key == "--data")
      data = next();
    else if (key == "--model")
      model = next();
    else if (key == "--first")
      first = std::stoi(next());
    else if (key == "--last")
      last = std::stoi(next());
    else if (key == "--fit-first")
      fitFirst = std::stoi(next());
    else if (key == "--fit-last")
      fitLast = std::stoi(next());
    else if (key == "--baselines")
      baselines = true;
    else if (key == "--json")
      json = true;
    else if (key == "--per-photo")
      perPhoto = true;
    else
      data.clear(), i = argc;
  }
  if (data.empty()) {
    std::fprintf(stderr,
                 "usage: w2w_crop_eval --data CCP_DIR [--first N --last N] [--model FILE] [--baselines]\n"
                 "       [--fit-first N --fit-last N] [--json]\n");
    return 2;
  }
  auto dataset = loadCcpDataset(data);
  if (!dataset) return std::fprintf(stderr, "error: %s\n", dataset.message().c_str()), 1;
  AnalyzerOptions options;
  options.modelPath = model;
  auto proposer = sharedCropProposer(options);
  if (!proposer) return std::fprintf(stderr, "error: %s\n", proposer.message().c_str()), 1;

  const auto records = ccpStrictPixelRecords(*dataset, first, last);
  auto result = evaluateCrops(*dataset, records, **proposer, [](const Progress& p) {
    if (p.done % 50 == 0) std::fprintf(stderr, "%lld/%lld\n", p.done, p.total);
  });
  if (!result) return std::fprintf(stderr, "error: %s\n", result.message().c_str()), 1;
  const CropEvaluation& e = *result;
  QJsonObject out{
      {"ids", QString::asprintf("%04d-%04d", first, last)},
      {"photos", e.photos},
      {"complete_outfits", e.completeOutfits},
      {"top", e.top},
      {"bottom", e.bottom},
      {"shoes", e.shoes},
      {"mask", e.mask},
      {"person", e.person},
      {"onepiece_accuracy", e.onepieceAccuracy},
      {"valid_outfits", e.validOutfits},
      {"valid_outfits_annotated", e.validTruth},
      {"top_with_outer", QJsonObject{{"iou", e.topWithOuter.iou}, {"photos", e.topWithOuter.photos}}},
      {"seconds_per_photo", e.secondsPerPhoto}};
  QJsonObject present;
  for (Category c : kScoredCategories) {
    const PresentScore& p = e.byCategory[categoryIndex(c)];
    present[categoryName(c)] = QJsonObject{{"iou", p.iou}, {"photos", p.photos}};
  }
  out["where_present"] = present;
  if (baselines) {
    const auto fit = completeOutfits(ccpStrictPixelRecords(*dataset, fitFirst, fitLast));
    const auto score = completeOutfits(records);
    for (bool person : {false, true}) {
      const RatioBaseline b = ratioBaseline(fit, score, person);
      out[person ? "ratios_true_person_box" : "ratios_whole_image"] = QJsonObject{
          {"top", b.top},
          {"bottom", b.bottom},
          {"shoes", b.shoes},
          {"bands", QString::asprintf("top %.2f-%.2f, bottom %.2f-%.2f, shoes %.2f-%.2f", b.topFrom, b.topTo,
                                      b.bottomFrom, b.bottomTo, b.shoesFrom, b.shoesTo)}};
    }
  }
  if (perPhoto) {
    for (const PhotoScore& s : e.scores) {
      std::printf("%s onepiece %d/%d valid %d/%d mask %.3f", s.id.c_str(), s.onepiecePredicted,
                  s.onepieceTruth, s.validPredicted, s.validTruth, s.mask);
      for (Category c : kScoredCategories)
        if (const auto& iou = s.iou[categoryIndex(c)]) std::printf(" %s %.3f", categoryName(c), *iou);
      if (s.topWithOuter) std::printf(" top_with_outer %.3f", *s.topWithOuter);
      std::printf("\n");
    }
  }
  if (json) {
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
  } else {
    std::printf("ids %04d-%04d: %d photos, %d complete outfits\n", first, last, e.photos, e.completeOutfits);
    std::printf(
        "complete outfits, mean IoU  top+outer %.3f  bottom %.3f  shoes %.3f  mask %.3f  person %.3f\n",
        e.top, e.bottom, e.shoes, e.mask, e.person);
    std::printf("where present:");
    for (Category c : kScoredCategories) {
      const PresentScore& p = e.byCategory[categoryIndex(c)];
      std::printf("  %s %.3f (%d)", categoryName(c), p.iou, p.photos);
    }
    std::printf("  top_with_outer %.3f (%d)\n", e.topWithOuter.iou, e.topWithOuter.photos);
    std::printf("onepiece flag accuracy %.3f; valid outfits %.3f of %d photos (%d annotated valid)\n",
                e.onepieceAccuracy, e.validOutfits, e.photos, e.validTruth);
    std::printf("%.1f ms per photo (proposal only)\n", e.secondsPerPhoto * 1000);
    for (const char* key : {"ratios_whole_image", "ratios_true_person_box"}) {
      if (!out.contains(key)) continue;
      const QJsonObject b = out[key].toObject();
      std::printf("%s: top %.3f  bottom %.3f  shoes %.3f  (%s)\n", key, b["top"].toDouble(),
                  b["bottom"].toDouble(), b["shoes"].toDouble(), b["bands"].toString().toUtf8().constData());
    }
  }
  return 0;
}
