// Training speed at the seed's scale (23,000 outfits of 3 x 512; synthetic
// vectors) on the machine's threads, beside the float32 GEMM rate measured
// in the same run. The FLOP count of an epoch is computed from the shapes
// (matrix products only; LayerNorm, GELU, the losses' soft-max and AdamW are
// the overhead the comparison shows).
#include <benchmark/benchmark.h>
#include <torch/torch.h>

#include <QTemporaryDir>

#include <cmath>

#include "compat/trainer.h"

namespace {

constexpr int kOutfits = 23000, kDim = 512, kThreads = 2;

void BM_GemmFloat32(benchmark::State& state) {
  at::set_num_threads(kThreads);
  const std::int64_t m = state.range(0), k = state.range(1), n = state.range(2);
  torch::manual_seed(0);
  const torch::Tensor a = torch::randn({m, k}), b = torch::randn({k, n});
  torch::Tensor c = torch::empty({m, n});
  for (auto _ : state) {
    at::mm_out(c, a, b);
    benchmark::DoNotOptimize(c.data_ptr<float>());
  }
  state.counters["FLOP/s"] =
      benchmark::Counter(2.0 * m * n * k, benchmark::Counter::kIsIterationInvariantRate);
}
// The head's first layer for a batch of 256 outfits (768 items), its second,
// and a large square product for the machine's peak.
BENCHMARK(BM_GemmFloat32)
    ->Args({768, 512, 512})
    ->Args({768, 512, 128})
    ->Args({2048, 2048, 2048})
    ->UseRealTime();

w2w::compat::OutfitSet syntheticOutfits() {
  torch::manual_seed(1);
  const torch::Tensor v =
      torch::nn::functional::normalize(torch::randn({kOutfits, 3, kDim}),
                                       torch::nn::functional::NormalizeFuncOptions().dim(2))
          .contiguous();
  w2w::compat::OutfitSet set;
  set.encoderId = "synthetic";
  set.dim = kDim;
  set.vectors.assign(v.data_ptr<float>(), v.data_ptr<float>() + v.numel());
  set.present.assign(static_cast<std::size_t>(kOutfits) * 3, 1);
  for (int i = 0; i < kOutfits; ++i) {
    const std::string id = std::to_string(i);
    set.ids.push_back(id);
    set.items.push_back({id + "t", id + "b", id + "s"});
  }
  return set;
}

// Matrix-product FLOPs of one training epoch: forward, and backward for the
// weights (first layer: its input needs no gradient) and the latent vectors.
double epochFlops(int outfits, int batchSize, const w2w::compat::HeadConfig& h) {
  const int batches = (outfits + batchSize - 1) / batchSize;
  const double b = static_cast<double>(outfits) / batches;
  const double items = 3.0 * outfits;
  const double fc1 = 2.0 * items * h.inputDim * h.hiddenDim;
  const double fc2 = 2.0 * items * h.hiddenDim * h.outputDim;
  const double logits = batches * 3.0 * 2.0 * b * b * h.outputDim;
  return 2.0 * fc1 + 3.0 * fc2 + 3.0 * logits;
}

void BM_TrainEpoch(benchmark::State& state) {
  static const w2w::compat::OutfitSet data = syntheticOutfits();
  w2w::compat::TrainRequest request;
  request.outfits = data;
  request.config.epochs = 1;
  request.config.threads = kThreads;
  request.config.head.mode = static_cast<w2w::compat::HeadMode>(state.range(0));
  request.config.head.inputDim = kDim;
  request.config.head.ensemble = static_cast<int>(state.range(1));
  double trainSeconds = 0, epochSeconds = 0;
  int trainOutfits = 0;
  for (auto _ : state) {
    QTemporaryDir dir;
    request.checkpointDir = dir.path().toStdString();
    auto summary = w2w::compat::trainCompat(request);
    if (!summary || summary->checkpoint.history.empty()) {
      state.SkipWithError(summary ? summary->message.c_str() : summary.message().c_str());
      return;
    }
    const w2w::compat::EpochRecord& e = summary->checkpoint.history[0];
    state.SetIterationTime(e.trainSeconds);
    trainSeconds += e.trainSeconds;
    epochSeconds += e.seconds;
    trainOutfits = summary->checkpoint.trainOutfits;
  }
  // Per-category heads do the same products (each on a third of the items).
  const double flops =
      epochFlops(trainOutfits, request.config.batchSize, request.config.head) * request.config.head.ensemble;
  const double n = static_cast<double>(state.iterations());
  state.counters["train_outfits"] = trainOutfits;
  state.counters["epoch_GFLOP"] = flops / 1e9;
  state.counters["train_s"] = trainSeconds / n;
  state.counters["with_validation_s"] = epochSeconds / n;
  state.counters["achieved_GFLOP/s"] = flops / 1e9 / (trainSeconds / n);
}
// Args: head mode (0 shared, the seed's; 1 one head per category) and
// ensemble size (1 the seed's; 5 the default).
BENCHMARK(BM_TrainEpoch)
    ->Args({0, 1})
    ->Args({1, 1})
    ->Args({0, 5})
    ->UseManualTime()
    ->Iterations(3)
    ->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
