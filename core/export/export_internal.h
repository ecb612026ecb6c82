// Internal to core/export: what the format writers share.
#pragma once

#include <QString>

#include <string>
#include <vector>

#include "common/image.h"
#include "export/export_library.h"
#include "format/json.h"

namespace w2w::detail {

// One export in progress. Folder formats write into `folder` (a staging
// folder that becomes options.out when the export succeeds).
struct ExportJob {
  Library& library;
  const ExportOptions& options;
  const ProgressCallback& progress;
  const CancelFlag* cancel;
  std::string folder;
  ExportReport report;

  bool cancelled() {
    if (cancel && cancel->isCancelled()) report.cancelled = true;
    return report.cancelled;
  }
  void step(long long done, long long total, const std::string& message) {
    if (progress) progress({done, total, message});
  }
  std::string path(const std::string& relative) const { return folder + "/" + relative; }
};

Status writeCoco(ExportJob& job, const std::string& file);
Status writeCrops(ExportJob& job);
Status writeEmbeddings(ExportJob& job);
Status writeLookbook(ExportJob& job);

// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
std::string csvField(const std::string& text);
// Writes rows of fields as CSV (UTF-8, \n line ends) atomically.
Status writeCsv(const std::string& path, const std::vector<std::vector<std::string>>& rows);
// Writes a JSON document indented for reading, atomically.
Status writeJsonFile(const std::string& path, const format::Json& value);
// "a;b;c": tags in one CSV field.
std::string joined(const std::vector<std::string>& parts, char separator = ';');
// The box clipped to a width x height image (empty when nothing is left).
Box clippedBox(const Box& box, int width, int height);
// The photo's foreground mask at the photo's size, or an empty image when it
// has none (or it cannot be decoded).
GrayImage photoMaskAtSize(Library& library, const Photo& photo);

}  // namespace w2w::detail
