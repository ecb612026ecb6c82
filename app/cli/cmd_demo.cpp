// what2wear demo [--library FILE] [--json]: the headless demo on the bundled
// photos and items, printing what it does at each step.
#include <QCommandLineParser>
#include <QFileInfo>

#include "cli.h"
#include "pipeline/demo_library.h"
#include "pipeline/default_analyzer.h"

namespace w2w::cli {

int runDemo(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Builds the demo library from the bundled photos and items (resources/demo) and\n"
      "shows what What2Wear does with them, step by step. Runs without a display.");
  parser.addOption({"library", "Where to build the demo library (default: the studio's demo library).", "FILE"});
  parser.addOption({"quiet", "No progress on stderr."});
  int code = kOk;
  if (!parseArguments(parser, args, &code)) return code;
  const bool json = parser.isSet("json");
  const std::string path =
      parser.isSet("library") ? parser.value("library").toStdString() : defaultDemoLibraryPath();

  if (!json) printLine(QStringLiteral("1. Importing the demo photos and items into %1").arg(QString::fromStdString(path)));
  auto analyzer = defaultPhotoAnalyzer();
  if (!analyzer) return fail(analyzer.message());
  ProgressPrinter printer(parser.isSet("quiet"));
  auto report = buildDemoLibrary(path, *analyzer, printer.callback(), &interruptFlag());
  printer.finish();
  if (!report) return fail(report.message());
  if (report->cancelled) return fail(QStringLiteral("interrupted; the demo library keeps what was imported"), kInterrupted);

  auto library = Library::open(path, Library::Access::ReadOnly);
  if (!library) return fail(library.message());
  auto info = (*library)->info();
  if (!info) return fail(info.message());
  const QJsonObject summary{{"library", QString::fromStdString(path)},
                            {"photos_added", report->photos.added()},
                            {"photos_already_there", report->photos.duplicates()},
                            {"photos_failed", report->photos.failed()},
                            {"items_added", report->items.added()},
                            {"items_already_there", report->items.duplicates()},
                            {"photos", info->photos},
                            {"crops", info->items - info->standaloneItems},
                            {"standalone_items", info->standaloneItems},
                            {"outfits", info->outfits}};
  if (json) {
    printJson(summary);
    return kOk;
  }
  printLine(QStringLiteral("   %1 photos added (%2 already there, %3 failed), %4 single items added (%5 already there)")
                .arg(report->photos.added())
                .arg(report->photos.duplicates())
                .arg(report->photos.failed())
                .arg(report->items.added())
                .arg(report->items.duplicates()));
  printLine(QStringLiteral("2. The library now holds %1 photos, %2 crops of them, %3 single items and %4 outfits")
                .arg(info->photos)
                .arg(info->items - info->standaloneItems)
                .arg(info->standaloneItems)
                .arg(info->outfits));
  printLine(QStringLiteral("Open it in the studio: what2wear-studio --library \"%1\"").arg(QString::fromStdString(path)));
  return kOk;
}

}  // namespace w2w::cli
