// what2wear library init FILE | info FILE [--json] | check FILE
//                  | remove FILE (--photo ID | --item ID)...
#include <QCommandLineParser>
#include <QStringList>

#include "cli.h"
#include "entry_ids.h"
#include "library/library.h"

namespace w2w::cli {
namespace {

format::Json infoJson(const LibraryInfo& info) {
  format::Json photos = {{"total", info.photos}};
  for (int s = 0; s < 5; ++s) photos[photoStatusName(static_cast<PhotoStatus>(s))] = info.photosByStatus[s];
  format::Json items = {
      {"total", info.items}, {"standalone", info.standaloneItems}, {"manual_crops", info.manualCrops}};
  for (Category c : kCategories) items[categoryName(c)] = info.itemsByCategory[categoryIndex(c)];
  return {{"path", info.path},
          {"schema_version", info.schemaVersion},
          {"created_with", info.createdWith},
          {"file_bytes", info.fileBytes},
          {"photos", photos},
          {"items", items},
          {"embeddings", info.embeddings},
          {"models", info.models},
          {"outfits", info.outfits},
          {"training_runs", info.trainingRuns},
          {"tags", info.tags}};
}

void printInfo(const LibraryInfo& info) {
  printLine(QStringLiteral("Library      %1").arg(QString::fromStdString(info.path)));
  printLine(QStringLiteral("Schema       %1 (%2)")
                .arg(info.schemaVersion)
                .arg(QString::fromStdString(info.createdWith)));
  printLine(QStringLiteral("Photos       %1 (%2 processed, %3 reviewed, %4 flagged, %5 failed)")
                .arg(info.photos)
                .arg(info.photosByStatus[1])
                .arg(info.photosByStatus[2])
                .arg(info.photosByStatus[3])
                .arg(info.photosByStatus[4]));
  QStringList byCategory;
  for (Category c : kCategories)
    byCategory << QStringLiteral("%1 %2").arg(categoryName(c)).arg(info.itemsByCategory[categoryIndex(c)]);
  printLine(QStringLiteral("Items        %1 (%2; %3 standalone, %4 edited crops)")
                .arg(info.items)
                .arg(byCategory.join(QStringLiteral(", ")))
                .arg(info.standaloneItems)
                .arg(info.manualCrops));
  printLine(QStringLiteral("Embeddings   %1 (%2 models)").arg(info.embeddings).arg(info.models));
  printLine(QStringLiteral("Outfits      %1").arg(info.outfits));
  printLine(QStringLiteral("Training     %1 runs").arg(info.trainingRuns));
}

// `library remove`: every id is checked first, then all go in one transaction,
// so a typo in one id removes nothing.
int removeEntries(const QCommandLineParser& parser, const std::string& file, bool json) {
  std::vector<Id> photos, items;
  QString error;
  if (!readIds(parser, "photo", &photos, &error) || !readIds(parser, "item", &items, &error))
    return fail(error, kUsage);
  if (photos.empty() && items.empty())
    return fail(QStringLiteral("name what to remove with --photo ID or --item ID"), kUsage);
  auto library = Library::open(file);
  if (!library) return fail(library.message());
  if (Status s = checkEntriesExist(**library, photos, items); !s) return fail(s.message());
  const Status removed = (*library)->removeEntries(photos, items);
  if (!removed) return fail(removed.message());
  if (json) {
    printJson({{"removed_photos", photos.size()}, {"removed_items", items.size()}});
  } else {
    printLine(QStringLiteral("Removed %1 photos and %2 items").arg(photos.size()).arg(items.size()));
  }
  return kOk;
}

}  // namespace

int runLibrary(const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      "Create a wardrobe library or show what it holds.\n\n"
      "  init FILE    create a new, empty library\n"
      "  info FILE    counts of photos, items, embeddings, outfits and runs\n"
      "  check FILE   run SQLite's integrity and foreign-key checks\n"
      "  remove FILE  remove photos (with their crops and outfits) and items;\n"
      "               the image files stay on disk");
  parser.addOption({"photo", "remove: a photo to remove (repeatable).", "ID"});
  parser.addOption({"item", "remove: an item to remove (repeatable).", "ID"});
  parser.addPositionalArgument("action", "init, info, check or remove");
  parser.addPositionalArgument("file", "the library file (e.g. wardrobe.w2w)");
  int code = kOk;
  if (!parseArguments(parser, args, &code, kAnyNumber)) return code;
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 2)
    return fail(QStringLiteral("expected an action and a FILE (see what2wear library --help)"), kUsage);
  const QString action = positional.at(0);
  const std::string file = positional.at(1).toStdString();
  const bool json = parser.isSet("json");

  if (action == "init") {
    auto library = Library::create(file);
    if (!library) return fail(library.message());
    if (json)
      printJson({{"created", file}, {"schema_version", Library::kSchemaVersion}});
    else
      printLine(QStringLiteral("Created %1").arg(positional.at(1)));
    return kOk;
  }
  if (action == "info" || action == "check") {
    auto library = Library::open(file, Library::Access::ReadOnly);
    if (!library) return fail(library.message());
    if (action == "check") {
      Status status = (*library)->checkIntegrity();
      if (json)
        printJson({{"ok", status.ok()}, {"error", status.ok() ? std::string() : status.message()}});
      else
        printLine(status ? QStringLiteral("ok") : QString::fromStdString(status.message()));
      return status ? kOk : kFailed;
    }
    auto info = (*library)->info();
    if (!info) return fail(info.message());
    if (json)
      printJson(infoJson(*info));
    else
      printInfo(*info);
    return kOk;
  }
  if (action == "remove") return removeEntries(parser, file, json);
  return fail(QStringLiteral("unknown action '%1' (expected init, info, check or remove)").arg(action),
              kUsage);
}

}  // namespace w2w::cli
