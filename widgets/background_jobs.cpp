#include "background_jobs.h"

#include <algorithm>

namespace w2w {

BackgroundJobs::BackgroundJobs(Keep keep, int threads, QObject* parent) : QObject(parent), keep_(keep) {
  if (threads > 0) {
    ownPool_ = std::make_unique<QThreadPool>();
    ownPool_->setMaxThreadCount(threads);
  }
}

BackgroundJobs::~BackgroundJobs() {
  cancelAll();
  waitForAll();
}

void BackgroundJobs::post(std::function<void()> fn) {
  // Jobs end before this object does (the destructor waits), so a job never
  // posts to a destroyed object; what is still queued then is discarded.
  QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
}

void BackgroundJobs::cancelAll() {
  dropped_ = latest_;
  cancelBefore(latest_ + 1);
}

bool BackgroundJobs::isBusy() const {
  const auto watchers = findChildren<QFutureWatcherBase*>(Qt::FindDirectChildrenOnly);
  return std::any_of(watchers.begin(), watchers.end(),
                     [](QFutureWatcherBase* w) { return !w->isFinished(); });
}

void BackgroundJobs::waitForAll() {
  for (QFutureWatcherBase* w : findChildren<QFutureWatcherBase*>(Qt::FindDirectChildrenOnly))
    w->waitForFinished();
}

bool BackgroundJobs::wanted(quint64 generation) const {
  if (generation <= dropped_) return false;
  return keep_ == Keep::EveryResult || generation == latest_;
}

void BackgroundJobs::cancelBefore(quint64 generation) {
  // QtConcurrent skips the work of a cancelled job that has not begun; one
  // that has begun runs to its end and its result is dropped.
  for (QFutureWatcherBase* w : findChildren<QFutureWatcherBase*>(Qt::FindDirectChildrenOnly)) {
    if (w->property("generation").toULongLong() < generation) w->cancel();
  }
}

}  // namespace w2w
