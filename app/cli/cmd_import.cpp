// what2wear import --library FILE PATH... [--threads N] [--model FILE] [--no-crops] [--json]
#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include "cli.h"
#include "library/library.h"
#include "pipeline/default_analyzer.h"
#include "pipeline/item_importer.h"
#include "pipeline/photo_importer.h"

namespace w2w::cli {
namespace {

const char* outcomeName(ImportEntry::Outcome o) {
  switch (o) {
    case ImportEntry::Outcome::Added: return "added";
    case ImportEntry::Outcome::Duplicate: return "duplicate";
    case ImportEntry::Outcome::Failed: return "failed";
  }
  return "failed";
}

}  // namespace

int runImport(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Add outfit photos to a library: files, or folders searched for images.\n"
      "With --category, add single-item photos (one garment each) instead.\n"
      "Photos already in the library (same content) are skipped and reported.\n"
      "Each photo goes through the crop pipeline (person, white background, top/bottom/shoes crops);\n"
      "photos with all three crops become outfits.\n"
      "Ctrl-C stops after the photo in progress; everything imported so far is kept.");
  parser.addOption({"library", "The library file (created when missing).", "FILE"});
  parser.addOption({"threads", "Worker threads (default: the number of cores).", "N"});
  parser.addOption({"no-recursive", "Do not descend into sub-folders."});
  parser.addOption({"category",
                    "Import single-item photos of this category: top, outer, bottom, onepiece, shoes, bag, "
                    "accessory, or 'folder' to take it "
                    "from each file's folder name (t-shirt/, pants/, shoes/, ...).",
                    "C"});
  parser.addOption({"no-crops", "Only register the photos; do not run the crop pipeline."});
  parser.addOption(
      {"model", "Garment parser model for the crop pipeline (default: the bundled one).", "FILE"});
  parser.addOption({"quiet", "No progress on stderr."});
  parser.addPositionalArgument("paths", "Photo files or folders.", "PATH...");
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  if (!parser.isSet("library")) return fail(QStringLiteral("--library FILE is required"), kUsage);
  const QStringList positional = parser.positionalArguments();
  if (positional.isEmpty()) return fail(QStringLiteral("no photos given (files or folders)"), kUsage);

  const std::string file = parser.value("library").toStdString();
  auto library = QFileInfo::exists(parser.value("library")) ? Library::open(file) : Library::create(file);
  if (!library) return fail(library.message());

  const bool recursive = !parser.isSet("no-recursive");
  const int threads = parser.isSet("threads") ? parser.value("threads").toInt() : QThread::idealThreadCount();
  if (threads < 1) return fail(QStringLiteral("--threads needs a positive number"), kUsage);

  std::vector<std::string> paths;
  for (const QString& p : positional) paths.push_back(p.toStdString());
  ProgressPrinter printer(parser.isSet("quiet"));
  ImportReport report;
  if (parser.isSet("category")) {
    ItemImportOptions options;
    options.recursive = recursive;
    options.threads = threads;
    const QString category = parser.value("category");
    if (category != "folder") {
      options.category = parseCategory(category.toStdString());
      if (!options.category) {
        return fail(QStringLiteral("--category must be one of %1 or folder")
                        .arg(QString::fromStdString(categoryNames(", "))),
                    kUsage);
      }
    }
    report = importItems(**library, paths, options, printer.callback(), &interruptFlag());
  } else {
    ImportOptions options;
    options.recursive = recursive;
    options.threads = threads;
    if (!parser.isSet("no-crops")) {
      auto analyzer = defaultPhotoAnalyzer(parser.value("model").toStdString());
      if (!analyzer) return fail(analyzer.message());
      options.analyzer = std::move(*analyzer);
    }
    report = importPhotos(**library, paths, options, printer.callback(), &interruptFlag());
  }
  printer.finish();
  // Photos with all three crops become outfits (also after an interruption:
  // every photo written so far is complete).
  auto outfits = (*library)->syncPhotoOutfits();
  if (!outfits) return fail(outfits.message());

  const bool json = parser.isSet("json");
  QJsonArray entries;
  for (const ImportEntry& e : report.entries) {
    if (e.outcome == ImportEntry::Outcome::Failed)
      warn(QString::fromStdString(e.error));
    else if (!e.warning.empty())
      warn(QString::fromStdString(e.warning));
    if (e.outcome == ImportEntry::Outcome::Duplicate && !json) {
      printLine(QStringLiteral("duplicate: %1 (already %2)")
                    .arg(QString::fromStdString(e.path))
                    .arg(QStringLiteral("%1 %2").arg(parser.isSet("category") ? "item" : "photo").arg(e.id)));
    }
    QJsonObject entry{{"file", QString::fromStdString(e.path)}, {"outcome", outcomeName(e.outcome)}};
    if (e.id) entry[parser.isSet("category") ? "item_id" : "photo_id"] = static_cast<qint64>(e.id);
    if (!e.error.empty()) entry["error"] = QString::fromStdString(e.error);
    if (!e.warning.empty()) entry["warning"] = QString::fromStdString(e.warning);
    entries.append(entry);
  }
  if (json) {
    printJson({{"library", QString::fromStdString(file)},
               {"added", report.added()},
               {"duplicates", report.duplicates()},
               {"failed", report.failed()},
               {"cancelled", report.cancelled},
               {"outfits", *outfits},
               {"files", entries}});
  } else {
    printLine(
        QStringLiteral("Imported %1 %2; %3 duplicate(s) skipped; %4 failed; %5 outfit(s) in the library%6")
            .arg(report.added())
            .arg(parser.isSet("category") ? "item(s)" : "photo(s)")
            .arg(report.duplicates())
            .arg(report.failed())
            .arg(*outfits)
            .arg(report.cancelled ? QStringLiteral(" (interrupted: the rest was not imported)") : QString()));
  }
  if (report.cancelled) return kInterrupted;
  return report.failed() > 0 && report.added() == 0 && report.duplicates() == 0 ? kFailed : kOk;
}

}  // namespace w2w::cli
