// what2wear train --dataset ccp:DIR [--encoder basic|DIR|FILE.pt] [--epochs N] [--seed S] --out CKPT [--json]
// what2wear train --dataset library:FILE [--out CKPT] ...: a run recorded in the library (as the studio's)
#include <QCommandLineParser>
#include <QFileInfo>

#include <climits>
#include <cstdio>
#include <type_traits>

#include "cli.h"
#include "compat/checkpoint.h"
#include "compat/trainer.h"
#include "compat/training_run.h"
#include "compat_options.h"
#include "embed/encoder_factory.h"
#include "library/library.h"

namespace w2w::cli {
namespace {

void addTrainingOptions(QCommandLineParser& parser) {
  const compat::TrainConfig d;  // the defaults, shown in the help
  const auto with = [](const char* text, double value) {
    return QStringLiteral("%1 Default: %2.").arg(QString::fromUtf8(text)).arg(value);
  };
  parser.addOption({"encoder", QString(kEncoderSpecHelp) + " Default: basic.", kEncoderSpecValue, "basic"});
  parser.addOption({"out",
                    "The checkpoint folder to write (config.json, model.safetensors, state.safetensors). "
                    "Default for library:FILE: the run's folder beside the library.",
                    "CKPT"});
  parser.addOption({"resume", "Continue the run saved in --out."});
  parser.addOption({"force", "Replace the checkpoint already in --out by a new run."});
  parser.addOption({"epochs", with("Epochs at most (early stopping may end sooner).", d.epochs), "N"});
  parser.addOption({"seed", "Seed of every random choice (same seed, same numbers). Default: 0.", "S"});
  parser.addOption(
      {"head", "shared (one latent space, the seed), per_category or pair_spaces. Default: shared.", "MODE"});
  parser.addOption({"hidden", with("Hidden width of the head.", d.head.hiddenDim), "N"});
  parser.addOption({"latent", with("Size of the latent space (of each pair space).", d.head.outputDim), "N"});
  parser.addOption({"dropout", with("Dropout in the head.", d.head.dropout), "P"});
  parser.addOption({"ensemble",
                    with("Independent heads trained side by side (similarities averaged); 1 is the seed's.",
                         d.head.ensemble),
                    "K"});
  parser.addOption({"curriculum",
                    with("Epochs of outfit loss alone before the modified loss joins.", d.curriculumEpochs),
                    "N"});
  parser.addOption({"temperature", with("InfoNCE temperature.", d.loss.temperature), "T"});
  parser.addOption({"threshold",
                    with("Modified loss: a hinge below this pair similarity, none above.", d.loss.threshold),
                    "T"});
  parser.addOption({"modified-weight",
                    with("Weight of the modified loss (0: outfit loss only).", d.loss.modifiedWeight), "W"});
  parser.addOption(
      {"lr", with("Peak learning rate (AdamW; warm-up, then cosine decay).", d.learningRate), "RATE"});
  parser.addOption({"weight-decay", with("AdamW weight decay.", d.weightDecay), "W"});
  parser.addOption({"batch", with("Outfits per step.", d.batchSize), "N"});
  parser.addOption(
      {"patience", with("Stop after this many epochs without a better validation AUC.", d.patience), "N"});
  parser.addOption(
      {"val-fraction",
       with("Outfits held out for validation (chosen by a hash of their ids).", d.validationFraction), "F"});
  parser.addOption(
      {"noise", with("Augmentation: Gaussian noise on the standardised embeddings.", d.noiseStd), "STD"});
  parser.addOption({"feature-dropout",
                    with("Augmentation: drop embedding dimensions with this probability.", d.featureDropout),
                    "P"});
  parser.addOption({"threads", with("Threads for training.", d.threads), "N"});
  parser.addOption({"subset",
                    "Train on this fraction of the outfits (chosen by a hash of their ids; learning curves).",
                    "F"});
}

// Applies the options to the configuration; returns an error message or empty.
QString readTrainingOptions(const QCommandLineParser& p, compat::TrainConfig& c) {
  QString error;
  long long n = 0;
  double x = 0;
  const auto integer = [&](const char* name, long long lo, long long hi, auto& field) {
    n = static_cast<long long>(field);
    if (!readInteger(p, name, lo, hi, &n, &error)) return false;
    field = static_cast<std::remove_reference_t<decltype(field)>>(n);
    return true;
  };
  const auto number = [&](const char* name, double lo, double hi, double& field) {
    x = field;
    if (!readNumber(p, name, lo, hi, &x, &error)) return false;
    field = x;
    return true;
  };
  if (p.isSet("head")) {
    const auto mode = compat::parseHeadMode(p.value("head").toStdString());
    if (!mode) return "--head must be shared, per_category or pair_spaces";
    c.head.mode = *mode;
  }
  const bool ok =
      integer("epochs", 1, 100000, c.epochs) && integer("seed", 0, LLONG_MAX, c.seed) &&
      integer("hidden", 1, 65536, c.head.hiddenDim) && integer("latent", 1, 65536, c.head.outputDim) &&
      integer("ensemble", 1, 64, c.head.ensemble) && number("dropout", 0, 0.95, c.head.dropout) &&
      integer("curriculum", 0, 100000, c.curriculumEpochs) &&
      number("temperature", 1e-4, 100, c.loss.temperature) && number("threshold", -1, 1, c.loss.threshold) &&
      number("modified-weight", 0, 1000, c.loss.modifiedWeight) && number("lr", 1e-9, 10, c.learningRate) &&
      number("weight-decay", 0, 10, c.weightDecay) && integer("batch", 2, 1 << 20, c.batchSize) &&
      integer("patience", 1, 100000, c.patience) && number("val-fraction", 0.01, 0.9, c.validationFraction) &&
      number("noise", 0, 100, c.noiseStd) && number("feature-dropout", 0, 0.95, c.featureDropout) &&
      integer("threads", 1, 1024, c.threads);
  return ok ? QString() : error;
}

void printEpoch(const compat::EpochRecord& e) {
  std::fprintf(stderr,
               "epoch %d: train loss %.4f (outfit %.4f, modified %.4f), val loss %.4f, val AUC %.4f, "
               "FITB %.4f%s\n",
               e.epoch, e.trainLoss, e.trainOutfitLoss, e.trainModifiedLoss, e.valLoss, e.valAuc, e.valFitb,
               e.improved ? " (best)" : "");
}

// What both kinds of training print with --json; a run recorded in a library
// adds "run" and "library".
struct TrainingReport {
  std::string checkpoint, outcome, message, encoderId;
  std::string dataJson;  // the data description recorded in the checkpoint
  int outfits = 0, trainOutfits = 0, valOutfits = 0, epochsDone = 0, bestEpoch = 0;
  double bestValAuc = 0, seconds = 0;
  std::vector<compat::EpochRecord> history;

  format::Json json() const {
    auto epochs = format::parseJson(compat::epochHistoryJson(history));
    return {{"checkpoint", checkpoint},
            {"outcome", outcome},
            {"message", message},
            {"encoder", encoderId},
            {"dataset", format::parseObjectOrEmpty(dataJson)},
            {"outfits", outfits},
            {"train_outfits", trainOutfits},
            {"val_outfits", valOutfits},
            {"epochs_done", epochsDone},
            {"best_epoch", bestEpoch},
            {"best_val_auc", bestValAuc},
            {"seconds", seconds},
            {"history", epochs && epochs->is_array() ? std::move(*epochs) : format::Json::array()}};
  }
};

// A library dataset: the run is trained and recorded in the library exactly as
// the studio's Training view does it (compat::runLibraryTraining), so the
// studio lists it with its curves and can continue or use it.
int trainOnLibrary(const QCommandLineParser& parser, const datasets::DatasetRequest& data,
                   const compat::TrainConfig& config) {
  if (parser.isSet("resume"))
    return fail(
        QStringLiteral("--resume continues a checkpoint folder; continue a library's run in the studio"),
        kUsage);
  if (parser.isSet("subset"))
    return fail(QStringLiteral("--subset is for ccp: and polyvore: datasets"), kUsage);
  const std::string libraryPath = data.spec.substr(std::string("library:").size());
  auto library = Library::open(libraryPath);
  if (!library) return fail(library.message());
  const std::string encoderSpec = parser.value("encoder").toStdString();
  auto encoder = openEncoder(encoderSpec);
  if (!encoder) return fail(encoder.message());

  compat::LibraryTrainingRequest request;
  request.config = config;
  request.split = data.split;
  request.encoderSpec = encoderSpec;
  request.previous.epochsPlanned = config.epochs;
  if (parser.isSet("out"))
    request.checkpointDir = QFileInfo(parser.value("out")).absoluteFilePath().toStdString();
  const bool quiet = parser.isSet("quiet");
  ProgressPrinter printer(quiet);
  compat::LibraryTrainingEvents events;
  events.onEncoding = [&](long long done, long long total) { printer({done, total, "encoding crops"}); };
  events.onStarted = [&](Id runId, int) {
    printer.finish();
    if (!quiet) std::fprintf(stderr, "run %lld of %s\n", static_cast<long long>(runId), libraryPath.c_str());
  };
  events.onStep = [&](const compat::StepInfo& s, const compat::StepLoss&) {
    printer({s.step, s.steps,
             "epoch " + std::to_string(s.epoch) + "/" + std::to_string(s.epochs) + " loss " +
                 std::to_string(s.loss)});
  };
  events.onEpoch = [&](const compat::EpochRecord& e) {
    printer.finish();
    if (!quiet) printEpoch(e);
  };
  Encoder& opened = **encoder;
  const compat::EncoderAccess access = [&opened](const std::function<Status(Encoder&)>& work) {
    return work(opened);
  };
  const compat::LibraryTrainingResult result =
      compat::runLibraryTraining(**library, request, access, events, interruptFlag());
  printer.finish();
  if (result.failure == compat::RunFailure::StoppedBeforeTraining)
    return fail(QStringLiteral("interrupted while encoding the library"), kInterrupted);
  if (result.runId == 0) return fail(result.message);
  if (!result.recordError.empty())
    warn(QString::fromStdString("the run could not be recorded: " + result.recordError));

  const compat::RunMetrics& m = result.metrics;
  if (parser.isSet("json")) {
    TrainingReport report;
    report.checkpoint = result.checkpointDir;
    report.outcome = result.state;
    report.message = result.message;
    report.encoderId = opened.info().id;
    report.dataJson = result.dataJson;
    report.outfits = m.outfits;
    report.trainOutfits = m.trainOutfits;
    report.valOutfits = m.valOutfits;
    report.epochsDone = m.epochsDone();
    report.bestEpoch = m.bestEpoch;
    report.bestValAuc = m.bestValAuc;
    report.seconds = m.seconds;
    report.history = m.history;
    format::Json json = report.json();
    json["run"] = result.runId;
    json["library"] = (*library)->path();
    printJson(json);
  } else {
    printLine(QStringLiteral("run %1: %2").arg(result.runId).arg(QString::fromStdString(result.message)));
  }
  if (result.state == "cancelled" || result.state == "paused")
    return fail(QString::fromStdString(result.message), kInterrupted);
  if (result.failed) return fail(QString::fromStdString(result.message), kFailed);
  return kOk;
}

}  // namespace

int runTrain(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Train the compatibility model on the outfits of a dataset (every valid outfit:\n"
      "separates and one-pieces, with outer layers, bags and accessories where present).\n"
      "A checkpoint is written after every epoch; Ctrl-C stops and keeps the last one\n"
      "(continue with --resume). On library:FILE the run is recorded in the library (listed\n"
      "in the studio's Training view). JSON on stdout with --json, progress on stderr.");
  addDatasetOptions(parser, "train");
  addTrainingOptions(parser);
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  if (!parser.isSet("dataset"))
    return fail(QStringLiteral("--dataset SPEC is required (e.g. ccp:DIR)"), kUsage);
  if (parser.isSet("resume") && parser.isSet("force"))
    return fail(QStringLiteral("--resume continues the checkpoint, --force replaces it: give one"), kUsage);
  // A trained model is never replaced by accident.
  if (parser.isSet("out") && !parser.isSet("resume") && !parser.isSet("force") &&
      compat::holdsCheckpoint(parser.value("out").toStdString())) {
    return fail(QStringLiteral("%1 already holds a checkpoint: continue it with --resume, or replace it with "
                               "--force")
                    .arg(parser.value("out")),
                kUsage);
  }
  datasets::DatasetRequest data;
  data.boxes = datasets::BoxSource::Auto;  // the command-line contract's default
  if (const QString error = readDatasetOptions(parser, data); !error.isEmpty()) return fail(error, kUsage);
  if (Status s = datasets::checkDatasetSpec(data.spec); !s) return fail(s.message(), kUsage);
  compat::TrainConfig config;
  if (const QString error = readTrainingOptions(parser, config); !error.isEmpty()) return fail(error, kUsage);
  if (data.spec.rfind("library:", 0) == 0) return trainOnLibrary(parser, data, config);
  if (!parser.isSet("out")) return fail(QStringLiteral("--out CKPT is required"), kUsage);

  const std::string encoderSpec = parser.value("encoder").toStdString();
  auto encoder = openEncoder(encoderSpec);
  if (!encoder) return fail(encoder.message());
  const bool quiet = parser.isSet("quiet");
  ProgressPrinter printer(quiet);
  auto outfits = datasets::loadDataset(data, **encoder, printer.callback(), &interruptFlag());
  printer.finish();
  if (interruptFlag().isCancelled())
    return fail(QStringLiteral("interrupted while encoding the dataset"), kInterrupted);
  if (!outfits) return fail(outfits.message());

  compat::TrainRequest request;
  request.outfits = std::move(outfits->outfits);
  double subset = 1.0;
  QString subsetError;
  if (!readNumber(parser, "subset", 0.01, 1.0, &subset, &subsetError)) return fail(subsetError, kUsage);
  if (subset < 1.0)
    request.outfits = request.outfits.subset(compat::selectByIdHash(request.outfits.ids, subset, 1));
  request.config = config;
  request.checkpointDir = parser.value("out").toStdString();
  request.resume = parser.isSet("resume");
  request.encoderKind = (*encoder)->info().kind;
  request.encoderSpec = encoderSpec;
  request.dataJson = datasets::datasetJson(data);
  if (subset < 1.0) {
    format::Json described = format::parseObjectOrEmpty(request.dataJson);
    described["subset"] = subset;
    request.dataJson = format::dumpJson(described);
  }
  const int outfitCount = request.outfits.size();
  if (!quiet) {
    std::fprintf(stderr, "training on %d outfits of %s (%s, %d dimensions)\n", outfitCount, data.spec.c_str(),
                 (*encoder)->info().displayName.c_str(), (*encoder)->info().dim);
    if (outfits->ccp) {
      std::fprintf(stderr, "  %d separates and %d one-piece outfits; %d photos show no valid outfit\n",
                   outfits->ccp->separates, outfits->ccp->onepieces, outfits->ccp->leftOut);
    }
  }
  compat::TrainCallbacks callbacks;
  callbacks.onStep = [&](const compat::StepInfo& s) {
    printer({s.step, s.steps,
             "epoch " + std::to_string(s.epoch) + "/" + std::to_string(s.epochs) + " loss " +
                 std::to_string(s.loss)});
  };
  callbacks.onEpoch = [&](const compat::EpochRecord& e) {
    printer.finish();
    if (!quiet) printEpoch(e);
  };
  auto summary = compat::trainCompat(request, callbacks, &interruptFlag());
  printer.finish();
  if (!summary) return fail(summary.message());

  const compat::CheckpointInfo& info = summary->checkpoint;
  if (parser.isSet("json")) {
    TrainingReport report;
    report.checkpoint = parser.value("out").toStdString();
    report.outcome = compat::trainOutcomeName(summary->outcome);
    report.message = summary->message;
    report.encoderId = (*encoder)->info().id;
    report.dataJson = request.dataJson;
    report.outfits = outfitCount;
    report.trainOutfits = info.trainOutfits;
    report.valOutfits = info.valOutfits;
    report.epochsDone = info.epochsDone;
    report.bestEpoch = info.bestEpoch;
    report.bestValAuc = info.bestValAuc;
    report.seconds = summary->seconds;
    report.history = info.history;
    printJson(report.json());
  } else {
    printLine(QString::fromStdString(summary->message));
  }
  switch (summary->outcome) {
    case compat::TrainOutcome::Finished:
    case compat::TrainOutcome::EarlyStopped: return kOk;
    case compat::TrainOutcome::Cancelled: return fail(QString::fromStdString(summary->message), kInterrupted);
    case compat::TrainOutcome::Diverged: return fail(QString::fromStdString(summary->message), kFailed);
  }
  return kOk;
}

}  // namespace w2w::cli
