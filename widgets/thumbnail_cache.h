// ThumbnailCache: small previews of photos and crops, made in the background.
//
// thumbnail() answers at once: the pixmap when it is in memory, else a null
// pixmap while a worker loads it from the disk cache or makes it from the
// image (decode, EXIF orientation, downscale) and stores it on disk for the
// next start. ready(key) is emitted on the GUI thread when it arrives.
// Use from the GUI thread only.
#pragma once

#include <QByteArray>
#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>

#include "background_jobs.h"

namespace w2w {

struct ThumbnailSource {
  QString key;         // content hash: names the cached file
  QString filePath;    // an image file, or
  QByteArray encoded;  // encoded image bytes (a crop PNG from the library)
};

class ThumbnailCache : public QObject {
  Q_OBJECT

 public:
  // `cacheFolder` empty: the user's cache location (QStandardPaths).
  explicit ThumbnailCache(int size = 192, const QString& cacheFolder = {}, QObject* parent = nullptr);
  ~ThumbnailCache() override;

  int size() const { return size_; }
  QString cacheFolder() const { return folder_; }
  QPixmap thumbnail(const ThumbnailSource& source);
  // The pixmap when it is in memory, else null; never starts work.
  QPixmap cached(const QString& key) const;
  bool isPending(const QString& key) const { return pending_.contains(key); }
  bool hasFailed(const QString& key) const { return failed_.contains(key); }
  // Waits for the work in flight (tests, shutdown).
  void waitForPending();

 Q_SIGNALS:
  void ready(const QString& key);
  void failed(const QString& key, const QString& reason);

 private:
  void deliver(const QString& key, const QImage& image, const QString& error);

  int size_;
  QString folder_;
  QCache<QString, QPixmap> memory_;
  QSet<QString> pending_;
  QSet<QString> failed_;  // not retried until the cache is cleared
  // Last member: its jobs end before the members they report to go.
  BackgroundJobs jobs_;
};

}  // namespace w2w
