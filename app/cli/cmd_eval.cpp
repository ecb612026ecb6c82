// what2wear eval --checkpoint CKPT --dataset ccp:DIR [--seed S] [--json]
#include <QCommandLineParser>

#include <climits>
#include <cstdio>

#include "cli.h"
#include "compat/compat_model.h"
#include "compat/evaluator.h"
#include "compat_options.h"
#include "datasets/dataset_loader.h"
#include "embed/encoder_factory.h"

namespace w2w::cli {
namespace {

format::Json reportJson(const compat::EvalReport& report) {
  return format::parseObjectOrEmpty(compat::evalReportJson(report));
}

void printReport(const compat::EvalReport& model, const compat::EvalReport& baseline) {
  const auto row = [](const char* name, double m, double b) {
    printLine(
        QStringLiteral("%1 %2 %3").arg(QString(name).leftJustified(22)).arg(m, 8, 'f', 4).arg(b, 10, 'f', 4));
  };
  printLine(
      QStringLiteral("%1 %2 %3").arg(QString("").leftJustified(22)).arg("model", 8).arg("baseline", 10));
  row("AUC", model.auc, baseline.auc);
  row("FITB", model.fitb, baseline.fitb);
  for (const compat::KindEval& k : model.kinds) {
    const compat::KindEval* b = baseline.kind(k.kind);
    const std::string name = compat::outfitKindName(k.kind);
    row(("AUC " + name).c_str(), k.auc, b ? b->auc : 0.5);
    row(("FITB " + name).c_str(), k.fitb, b ? b->fitb : 0.0);
  }
  for (const compat::PairEval& p : model.pairs) {
    const compat::PairEval* b = baseline.pair(p.pair);
    row(("AUC " + pairName(p.pair)).c_str(), p.auc, b ? b->auc : 0.5);
  }
  for (const compat::PairEval& p : model.pairs) {
    const compat::PairEval* b = baseline.pair(p.pair);
    row(("FITB " + pairName(p.pair)).c_str(), p.fitb, b ? b->fitb : 0.0);
  }
  printLine(QStringLiteral("(%1 outfits; %2 modified outfits and %3 FITB questions per outfit)")
                .arg(model.outfits)
                .arg(model.rounds)
                .arg(model.questions / std::max(1, model.outfits)));
}

// Polyvore's own compatibility and FITB tasks, for the model and the baseline.
Result<format::Json> polyvoreTasks(const compat::CompatModel& model, const datasets::PolyvoreData& data) {
  const auto rawScores = [](compat::OutfitSet set) {
    compat::normalizeRows(set);
    return compat::outfitScores(set);
  };
  const auto json = [](const datasets::PolyvoreTasks& t) {
    return format::Json{{"compatibility_auc", t.compatibilityAuc},
                        {"compatibility_outfits", t.compatibilityOutfits},
                        {"fitb", t.fitb},
                        {"fitb_questions", t.fitbQuestions}};
  };
  std::vector<double> compatibility, fitb;
  if (!data.compatibility.empty()) {
    auto s = model.score(data.compatibility);
    if (!s) return s.error();
    compatibility = *s;
  }
  if (!data.fitbCandidates.empty()) {
    auto s = model.score(data.fitbCandidates);
    if (!s) return s.error();
    fitb = *s;
  }
  format::Json out = json(datasets::scorePolyvoreTasks(data, compatibility, fitb));
  out["baseline"] =
      json(datasets::scorePolyvoreTasks(data, rawScores(data.compatibility), rawScores(data.fitbCandidates)));
  return out;
}

}  // namespace

int runEval(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Evaluate a compatibility checkpoint: real versus modified outfits (ROC AUC,\n"
      "similarity histograms, accuracy/precision/recall over thresholds) and\n"
      "fill-in-the-blank, per category pair and overall, beside the untrained baseline\n"
      "(the raw encoder cosine). Crop settings default to the checkpoint's training data.");
  addDatasetOptions(parser, "test");
  parser.addOption({"checkpoint", "The checkpoint folder written by `what2wear train`.", "CKPT"});
  parser.addOption({"encoder",
                    QString("Override the encoder recorded in the checkpoint: ") + kEncoderSpecHelp,
                    kEncoderSpecValue});
  parser.addOption({"seed", "Seed of the modified outfits and FITB candidates (default 0).", "S", "0"});
  parser.addOption({"rounds", "Modified outfits and FITB questions per outfit (default 5).", "N", "5"});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  if (!parser.isSet("checkpoint")) return fail(QStringLiteral("--checkpoint CKPT is required"), kUsage);
  QString error;
  long long seed = 0, rounds = 5;
  if (!readInteger(parser, "seed", 0, LLONG_MAX, &seed, &error) ||
      !readInteger(parser, "rounds", 1, 1000, &rounds, &error)) {
    return fail(error, kUsage);
  }
  auto model = compat::CompatModel::load(parser.value("checkpoint").toStdString());
  if (!model) return fail(model.message());
  const compat::CheckpointInfo& info = (*model)->info();

  auto trained = datasets::parseDatasetJson(info.dataJson);
  datasets::DatasetRequest data = trained ? *trained : datasets::DatasetRequest{};
  if (const QString bad = readDatasetOptions(parser, data); !bad.isEmpty()) return fail(bad, kUsage);
  // The test split exists to keep the training outfits out; a dataset the
  // checkpoint never saw is evaluated whole unless --split says otherwise.
  if (!parser.isSet("split") && (!trained || trained->spec != data.spec)) data.split = datasets::Split::All;
  if (data.spec.empty()) return fail(QStringLiteral("--dataset SPEC is required (e.g. ccp:DIR)"), kUsage);
  if (Status s = datasets::checkDatasetSpec(data.spec); !s) return fail(s.message(), kUsage);

  const std::string encoderSpec =
      parser.isSet("encoder") ? parser.value("encoder").toStdString() : info.encoderSpec;
  auto encoder = openEncoder(encoderSpec);
  if (!encoder) return fail(encoder.message());
  if ((*encoder)->info().id != info.encoderId) {
    return fail("the checkpoint was trained on " + info.encoderId + " embeddings; " + encoderSpec +
                " gives " + (*encoder)->info().id);
  }
  ProgressPrinter printer(parser.isSet("quiet"));
  auto outfits = datasets::loadDataset(data, **encoder, printer.callback(), &interruptFlag());
  printer.finish();
  if (interruptFlag().isCancelled()) return fail(QStringLiteral("interrupted"), kInterrupted);
  if (!outfits) return fail(outfits.message());

  compat::EvalOptions options;
  options.seed = static_cast<std::uint64_t>(seed);
  options.rounds = static_cast<int>(rounds);
  // Items of categories the model was not trained on cannot be projected: the
  // outfits are evaluated on the others.
  const compat::OutfitSet known =
      compat::keepSlots(outfits->outfits, [&](Category c) { return (*model)->knows(c); });
  if (known.size() < outfits->outfits.size() || known.slots != outfits->outfits.slots) {
    warn(QStringLiteral("The model knows only some of the dataset's categories: %1 of %2 outfits are "
                        "evaluated on the items it knows")
             .arg(known.size())
             .arg(outfits->outfits.size()));
  }
  auto latent = (*model)->project(known);
  if (!latent) return fail(latent.message());
  auto report = compat::evaluate(*latent, options);
  compat::OutfitSet raw = known;
  compat::normalizeRows(raw);
  auto baseline = compat::evaluate(raw, options);
  if (!report) return fail(report.message());
  if (!baseline) return fail(baseline.message());

  if (parser.isSet("json")) {
    format::Json json = reportJson(*report);
    json["baseline"] = reportJson(*baseline);
    json["checkpoint"] = parser.value("checkpoint").toStdString();
    json["encoder"] = info.encoderId;
    json["dataset"] = format::parseObjectOrEmpty(datasets::datasetJson(data));
    json["seed"] = std::to_string(seed);
    if (outfits->polyvore) {
      auto tasks = polyvoreTasks(**model, *outfits->polyvore);
      if (!tasks) return fail(tasks.message());
      json["polyvore"] = *tasks;
    }
    printJson(json);
  } else {
    printReport(*report, *baseline);
  }
  return kOk;
}

}  // namespace w2w::cli
