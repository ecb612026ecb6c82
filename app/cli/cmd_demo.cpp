// what2wear demo [--library FILE] [--json]: the headless demo on the bundled
// photos and items, printing what it does at each step: import (crops), encode,
// train a compatibility model, and complete a look with it.
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

#include "cli.h"
#include "compat/compat_model.h"
#include "compat/trainer.h"
#include "datasets/dataset_loader.h"
#include "embed/encoder_factory.h"
#include "pipeline/default_analyzer.h"
#include "pipeline/demo_library.h"
#include "pipeline/library_encoding.h"
#include "recommend/library_catalog.h"
#include "recommend/recommender.h"

namespace w2w::cli {
namespace {

// Each step adds its figures to the JSON summary and, unless --json, says
// what it did. A step returns kOk or the exit status to stop with.
struct DemoRun {
  std::string path;  // the demo library
  bool json = false;
  ProgressPrinter* printer = nullptr;
  format::Json summary = format::Json::object();

  void say(const QString& text) const {
    if (!json) printLine(text);
  }
};

int importStep(DemoRun& run) {
  run.say(
      QStringLiteral("1. Importing the demo photos and items into %1").arg(QString::fromStdString(run.path)));
  auto analyzer = defaultPhotoAnalyzer();
  if (!analyzer) return fail(analyzer.message());
  auto report = buildDemoLibrary(run.path, *analyzer, run.printer->callback(), &interruptFlag());
  run.printer->finish();
  if (!report) return fail(report.message());
  if (report->cancelled)
    return fail(QStringLiteral("interrupted; the demo library keeps what was imported"), kInterrupted);
  auto library = Library::open(run.path, Library::Access::ReadOnly);
  if (!library) return fail(library.message());
  auto info = (*library)->info();
  if (!info) return fail(info.message());
  const long long crops = info->items - info->standaloneItems;
  run.summary = {{"library", run.path},
                 {"photos_added", report->photos.added()},
                 {"photos_already_there", report->photos.duplicates()},
                 {"photos_failed", report->photos.failed()},
                 {"items_added", report->items.added()},
                 {"items_already_there", report->items.duplicates()},
                 {"photos", info->photos},
                 {"crops", crops},
                 {"standalone_items", info->standaloneItems},
                 {"outfits", info->outfits}};
  run.say(QStringLiteral(
              "   %1 photos added (%2 already there, %3 failed), %4 single items added (%5 already there)")
              .arg(report->photos.added())
              .arg(report->photos.duplicates())
              .arg(report->photos.failed())
              .arg(report->items.added())
              .arg(report->items.duplicates()));
  run.say(
      QStringLiteral("   The library holds %1 photos, %2 crops of them (top, bottom, shoes), %3 single items "
                     "and %4 outfits")
          .arg(info->photos)
          .arg(crops)
          .arg(info->standaloneItems)
          .arg(info->outfits));
  return kOk;
}

// Every crop and item embedded with the basic encoder: no model download needed.
int encodeStep(DemoRun& run, Library& library, Encoder& encoder) {
  run.say(QStringLiteral("2. Embedding every crop and item with the %1 encoder")
              .arg(QString::fromStdString(encoder.info().displayName)));
  auto encoded = encodeLibrary(library, encoder, {}, run.printer->callback(), &interruptFlag());
  run.printer->finish();
  if (!encoded) return fail(encoded.message());
  if (encoded->cancelled) return fail(QStringLiteral("interrupted while encoding"), kInterrupted);
  run.summary["encoded"] = encoded->encoded;
  run.summary["already_encoded"] = encoded->alreadyCached;
  run.say(QStringLiteral("   %1 encoded now, %2 already encoded")
              .arg(encoded->encoded)
              .arg(encoded->alreadyCached));
  return kOk;
}

// A compatibility model learnt from the photos' outfits against modified ones.
int trainStep(DemoRun& run, Encoder& encoder, const std::string& checkpoint) {
  run.say(
      QStringLiteral("3. Training the compatibility model into %1").arg(QString::fromStdString(checkpoint)));
  datasets::DatasetRequest data;
  data.spec = "library:" + run.path;
  auto outfits = datasets::loadDataset(data, encoder);
  if (!outfits) return fail(outfits.message());
  compat::TrainRequest request;
  request.outfits = std::move(outfits->outfits);
  request.checkpointDir = checkpoint;
  request.encoderKind = encoder.info().kind;
  request.dataJson = datasets::datasetJson(data);
  auto trained = compat::trainCompat(request, {}, &interruptFlag());
  if (!trained) return fail(trained.message());
  if (trained->outcome == compat::TrainOutcome::Cancelled)
    return fail(QStringLiteral("interrupted while training"), kInterrupted);
  const compat::CheckpointInfo& info = trained->checkpoint;
  run.summary["model"] = {{"checkpoint", checkpoint},        {"train_outfits", info.trainOutfits},
                          {"val_outfits", info.valOutfits},  {"best_epoch", info.bestEpoch},
                          {"best_val_auc", info.bestValAuc}, {"seconds", trained->seconds}};
  run.say(QStringLiteral("   %1 outfits learnt from, %2 held out: validation AUC %3 at epoch %4 (%5 s)")
              .arg(info.trainOutfits)
              .arg(info.valOutfits)
              .arg(info.bestValAuc, 0, 'f', 3)
              .arg(info.bestEpoch)
              .arg(trained->seconds, 0, 'f', 1));
  return kOk;
}

// The pieces of the library that go best with the first photo's top.
int completeLookStep(DemoRun& run, Library& library, const std::string& checkpoint) {
  auto model = compat::CompatModel::load(checkpoint);
  if (!model) return fail(model.message());
  auto catalog = buildLatentCatalog(library, **model, true);
  if (!catalog) return fail(catalog.message());
  auto photoOutfits = library.outfits(OutfitOrigin::Photo);
  if (!photoOutfits) return fail(photoOutfits.message());
  const Recommender engine(std::move(*catalog));
  const std::optional<GivenPiece> top =
      photoOutfits->empty() ? std::nullopt : engine.piece(photoOutfits->front().member(Category::Top));
  if (!top) return kOk;
  run.say(
      QStringLiteral("4. Completing the look of item %1 (a top): the best of the library").arg(top->itemId));
  RecommendOptions options;
  options.k = 3;
  format::Json example = {{"given", top->itemId}};
  for (Category target : {Category::Bottom, Category::Shoes}) {
    auto ranked = engine.rank({*top}, target, options);
    if (!ranked) return fail(ranked.message());
    format::Json list = format::Json::array();
    QStringList line;
    for (const Suggestion& s : *ranked) {
      list.push_back({{"item", s.itemId}, {"score", s.score}});
      line << QStringLiteral("item %1 (%2)").arg(s.itemId).arg(s.score, 0, 'f', 3);
    }
    example[categoryName(target)] = list;
    run.say(QStringLiteral("   %1: %2").arg(categoryName(target), line.join(", ")));
  }
  run.summary["example"] = example;
  return kOk;
}

}  // namespace

int runDemo(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Builds the demo library from the bundled photos and items (resources/demo) and\n"
      "shows what What2Wear does with them, step by step: import and crop, embed, train\n"
      "a compatibility model, complete a look. Runs without a display.");
  parser.addOption(
      {"library", "Where to build the demo library (default: the studio's demo library).", "FILE"});
  parser.addOption({"quiet", "No progress on stderr."});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  ProgressPrinter printer(parser.isSet("quiet"));
  DemoRun run;
  run.path = parser.isSet("library") ? parser.value("library").toStdString() : defaultDemoLibraryPath();
  run.json = parser.isSet("json");
  run.printer = &printer;
  // The model goes beside the library: <library name>-model/.
  const QFileInfo file(QString::fromStdString(run.path));
  const std::string checkpoint =
      QDir(file.absolutePath()).filePath(file.completeBaseName() + "-model").toStdString();

  if (int status = importStep(run); status != kOk) return status;
  auto library = Library::open(run.path);
  if (!library) return fail(library.message());
  auto encoder = openEncoder("basic");
  if (!encoder) return fail(encoder.message());
  if (int status = encodeStep(run, **library, **encoder); status != kOk) return status;
  if (int status = trainStep(run, **encoder, checkpoint); status != kOk) return status;
  if (int status = completeLookStep(run, **library, checkpoint); status != kOk) return status;

  if (run.json) {
    printJson(run.summary);
    return kOk;
  }
  printLine(QStringLiteral("Open it in the studio: what2wear-studio --library \"%1\" --checkpoint \"%2\"")
                .arg(QString::fromStdString(run.path), QString::fromStdString(checkpoint)));
  return kOk;
}

}  // namespace w2w::cli
