// Throughput of the CLIP image tower (ViT-B/32 shape) on the CPU, float32 and
// bf16, at batch 1, 8 and 32, plus the machine's GEMM rate for reference.
//
// Environment:
//   W2W_BENCH_MODEL_DIR  an HF-layout model folder written by python_vit.py
//                        (with inputs.safetensors: the same pixels Python
//                        timed, and Python's embeddings to compare against);
//                        without it, random weights and random pixels.
//   W2W_BENCH_THREADS    intra-op threads (default 0: one per hardware thread).
//   W2W_BENCH_TUNE_MALLOC 0 to leave glibc malloc alone (ClipLoadOptions::tuneMalloc).
// Counters: items_per_second = images/s; gflops = achieved GFLOP/s (2 x MACs);
// peak_rss_MB = the process's peak resident memory so far (loading included);
// rss_MB = resident memory after the benchmark.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include "embed/clip/clip_vision.h"
#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"

namespace {

using namespace w2w::clip;

std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

int threads() { return std::atoi(env("W2W_BENCH_THREADS", "0").c_str()); }

ClipVisionConfig vitB32() {
  ClipVisionConfig c;  // defaults are ViT-B/32: 224 px, patch 32, width 768, 12 layers, 12 heads, 512 out
  c.activation = Activation::QuickGelu;
  return c;
}

// Multiply-accumulates per image.
double macsPerImage(const ClipVisionConfig& c) {
  const double t = c.tokens(), w = c.width, m = c.mlpDim, p = c.patchSize;
  const double patches = (t - 1) * 3 * p * p * w;
  const double layer = t * (3 * w * w + w * w + 2 * w * m) + 2 * t * t * w;
  return patches + c.layers * layer + w * c.outputDim;
}

double peakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

// Resident memory now (second field of /proc/self/statm, in pages).
double rssMb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1048576.0);
}

struct Shared {
  std::map<std::string, std::unique_ptr<ClipVision>> models;
  torch::Tensor pixels;     // [32,3,224,224]
  torch::Tensor reference;  // Python's float32 embeddings of `pixels`, if any
};

Shared& shared() {
  static Shared s;
  return s;
}

ClipVision& model(const std::string& precision) {
  auto& s = shared();
  auto& m = s.models[precision];
  if (!m) {
    ClipLoadOptions o;
    o.device = "cpu";
    o.precision = precision;
    o.threads = threads();
    o.tuneMalloc = env("W2W_BENCH_TUNE_MALLOC", "1") != "0";
    const std::string dir = env("W2W_BENCH_MODEL_DIR");
    auto r = dir.empty() ? ClipVision::createRandom(vitB32(), 1234, o) : ClipVision::load(dir, o);
    if (!r) {
      std::cerr << "bench_clip: " << r.message() << "\n";
      std::exit(1);
    }
    m = std::move(*r);
  }
  return *m;
}

void loadInputs() {
  auto& s = shared();
  const std::string dir = env("W2W_BENCH_MODEL_DIR");
  if (dir.empty()) {
    s.pixels = torch::randn({32, 3, 224, 224}, torch::kFloat32);
    return;
  }
  auto f = w2w::format::SafetensorsFile::open(dir + "/inputs.safetensors");
  if (!f) {
    std::cerr << "bench_clip: " << f.message() << "\n";
    std::exit(1);
  }
  s.pixels = *loadFloatTensor(*f, "pixels");
  s.reference = *loadFloatTensor(*f, "python_embeds");
}

double minCosine(const torch::Tensor& a, const torch::Tensor& b) {
  const auto x = a.to(torch::kFloat64), y = b.to(torch::kFloat64);
  return ((x * y).sum(1) / (x.norm(2, {1}) * y.norm(2, {1}))).min().item<double>();
}

void BM_Encode(benchmark::State& state, const std::string& precision) {
  ClipVision& m = model(precision);
  const auto batch = shared().pixels.narrow(0, 0, state.range(0)).contiguous();
  (void)m.encodePixels(batch);  // warm-up: oneDNN primitive creation, allocator
  for (auto _ : state) {
    auto e = m.encodePixels(batch);
    if (!e) state.SkipWithError(e.message().c_str());
    benchmark::DoNotOptimize(e);
  }
  const double images = static_cast<double>(state.iterations()) * state.range(0);
  state.SetItemsProcessed(static_cast<std::int64_t>(images));
  state.counters["gflops"] =
      benchmark::Counter(images * 2 * macsPerImage(m.config()) / 1e9, benchmark::Counter::kIsRate);
  state.counters["peak_rss_MB"] = peakRssMb();
  state.counters["rss_MB"] = rssMb();
  state.counters["threads"] = at::get_num_threads();
}

// GEMM rate of the kernels the model uses, on the model's largest shape
// (batch 32: M = 32 x 50 tokens, K = 768, N = 3072).
void BM_Gemm(benchmark::State& state, const std::string& kind) {
  c10::InferenceMode guard;
  const int t = threads();
  at::set_num_threads(t > 0 ? t : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  const std::int64_t m = 1600, k = 768, n = 3072;
  const auto dtype = kind == "bf16_addmm" ? torch::kBFloat16 : torch::kFloat32;
  const auto x = torch::randn({m, k}).to(dtype), w = torch::randn({n, k}).to(dtype),
             b = torch::randn({n}).to(dtype);
  const PackedLinear linear(w, b, kind == "f32_onednn" ? LinearKernel::OneDnn : LinearKernel::Addmm);
  benchmark::DoNotOptimize(linear(x));
  for (auto _ : state) benchmark::DoNotOptimize(linear(x));
  state.counters["gflops"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * 2.0 * m * k * n / 1e9, benchmark::Counter::kIsRate);
  state.counters["threads"] = at::get_num_threads();
}

// With --benchmark_repetitions: the least disturbed repetition (the machine is shared).
double minOf(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

}  // namespace

int main(int argc, char** argv) {
  loadInputs();
  for (const char* p : {"float32", "bf16"}) {
    benchmark::RegisterBenchmark((std::string("BM_Encode/") + p).c_str(), BM_Encode, std::string(p))
        ->Arg(1)
        ->Arg(8)
        ->Arg(32)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->ComputeStatistics("min", minOf);
  }
  for (const char* g : {"f32_addmm", "f32_onednn", "bf16_addmm"})
    benchmark::RegisterBenchmark((std::string("BM_Gemm/") + g).c_str(), BM_Gemm, std::string(g))
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->ComputeStatistics("min", minOf);
  benchmark::Initialize(&argc, argv);
  benchmark::AddCustomContext("model", vitB32().describe());
  benchmark::AddCustomContext("gmac_per_image", std::to_string(macsPerImage(vitB32()) / 1e9));
  benchmark::AddCustomContext("model_dir", env("W2W_BENCH_MODEL_DIR", "(random weights)"));
  benchmark::AddCustomContext("OPENBLAS_CORETYPE", env("OPENBLAS_CORETYPE", "(unset)"));
  benchmark::AddCustomContext("tune_malloc", env("W2W_BENCH_TUNE_MALLOC", "1"));
  // Accuracy next to speed: against Python on the same pixels, and bf16 vs float32.
  if (std::getenv("W2W_BENCH_CHECK") == nullptr || env("W2W_BENCH_CHECK") != "0") {
    const auto pixels = shared().pixels.narrow(0, 0, 8);
    auto f32 = model("float32").encodePixels(pixels);
    auto bf16 = model("bf16").encodePixels(pixels);
    if (f32 && bf16) {
      benchmark::AddCustomContext("cosine_bf16_vs_float32_min", std::to_string(minCosine(*f32, *bf16)));
      if (shared().reference.defined()) {
        const auto ref = shared().reference.narrow(0, 0, 8);
        benchmark::AddCustomContext("cosine_float32_vs_python_min", std::to_string(minCosine(*f32, ref)));
        benchmark::AddCustomContext("maxabs_float32_vs_python",
                                    std::to_string((*f32 - ref).abs().max().item<double>()));
      }
    }
    // The models stay loaded; a filter that selects only one precision still pays for both here.
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
