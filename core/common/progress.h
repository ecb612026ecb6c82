// Progress reporting and cooperative cancellation for long work (imports,
// encoding, training). Core code calls the callback from whatever thread does
// the work; the studio forwards it to the GUI thread, the CLI prints to stderr.
#pragma once

#include <atomic>
#include <functional>
#include <string>

namespace w2w {

struct Progress {
  long long done = 0;
  long long total = 0;  // 0 when unknown
  std::string message;  // what is being done now ("photo 12 of 30: 0012.jpg")
};

using ProgressCallback = std::function<void(const Progress&)>;

// Set from any thread (a Cancel button, Ctrl-C); polled by the worker between
// units of work, which then stops with everything done so far kept.
class CancelFlag {
 public:
  void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  void reset() { cancelled_.store(false, std::memory_order_relaxed); }
  bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }

 private:
  std::atomic<bool> cancelled_{false};
};

}  // namespace w2w
