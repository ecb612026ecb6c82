// Internal to core/pipeline: what the photo and item importers' writers
// share. Both refuse the same files before adding anything, and record the
// file the same way.
#pragma once

#include <QFileInfo>
#include <QString>

#include <optional>
#include <string>
#include <unordered_set>

#include "pipeline/photo_importer.h"

namespace w2w::detail {

// The finished entry of a file that is not to be added: it failed to
// prepare, or its content is in the library already (`findByHash` looks it
// up, returning a Result of an optional record with an `id`) or earlier in
// this import (`seen`). nullopt: go on and add it.
template <typename FindByHash>
std::optional<ImportEntry> refuseBeforeAdding(const std::string& path, const std::string& error,
                                              const std::string& sha256,
                                              const std::unordered_set<std::string>& seen,
                                              FindByHash findByHash) {
  ImportEntry entry;
  entry.path = path;
  if (!error.empty()) {
    entry.error = error;
    return entry;
  }
  auto existing = findByHash(sha256);
  if (!existing) {
    entry.error = existing.message();
    return entry;
  }
  if (*existing || seen.count(sha256)) {
    entry.outcome = ImportEntry::Outcome::Duplicate;
    entry.id = *existing ? (*existing)->id : 0;
    return entry;
  }
  return std::nullopt;
}

// The library's record of an imported file (absolute path, hash, size, upright size).
inline NewPhoto fileRecord(const std::string& path, const ImageInfo& info) {
  return {QFileInfo(QString::fromStdString(path)).absoluteFilePath().toStdString(), info.sha256,
          info.fileSize, info.header.width(), info.header.height()};
}

}  // namespace w2w::detail
