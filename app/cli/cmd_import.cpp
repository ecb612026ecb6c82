// what2wear import --library FILE PATH... [--threads N] [--json]
#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include "cli.h"
#include "library/library.h"
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
      "Photos already in the library (same content) are skipped and reported.\n"
      "Ctrl-C stops after the photo in progress; everything imported so far is kept.");
  parser.addOption({"library", "The library file (created when missing).", "FILE"});
  parser.addOption({"threads", "Worker threads (default: the number of cores).", "N"});
  parser.addOption({"no-recursive", "Do not descend into sub-folders."});
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

  ImportOptions options;
  options.recursive = !parser.isSet("no-recursive");
  options.threads = parser.isSet("threads") ? parser.value("threads").toInt() : QThread::idealThreadCount();
  if (options.threads < 1) return fail(QStringLiteral("--threads needs a positive number"), kUsage);

  std::vector<std::string> paths;
  for (const QString& p : positional) paths.push_back(p.toStdString());
  ProgressPrinter printer(parser.isSet("quiet"));
  const ImportReport report = importPhotos(**library, paths, options, printer.callback(), &interruptFlag());
  printer.finish();

  const bool json = parser.isSet("json");
  QJsonArray entries;
  for (const ImportEntry& e : report.entries) {
    if (e.outcome == ImportEntry::Outcome::Failed)
      warn(QString::fromStdString(e.error));
    else if (!e.warning.empty())
      warn(QString::fromStdString(e.warning));
    if (e.outcome == ImportEntry::Outcome::Duplicate && !json) {
      printLine(QStringLiteral("duplicate: %1 (already photo %2)")
                    .arg(QString::fromStdString(e.path))
                    .arg(e.photoId));
    }
    QJsonObject entry{{"file", QString::fromStdString(e.path)}, {"outcome", outcomeName(e.outcome)}};
    if (e.photoId) entry["photo_id"] = static_cast<qint64>(e.photoId);
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
               {"files", entries}});
  } else {
    printLine(
        QStringLiteral("Imported %1 photo(s); %2 duplicate(s) skipped; %3 failed%4")
            .arg(report.added())
            .arg(report.duplicates())
            .arg(report.failed())
            .arg(report.cancelled ? QStringLiteral(" (interrupted: the rest was not imported)") : QString()));
  }
  if (report.cancelled) return kInterrupted;
  return report.failed() > 0 && report.added() == 0 && report.duplicates() == 0 ? kFailed : kOk;
}

}  // namespace w2w::cli
