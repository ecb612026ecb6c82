// Speed and memory of the photo pipeline as an import runs it (see
// docs/benchmarks/crops.md).
//
//   w2w_import_bench --photos ../shared/datasets/ccp/photos --count 1000 --work /tmp/w2w-bench [--threads 2]
//
// Writes `count` distinct photo files into WORK/photos (the CCP photos in
// turn, each with a few bytes appended after the JPEG end marker so that
// every copy has its own content hash), imports them into a new library
// with the crop pipeline on `threads` workers, and prints photos per second
// and the process's peak resident memory. Run it once per count, each in its
// own process, to compare peak memory across import sizes.
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "library/library.h"
#include "pipeline/photo_importer.h"
#include "vision/photo_analyzer.h"

using namespace w2w;

namespace {

double peakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // kB on Linux
}

bool preparePhotos(const QString& source, int count, const QString& target) {
  QStringList names = QDir(source).entryList({"*.jpg"}, QDir::Files, QDir::Name);
  if (names.isEmpty()) return false;
  QDir().mkpath(target);
  for (int i = 0; i < count; ++i) {
    const QString out = QString("%1/%2.jpg").arg(target).arg(i, 5, 10, QChar('0'));
    if (QFileInfo::exists(out)) continue;
    QFile in(source + "/" + names[i % names.size()]);
    if (!in.open(QIODevice::ReadOnly)) return false;
    QByteArray bytes = in.readAll();
    bytes.append(QByteArray::number(i));  // after the end marker: decoders ignore it
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  QString photos, work;
  int count = 250, threads = 2;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    if (key == "--photos")
      photos = argv[i + 1];
    else if (key == "--work")
      work = argv[i + 1];
    else if (key == "--count")
      count = std::stoi(argv[i + 1]);
    else if (key == "--threads")
      threads = std::stoi(argv[i + 1]);
  }
  if (photos.isEmpty() || work.isEmpty() || count < 1) {
    std::fprintf(stderr, "usage: w2w_import_bench --photos DIR --count N --work DIR [--threads N]\n");
    return 2;
  }
  const QString input = QString("%1/photos-%2").arg(work).arg(count);
  if (!preparePhotos(photos, count, input)) return std::fprintf(stderr, "error: cannot prepare photos\n"), 1;
  const std::string libraryPath = QString("%1/library-%2.w2w").arg(work).arg(count).toStdString();
  QFile::remove(QString::fromStdString(libraryPath));
  auto library = Library::create(libraryPath);
  if (!library) return std::fprintf(stderr, "error: %s\n", library.message().c_str()), 1;

  auto analyzer = makeImportAnalyzer();
  if (!analyzer) return std::fprintf(stderr, "error: %s\n", analyzer.message().c_str()), 1;
  useOneLibraryThreadPerWorker();
  ImportOptions options;
  options.threads = threads;
  options.analyzer = *analyzer;
  const double rssBefore = peakRssMb();
  const auto start = std::chrono::steady_clock::now();
  const ImportReport report = importPhotos(**library, {input.toStdString()}, options);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto outfits = (*library)->syncPhotoOutfits();
  std::printf(
      "{\"photos\":%lld,\"failed\":%lld,\"threads\":%d,\"seconds\":%.1f,\"photos_per_second\":%.2f,"
      "\"peak_rss_mb_after_model_load\":%.0f,\"peak_rss_mb\":%.0f,\"outfits\":%lld}\n",
      report.added(), report.failed(), threads, seconds, report.added() / seconds, rssBefore, peakRssMb(),
      outfits ? *outfits : -1LL);
  return report.failed() == 0 ? 0 : 1;
}
