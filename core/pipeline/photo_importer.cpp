#include "pipeline/photo_importer.h"

#include <QDir>
#include <QDirIterator>
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
    if (p.analysis) return library.storeAnalysis(id, *p.analysis);
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

std::vector<std::string> collectImageFiles(const std::vector<std::string>& paths, bool recursive,
                                           std::vector<ImportEntry>* missing) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    const QFileInfo info(QString::fromStdString(path));
    if (info.isDir()) {
      std::vector<std::string> found;
      QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::Readable,
                      recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
      while (it.hasNext()) {
        const std::string file = it.next().toStdString();
        if (hasImageExtension(file)) found.push_back(file);
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (info.exists()) {
      files.push_back(path);
    } else if (missing) {
      ImportEntry entry;
      entry.path = path;
      entry.error = path + ": no such file or folder";
      missing->push_back(entry);
    }
  }
  return files;
}

ImportReport importPhotos(Library& library, const std::vector<std::string>& paths,
                          const ImportOptions& options, const ProgressCallback& progress,
                          const CancelFlag* cancel) {
  ImportReport report;
  const std::vector<std::string> files = collectImageFiles(paths, options.recursive, &report.entries);
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
