// BackgroundJobs: results come back on the owner's thread, never after the
// owner is gone, and cancelled or superseded jobs deliver nothing.
#include "background_jobs.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace w2w {
namespace {

constexpr int kWaitMs = 60000;  // generous: the machine may be busy

// Runs every event already posted (a delivery that was going to happen has
// happened after this).
void drainEvents() {
  QCoreApplication::sendPostedEvents();
  QCoreApplication::processEvents();
}

TEST(BackgroundJobs, DeliversTheResultOnTheOwnersThread) {
  BackgroundJobs jobs;
  QThread* worker = nullptr;
  QThread* deliveredOn = nullptr;
  int result = 0;
  jobs.run(
      [&worker] {
        worker = QThread::currentThread();
        return 42;
      },
      [&](int value) {
        deliveredOn = QThread::currentThread();
        result = value;
      });
  ASSERT_TRUE(QTest::qWaitFor([&] { return result != 0; }, kWaitMs));
  EXPECT_EQ(result, 42);
  EXPECT_EQ(deliveredOn, QThread::currentThread());
  EXPECT_NE(worker, QThread::currentThread());
  EXPECT_FALSE(jobs.isBusy());
}

TEST(BackgroundJobs, DeliversEveryResultAndPostsFromTheWork) {
  BackgroundJobs jobs;
  std::vector<int> results;
  std::vector<QThread*> postedOn;
  for (int i = 1; i <= 3; ++i) {
    jobs.run(
        [&jobs, &postedOn, i] {
          jobs.post([&postedOn] { postedOn.push_back(QThread::currentThread()); });
          return i;
        },
        [&results](int value) { results.push_back(value); });
  }
  ASSERT_TRUE(QTest::qWaitFor([&] { return results.size() == 3 && postedOn.size() == 3; }, kWaitMs));
  std::sort(results.begin(), results.end());
  EXPECT_EQ(results, (std::vector<int>{1, 2, 3}));
  for (QThread* thread : postedOn) EXPECT_EQ(thread, QThread::currentThread());
}

TEST(BackgroundJobs, DeliversNothingAfterTheOwnerIsDestroyed) {
  auto owner = std::make_unique<QObject>();
  auto* jobs = new BackgroundJobs(BackgroundJobs::Keep::EveryResult, 0, owner.get());
  QSemaphore started;
  std::atomic<bool> workEnded{false};
  bool delivered = false;
  bool posted = false;
  jobs->run(
      [&] {
        started.release();
        QThread::msleep(200);  // still running when the owner goes
        jobs->post([&posted] { posted = true; });
        workEnded = true;
        return 1;
      },
      [&delivered](int) { delivered = true; });
  ASSERT_TRUE(started.tryAcquire(1, kWaitMs));
  owner.reset();           // destroys the jobs: waits for the work, then drops its result
  EXPECT_TRUE(workEnded);  // the work may use what the owner lent it until it ends
  drainEvents();
  EXPECT_FALSE(delivered);
  EXPECT_FALSE(posted);
}

TEST(BackgroundJobs, CancelledJobsNeitherStartNorDeliver) {
  BackgroundJobs jobs(BackgroundJobs::Keep::EveryResult, 1);  // one worker: the second job queues
  QSemaphore started;
  QSemaphore release;
  std::atomic<int> ran{0};
  int delivered = 0;
  jobs.run(
      [&] {
        ++ran;
        started.release();
        release.acquire();
        return 1;
      },
      [&delivered](int) { ++delivered; });
  jobs.run(
      [&ran] {
        ++ran;
        return 2;
      },
      [&delivered](int) { ++delivered; });
  ASSERT_TRUE(started.tryAcquire(1, kWaitMs));
  jobs.cancelAll();
  release.release();
  jobs.waitForAll();
  drainEvents();
  EXPECT_EQ(ran, 1);  // the queued job never started
  EXPECT_EQ(delivered, 0);
  EXPECT_FALSE(jobs.isBusy());

  // The jobs stay usable after a cancel.
  jobs.run([] { return 3; }, [&delivered](int value) { delivered = value; });
  ASSERT_TRUE(QTest::qWaitFor([&] { return delivered == 3; }, kWaitMs));
}

TEST(BackgroundJobs, KeepsOnlyTheLatestResultWhenAskedTo) {
  BackgroundJobs jobs(BackgroundJobs::Keep::LatestResult);
  QSemaphore started;
  QSemaphore release;
  std::vector<int> delivered;
  jobs.run(
      [&] {
        started.release();
        release.acquire();  // the stale job ends after the latest one
        return 1;
      },
      [&delivered](int value) { delivered.push_back(value); });
  ASSERT_TRUE(started.tryAcquire(1, kWaitMs));
  jobs.run([] { return 2; }, [&delivered](int value) { delivered.push_back(value); });
  ASSERT_TRUE(QTest::qWaitFor([&] { return !delivered.empty(); }, kWaitMs));
  release.release();
  jobs.waitForAll();
  drainEvents();
  EXPECT_EQ(delivered, std::vector<int>{2});
}

TEST(BackgroundJobs, RunsWorkWithoutAResult) {
  BackgroundJobs jobs;
  std::atomic<bool> worked{false};
  bool delivered = false;
  jobs.run([&worked] { worked = true; }, [&delivered] { delivered = true; });
  ASSERT_TRUE(QTest::qWaitFor([&] { return delivered; }, kWaitMs));
  EXPECT_TRUE(worked);
}

}  // namespace
}  // namespace w2w
