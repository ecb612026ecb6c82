// Library speed: registering photos, and opening and listing a large library.
//
//   build/bench/bench_library --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "library/library.h"

namespace w2w {
namespace {

constexpr int kPhotos = 10000;

NewPhoto photo(int n) {
  return {"/photos/street/" + std::to_string(n) + ".jpg",
          "sha256-" + std::to_string(n) + std::string(50, 'a'), 350000 + n, 550, 825};
}

// One transaction per photo, as the importer writes them (crash-safe, one
// photo at a time).
void BM_RegisterPhotosOneTransactionEach(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    QTemporaryDir dir;
    auto library = Library::create(dir.filePath("bench.w2w").toStdString());
    state.ResumeTiming();
    for (int i = 0; i < kPhotos; ++i) {
      Status s = (*library)->transaction([&]() -> Status { return (*library)->addPhoto(photo(i)).error(); });
      (void)s;
    }
  }
  state.counters["photos/s"] =
      benchmark::Counter(static_cast<double>(kPhotos) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RegisterPhotosOneTransactionEach)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// All photos in a single transaction (a bulk registration).
void BM_RegisterPhotosOneTransaction(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    QTemporaryDir dir;
    auto library = Library::create(dir.filePath("bench.w2w").toStdString());
    state.ResumeTiming();
    Status s = (*library)->transaction([&]() -> Status {
      for (int i = 0; i < kPhotos; ++i) {
        if (auto added = (*library)->addPhoto(photo(i)); !added) return added.error();
      }
      return Status::success();
    });
    if (!s) state.SkipWithError(s.message().c_str());
  }
  state.counters["photos/s"] =
      benchmark::Counter(static_cast<double>(kPhotos) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RegisterPhotosOneTransaction)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// Open a 10,000-photo library and list every photo (what the studio does at start).
void BM_OpenAndListPhotos(benchmark::State& state) {
  QTemporaryDir dir;
  const std::string path = dir.filePath("bench.w2w").toStdString();
  {
    auto library = Library::create(path);
    Status s = (*library)->transaction([&]() -> Status {
      for (int i = 0; i < kPhotos; ++i) (void)(*library)->addPhoto(photo(i));
      return Status::success();
    });
    (void)s;
  }
  std::size_t listed = 0;
  for (auto _ : state) {
    auto library = Library::open(path, Library::Access::ReadOnly);
    auto photos = (*library)->photos();
    listed = photos->size();
    benchmark::DoNotOptimize(photos->data());
  }
  if (listed != kPhotos) state.SkipWithError("wrong photo count");
  state.counters["photos"] = static_cast<double>(listed);
}
BENCHMARK(BM_OpenAndListPhotos)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace w2w

BENCHMARK_MAIN();
