// Where the CLIP tower's CPU time goes, per operation: runs encodePixels with
// a RecordFunction observer that reads each thread's CPU clock, and prints
// each operation's self time (its own, without the operations it called),
// per pass.
//
//   clip_profile [--precision float32|bf16] [--batch N] [--passes N] [--threads N]
//                [--kernel auto|addmm|mkldnn-conv|onednn] [--shared] [MODEL_DIR]
//
// Without MODEL_DIR: ViT-B/32 with random weights. The operations of the
// oneDNN route are named clip::qkv, clip::attention, clip::out, clip::fc1,
// clip::fc2 and clip::layer_norm (RECORD_USER_SCOPE in onednn_layers.cpp);
// LibTorch's operators appear under their aten:: names.
//
// CPU time, not wall-clock, because the machine may be shared: time spent
// waiting for a core is not counted. With one thread, or with several
// threads each encoding their own images (the default), every operation runs
// on the thread that records it, so the table accounts for all the work; with
// --shared and several threads, the pool's share of each operation is missing.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <ATen/Parallel.h>
#include <ATen/record_function.h>

#include "embed/clip/clip_vision.h"

namespace {

using namespace w2w::clip;

double threadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct Totals {
  double selfSeconds = 0;
  long calls = 0;
};

std::mutex totalsMutex;
std::map<std::string, Totals> totals;

struct Open {
  double start = 0, children = 0;
};
thread_local std::vector<Open> openOps;

std::unique_ptr<at::ObserverContext> onStart(const at::RecordFunction&) {
  openOps.push_back({threadCpuSeconds(), 0.0});
  return nullptr;
}

void onEnd(const at::RecordFunction& fn, at::ObserverContext*) {
  if (openOps.empty()) return;  // started before the observer was added
  const Open o = openOps.back();
  openOps.pop_back();
  const double total = threadCpuSeconds() - o.start;
  if (!openOps.empty()) openOps.back().children += total;
  std::lock_guard<std::mutex> lock(totalsMutex);
  auto& t = totals[fn.name()];
  t.selfSeconds += total - o.children;
  t.calls += 1;
}

}  // namespace

int main(int argc, char** argv) {
  ClipLoadOptions options;
  options.device = "cpu";
  int batch = 32, passes = 3;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "clip_profile: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--precision")
      options.precision = value();
    else if (a == "--batch")
      batch = std::atoi(value().c_str());
    else if (a == "--passes")
      passes = std::atoi(value().c_str());
    else if (a == "--threads")
      options.threads = std::atoi(value().c_str());
    else if (a == "--kernel")
      options.linearKernel = value();
    else if (a == "--shared")
      options.splitBatch = false;
    else if (!a.empty() && a[0] != '-')
      dir = a;
    else {
      std::fprintf(stderr,
                   "usage: clip_profile [--precision P] [--batch N] [--passes N] [--threads N] "
                   "[--kernel K] [--shared] [MODEL_DIR]\n");
      return 2;
    }
  }
  options.maxBatch = std::max(batch, 1);
  ClipVisionConfig vitB32;
  vitB32.activation = Activation::QuickGelu;
  auto model = dir.empty() ? ClipVision::createRandom(vitB32, 1234, options) : ClipVision::load(dir, options);
  if (!model) {
    std::fprintf(stderr, "clip_profile: %s\n", model.message().c_str());
    return 1;
  }
  const auto& config = (*model)->config();
  const auto pixels = torch::randn({batch, 3, config.imageSize, config.imageSize});
  if (auto warm = (*model)->encodePixels(pixels); !warm) {
    std::fprintf(stderr, "clip_profile: %s\n", warm.message().c_str());
    return 1;
  }

  const auto handle =
      at::addGlobalCallback(at::RecordFunctionCallback(onStart, onEnd)
                                .scopes({at::RecordScope::FUNCTION, at::RecordScope::USER_SCOPE}));
  const double cpu0 = threadCpuSeconds();
  for (int i = 0; i < passes; ++i) (void)(*model)->encodePixels(pixels);
  const double cpuMs = (threadCpuSeconds() - cpu0) * 1e3 / passes;
  at::removeCallback(handle);

  double all = 0;
  for (const auto& [name, t] : totals) all += t.selfSeconds;
  std::vector<std::pair<std::string, Totals>> rows(totals.begin(), totals.end());
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.second.selfSeconds > b.second.selfSeconds; });
  std::printf("# %s, %s, kernel %s, compute %s, batch %d, %d threads, %d passes\n", config.describe().c_str(),
              options.precision.c_str(), linearKernelName((*model)->linearKernel()),
              c10::toString((*model)->computeDtype()), batch, at::get_num_threads(), passes);
  std::printf(
      "# per pass: %.1f ms CPU time inside operations (every thread that ran one), %.1f ms CPU time "
      "of the calling thread\n",
      all * 1e3 / passes, cpuMs);
  std::printf("%-40s %10s %7s %8s\n", "operation", "self ms", "share", "calls");
  for (const auto& [name, t] : rows) {
    if (t.selfSeconds / all < 0.001) continue;
    std::printf("%-40s %10.2f %6.1f%% %8ld\n", name.c_str(), t.selfSeconds * 1e3 / passes,
                100.0 * t.selfSeconds / all, t.calls / passes);
  }
  return 0;
}
