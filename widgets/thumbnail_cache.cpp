#include "thumbnail_cache.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "image_convert.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "io/image_encoder.h"

namespace w2w {
namespace {

struct Made {
  QImage image;
  QString error;
};

// Runs on a worker: the disk cache first, else decode and shrink the source.
Made makeThumbnail(const ThumbnailSource& source, int size, const QString& folder) {
  const QString cached = QDir(folder).filePath(QStringLiteral("%1-%2.jpg").arg(source.key).arg(size));
  if (QFileInfo::exists(cached)) {
    if (auto hit = decodeImageFile(cached.toStdString())) return {toQImage(hit->image), {}};
  }
  Result<DecodedImage> decoded =
      source.filePath.isEmpty()
          ? decodeImageBytes(Bytes(source.encoded.begin(), source.encoded.end()), source.key.toStdString())
          : decodeImageFile(source.filePath.toStdString());
  if (!decoded) return {{}, QString::fromStdString(decoded.message())};
  const RgbImage small = downscaleToFit(decoded->image, size);
  if (auto jpeg = encodeJpeg(small, 88)) {
    QDir().mkpath(folder);
    (void)writeFileAtomically(cached.toStdString(), *jpeg);  // a cache miss next time is harmless
  }
  return {toQImage(small), {}};
}

}  // namespace

ThumbnailCache::ThumbnailCache(int size, const QString& cacheFolder, QObject* parent)
    // One worker: the second core stays free for the GUI and the pipeline.
    : QObject(parent), size_(size), memory_(2000), jobs_(BackgroundJobs::Keep::EveryResult, 1) {
  folder_ = cacheFolder.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                        QStringLiteral("/thumbnails")
                                  : cacheFolder;
}

// The jobs (last member) go first: queued thumbnails are dropped, the one
// being made is finished, and nothing is delivered.
ThumbnailCache::~ThumbnailCache() = default;

QPixmap ThumbnailCache::cached(const QString& key) const {
  if (const QPixmap* hit = memory_.object(key)) return *hit;
  return {};
}

QPixmap ThumbnailCache::thumbnail(const ThumbnailSource& source) {
  if (source.key.isEmpty()) return {};
  if (QPixmap* hit = memory_.object(source.key)) return *hit;
  if (pending_.contains(source.key) || failed_.contains(source.key)) return {};
  pending_.insert(source.key);
  const int size = size_;
  const QString folder = folder_;
  jobs_.run([source, size, folder] { return makeThumbnail(source, size, folder); },
            [this, key = source.key](const Made& made) { deliver(key, made.image, made.error); });
  return {};
}

void ThumbnailCache::deliver(const QString& key, const QImage& image, const QString& error) {
  pending_.remove(key);
  if (!error.isEmpty()) {
    failed_.insert(key);
    Q_EMIT failed(key, error);
    return;
  }
  memory_.insert(key, new QPixmap(QPixmap::fromImage(image)));
  Q_EMIT ready(key);
}

void ThumbnailCache::waitForPending() { jobs_.waitForAll(); }

}  // namespace w2w
