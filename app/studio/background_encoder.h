// BackgroundEncoder: encodes crops as soon as they exist, with the encoder in
// use, so every crop a curator draws or edits and every imported photo or
// item has its embedding (the board's candidates, the recommendations and the
// Embeddings view's count stay true) without anyone pressing "Encode library".
//
// Requests name photos (their crops) or items; they are queued and encoded
// one pass at a time on a worker with its own library connection. Only what
// lacks an embedding for the current encoder is encoded, so asking twice
// costs nothing. Opening another library drops what is queued.
#pragma once

#include <QObject>
#include <QPointer>

#include <set>
#include <vector>

#include "library/types.h"

namespace w2w {

class BackgroundTask;
class EncoderService;
class LibraryController;

class BackgroundEncoder : public QObject {
  Q_OBJECT

 public:
  BackgroundEncoder(LibraryController* library, EncoderService* encoders, QObject* parent = nullptr);
  ~BackgroundEncoder() override;

  void encodePhotos(const std::vector<Id>& photoIds);
  void encodeItems(const std::vector<Id>& itemIds);
  bool isBusy() const { return !task_.isNull() || !photos_.empty() || !items_.empty(); }
  // Blocks until the queue is empty (shutdown, tests).
  void waitUntilIdle();

 Q_SIGNALS:
  // A pass started (how many photos and items it looks at) or ended.
  void busyChanged(bool busy);
  // New embeddings are in the library.
  void encoded(long long count);
  void failed(const QString& message);

 private:
  void startNext();
  void cancel();

  LibraryController* library_;
  EncoderService* encoders_;
  std::set<Id> photos_, items_;  // queued for the next pass
  QPointer<BackgroundTask> task_;
};

}  // namespace w2w
