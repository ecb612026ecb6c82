// CropSession: the curator's work on crops, between the crop editor view and
// the library. Every change a person makes goes through the undo stack as a
// command that writes the library at once (box, the crop re-cut by the core's
// recomputeCrop, dropping that crop's cached embeddings).
//
// Commands name a crop by its photo and category, not by its item id: a
// deleted crop comes back under a new id, and the steps before it must still
// find it.
#pragma once

#include <QObject>
#include <QRect>
#include <QUndoStack>

#include <array>
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

// What a photo has of each category: its crop, and whether a curator marked
// the garment not visible.
struct PhotoCrops {
  std::array<std::optional<Item>, kCategoryCount> items;
  std::array<bool, kCategoryCount> notVisible{};

  const std::optional<Item>& item(Category c) const {
    return items[static_cast<std::size_t>(categoryIndex(c))];
  }
  bool isNotVisible(Category c) const { return notVisible[static_cast<std::size_t>(categoryIndex(c))]; }
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
  std::array<std::optional<Item>, kCategoryCount> crops(Id photoId) const;
  // The crops and the "not visible" marks of a photo.
  PhotoCrops photoCrops(Id photoId) const;
  // How many saved (user) outfits wear this crop: deleting it deletes them.
  int savedOutfitsWearing(Id itemId) const;

  // Undoable edits; each writes the library at once. Errors are reported
  // through errorOccurred and the edit is dropped from the stack.
  void moveBox(Id photoId, Category category, const QRect& after, bool fromKeyboard);
  void addBox(Id photoId, Category category, const QRect& box);
  void deleteBox(Id photoId, Category category);
  // Marks the garment not visible in the photo (removing its crop, if any),
  // or takes the mark away.
  void setNotVisible(Id photoId, Category category, bool notVisible);
  void setPhotoStatus(Id photoId, PhotoStatus status);

  // The writes behind the commands (no undo stack). Each reports its error
  // and returns false (or nullopt).
  bool applyBox(Id photoId, Category category, const QRect& box, ItemSource source, double confidence);
  bool insertBox(Id photoId, Category category, const QRect& box, ItemSource source, double confidence);
  bool removeBox(Id photoId, Category category);
  bool applyNotVisible(Id photoId, Category category, bool notVisible);
  bool applyStatus(Id photoId, PhotoStatus status);
  void reportError(const QString& message) { Q_EMIT errorOccurred(message); }

 Q_SIGNALS:
  void cropChanged(Id photoId);  // boxes, images, marks or status of this photo changed
  void errorOccurred(const QString& message);

 private:
  std::optional<CropImage> cropFor(Id photoId, Category category, const QRect& box);

  LibraryController* library_;
  QUndoStack undo_;
  std::vector<PhotoPixels> cache_;  // most recent last
};

}  // namespace w2w
