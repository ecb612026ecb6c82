// what2wear import --library FILE PATH... [--threads N] [--model FILE] [--no-crops] [--json]
// what2wear import --library FILE --annotations coco:FILE.json [--images DIR] [--json]
#include <QCommandLineParser>
#include <QFileInfo>
#include <QThread>

#include "cli.h"
#include "export/coco_import.h"
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

// The line that names a file that could not be imported: the error as the
// pipeline gave it, with the file in front when the error names another one
// (a library that could not be written names the library).
QString failureLine(const ImportEntry& e) {
  const QString error = QString::fromStdString(e.error);
  const QString path = QString::fromStdString(e.path);
  return error.contains(path) ? error : QStringLiteral("%1: %2").arg(path, error);
}

// Photos with their boxes from a COCO file (core/export/coco_import.h).
int importAnnotations(Library& library, const QString& spec, const QString& images, bool json, bool quiet) {
  if (!spec.startsWith(QStringLiteral("coco:")) || spec.size() <= 5)
    return fail(QStringLiteral("--annotations takes coco:FILE.json"), kUsage);
  CocoImportOptions options;
  options.annotations = spec.mid(5).toStdString();
  options.imagesDir = images.toStdString();
  ProgressPrinter printer(quiet);
  auto report = importCoco(library, options, printer.callback(), &interruptFlag());
  printer.finish();
  if (!report) return fail(report.message());
  for (const std::string& e : report->errors) warn(QString::fromStdString(e));
  for (const std::string& n : report->notes) warn(QString::fromStdString(n));
  for (const auto& [name, count] : report->unmapped) {
    warn(QStringLiteral("%1 box(es) of '%2' skipped: no matching garment category")
             .arg(count)
             .arg(QString::fromStdString(name)));
  }
  if (report->extraBoxes)
    warn(QStringLiteral("%1 extra box(es) skipped: a photo keeps one box per category (the largest)")
             .arg(report->extraBoxes));
  if (json) {
    printJson({{"library", library.path()},
               {"added", report->added},
               {"duplicates", report->duplicates},
               {"failed", report->errors.size()},
               {"boxes", report->boxes},
               {"outfits", report->outfits},
               {"extra_boxes", report->extraBoxes},
               {"unmapped", report->unmapped},
               {"cancelled", report->cancelled}});
  } else {
    printLine(QStringLiteral("Imported %1 photo(s) with %2 box(es) and %3 saved outfit(s); %4 duplicate(s) "
                             "skipped; %5 failed%6")
                  .arg(report->added)
                  .arg(report->boxes)
                  .arg(report->outfits)
                  .arg(report->duplicates)
                  .arg(report->errors.size())
                  .arg(report->cancelled ? QStringLiteral(" (interrupted: the rest was not imported)")
                                         : QString()));
  }
  if (report->cancelled) return kInterrupted;
  return report->errors.empty() ? kOk : kFailed;
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
      "Ctrl-C stops after the photo in progress; everything imported so far is kept.\n"
      "With --annotations coco:FILE.json, add the photos of a COCO file with their boxes as edited\n"
      "crops (category names of DeepFashion2, ModaNet and CCP are mapped to the app's).\n"
      "Exit status 1 when a file could not be imported (each is listed with the reason).");
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
  parser.addOption({"annotations", "Import the photos and boxes of a COCO file.", "coco:FILE.json"});
  parser.addOption(
      {"images", "With --annotations: the folder of the COCO file's images (default: its folder).", "DIR"});
  parser.addOption({"quiet", "No progress on stderr."});
  parser.addPositionalArgument("paths", "Photo files or folders.", "PATH...");
  int code = kOk;
  if (!parseArguments(parser, args, &code, kAnyNumber)) return code;
  if (!parser.isSet("library")) return fail(QStringLiteral("--library FILE is required"), kUsage);
  const QStringList positional = parser.positionalArguments();
  const bool annotations = parser.isSet("annotations");
  if (annotations && !positional.isEmpty())
    return fail(QStringLiteral("--annotations brings its own photos; give no other paths"), kUsage);
  if (!annotations && parser.isSet("images"))
    return fail(QStringLiteral("--images goes with --annotations"), kUsage);
  if (!annotations && positional.isEmpty())
    return fail(QStringLiteral("no photos given (files or folders)"), kUsage);
  if (annotations && !parser.value("annotations").startsWith(QStringLiteral("coco:")))
    return fail(QStringLiteral("--annotations takes coco:FILE.json"), kUsage);

  const std::string file = parser.value("library").toStdString();
  auto library = QFileInfo::exists(parser.value("library")) ? Library::open(file) : Library::create(file);
  if (!library) return fail(library.message());
  if (annotations) {
    return importAnnotations(**library, parser.value("annotations"), parser.value("images"),
                             parser.isSet("json"), parser.isSet("quiet"));
  }

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
  // Each photo was written with its crops and outfit in one transaction;
  // this counts the outfits (and brings libraries of older versions in line).
  auto outfits = (*library)->syncPhotoOutfits();
  if (!outfits) return fail(outfits.message());

  const bool json = parser.isSet("json");
  format::Json entries = format::Json::array();
  for (const ImportEntry& e : report.entries) {
    if (e.outcome == ImportEntry::Outcome::Failed)
      warn(failureLine(e));
    else if (!e.warning.empty())
      warn(QString::fromStdString(e.warning));
    if (e.outcome == ImportEntry::Outcome::Duplicate && !json) {
      printLine(QStringLiteral("duplicate: %1 (already %2)")
                    .arg(QString::fromStdString(e.path))
                    .arg(QStringLiteral("%1 %2").arg(parser.isSet("category") ? "item" : "photo").arg(e.id)));
    }
    format::Json entry = {{"file", e.path}, {"outcome", outcomeName(e.outcome)}};
    if (e.id) entry[parser.isSet("category") ? "item_id" : "photo_id"] = e.id;
    if (!e.error.empty()) entry["error"] = e.error;
    if (!e.warning.empty()) entry["warning"] = e.warning;
    entries.push_back(std::move(entry));
  }
  if (json) {
    printJson({{"library", file},
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
  // Every file that could not be imported was named above with its reason;
  // the status says that the import is not complete.
  return report.failed() > 0 ? kFailed : kOk;
}

}  // namespace w2w::cli
