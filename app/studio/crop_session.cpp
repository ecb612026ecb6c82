#include "crop_session.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "library/library.h"
#include "library_controller.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

Box toBox(const QRect& r) { return {r.x(), r.y(), r.width(), r.height()}; }

// Moving or resizing one crop. Keyboard nudges of the same box merge into one
// step, so Ctrl+Z undoes a whole series of arrow presses.
class MoveBoxCommand : public QUndoCommand {
 public:
  MoveBoxCommand(CropSession* session, const Item& before, const QRect& after, bool mergeable)
      : session_(session),
        itemId_(before.id),
        oldBox_(before.box ? QRect(before.box->x, before.box->y, before.box->width, before.box->height)
                           : QRect()),
        oldSource_(before.source),
        oldConfidence_(before.confidence),
        newBox_(after),
        mergeable_(mergeable) {
    setText(QCoreApplication::translate("w2w::CropSession", "Move %1 box")
                .arg(QString::fromUtf8(categoryName(before.category))));
  }
  void redo() override {
    if (!session_->applyBox(itemId_, newBox_, ItemSource::Manual, 1.0)) setObsolete(true);
  }
  void undo() override {
    if (!session_->applyBox(itemId_, oldBox_, oldSource_, oldConfidence_)) setObsolete(true);
  }
  int id() const override { return mergeable_ ? 1 : -1; }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* next = static_cast<const MoveBoxCommand*>(other);
    if (!next->mergeable_ || next->itemId_ != itemId_) return false;
    newBox_ = next->newBox_;
    return true;
  }

 private:
  CropSession* session_;
  Id itemId_;
  QRect oldBox_;
  ItemSource oldSource_;
  double oldConfidence_;
  QRect newBox_;
  bool mergeable_;
};

class AddBoxCommand : public QUndoCommand {
 public:
  AddBoxCommand(CropSession* session, Id photoId, Category category, const QRect& box)
      : session_(session), photoId_(photoId), category_(category), box_(box) {
    setText(QCoreApplication::translate("w2w::CropSession", "Add %1 box")
                .arg(QString::fromUtf8(categoryName(category))));
  }
  void redo() override {
    const auto id = session_->insertBox(photoId_, category_, box_);
    if (id)
      itemId_ = *id;
    else
      setObsolete(true);
  }
  void undo() override {
    if (!session_->deleteBox(itemId_)) setObsolete(true);
  }

 private:
  CropSession* session_;
  Id photoId_;
  Category category_;
  QRect box_;
  Id itemId_ = 0;
};

class StatusCommand : public QUndoCommand {
 public:
  StatusCommand(CropSession* session, Id photoId, PhotoStatus before, PhotoStatus after)
      : session_(session), photoId_(photoId), before_(before), after_(after) {
    setText(after == PhotoStatus::Reviewed ? QCoreApplication::translate("w2w::CropSession", "Accept photo")
                                           : QCoreApplication::translate("w2w::CropSession", "Flag photo"));
  }
  void redo() override {
    if (!session_->applyStatus(photoId_, after_)) setObsolete(true);
  }
  void undo() override {
    if (!session_->applyStatus(photoId_, before_)) setObsolete(true);
  }

 private:
  CropSession* session_;
  Id photoId_;
  PhotoStatus before_, after_;
};

}  // namespace

CropSession::CropSession(LibraryController* library, QObject* parent) : QObject(parent), library_(library) {
  undo_.setUndoLimit(500);
  connect(library_, &LibraryController::libraryOpened, this, [this] {
    undo_.clear();  // edits of another library cannot be undone here
    cache_.clear();
  });
}

CropSession::~CropSession() = default;

Library* CropSession::library() const { return library_->library(); }

const PhotoPixels& CropSession::pixels(Id photoId) {
  for (const PhotoPixels& p : cache_) {
    if (p.photoId == photoId) return p;
  }
  PhotoPixels loaded;
  loaded.photoId = photoId;
  auto photo =
      library() ? library()->photo(photoId) : Result<std::optional<Photo>>(makeError("no library open"));
  if (!photo || !*photo) {
    loaded.error =
        photo ? tr("photo %1 is not in the library").arg(photoId) : QString::fromStdString(photo.message());
  } else if (auto decoded = decodeImageFile(library()->resolvePath((*photo)->path))) {
    loaded.photo = std::move(decoded->image);
    if (auto png = library()->photoMask(photoId); png && !png->empty()) {
      if (auto mask = decodeMaskPng(*png)) loaded.mask = std::move(*mask);
    }
  } else {
    loaded.error = QString::fromStdString(decoded.message());
  }
  if (cache_.size() >= 3) cache_.erase(cache_.begin());
  cache_.push_back(std::move(loaded));
  return cache_.back();
}

std::array<std::optional<Item>, kSeedSlotCount> CropSession::crops(Id photoId) const {
  std::array<std::optional<Item>, kSeedSlotCount> out;
  if (!library()) return out;
  if (auto items = library()->items(ItemQuery().fromPhoto(photoId))) {
    for (const Item& item : *items) {
      if (isSeedSlot(item.category)) out[static_cast<std::size_t>(seedSlot(item.category))] = item;
    }
  }
  return out;
}

void CropSession::moveBox(Id itemId, const QRect& /*before*/, const QRect& after, bool fromKeyboard) {
  auto item = library() ? library()->item(itemId) : Result<std::optional<Item>>(makeError("no library open"));
  if (!item || !*item) {
    reportError(item ? tr("crop %1 no longer exists").arg(itemId) : QString::fromStdString(item.message()));
    return;
  }
  undo_.push(new MoveBoxCommand(this, **item, after, fromKeyboard));
}

void CropSession::addBox(Id photoId, Category category, const QRect& box) {
  undo_.push(new AddBoxCommand(this, photoId, category, box));
}

void CropSession::setPhotoStatus(Id photoId, PhotoStatus status) {
  auto photo =
      library() ? library()->photo(photoId) : Result<std::optional<Photo>>(makeError("no library open"));
  if (!photo || !*photo) return;
  if ((*photo)->status == status) return;
  undo_.push(new StatusCommand(this, photoId, (*photo)->status, status));
}

bool CropSession::applyBox(Id itemId, const QRect& box, ItemSource source, double confidence) {
  auto item = library()->item(itemId);
  if (!item || !*item || !(*item)->photoId) {
    reportError(tr("crop %1 no longer exists").arg(itemId));
    return false;
  }
  const Id photoId = *(*item)->photoId;
  const PhotoPixels& p = pixels(photoId);
  if (!p.error.isEmpty()) {
    reportError(p.error);
    return false;
  }
  const CropImage crop = makeCropImage(renderCrop(p.photo, p.mask.empty() ? nullptr : &p.mask, toBox(box)));
  if (Status s = library()->setCrop(itemId, toBox(box), crop, source, confidence); !s) {
    reportError(QString::fromStdString(s.message()));
    return false;
  }
  Q_EMIT cropChanged(photoId);
  return true;
}

std::optional<Id> CropSession::insertBox(Id photoId, Category category, const QRect& box) {
  const PhotoPixels& p = pixels(photoId);
  if (!p.error.isEmpty()) {
    reportError(p.error);
    return std::nullopt;
  }
  const CropImage crop = makeCropImage(renderCrop(p.photo, p.mask.empty() ? nullptr : &p.mask, toBox(box)));
  auto id = library()->addManualCrop(photoId, category, toBox(box), crop);
  if (!id) {
    reportError(QString::fromStdString(id.message()));
    return std::nullopt;
  }
  (void)library()->syncPhotoOutfits();  // a photo with all three crops is now an outfit
  Q_EMIT cropChanged(photoId);
  return *id;
}

bool CropSession::deleteBox(Id itemId) {
  auto item = library()->item(itemId);
  if (!item || !*item) return false;
  if (Status s = library()->removeItem(itemId); !s) {
    reportError(QString::fromStdString(s.message()));
    return false;
  }
  (void)library()->syncPhotoOutfits();
  if ((*item)->photoId) Q_EMIT cropChanged(*(*item)->photoId);
  return true;
}

bool CropSession::applyStatus(Id photoId, PhotoStatus status) {
  if (Status s = library()->setPhotoStatus(photoId, status); !s) {
    reportError(QString::fromStdString(s.message()));
    return false;
  }
  Q_EMIT cropChanged(photoId);
  return true;
}

}  // namespace w2w
