// what2wear demo [--library FILE] [--json]: the headless demo on the bundled
// photos and items, printing what it does at each step: import (crops), encode,
// train a compatibility model, and complete a look with it.
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include "cli.h"
#include "compat/compat_model.h"
#include "compat/dataset_loader.h"
#include "compat/trainer.h"
#include "embed/encoder_factory.h"
#include "pipeline/default_analyzer.h"
#include "pipeline/demo_library.h"
#include "pipeline/library_encoding.h"
#include "recommend/library_catalog.h"
#include "recommend/recommender.h"

namespace w2w::cli {

int runDemo(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Builds the demo library from the bundled photos and items (resources/demo) and\n"
      "shows what What2Wear does with them, step by step. Runs without a display.");
  parser.addOption(
      {"library", "Where to build the demo library (default: the studio's demo library).", "FILE"});
  parser.addOption({"quiet", "No progress on stderr."});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  const bool json = parser.isSet("json");
  const std::string path =
      parser.isSet("library") ? parser.value("library").toStdString() : defaultDemoLibraryPath();

  if (!json)
    printLine(
        QStringLiteral("1. Importing the demo photos and items into %1").arg(QString::fromStdString(path)));
  auto analyzer = defaultPhotoAnalyzer();
  if (!analyzer) return fail(analyzer.message());
  ProgressPrinter printer(parser.isSet("quiet"));
  auto report = buildDemoLibrary(path, *analyzer, printer.callback(), &interruptFlag());
  printer.finish();
  if (!report) return fail(report.message());
  if (report->cancelled)
    return fail(QStringLiteral("interrupted; the demo library keeps what was imported"), kInterrupted);

  auto library = Library::open(path);
  if (!library) return fail(library.message());
  auto info = (*library)->info();
  if (!info) return fail(info.message());
  QJsonObject summary{{"library", QString::fromStdString(path)},
                      {"photos_added", report->photos.added()},
                      {"photos_already_there", report->photos.duplicates()},
                      {"photos_failed", report->photos.failed()},
                      {"items_added", report->items.added()},
                      {"items_already_there", report->items.duplicates()},
                      {"photos", info->photos},
                      {"crops", info->items - info->standaloneItems},
                      {"standalone_items", info->standaloneItems},
                      {"outfits", info->outfits}};
  if (!json) {
    printLine(
        QStringLiteral(
            "   %1 photos added (%2 already there, %3 failed), %4 single items added (%5 already there)")
            .arg(report->photos.added())
            .arg(report->photos.duplicates())
            .arg(report->photos.failed())
            .arg(report->items.added())
            .arg(report->items.duplicates()));
    printLine(
        QStringLiteral(
            "   The library holds %1 photos, %2 crops of them (top, bottom, shoes), %3 single items and "
            "%4 outfits")
            .arg(info->photos)
            .arg(info->items - info->standaloneItems)
            .arg(info->standaloneItems)
            .arg(info->outfits));
  }

  // 2. Every crop and item embedded (the basic encoder: no model download needed).
  auto encoder = openEncoder("basic");
  if (!encoder) return fail(encoder.message());
  if (!json) {
    printLine(QStringLiteral("2. Embedding every crop and item with the %1 encoder")
                  .arg(QString::fromStdString((*encoder)->info().displayName)));
  }
  auto encoded = encodeLibrary(**library, **encoder, {}, printer.callback(), &interruptFlag());
  printer.finish();
  if (!encoded) return fail(encoded.message());
  if (encoded->cancelled) return fail(QStringLiteral("interrupted while encoding"), kInterrupted);
  summary["encoded"] = encoded->encoded;
  summary["already_encoded"] = encoded->alreadyCached;
  if (!json) {
    printLine(QStringLiteral("   %1 encoded now, %2 already encoded")
                  .arg(encoded->encoded)
                  .arg(encoded->alreadyCached));
  }

  // 3. A compatibility model learnt from the photos' outfits against modified ones.
  const QFileInfo file(QString::fromStdString(path));
  const std::string checkpoint =
      QDir(file.absolutePath()).filePath(file.completeBaseName() + "-model").toStdString();
  if (!json)
    printLine(QStringLiteral("3. Training the compatibility model into %1")
                  .arg(QString::fromStdString(checkpoint)));
  compat::DatasetRequest data;
  data.spec = "library:" + path;
  auto outfits = compat::loadDataset(data, **encoder);
  if (!outfits) return fail(outfits.message());
  compat::TrainRequest request;
  request.outfits = std::move(outfits->outfits);
  request.checkpointDir = checkpoint;
  request.encoderKind = (*encoder)->info().kind;
  request.dataJson = compat::datasetJson(data);
  auto trained = compat::trainCompat(request, {}, &interruptFlag());
  if (!trained) return fail(trained.message());
  if (trained->outcome == compat::TrainOutcome::Cancelled)
    return fail(QStringLiteral("interrupted while training"), kInterrupted);
  const compat::CheckpointInfo& ckpt = trained->checkpoint;
  summary["model"] = QJsonObject{{"checkpoint", QString::fromStdString(checkpoint)},
                                 {"train_outfits", ckpt.trainOutfits},
                                 {"val_outfits", ckpt.valOutfits},
                                 {"best_epoch", ckpt.bestEpoch},
                                 {"best_val_auc", ckpt.bestValAuc},
                                 {"seconds", trained->seconds}};
  if (!json) {
    printLine(QStringLiteral("   %1 outfits learnt from, %2 held out: validation AUC %3 at epoch %4 (%5 s)")
                  .arg(ckpt.trainOutfits)
                  .arg(ckpt.valOutfits)
                  .arg(ckpt.bestValAuc, 0, 'f', 3)
                  .arg(ckpt.bestEpoch)
                  .arg(trained->seconds, 0, 'f', 1));
  }

  // 4. Complete a look: the pieces that go best with the first photo's top.
  auto model = compat::CompatModel::load(checkpoint);
  if (!model) return fail(model.message());
  auto catalog = buildLatentCatalog(**library, **model, true);
  if (!catalog) return fail(catalog.message());
  auto photoOutfits = (*library)->outfits(OutfitOrigin::Photo);
  if (!photoOutfits) return fail(photoOutfits.message());
  const Recommender engine(std::move(*catalog));
  const std::optional<GivenPiece> top =
      photoOutfits->empty() ? std::nullopt : engine.piece(photoOutfits->front().top);
  if (top) {
    if (!json)
      printLine(QStringLiteral("4. Completing the look of item %1 (a top): the best of the library")
                    .arg(top->itemId));
    RecommendOptions options;
    options.k = 3;
    QJsonObject example{{"given", static_cast<qint64>(top->itemId)}};
    for (Category target : {Category::Bottom, Category::Shoes}) {
      auto ranked = engine.rank({*top}, target, options);
      if (!ranked) return fail(ranked.message());
      QJsonArray list;
      QStringList line;
      for (const Suggestion& s : *ranked) {
        list.append(QJsonObject{{"item", static_cast<qint64>(s.itemId)}, {"score", s.score}});
        line << QStringLiteral("item %1 (%2)").arg(s.itemId).arg(s.score, 0, 'f', 3);
      }
      example[categoryName(target)] = list;
      if (!json) printLine(QStringLiteral("   %1: %2").arg(categoryName(target), line.join(", ")));
    }
    summary["example"] = example;
  }

  if (json) {
    printJson(summary);
    return kOk;
  }
  printLine(QStringLiteral("Open it in the studio: what2wear-studio --library \"%1\" --checkpoint \"%2\"")
                .arg(QString::fromStdString(path), QString::fromStdString(checkpoint)));
  return kOk;
}

}  // namespace w2w::cli
