#include "export/export_library.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cctype>

#include "export/export_internal.h"
#include "io/file_io.h"
#include "io/image_encoder.h"

namespace w2w {

const char* exportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::Coco: return "coco";
    case ExportFormat::Crops: return "crops";
    case ExportFormat::Embeddings: return "embeddings";
    case ExportFormat::Lookbook: return "lookbook";
  }
  return "coco";
}

std::optional<ExportFormat> parseExportFormat(const std::string& name) {
  for (ExportFormat f : kExportFormats) {
    if (name == exportFormatName(f)) return f;
  }
  return std::nullopt;
}

std::string whyOutputRefused(const ExportOptions& options) {
  if (options.out.empty()) return "no output given";
  const QString out = QString::fromStdString(options.out);
  const QFileInfo info(out);
  if (!info.exists()) return {};
  const bool folder = exportWritesFolder(options.format);
  if (folder && !info.isDir())
    return options.out + " is a file; the " + exportFormatName(options.format) + " export writes a folder";
  if (!folder && info.isDir())
    return options.out + " is a folder; the coco export writes a file (e.g. " + options.out +
           "/annotations.json)";
  const bool empty = info.isDir() ? QDir(out).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                                  : info.size() == 0;
  if (!empty && !options.force) return options.out + " exists and is not empty (--force replaces it)";
  return {};
}

namespace {

// Moves the finished staging folder to `out`, replacing what is there.
Status moveIntoPlace(QTemporaryDir& staging, const QString& out) {
  const QFileInfo info(out);
  QString old;
  if (info.exists()) {
    old = out + QStringLiteral(".replaced-") + QFileInfo(staging.path()).fileName();
    if (!QDir().rename(out, old)) return makeError(out.toStdString() + ": cannot be replaced (permission?)");
  }
  if (!QDir().rename(staging.path(), out)) {
    if (!old.isEmpty()) QDir().rename(old, out);  // put the previous output back
    return makeError(out.toStdString() + ": cannot be written (permission?)");
  }
  staging.setAutoRemove(false);
  if (!old.isEmpty()) QDir(old).removeRecursively();
  return Status::success();
}

}  // namespace

Result<ExportReport> exportLibrary(Library& library, const ExportOptions& options,
                                   const ProgressCallback& progress, const CancelFlag* cancel) {
  if (std::string why = whyOutputRefused(options); !why.empty()) return makeError(why);
  const QString out = QFileInfo(QString::fromStdString(options.out)).absoluteFilePath();
  const QString parent = QFileInfo(out).absolutePath();
  if (!QDir().mkpath(parent)) return makeError(parent.toStdString() + ": cannot create the folder");

  detail::ExportJob job{library, options, progress, cancel, {}, {}};
  job.report.format = options.format;
  job.report.out = out.toStdString();
  Status done;
  if (!exportWritesFolder(options.format)) {
    done = library.readSnapshot([&] { return detail::writeCoco(job, out.toStdString()); });
    if (!done) return done.error();
    return job.report;
  }
  // Next to the output, so the final move is a rename on the same disk.
  QTemporaryDir staging(parent + "/." + QFileInfo(out).fileName() + ".exporting-XXXXXX");
  if (!staging.isValid())
    return makeError(parent.toStdString() + ": cannot write here (" + staging.errorString().toStdString() +
                     ")");
  job.folder = staging.path().toStdString();
  done = library.readSnapshot([&]() -> Status {
    switch (options.format) {
      case ExportFormat::Crops: return detail::writeCrops(job);
      case ExportFormat::Embeddings: return detail::writeEmbeddings(job);
      case ExportFormat::Lookbook: return detail::writeLookbook(job);
      case ExportFormat::Coco: break;
    }
    return makeError("unknown export format");
  });
  if (!done) return done.error();
  if (job.report.cancelled) return job.report;  // the staging folder goes; the output stays as it was
  if (Status moved = moveIntoPlace(staging, out); !moved) return moved.error();
  return job.report;
}

namespace detail {

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

Status writeCsv(const std::string& path, const std::vector<std::vector<std::string>>& rows) {
  std::string text;
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) text.push_back(',');
      text += csvField(row[i]);
    }
    text.push_back('\n');
  }
  return writeFileAtomically(path, Bytes(text.begin(), text.end()));
}

Status writeJsonFile(const std::string& path, const format::Json& value) {
  const std::string text = format::dumpJson(value, 4) + "\n";
  return writeFileAtomically(path, Bytes(text.begin(), text.end()));
}

std::string joined(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out.push_back(separator);
    out += p;
  }
  return out;
}

Box clippedBox(const Box& box, int width, int height) {
  const int x0 = std::max(0, box.x), y0 = std::max(0, box.y);
  const int x1 = std::min(width, box.x + box.width), y1 = std::min(height, box.y + box.height);
  if (x1 <= x0 || y1 <= y0) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

GrayImage photoMaskAtSize(Library& library, const Photo& photo) {
  auto png = library.photoMask(photo.id);
  if (!png || png->empty() || photo.width <= 0 || photo.height <= 0) return {};
  auto mask = decodeMaskPng(*png);
  if (!mask || mask->empty()) return {};
  if (mask->width == photo.width && mask->height == photo.height) return std::move(*mask);
  // A mask stored at another size: nearest neighbour keeps it binary.
  GrayImage scaled{photo.width, photo.height,
                   std::vector<std::uint8_t>(static_cast<std::size_t>(photo.width) * photo.height)};
  for (int y = 0; y < photo.height; ++y) {
    const int sy = static_cast<int>(static_cast<long long>(y) * mask->height / photo.height);
    for (int x = 0; x < photo.width; ++x) {
      const int sx = static_cast<int>(static_cast<long long>(x) * mask->width / photo.width);
      scaled.pixels[static_cast<std::size_t>(y) * photo.width + x] =
          mask->pixels[static_cast<std::size_t>(sy) * mask->width + sx];
    }
  }
  return scaled;
}

}  // namespace detail
}  // namespace w2w
