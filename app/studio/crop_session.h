// CropSession: the curator's work on crops, between the crop editor view and
// the library. Every change a person makes goes through the undo stack as a
// command that writes the library at once (box, re-rendered crop image, and
// dropping that crop's cached embeddings).
#pragma once

#include <QObject>
#include <QRect>
#include <QUndoStack>

#include <memory>
#include <optional>

#include "common/image.h"
#include "library/types.h"

namespace w2w {

class Library;
class LibraryController;

// The decoded photo and its person mask, as crops are cut from them.
struct PhotoPixels {
  Id photoId = 0;
  RgbImage photo;  // upright
  GrayImage mask;  // empty when the photo has no stored mask
  QString error;
};

class CropSession : public QObject {
  Q_OBJECT

 public:
  explicit CropSession(LibraryController* library, QObject* parent = nullptr);
  ~CropSession() override;

  QUndoStack* undoStack() { return &undo_; }
  Library* library() const;

  // Decodes the photo and mask (cached for the last few photos).
  const PhotoPixels& pixels(Id photoId);

  // The crops of a photo, one per category at most.
  std::array<std::optional<Item>, kSeedSlotCount> crops(Id photoId) const;

  // Undoable edits; each writes the library at once. Errors are reported
  // through errorOccurred and the edit is dropped from the stack.
  void moveBox(Id itemId, const QRect& before, const QRect& after, bool fromKeyboard);
  void addBox(Id photoId, Category category, const QRect& box);
  void setPhotoStatus(Id photoId, PhotoStatus status);

  // Applies a box without the undo stack (used by the commands themselves).
  bool applyBox(Id itemId, const QRect& box, ItemSource source, double confidence);
  std::optional<Id> insertBox(Id photoId, Category category, const QRect& box);
  bool deleteBox(Id itemId);
  bool applyStatus(Id photoId, PhotoStatus status);
  void reportError(const QString& message) { Q_EMIT errorOccurred(message); }

 Q_SIGNALS:
  void cropChanged(Id photoId);  // boxes, images or status of this photo changed
  void errorOccurred(const QString& message);

 private:
  LibraryController* library_;
  QUndoStack undo_;
  std::vector<PhotoPixels> cache_;  // most recent last
};

}  // namespace w2w
