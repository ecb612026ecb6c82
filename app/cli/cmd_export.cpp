// what2wear export --library FILE --format coco|crops|embeddings|lookbook --out PATH [--force]
//                  [--skip-flagged] [--encoder ID] [--outfits ID,...] [--checkpoint DIR] [--json]
//
// Gets work out of a library in the field's formats (core/export). The
// library is opened read-only; the output appears complete or not at all.
#include <QCommandLineParser>

#include "cli.h"
#include "export/export_library.h"
#include "library/library.h"

namespace w2w::cli {
namespace {

bool readOutfitIds(const QString& text, std::vector<Id>* ids) {
  for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
    bool ok = false;
    const qlonglong id = part.trimmed().toLongLong(&ok);
    if (!ok || id <= 0) return false;
    ids->push_back(id);
  }
  return !ids->empty();
}

QString summary(const ExportReport& r) {
  switch (r.format) {
    case ExportFormat::Coco:
      return QStringLiteral("Wrote %1 photo(s), %2 box(es) and %3 outfit(s) to %4")
          .arg(r.images)
          .arg(r.annotations)
          .arg(r.outfits)
          .arg(QString::fromStdString(r.out));
    case ExportFormat::Crops:
      return QStringLiteral("Wrote %1 crop(s) to %2").arg(r.annotations).arg(QString::fromStdString(r.out));
    case ExportFormat::Embeddings:
      return QStringLiteral("Wrote %1 vector(s) of %2 and the pairs of %3 outfit(s) to %4")
          .arg(r.vectors)
          .arg(QString::fromStdString(r.encoderId))
          .arg(r.outfits)
          .arg(QString::fromStdString(r.out));
    case ExportFormat::Lookbook:
      return QStringLiteral("Wrote a lookbook of %1 outfit(s) to %2")
          .arg(r.outfits)
          .arg(QString::fromStdString(r.out));
  }
  return {};
}

}  // namespace

int runExport(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Export a library's work in the field's formats:\n"
      "  coco        COCO JSON of the photos' boxes and masks, with outfits and review state (OUT: a .json "
      "file)\n"
      "  crops       the crop images the encoder sees, a folder per category, with manifest.csv/json\n"
      "  embeddings  one encoder's vectors (safetensors), items.csv and pairs.csv of outfit pair "
      "similarities\n"
      "  lookbook    saved outfits as lookbook.pdf (one per page) and PNG pictures\n"
      "The library is only read. An existing non-empty output is replaced only with --force;\n"
      "an interrupted or failed export leaves it as it was.");
  parser.addOption({"library", "The library file.", "FILE"});
  parser.addOption({"format", "coco, crops, embeddings or lookbook.", "FORMAT"});
  parser.addOption({"out", "The output: a .json file (coco) or a folder.", "PATH"});
  parser.addOption({"force", "Replace an existing non-empty output."});
  parser.addOption({"skip-flagged", "coco: leave out the photos a curator flagged."});
  parser.addOption(
      {"encoder", "embeddings: the encoder (model id or name; default: the one with most vectors).", "ID"});
  parser.addOption(
      {"outfits", "lookbook: these outfits, in this order (default: every saved outfit).", "ID,..."});
  parser.addOption(
      {"checkpoint", "lookbook: each outfit's score and verdict from this compatibility checkpoint.", "DIR"});
  parser.addOption({"quiet", "No progress on stderr."});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  if (!parser.isSet("library")) return fail(QStringLiteral("--library FILE is required"), kUsage);
  if (!parser.isSet("format"))
    return fail(QStringLiteral("--format is required (coco, crops, embeddings or lookbook)"), kUsage);
  if (!parser.isSet("out")) return fail(QStringLiteral("--out PATH is required"), kUsage);
  const auto format = parseExportFormat(parser.value("format").toStdString());
  if (!format) return fail(QStringLiteral("--format must be coco, crops, embeddings or lookbook"), kUsage);

  ExportOptions options;
  options.format = *format;
  options.out = parser.value("out").toStdString();
  options.force = parser.isSet("force");
  options.skipFlagged = parser.isSet("skip-flagged");
  options.encoderId = parser.value("encoder").toStdString();
  options.checkpoint = parser.value("checkpoint").toStdString();
  if (parser.isSet("outfits") && !readOutfitIds(parser.value("outfits"), &options.outfitIds))
    return fail(QStringLiteral("--outfits takes outfit ids separated by commas (e.g. 3,7,12)"), kUsage);
  const auto onlyFor = [&](const char* option, ExportFormat f) {
    return parser.isSet(option) && *format != f;
  };
  if (onlyFor("skip-flagged", ExportFormat::Coco) || onlyFor("encoder", ExportFormat::Embeddings) ||
      onlyFor("outfits", ExportFormat::Lookbook) || onlyFor("checkpoint", ExportFormat::Lookbook))
    return fail(QStringLiteral("an option of another format was given (see what2wear export --help)"),
                kUsage);
  // Refused before the library is opened: nothing is read for nothing.
  if (std::string why = whyOutputRefused(options); !why.empty()) return fail(why);

  auto library = Library::open(parser.value("library").toStdString(), Library::Access::ReadOnly);
  if (!library) return fail(library.message());
  ProgressPrinter printer(parser.isSet("quiet"));
  auto report = exportLibrary(**library, options, printer.callback(), &interruptFlag());
  printer.finish();
  if (!report) return fail(report.message());
  if (report->cancelled) return fail(QStringLiteral("interrupted: nothing was written"), kInterrupted);
  for (const std::string& note : report->notes) warn(QString::fromStdString(note));

  if (parser.isSet("json")) {
    format::Json out = {{"format", exportFormatName(report->format)},
                        {"out", report->out},
                        {"skipped", report->skipped},
                        {"files", report->files},
                        {"notes", report->notes}};
    switch (report->format) {
      case ExportFormat::Coco:
        out["images"] = report->images;
        out["annotations"] = report->annotations;
        out["outfits"] = report->outfits;
        break;
      case ExportFormat::Crops: out["crops"] = report->annotations; break;
      case ExportFormat::Embeddings:
        out["encoder"] = report->encoderId;
        out["vectors"] = report->vectors;
        out["outfits"] = report->outfits;
        break;
      case ExportFormat::Lookbook: out["outfits"] = report->outfits; break;
    }
    printJson(out);
  } else {
    printLine(summary(*report));
  }
  return kOk;
}

}  // namespace w2w::cli
