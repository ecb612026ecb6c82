// Internal to core/pipeline: run a per-file step on worker threads and hand
// the results to the calling thread in input order.
//
// Importers decode and analyse photos on workers (the slow part) while the
// calling thread, which owns the library connection, writes each result in
// order. At most `window` results wait at a time, so memory stays flat
// however many files an import holds.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "common/progress.h"

namespace w2w::detail {

template <typename T>
class OrderedHandOff {
 public:
  explicit OrderedHandOff(std::size_t window) : window_(window) {}

  // Blocks while `index` is too far ahead of the consumer; false once closed.
  bool put(std::size_t index, T item) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return index < next_ + window_ || closed_; });
    if (closed_) return false;
    ready_.emplace(index, std::move(item));
    changed_.notify_all();
    return true;
  }

  // Blocks until the next item in order is ready.
  T take() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return ready_.count(next_) > 0; });
    auto node = ready_.extract(next_++);
    changed_.notify_all();
    return std::move(node.mapped());
  }

  void close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

 private:
  const std::size_t window_;
  std::size_t next_ = 0;
  bool closed_ = false;
  std::map<std::size_t, T> ready_;
  std::mutex mutex_;
  std::condition_variable changed_;
};

// Calls produce(i) for i in [0, count) on `threads` workers and consume(result)
// on this thread in order of i. Stops early when `cancel` is set (checked
// before each consume); returns false in that case.
template <typename T>
bool runOrdered(std::size_t count, int threads, const std::function<T(std::size_t)>& produce,
                const std::function<void(T&&)>& consume, const CancelFlag* cancel) {
  threads = std::max(1, std::min<int>(threads, static_cast<int>(count)));
  OrderedHandOff<T> handOff(static_cast<std::size_t>(threads) * 2);
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads && count > 0; ++t) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < count; i = next++) {
        if (!handOff.put(i, produce(i))) return;
      }
    });
  }
  bool completed = true;
  for (std::size_t done = 0; done < count; ++done) {
    if (cancel && cancel->isCancelled()) {
      completed = false;
      break;
    }
    consume(handOff.take());
  }
  handOff.close();
  for (auto& worker : workers) worker.join();
  return completed;
}

}  // namespace w2w::detail
