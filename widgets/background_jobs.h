// BackgroundJobs: the one way the GUI runs work off its thread.
//
// run(work, deliver) calls `work` on a worker thread and later `deliver(result)`
// on the thread this object lives in (the GUI thread), so `deliver` may touch
// widgets and the owner's members. The owner keeps a BackgroundJobs as a member
// (or child): destroying it cancels the jobs not yet started, waits for the ones
// running (their `work` may still use what the owner lent it) and delivers
// nothing afterwards. Results of cancelled jobs are dropped; with
// Keep::LatestResult, so are the results of every job but the latest one, which
// is what a view that shows "the answer for the current selection" needs.
//
// `work` must not throw (the core reports failures as values) and may report
// progress through post(). Use from the thread the object lives in only.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QVariant>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace w2w {

class BackgroundJobs : public QObject {
  Q_OBJECT

 public:
  enum class Keep { EveryResult, LatestResult };

  // `threads` 0: Qt's global pool; otherwise a pool of its own with that many
  // workers (a cache that must leave the other core to the GUI asks for 1).
  explicit BackgroundJobs(Keep keep = Keep::EveryResult, int threads = 0, QObject* parent = nullptr);
  ~BackgroundJobs() override;

  template <typename Work, typename Deliver>
  void run(Work work, Deliver deliver);

  // Calls `fn` soon on this object's thread; safe to call from inside a job's
  // work (progress reports). Dropped if this object is destroyed first.
  void post(std::function<void()> fn);

  // Jobs not started never start; the results of running ones are dropped.
  void cancelAll();
  // Some job has not finished its work yet.
  bool isBusy() const;
  // Blocks until every job's work has ended (shutdown, tests); delivery still
  // needs the event loop.
  void waitForAll();

 private:
  // Whether a job started as number `generation` may still deliver.
  bool wanted(quint64 generation) const;
  // Cancels the work of jobs started before `generation` that has not begun.
  void cancelBefore(quint64 generation);
  QThreadPool* pool() { return ownPool_ ? ownPool_.get() : QThreadPool::globalInstance(); }

  Keep keep_;
  std::unique_ptr<QThreadPool> ownPool_;
  quint64 latest_ = 0;   // number of the last job started
  quint64 dropped_ = 0;  // jobs up to this number deliver nothing
};

template <typename Work, typename Deliver>
void BackgroundJobs::run(Work work, Deliver deliver) {
  using Result = std::invoke_result_t<Work>;
  const quint64 generation = ++latest_;
  if (keep_ == Keep::LatestResult) cancelBefore(generation);
  // The watcher is a child: it goes with this object, and with it any
  // delivery still queued.
  auto* watcher = new QFutureWatcher<Result>(this);
  watcher->setProperty("generation", generation);
  connect(watcher, &QFutureWatcherBase::finished, this,
          [this, watcher, generation, deliver = std::move(deliver)]() mutable {
            watcher->deleteLater();
            if (watcher->isCanceled() || !wanted(generation)) return;
            if constexpr (std::is_void_v<Result>) {
              deliver();
            } else {
              deliver(watcher->result());
            }
          });
  watcher->setFuture(QtConcurrent::run(pool(), std::move(work)));
}

}  // namespace w2w
