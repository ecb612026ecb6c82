#include "crop_session.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include "category_style.h"
#include "io/image_decoder.h"
#include "io/image_encoder.h"
#include "library/library.h"
#include "library_controller.h"
#include "vision/photo_analyzer.h"

namespace w2w {
namespace {

Box toBox(const QRect& r) { return {r.x(), r.y(), r.width(), r.height()}; }
QRect toRect(const Box& b) { return {b.x, b.y, b.width, b.height}; }

// A crop as it was, to put back exactly (box, and whether a person made it).
struct SavedCrop {
  QRect box;
  ItemSource source = ItemSource::Auto;
  double confidence = 0;
};

std::optional<SavedCrop> saved(const std::optional<Item>& item) {
  if (!item || !item->box) return std::nullopt;
  return SavedCrop{toRect(*item->box), item->source, item->confidence};
}

// Moving or resizing one crop. Keyboard nudges of the same box merge into one
// step, so Ctrl+Z undoes a whole series of arrow presses.
class MoveBoxCommand : public QUndoCommand {
 public:
  MoveBoxCommand(CropSession* session, Id photoId, Category category, const SavedCrop& before,
                 const QRect& after, bool mergeable)
      : session_(session),
        photoId_(photoId),
        category_(category),
        before_(before),
        after_(after),
        mergeable_(mergeable) {
    setText(CropSession::tr("Move %1 box").arg(categoryLabel(category)));
  }
  void redo() override {
    if (!session_->applyBox(photoId_, category_, after_, ItemSource::Manual, 1.0)) setObsolete(true);
  }
  void undo() override {
    if (!session_->applyBox(photoId_, category_, before_.box, before_.source, before_.confidence))
      setObsolete(true);
  }
  int id() const override { return mergeable_ ? 1 : -1; }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* next = static_cast<const MoveBoxCommand*>(other);
    if (!next->mergeable_ || next->photoId_ != photoId_ || next->category_ != category_) return false;
    after_ = next->after_;
    return true;
  }

 private:
  CropSession* session_;
  Id photoId_;
  Category category_;
  SavedCrop before_;
  QRect after_;
  bool mergeable_;
};

// Drawing the box of a category the photo had none of (clearing a "not
// visible" mark, which undo puts back).
class AddBoxCommand : public QUndoCommand {
 public:
  AddBoxCommand(CropSession* session, Id photoId, Category category, const QRect& box, bool wasNotVisible)
      : session_(session), photoId_(photoId), category_(category), box_(box), wasNotVisible_(wasNotVisible) {
    setText(CropSession::tr("Draw %1 box").arg(categoryLabel(category)));
  }
  void redo() override {
    if (!session_->insertBox(photoId_, category_, box_, ItemSource::Manual, 1.0)) setObsolete(true);
  }
  void undo() override {
    const bool done = wasNotVisible_ ? session_->applyNotVisible(photoId_, category_, true)
                                     : session_->removeBox(photoId_, category_);
    if (!done) setObsolete(true);
  }

 private:
  CropSession* session_;
  Id photoId_;
  Category category_;
  QRect box_;
  bool wasNotVisible_;
};

// Deleting a wrong box, or marking its garment not visible (which deletes
// the box too). Undo brings the crop back as it was.
class RemoveBoxCommand : public QUndoCommand {
 public:
  RemoveBoxCommand(CropSession* session, Id photoId, Category category, std::optional<SavedCrop> before,
                   bool markNotVisible)
      : session_(session),
        photoId_(photoId),
        category_(category),
        before_(before),
        markNotVisible_(markNotVisible) {
    setText(markNotVisible ? CropSession::tr("Mark %1 not visible").arg(categoryLabel(category))
                           : CropSession::tr("Delete %1 box").arg(categoryLabel(category)));
  }
  void redo() override {
    const bool done = markNotVisible_ ? session_->applyNotVisible(photoId_, category_, true)
                                      : session_->removeBox(photoId_, category_);
    if (!done) setObsolete(true);
  }
  void undo() override {
    bool done = true;
    if (markNotVisible_) done = session_->applyNotVisible(photoId_, category_, false);
    if (done && before_)
      done = session_->insertBox(photoId_, category_, before_->box, before_->source, before_->confidence);
    if (!done) setObsolete(true);
  }

 private:
  CropSession* session_;
  Id photoId_;
  Category category_;
  std::optional<SavedCrop> before_;
  bool markNotVisible_;
};

class UnmarkNotVisibleCommand : public QUndoCommand {
 public:
  UnmarkNotVisibleCommand(CropSession* session, Id photoId, Category category)
      : session_(session), photoId_(photoId), category_(category) {
    setText(CropSession::tr("Mark %1 visible").arg(categoryLabel(category)));
  }
  void redo() override {
    if (!session_->applyNotVisible(photoId_, category_, false)) setObsolete(true);
  }
  void undo() override {
    if (!session_->applyNotVisible(photoId_, category_, true)) setObsolete(true);
  }

 private:
  CropSession* session_;
  Id photoId_;
  Category category_;
};

class StatusCommand : public QUndoCommand {
 public:
  StatusCommand(CropSession* session, Id photoId, PhotoStatus before, PhotoStatus after)
      : session_(session), photoId_(photoId), before_(before), after_(after) {
    setText(after == PhotoStatus::Reviewed ? CropSession::tr("Accept photo") : CropSession::tr("Flag photo"));
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

std::array<std::optional<Item>, kCategoryCount> CropSession::crops(Id photoId) const {
  return photoCrops(photoId).items;
}

PhotoCrops CropSession::photoCrops(Id photoId) const {
  PhotoCrops out;
  if (!library()) return out;
  if (auto items = library()->items(ItemQuery().fromPhoto(photoId))) {
    for (const Item& item : *items) out.items[static_cast<std::size_t>(categoryIndex(item.category))] = item;
  }
  if (auto hidden = library()->notVisibleGarments(photoId)) {
    for (Category c : *hidden) out.notVisible[static_cast<std::size_t>(categoryIndex(c))] = true;
  }
  return out;
}

int CropSession::savedOutfitsWearing(Id itemId) const {
  if (!library()) return 0;
  auto outfits = library()->outfits(OutfitOrigin::User);
  if (!outfits) return 0;
  int n = 0;
  for (const Outfit& o : *outfits) {
    for (Category c : kCategories) {
      if (o.member(c) == itemId) {
        ++n;
        break;
      }
    }
  }
  return n;
}

void CropSession::moveBox(Id photoId, Category category, const QRect& after, bool fromKeyboard) {
  const auto before = saved(photoCrops(photoId).item(category));
  if (!before) {
    reportError(tr("The %1 crop of this photo no longer exists.").arg(categoryLabel(category)));
    return;
  }
  undo_.push(new MoveBoxCommand(this, photoId, category, *before, after, fromKeyboard));
}

void CropSession::addBox(Id photoId, Category category, const QRect& box) {
  const PhotoCrops now = photoCrops(photoId);
  if (now.item(category)) {  // drawn over an existing box: a replacement
    moveBox(photoId, category, box, false);
    return;
  }
  undo_.push(new AddBoxCommand(this, photoId, category, box, now.isNotVisible(category)));
}

void CropSession::deleteBox(Id photoId, Category category) {
  const auto before = saved(photoCrops(photoId).item(category));
  if (!before) return;
  undo_.push(new RemoveBoxCommand(this, photoId, category, before, false));
}

void CropSession::setNotVisible(Id photoId, Category category, bool notVisible) {
  const PhotoCrops now = photoCrops(photoId);
  if (now.isNotVisible(category) == notVisible) return;
  if (notVisible)
    undo_.push(new RemoveBoxCommand(this, photoId, category, saved(now.item(category)), true));
  else
    undo_.push(new UnmarkNotVisibleCommand(this, photoId, category));
}

void CropSession::setPhotoStatus(Id photoId, PhotoStatus status) {
  auto photo =
      library() ? library()->photo(photoId) : Result<std::optional<Photo>>(makeError("no library open"));
  if (!photo || !*photo) return;
  if ((*photo)->status == status) return;
  undo_.push(new StatusCommand(this, photoId, (*photo)->status, status));
}

std::optional<CropImage> CropSession::cropFor(Id photoId, Category category, const QRect& box) {
  const PhotoPixels& p = pixels(photoId);
  if (!p.error.isEmpty()) {
    reportError(p.error);
    return std::nullopt;
  }
  // The core cuts every crop: the same clipping and mask checks as the pipeline.
  const bool masked = !p.mask.empty() && cropUsesPersonMask(category);
  auto crop = recomputeCrop(p.photo, masked ? &p.mask : nullptr, toBox(box));
  if (!crop) {
    reportError(QString::fromStdString(crop.message()));
    return std::nullopt;
  }
  return std::move(*crop);
}

bool CropSession::applyBox(Id photoId, Category category, const QRect& box, ItemSource source,
                           double confidence) {
  const PhotoCrops crops = photoCrops(photoId);
  const auto& item = crops.item(category);
  if (!item) {
    reportError(tr("The %1 crop of this photo no longer exists.").arg(categoryLabel(category)));
    return false;
  }
  const auto crop = cropFor(photoId, category, box);
  if (!crop) return false;
  if (Status s = library()->setCrop(item->id, toBox(box), *crop, source, confidence); !s) {
    reportError(QString::fromStdString(s.message()));
    return false;
  }
  Q_EMIT cropChanged(photoId);
  return true;
}

bool CropSession::insertBox(Id photoId, Category category, const QRect& box, ItemSource source,
                            double confidence) {
  const auto crop = cropFor(photoId, category, box);
  if (!crop) return false;
  const Status done = library()->transaction([&]() -> Status {
    auto id = library()->addManualCrop(photoId, category, toBox(box), *crop);
    if (!id) return id.error();
    // Undoing a deletion puts back an automatic crop as automatic.
    if (source != ItemSource::Manual) {
      if (Status s = library()->setCrop(*id, toBox(box), *crop, source, confidence); !s) return s;
    }
    auto synced = library()->syncPhotoOutfits();  // a photo with every garment is an outfit
    return synced ? Status::success() : Status(synced.error());
  });
  if (!done) {
    reportError(QString::fromStdString(done.message()));
    return false;
  }
  Q_EMIT cropChanged(photoId);
  return true;
}

bool CropSession::removeBox(Id photoId, Category category) {
  const PhotoCrops crops = photoCrops(photoId);
  const auto& item = crops.item(category);
  if (!item) return true;  // already gone
  const Status done = library()->transaction([&]() -> Status {
    if (Status s = library()->removeItem(item->id); !s) return s;
    auto synced = library()->syncPhotoOutfits();
    return synced ? Status::success() : Status(synced.error());
  });
  if (!done) {
    reportError(QString::fromStdString(done.message()));
    return false;
  }
  Q_EMIT cropChanged(photoId);
  return true;
}

bool CropSession::applyNotVisible(Id photoId, Category category, bool notVisible) {
  const PhotoCrops crops = photoCrops(photoId);
  const auto& item = crops.item(category);
  const Status done = library()->transaction([&]() -> Status {
    if (notVisible && item) {
      if (Status s = library()->removeItem(item->id); !s) return s;
      auto synced = library()->syncPhotoOutfits();
      if (!synced) return synced.error();
    }
    return library()->setNotVisible(photoId, category, notVisible);
  });
  if (!done) {
    reportError(QString::fromStdString(done.message()));
    return false;
  }
  Q_EMIT cropChanged(photoId);
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
