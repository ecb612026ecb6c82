#include "pipeline/demo_library.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "common/resources.h"
#include "pipeline/item_importer.h"

namespace w2w {

std::string demoResourceFolder() { return findResource("demo"); }

std::string defaultDemoLibraryPath() {
  return (QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/demo/demo.w2w")
      .toStdString();
}

Result<DemoBuildReport> buildDemoLibrary(const std::string& libraryPath, const PhotoAnalyzer& analyzer,
                                         const ProgressCallback& progress, const CancelFlag* cancel) {
  const std::string folder = demoResourceFolder();
  if (folder.empty()) {
    return makeError("the demo files (resources/demo) are not installed; set W2W_RESOURCES to their folder");
  }
  QDir().mkpath(QFileInfo(QString::fromStdString(libraryPath)).absolutePath());
  auto library = QFileInfo::exists(QString::fromStdString(libraryPath)) ? Library::open(libraryPath)
                                                                        : Library::create(libraryPath);
  if (!library) return library.error();

  DemoBuildReport report;
  report.libraryPath = libraryPath;
  ImportOptions photoOptions;
  photoOptions.analyzer = analyzer;
  auto stage = [&](const char* what) {
    return [&progress, what](const Progress& p) {
      if (progress) progress({p.done, p.total, std::string(what) + " " + p.message});
    };
  };
  report.photos = importPhotos(**library, {folder + "/photos"}, photoOptions, stage("photos:"), cancel);
  if (!report.photos.cancelled) {
    ItemImportOptions itemOptions;  // the category comes from each item's folder
    report.items = importItems(**library, {folder + "/items"}, itemOptions, stage("items:"), cancel);
  }
  report.cancelled = report.photos.cancelled || report.items.cancelled;
  auto outfits = (*library)->syncPhotoOutfits();
  if (!outfits) return outfits.error();
  report.outfits = *outfits;
  return report;
}

}  // namespace w2w
