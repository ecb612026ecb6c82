// what2wear encode --library FILE --model basic|DIR|FILE.pt [--device D] [--batch N] [--json]
#include <QCommandLineParser>

#include "cli.h"
#include "embed/encoder_factory.h"
#include "library/library.h"
#include "pipeline/library_encoding.h"

namespace w2w::cli {

int runEncode(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Encodes every crop and item of a library that has no embedding for the model yet.\n"
      "Finished batches are kept: after Ctrl-C, run it again to encode the rest.\n"
      "A crop that cannot be encoded is named with the reason (exit status 1); the rest go on.");
  parser.addOption({"library", "The library file.", "FILE"});
  parser.addOption({"model", QString(kEncoderSpecHelp) + " Default: basic.", kEncoderSpecValue, "basic"});
  parser.addOption({"device", "auto, cpu or cuda (FashionCLIP only).", "D", "auto"});
  parser.addOption({"batch", "Crops per forward pass (default 32).", "N", "32"});
  parser.addOption({"quiet", "No progress on stderr."});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  if (!parser.isSet("library")) return fail(QStringLiteral("--library FILE is required"), kUsage);
  const int batch = parser.value("batch").toInt();
  if (batch < 1) return fail(QStringLiteral("--batch needs a positive number"), kUsage);

  auto library = Library::open(parser.value("library").toStdString());
  if (!library) return fail(library.message());
  EncoderOptions encoderOptions;
  encoderOptions.device = parser.value("device").toStdString();
  encoderOptions.batchSize = batch;
  auto encoder = openEncoder(parser.value("model").toStdString(), encoderOptions);
  if (!encoder) return fail(encoder.message());

  ProgressPrinter printer(parser.isSet("quiet"));
  EncodeLibraryOptions options;
  options.batchSize = batch;
  auto report = encodeLibrary(**library, **encoder, options, printer.callback(), &interruptFlag());
  printer.finish();
  if (!report) return fail(report.message());
  format::Json failures = format::Json::array();
  for (const EncodeFailure& f : report->failures) {
    warn(QString::fromStdString(f.reason));
    failures.push_back({{"item", f.itemId}, {"error", f.reason}});
  }
  const EncoderInfo& info = (*encoder)->info();
  if (parser.isSet("json")) {
    printJson({{"model", info.id},
               {"encoder", info.displayName},
               {"device", info.device},
               {"dim", info.dim},
               {"encoded", report->encoded},
               {"already_cached", report->alreadyCached},
               {"failed", report->failed},
               {"failures", failures},
               {"cancelled", report->cancelled}});
  } else {
    printLine(
        QStringLiteral("Encoded %1 crop(s) with %2 on %3; %4 already cached; %5 failed%6")
            .arg(report->encoded)
            .arg(QString::fromStdString(info.displayName), QString::fromStdString(info.device))
            .arg(report->alreadyCached)
            .arg(report->failed)
            .arg(report->cancelled ? QStringLiteral(" (interrupted: run again to finish)") : QString()));
  }
  if (report->cancelled) return kInterrupted;
  return report->failures.empty() ? kOk : kFailed;
}

}  // namespace w2w::cli
