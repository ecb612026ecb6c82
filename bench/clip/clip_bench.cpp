// Throughput of the CLIP image tower (ViT-B/32 shape) on the CPU, float32 and
// bf16, at batch 1, 8 and 32, plus the machine's GEMM rates in the same run:
// the bound the tower's speed is judged against.
//
// With several threads each batch of two or more images runs twice: "split"
// (each thread encodes its own images, ClipLoadOptions::splitBatch, the
// default) and "shared" (all threads share each operation).
//
// Environment:
//   W2W_BENCH_MODEL_DIR  an HF-layout model folder written by python_vit.py
//                        (with inputs.safetensors: the same pixels Python
//                        timed, and Python's embeddings to compare against);
//                        without it, random weights and random pixels.
//   W2W_BENCH_THREADS    intra-op threads (default 0: one per hardware thread).
//   W2W_BENCH_TUNE_MALLOC 0 to leave glibc malloc alone (ClipLoadOptions::tuneMalloc).
//   W2W_BENCH_CHECK      0 to skip the accuracy lines (and loading both precisions).
//   W2W_BENCH_DEVICE     "cpu" (default) or "cuda": on CUDA the precisions are
//                        float32 (no TF32), bf16 and fp16, the batches 1, 8, 32
//                        and 256 (one chunk), pixels start on the host and the
//                        embeddings come back to it (the encoder's API), and
//                        the CPU's GEMM cases are left out (run_cuda_check.sh
//                        times the GPU's products in PyTorch).
// Counters: items_per_second = images/s; gflops = achieved GFLOP/s (2 x MACs);
// peak_rss_MB = the process's peak resident memory so far (loading included);
// rss_MB = resident memory after the benchmark.
//
// GEMM rates, all on fc1's shape at batch 32 (1600 x 768 by 768 x 3072):
//   f32_addmm        at::addmm: OpenBLAS, what PyTorch's nn.Linear uses;
//   f32_mkldnn_conv  LibTorch's oneDNN route (packed_linear.h);
//   f32_onednn       oneDNN's matmul with pre-packed weights, as the tower calls it;
//   */split          the same, each thread on its own 1600/threads rows at once
//                    (what the split mode's products see);
//   bf16_onednn      the same in bf16, where the CPU has bf16 kernels;
//   bf16_addmm       LibTorch's bf16 addmm (autocast's product); without bf16
//                    kernels these are scalar loops, timed on a 1/8 slice;
//   int8_onednn      u8 x s8 -> f32 oneDNN matmul, for dynamic quantisation.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <unordered_map>

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include "embed/clip/clip_vision.h"
#include "embed/clip/device.h"
#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"

#if W2W_CLIP_HAVE_ONEDNN
#include <oneapi/dnnl/dnnl.hpp>
#endif

namespace {

using namespace w2w::clip;

std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v ? v : fallback;
}

std::string benchDevice() { return env("W2W_BENCH_DEVICE", "cpu"); }

bool onCuda() { return benchDevice().rfind("cuda", 0) == 0; }

int requestedThreads() { return std::atoi(env("W2W_BENCH_THREADS", "0").c_str()); }

int threadCount() {
  const int t = requestedThreads();
  return t > 0 ? t : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

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
  std::map<std::string, std::unique_ptr<ClipVision>> models;  // by "precision/threading"
  torch::Tensor pixels;                                       // [32,3,224,224]
  torch::Tensor reference;  // Python's float32 embeddings of `pixels`, if any
};

Shared& shared() {
  static Shared s;
  return s;
}

ClipVision& model(const std::string& precision, bool split = true) {
  auto& s = shared();
  auto& m = s.models[precision + (split ? "/split" : "/shared")];
  if (!m) {
    ClipLoadOptions o;
    o.device = benchDevice();
    o.precision = precision;
    if (onCuda()) o.maxBatch = 256;  // a GPU takes the largest batch timed here in one pass
    o.threads = requestedThreads();
    o.splitBatch = split;
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

// The first `n` stored pixels, repeated past the 32 stored (as python_vit.py's batch_of).
torch::Tensor batchOf(std::int64_t n) {
  const auto& pixels = shared().pixels;
  const std::int64_t repeats = (n + pixels.size(0) - 1) / pixels.size(0);
  return pixels.repeat({repeats, 1, 1, 1}).narrow(0, 0, n).contiguous();
}

void BM_Encode(benchmark::State& state, const std::string& precision, bool split) {
  ClipVision& m = model(precision, split);
  const auto batch = batchOf(state.range(0));
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

// fc1 at batch 32.
constexpr std::int64_t kRows = 1600, kInner = 768, kCols = 3072;

// Times `product(rows)` for kRows rows: all threads on one product of kRows,
// or (split) each thread on its own kRows/threads rows at the same time.
void timeGemm(benchmark::State& state, bool split, std::int64_t rows,
              const std::function<std::function<void()>(std::int64_t rows)>& make) {
  c10::InferenceMode guard;
  const int threads = threadCount();
  at::set_num_threads(threads);
  std::function<void()> pass;
  if (!split) {
    pass = make(rows);
  } else {
    std::vector<std::function<void()>> parts;
    for (int t = 0; t < threads; ++t) parts.push_back(make(rows / threads));
    pass = [parts, threads] {
      at::parallel_for(0, threads, 1, [&](std::int64_t b, std::int64_t e) {
        for (std::int64_t i = b; i < e; ++i) parts[i]();
      });
    };
  }
  pass();  // warm-up
  for (auto _ : state) pass();
  state.counters["gflops"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 2.0 * rows * kInner * kCols / 1e9,
                         benchmark::Counter::kIsRate);
  state.counters["threads"] = threads;
}

void BM_GemmTorch(benchmark::State& state, const std::string& kind, bool split) {
  const auto dtype = kind == "bf16_addmm" ? torch::kBFloat16 : torch::kFloat32;
  // LibTorch's bf16 product without bf16 kernels is a scalar loop: a slice is enough.
  const std::int64_t rows = dtype == torch::kBFloat16 && !cpuHasBf16Kernels() ? kRows / 8 : kRows;
  const auto w = torch::randn({kCols, kInner}).to(dtype), b = torch::randn({kCols}).to(dtype);
  const auto kernel = kind == "f32_mkldnn_conv" ? LinearKernel::MkldnnConv : LinearKernel::Addmm;
  timeGemm(state, split, rows, [&](std::int64_t r) -> std::function<void()> {
    const auto x = torch::randn({r, kInner}).to(dtype);
    const PackedLinear linear(w, b, kernel);
    return [x, linear] { benchmark::DoNotOptimize(linear(x)); };
  });
}

#if W2W_CLIP_HAVE_ONEDNN
// oneDNN's matmul as the tower calls it: weights packed once, bias fused.
void BM_GemmOneDnn(benchmark::State& state, const std::string& kind, bool split) {
  using dnnl::memory;
  using Type = memory::data_type;
  using Tag = memory::format_tag;
  static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  const bool int8 = kind == "int8_onednn";
  const Type src = int8 ? Type::u8 : kind == "bf16_onednn" ? Type::bf16 : Type::f32;
  const Type wei = int8 ? Type::s8 : src;
  timeGemm(state, split, kRows, [&](std::int64_t rows) -> std::function<void()> {
    const memory::desc x({rows, kInner}, src, Tag::ab), w({kInner, kCols}, wei, Tag::any),
        bias({1, kCols}, Type::f32, Tag::ab), y({rows, kCols}, Type::f32, Tag::ab);
    dnnl::primitive_attr attr;
    if (int8) attr.set_output_scales(0, {1.f / 4096});  // dequantisation scale
    const dnnl::matmul::primitive_desc pd(dnnl::matmul::desc(x, w, bias, y), attr, engine);
    auto args = std::make_shared<std::unordered_map<int, memory>>();
    for (auto [arg, desc] : {std::pair{DNNL_ARG_SRC, pd.src_desc()},
                             {DNNL_ARG_WEIGHTS, pd.weights_desc()},
                             {DNNL_ARG_BIAS, pd.bias_desc()},
                             {DNNL_ARG_DST, pd.dst_desc()}}) {
      memory mem(desc, engine);
      std::memset(mem.get_data_handle(), 1, desc.get_size());  // any finite values
      (*args)[arg] = mem;
    }
    const auto kernel = std::make_shared<dnnl::matmul>(pd);
    return [kernel, args] {
      dnnl::stream stream(engine);
      kernel->execute(stream, *args);
    };
  });
}
#endif

// With --benchmark_repetitions: the least disturbed repetition (the machine is shared).
double minOf(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

template <class F, class... Args>
void registerCase(const std::string& name, F f, Args... args) {
  benchmark::RegisterBenchmark(name.c_str(), f, args...)
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime()
      ->ComputeStatistics("min", minOf);
}

}  // namespace

int main(int argc, char** argv) {
  loadInputs();
  const bool cuda = onCuda();
  const bool several = threadCount() > 1 && !cuda;  // splitting a batch over threads is the CPU's
  const std::vector<std::string> precisions = cuda ? std::vector<std::string>{"float32", "bf16", "fp16"}
                                                   : std::vector<std::string>{"float32", "bf16"};
  const std::vector<int> batches = cuda ? std::vector<int>{1, 8, 32, 256} : std::vector<int>{1, 8, 32};
  for (const auto& p : precisions) {
    for (int batch : batches) {
      for (bool split : {true, false}) {
        if (!split && (!several || batch == 1)) continue;  // the same as split there
        const std::string name = "BM_Encode/" + p + (split ? "" : "/shared");
        benchmark::RegisterBenchmark(name.c_str(), BM_Encode, p, split)
            ->Arg(batch)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->ComputeStatistics("min", minOf);
      }
    }
  }
  for (bool split : {false, true}) {
    if (cuda) break;  // the CPU's products
    if (split && !several) continue;
    const std::string suffix = split ? "/split" : "";
    for (const char* g : {"f32_addmm", "f32_mkldnn_conv", "bf16_addmm"}) {
      if (std::string(g) == "bf16_addmm" && split) continue;
      registerCase(std::string("BM_Gemm/") + g + suffix, BM_GemmTorch, std::string(g), split);
    }
#if W2W_CLIP_HAVE_ONEDNN
    for (const char* g : {"f32_onednn", "bf16_onednn", "int8_onednn"}) {
      if (std::string(g) == "bf16_onednn" && !cpuHasBf16Kernels()) continue;
      registerCase(std::string("BM_Gemm/") + g + suffix, BM_GemmOneDnn, std::string(g), split);
    }
#endif
  }
  benchmark::Initialize(&argc, argv);
  benchmark::AddCustomContext("model", vitB32().describe());
  benchmark::AddCustomContext("gmac_per_image", std::to_string(macsPerImage(vitB32()) / 1e9));
  benchmark::AddCustomContext("model_dir", env("W2W_BENCH_MODEL_DIR", "(random weights)"));
  benchmark::AddCustomContext("OPENBLAS_CORETYPE", env("OPENBLAS_CORETYPE", "(unset)"));
  benchmark::AddCustomContext("OPENBLAS_L2_SIZE", env("OPENBLAS_L2_SIZE", "(unset)"));
  benchmark::AddCustomContext("tune_malloc", env("W2W_BENCH_TUNE_MALLOC", "1"));
  benchmark::AddCustomContext("cpu_has_bf16_kernels", cpuHasBf16Kernels() ? "yes" : "no");
  benchmark::AddCustomContext("device", benchDevice());
  // Accuracy next to speed: against Python on the same pixels, and bf16 vs float32.
  if (env("W2W_BENCH_CHECK", "1") != "0") {
    const auto pixels = shared().pixels.narrow(0, 0, 8);
    auto& f32Model = model("float32");
    auto& bf16Model = model("bf16");
    benchmark::AddCustomContext("device_name", describeDevice(f32Model.device()));
    benchmark::AddCustomContext("kernel_float32", linearKernelName(f32Model.linearKernel()));
    benchmark::AddCustomContext("kernel_bf16", std::string(linearKernelName(bf16Model.linearKernel())) +
                                                   ", products in " +
                                                   c10::toString(bf16Model.computeDtype()));
    auto f32 = f32Model.encodePixels(pixels);
    auto bf16 = bf16Model.encodePixels(pixels);
    if (cuda) {
      auto fp16 = model("fp16").encodePixels(pixels);
      if (f32 && fp16)
        benchmark::AddCustomContext("cosine_fp16_vs_float32_min", std::to_string(minCosine(*f32, *fp16)));
    }
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
