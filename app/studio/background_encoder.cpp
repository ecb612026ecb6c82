#include "background_encoder.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <memory>

#include "background_task.h"
#include "encoder_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "pipeline/library_encoding.h"

namespace w2w {

BackgroundEncoder::BackgroundEncoder(LibraryController* library, EncoderService* encoders, QObject* parent)
    : QObject(parent), library_(library), encoders_(encoders) {
  connect(library_, &LibraryController::libraryOpened, this, [this] {
    // Ids of another library: what is queued means nothing there.
    photos_.clear();
    items_.clear();
    cancel();
  });
}

BackgroundEncoder::~BackgroundEncoder() {
  // The worker uses the encoder service: it must end before the service goes.
  photos_.clear();
  items_.clear();
  cancel();
}

void BackgroundEncoder::encodePhotos(const std::vector<Id>& photoIds) {
  photos_.insert(photoIds.begin(), photoIds.end());
  startNext();
}

void BackgroundEncoder::encodeItems(const std::vector<Id>& itemIds) {
  items_.insert(itemIds.begin(), itemIds.end());
  startNext();
}

void BackgroundEncoder::cancel() {
  if (!task_) return;
  task_->cancel();
  task_->wait();
}

void BackgroundEncoder::waitUntilIdle() {
  QElapsedTimer timer;
  timer.start();
  while (isBusy() && timer.elapsed() < 600000) {
    if (task_) task_->wait();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
}

void BackgroundEncoder::startNext() {
  if (task_ || (photos_.empty() && items_.empty())) return;
  Library* library = library_->library();
  if (!library || library->readOnly()) {
    photos_.clear();
    items_.clear();
    return;
  }
  const std::vector<Id> photos(photos_.begin(), photos_.end());
  std::vector<Id> items(items_.begin(), items_.end());
  photos_.clear();
  items_.clear();
  auto encodedCount = std::make_shared<long long>(0);
  EncoderService* encoders = encoders_;
  auto* task = new BackgroundTask(
      tr("Encoding new crops"),
      [file = library->path(), photos, items, encoders, encodedCount](const ProgressCallback& progress,
                                                                      const CancelFlag& cancel) mutable {
        auto opened = Library::open(file);
        if (!opened) return QString::fromStdString(opened.message());
        Library& library = **opened;
        for (Id photo : photos) {  // a photo's crops as they are now (an edit may have replaced one)
          auto crops = library.items(ItemQuery().fromPhoto(photo));
          if (!crops) return QString::fromStdString(crops.message());
          for (const Item& crop : *crops) items.push_back(crop.id);
        }
        if (items.empty()) return QString();
        EncodeLibraryOptions options;
        options.onlyItems = items;
        const Status done = encoders->use([&](Encoder& encoder) -> Status {
          auto report = encodeLibrary(library, encoder, options, progress, &cancel);
          if (!report) return report.error();
          *encodedCount = report->encoded;
          return Status::success();
        });
        return done ? QString() : QString::fromStdString(done.message());
      },
      this);
  task_ = task;
  connect(task, &BackgroundTask::finished, this, [this, task, encodedCount](const QString& error, bool) {
    task->deleteLater();
    if (task_ == task) task_ = nullptr;
    if (!error.isEmpty()) Q_EMIT failed(error);
    if (*encodedCount > 0) Q_EMIT encoded(*encodedCount);
    startNext();
    if (!isBusy()) Q_EMIT busyChanged(false);
  });
  task->start();
  Q_EMIT busyChanged(true);
}

}  // namespace w2w
