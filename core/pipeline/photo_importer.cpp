#include "pipeline/photo_importer.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <unordered_set>

#include "pipeline/import_writing.h"
#include "pipeline/ordered_workers.h"

namespace w2w {
namespace {

// What a worker hands to the writer for one file.
struct Prepared {
  std::string path;
  std::string error;
  ImageInfo info;
  std::optional<PhotoAnalysis> analysis;
  std::string warning;
};

Prepared prepare(const std::string& path, const ImportOptions& options) {
  Prepared out;
  out.path = path;
  if (!options.analyzer) {
    auto info = probeImageFile(path, options.limits);
    if (!info)
      out.error = info.message();
    else
      out.info = std::move(*info);
    return out;
  }
  // Decode fully first: a file that cannot be decoded is refused outright,
  // even though the header alone looked fine.
  auto decoded = decodeImageFile(path, options.limits);
  if (!decoded) {
    out.error = decoded.message();
    return out;
  }
  out.info = {decoded->header, decoded->sha256, decoded->fileSize};
  auto analysis = options.analyzer(*decoded);
  if (analysis)
    out.analysis = std::move(*analysis);
  else
    out.warning = analysis.message();
  return out;
}

ImportEntry write(Library& library, const Prepared& p, std::unordered_set<std::string>& seen) {
  if (auto refused =
          detail::refuseBeforeAdding(p.path, p.error, p.info.sha256, seen,
                                     [&](const std::string& hash) { return library.photoByHash(hash); })) {
    return *refused;
  }
  ImportEntry entry;
  entry.path = p.path;
  const NewPhoto photo = detail::fileRecord(p.path, p.info);
  Id id = 0;
  Status written = library.transaction([&]() -> Status {
    auto added = library.addPhoto(photo);
    if (!added) return added.error();
    id = *added;
    if (p.analysis) {
      // The photo, its crops and its outfit are one transaction: an import
      // killed at any instant leaves whole photos only.
      if (Status s = library.storeAnalysis(id, *p.analysis); !s) return s;
      auto outfits = library.syncPhotoOutfits(id);
      return outfits ? Status::success() : Status(outfits.error());
    }
    if (!p.warning.empty()) return library.setPhotoStatus(id, PhotoStatus::Failed, p.warning);
    return Status::success();
  });
  if (!written) {
    entry.error = written.message();
    return entry;
  }
  seen.insert(p.info.sha256);
  entry.outcome = ImportEntry::Outcome::Added;
  entry.id = id;
  entry.warning = p.warning;
  return entry;
}

}  // namespace

void reportImportProgress(const ImportReport& report, long long total, const ProgressCallback& progress) {
  if (!progress || report.entries.empty()) return;
  const ImportEntry& e = report.entries.back();
  const char* what = e.outcome == ImportEntry::Outcome::Added       ? "added"
                     : e.outcome == ImportEntry::Outcome::Duplicate ? "duplicate"
                                                                    : "failed";
  progress({static_cast<long long>(report.entries.size()), total,
            std::string(what) + ": " + QFileInfo(QString::fromStdString(e.path)).fileName().toStdString()});
}

long long ImportReport::count(ImportEntry::Outcome o) const {
  return std::count_if(entries.begin(), entries.end(), [o](const ImportEntry& e) { return e.outcome == o; });
}

namespace {

ImportEntry failedEntry(const std::string& path, const std::string& error) {
  ImportEntry entry;
  entry.path = path;
  entry.error = error;
  return entry;
}

// The library file and SQLite's files beside it: never read as photos (only
// SQLite may open them, see library.h).
bool isLibraryFile(const QFileInfo& file, const QString& library) {
  if (library.isEmpty()) return false;
  const QString path = file.absoluteFilePath();
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    if (path == library + suffix) return true;
  }
  return false;
}

// Adds the image files under `folder` to `found`; a folder that cannot be
// listed is reported, not silently skipped. Symbolic links to folders are not
// followed (they may loop).
void scanFolder(const QString& folder, bool recursive, std::vector<std::string>& found,
                std::vector<ImportEntry>* problems) {
  QDir dir(folder);
  if (!dir.isReadable()) {
    if (problems)
      problems->push_back(failedEntry(folder.toStdString(), folder.toStdString() +
                                                                ": cannot read the folder (permission denied); "
                                                                "its photos were not imported"));
    return;
  }
  const QFileInfoList entries = dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System);
  for (const QFileInfo& entry : entries) {
    if (entry.isDir()) {
      if (recursive && !entry.isSymLink()) scanFolder(entry.absoluteFilePath(), recursive, found, problems);
    } else if (hasImageExtension(entry.fileName().toStdString())) {
      found.push_back(entry.absoluteFilePath().toStdString());
    }
  }
}

}  // namespace

std::vector<std::string> collectImageFiles(const std::vector<std::string>& paths, bool recursive,
                                           std::vector<ImportEntry>* problems, const std::string& libraryPath) {
  const QString library =
      libraryPath.empty() ? QString() : QFileInfo(QString::fromStdString(libraryPath)).absoluteFilePath();
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    const QFileInfo info(QString::fromStdString(path));
    if (info.isDir()) {
      std::vector<std::string> found;
      scanFolder(info.absoluteFilePath(), recursive, found, problems);
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (isLibraryFile(info, library)) {
      if (problems) problems->push_back(failedEntry(path, path + ": is the library itself, not a photo"));
    } else if (info.exists()) {
      files.push_back(path);
    } else if (problems) {
      problems->push_back(failedEntry(path, path + ": no such file or folder"));
    }
  }
  return files;
}

ImportReport importPhotos(Library& library, const std::vector<std::string>& paths,
                          const ImportOptions& options, const ProgressCallback& progress,
                          const CancelFlag* cancel) {
  ImportReport report;
  const std::vector<std::string> files = collectImageFiles(paths, options.recursive, &report.entries, library.path());
  const long long total = static_cast<long long>(files.size() + report.entries.size());

  std::unordered_set<std::string> seen;
  const bool completed = detail::runOrdered<Prepared>(
      files.size(), options.threads, [&](std::size_t i) { return prepare(files[i], options); },
      [&](Prepared&& prepared) {
        report.entries.push_back(write(library, prepared, seen));
        reportImportProgress(report, total, progress);
      },
      cancel);
  report.cancelled = !completed;
  return report;
}

}  // namespace w2w
