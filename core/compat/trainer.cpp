#include "compat/trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <numeric>

#include "common/no_throw.h"
#include "compat/adamw.h"
#include "compat/checkpoint_io.h"
#include "compat/compat_head.h"
#include "compat/compat_loss.h"
#include "compat/evaluator.h"
#include "compat/rng.h"
#include "compat/torch_bridge.h"
#include "embed/clip/malloc_tuning.h"
#include "io/file_io.h"

namespace w2w::compat {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

torch::Tensor indexTensor(const std::vector<int>& indices) {
  std::vector<std::int64_t> v(indices.begin(), indices.end());
  return torch::tensor(v, torch::TensorOptions().dtype(torch::kLong));
}

// Batches of nearly equal size covering every training outfit once per
// epoch: InfoNCE compares within a batch, so a tiny last batch would be a
// much easier (and noisier) task than the others.
std::vector<std::vector<int>> makeBatches(const std::vector<int>& order, int batchSize) {
  const int n = static_cast<int>(order.size());
  const int count = std::max(1, (n + batchSize - 1) / batchSize);
  std::vector<std::vector<int>> out;
  int begin = 0;
  for (int b = 0; b < count; ++b) {
    const int end = static_cast<int>((static_cast<long long>(n) * (b + 1)) / count);
    out.emplace_back(order.begin() + begin, order.begin() + end);
    begin = end;
  }
  return out;
}

// Linear warm-up to the peak, then cosine decay to zero at the last step.
double scheduledRate(const TrainConfig& c, std::int64_t step, std::int64_t total) {
  const std::int64_t warmup =
      c.warmupFraction > 0 ? std::max<std::int64_t>(1, std::llround(c.warmupFraction * total)) : 0;
  if (step < warmup) return c.learningRate * static_cast<double>(step + 1) / static_cast<double>(warmup);
  const double span = static_cast<double>(std::max<std::int64_t>(1, total - warmup));
  const double t = std::min(1.0, static_cast<double>(step - warmup) / span);
  return c.learningRate * 0.5 * (1.0 + std::cos(M_PI * t));
}

// Identifies the training data (ids, layout and vectors): resuming on other
// data is refused. The seed's layout adds nothing, so runs made before
// layouts existed still resume.
std::string fingerprint(const OutfitSet& set) {
  std::string text = set.encoderId + "\n" + std::to_string(set.dim) + "\n";
  for (const std::string& id : set.ids) text += id + "\n";
  if (set.slots != seedLayout() || !set.allPresent()) {
    for (Category c : set.slots) text += std::string(categoryName(c)) + " ";
    text += "\n" + std::string(set.present.begin(), set.present.end()) + "\n";
  }
  text += sha256Hex(reinterpret_cast<const std::uint8_t*>(set.vectors.data()),
                    set.vectors.size() * sizeof(float));
  return sha256Hex(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

struct Losses {
  torch::Tensor outfit, modified;
};

// A loss that no pair of the batch could give counts as zero.
torch::Tensor orZero(const torch::Tensor& loss) { return loss.defined() ? loss : torch::zeros({}); }

// The losses averaged over the members of an ensemble (each member learns on
// its own; one member is the plain head).
Losses memberLosses(CompatHeadImpl& head, const torch::Tensor& latent, const torch::Tensor& present,
                    const std::vector<ModifiedOutfit>& modified, const LossConfig& loss) {
  Losses out;
  const std::vector<SlotPair> pairs = slotPairs(head.config.slots);
  const std::vector<torch::Tensor> members = head.members(latent);
  for (const torch::Tensor& z : members) {
    const torch::Tensor o = orZero(outfitLoss(z, present, pairs, loss.temperature));
    const torch::Tensor m = orZero(modifiedLoss(gatherModified(z, modified), pairs, loss.threshold));
    out.outfit = out.outfit.defined() ? out.outfit + o : o;
    out.modified = out.modified.defined() ? out.modified + m : m;
  }
  out.outfit = out.outfit / static_cast<double>(members.size());
  out.modified = out.modified / static_cast<double>(members.size());
  return out;
}

// The presence flags of the outfits at `rows` (for sampleModified).
std::vector<std::uint8_t> presenceOf(const OutfitSet& set, const std::vector<int>& rows) {
  std::vector<std::uint8_t> out;
  const auto slots = static_cast<std::size_t>(set.slotCount());
  out.reserve(rows.size() * slots);
  for (int r : rows) {
    const auto begin = set.present.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(r) * slots);
    out.insert(out.end(), begin, begin + static_cast<std::ptrdiff_t>(slots));
  }
  return out;
}

struct Validation {
  double loss = 0, auc = 0, fitb = 0;
  EvalReport report;  // the full evaluation of the validation outfits
};

Validation validate(CompatHeadImpl& head, const torch::Tensor& x, const OutfitSet& set,
                    const TrainConfig& c) {
  torch::NoGradGuard noGrad;
  head.eval();
  const torch::Tensor z = head.forward(x);
  Rng rng(c.seed, Stream::ValLoss);
  const Losses losses =
      memberLosses(head, z, presenceTensor(set), sampleModified(set.present, set.slotCount(), rng), c.loss);
  Validation v;
  v.loss = (losses.outfit + c.loss.modifiedWeight * losses.modified).item<double>();
  if (!std::isfinite(v.loss)) return v;
  EvalOptions options;
  options.seed = c.seed;
  options.rounds = c.evalRounds;
  if (auto report = evaluate(latentSet(set, z, "latent"), options)) {
    v.auc = report->auc;
    v.fitb = report->fitb;
    v.report = std::move(*report);
  }
  return v;
}

// Augmentation on the standardised inputs (embedding level): Gaussian noise
// and dropped dimensions, drawn from the run's generator.
torch::Tensor augment(torch::Tensor xs, const TrainConfig& c, at::Generator& gen) {
  if (c.noiseStd > 0) xs = xs + c.noiseStd * at::normal(0.0, 1.0, xs.sizes(), gen);
  if (c.featureDropout > 0) {
    torch::Tensor keep = torch::empty_like(xs).bernoulli_(1.0 - c.featureDropout, gen);
    xs = xs * keep / (1.0 - c.featureDropout);
  }
  return xs;
}

std::string describe(const CheckpointInfo& info) {
  if (info.bestEpoch == 0) return "no checkpoint was written";
  char text[160];
  std::snprintf(
      text, sizeof text,
      "the checkpoint holds epoch %d's model (best validation AUC %.4f) and can resume after epoch %d",
      info.bestEpoch, info.bestValAuc, info.epochsDone);
  return text;
}

}  // namespace

const char* trainOutcomeName(TrainOutcome outcome) {
  switch (outcome) {
    case TrainOutcome::Finished: return "finished";
    case TrainOutcome::EarlyStopped: return "early_stopped";
    case TrainOutcome::Cancelled: return "cancelled";
    case TrainOutcome::Diverged: return "diverged";
  }
  return "finished";
}

namespace {

// Outfit indices ordered by a salted hash of their ids.
std::vector<int> rankByIdHash(const std::vector<std::string>& ids, std::uint64_t salt) {
  std::vector<std::pair<std::uint64_t, int>> ranked;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (unsigned char ch : ids[i]) h = (h ^ ch) * 1099511628211ull;
    ranked.emplace_back(mixSeed(h, salt), static_cast<int>(i));
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<int> out;
  for (const auto& r : ranked) out.push_back(r.second);
  return out;
}

}  // namespace

void splitTrainValidation(const std::vector<std::string>& ids, double validationFraction,
                          std::vector<int>& train, std::vector<int>& validation) {
  // The same outfits validate whatever the seed, the options or the order
  // of the data.
  const int count = static_cast<int>(ids.size());
  const std::vector<int> ranked = rankByIdHash(ids, 0);
  int nVal = static_cast<int>(std::lround(validationFraction * count));
  nVal = std::min(std::max(nVal, 2), count - 2);
  validation.assign(ranked.begin(), ranked.begin() + std::max(0, nVal));
  train.assign(ranked.begin() + std::max(0, nVal), ranked.end());
  std::sort(validation.begin(), validation.end());
  std::sort(train.begin(), train.end());
}

std::vector<int> selectByIdHash(const std::vector<std::string>& ids, double fraction, std::uint64_t salt) {
  const std::vector<int> ranked = rankByIdHash(ids, salt);
  const auto n = static_cast<std::size_t>(std::lround(std::min(1.0, std::max(0.0, fraction)) * ids.size()));
  std::vector<int> out(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n));
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// trainCompat without its exception guard.
Result<TrainSummary> train(const TrainRequest& request, const TrainCallbacks& callbacks,
                           const CancelFlag* cancel) {
  const auto started = Clock::now();
  // Every step allocates and frees the same large temporaries; glibc would
  // otherwise hand them back to the kernel and fault them in again each time.
  clip::tuneMallocForTensors();
  const OutfitSet& data = request.outfits;
  if (Status s = data.validate(); !s) return s.error();
  if (data.size() < 4)
    return makeError("training needs at least 4 outfits, got " + std::to_string(data.size()));
  TrainConfig config = request.config;
  if (config.head.inputDim == 0) config.head.inputDim = data.dim;
  if (config.head.slots.empty()) config.head.slots = data.slots;
  if (config.head.slots != data.slots) {
    return makeError("the head's outfit slots differ from the data's (" +
                     std::to_string(config.head.slots.size()) + " and " + std::to_string(data.slots.size()) +
                     " slots)");
  }
  if (config.head.inputDim != data.dim) {
    return makeError("the head expects " + std::to_string(config.head.inputDim) +
                     "-dimensional embeddings, the data has " + std::to_string(data.dim));
  }
  if (Status s = validateConfig(config); !s) return s.error();
  at::set_num_threads(config.threads);

  std::vector<int> trainIdx, valIdx;
  splitTrainValidation(data.ids, config.validationFraction, trainIdx, valIdx);
  const OutfitSet valSet = data.subset(valIdx);
  const torch::Tensor all = outfitTensor(data);
  const torch::Tensor xTrain = all.index_select(0, indexTensor(trainIdx));
  const torch::Tensor xVal = all.index_select(0, indexTensor(valIdx));
  const torch::Tensor presentTrain = presenceTensor(data).index_select(0, indexTensor(trainIdx));

  CompatHead head(config.head);
  at::Generator gen =
      at::detail::createCPUGenerator(mixSeed(config.seed, static_cast<std::uint64_t>(Stream::Torch)));
  head->initialize(gen);
  head->fitStandardization(xTrain, presentTrain);
  AdamW optimizer(headTensors(*head), config.weightDecay);
  optimizer.slots().erase(std::remove_if(optimizer.slots().begin(), optimizer.slots().end(),
                                         [](const AdamW::Slot& s) { return !s.param.requires_grad(); }),
                          optimizer.slots().end());

  TrainSummary summary;
  CheckpointInfo info;
  NamedTensors best = cloneTensors(headTensors(*head));
  if (request.resume) {
    auto found = readCheckpointInfo(request.checkpointDir);
    if (!found) return found.error();
    if (found->encoderId != data.encoderId) {
      return makeError(request.checkpointDir + ": trained on " + found->encoderId +
                       " embeddings, the data has " + data.encoderId);
    }
    if (!(found->config.head == config.head)) {
      return makeError(request.checkpointDir + ": its head configuration differs from the one requested");
    }
    if (found->dataFingerprint != fingerprint(data)) {
      return makeError(request.checkpointDir + ": trained on other outfits (the data fingerprint differs)");
    }
    if (Status s = loadTrainingState(request.checkpointDir, *head, optimizer); !s) return s.error();
    auto bestWeights = readModelWeights(request.checkpointDir, *found);
    if (!bestWeights) return bestWeights.error();
    CompatHead bestHead(config.head);
    if (Status s =
            loadHeadTensors(*bestWeights, *bestHead, request.checkpointDir + "/" + kCheckpointModelFile);
        !s)
      return s.error();
    best = cloneTensors(headTensors(*bestHead));
    info = *found;
    info.config = config;
    summary.checkpoint = info;
  } else {
    info.encoderId = data.encoderId;
    info.encoderKind = request.encoderKind;
    info.encoderSpec = request.encoderSpec;
    info.encoderDim = data.dim;
    info.config = config;
    info.dataJson = request.dataJson;
    info.dataFingerprint = fingerprint(data);
    info.trainOutfits = static_cast<int>(trainIdx.size());
    info.valOutfits = static_cast<int>(valIdx.size());
    info.bestValAuc = -1.0;
  }

  const int stepsPerEpoch = static_cast<int>(makeBatches(trainIdx, config.batchSize).size());
  const std::int64_t totalSteps = static_cast<std::int64_t>(config.epochs) * stepsPerEpoch;
  const auto stop = [&](TrainOutcome outcome, const std::string& what) {
    summary.outcome = outcome;
    summary.message = what + "; " + describe(info);
    summary.seconds = secondsSince(started);
    return summary;
  };
  if (info.epochsDone >= config.epochs ||
      (request.resume && info.finished && info.outcome == "early_stopped")) {
    summary.outcome = info.outcome == "early_stopped" ? TrainOutcome::EarlyStopped : TrainOutcome::Finished;
    summary.message = "nothing to do: already trained for " + std::to_string(info.epochsDone) + " epochs; " +
                      describe(info);
    return summary;
  }

  for (int epoch = info.epochsDone; epoch < config.epochs; ++epoch) {
    const auto epochStart = Clock::now();
    std::vector<int> order(trainIdx.size());
    std::iota(order.begin(), order.end(), 0);
    Rng(config.seed, Stream::Shuffle, static_cast<std::uint64_t>(epoch)).shuffle(order);
    const auto batches = makeBatches(order, config.batchSize);
    gen.set_current_seed(mixSeed(config.seed, static_cast<std::uint64_t>(Stream::Torch),
                                 static_cast<std::uint64_t>(epoch) + 1));
    const bool withModified = epoch >= config.curriculumEpochs;
    head->train();
    double sumLoss = 0, sumOutfit = 0, sumModified = 0, rate = 0;
    for (std::size_t s = 0; s < batches.size(); ++s) {
      if (cancel && cancel->isCancelled()) {
        return stop(TrainOutcome::Cancelled, "cancelled in epoch " + std::to_string(epoch + 1));
      }
      const torch::Tensor rows = indexTensor(batches[s]);
      const torch::Tensor x = xTrain.index_select(0, rows);
      const torch::Tensor z = head->project(augment(head->standardized(x), config, gen), &gen);
      std::vector<int> dataRows;
      for (int b : batches[s]) dataRows.push_back(trainIdx[static_cast<std::size_t>(b)]);
      Rng modRng(config.seed, Stream::Modified, static_cast<std::uint64_t>(epoch) * 1000003u + s);
      const Losses losses =
          memberLosses(*head, z, presentTrain.index_select(0, rows),
                       sampleModified(presenceOf(data, dataRows), data.slotCount(), modRng), config.loss);
      const torch::Tensor& lOutfit = losses.outfit;
      const torch::Tensor& lModified = losses.modified;
      const torch::Tensor loss = withModified ? lOutfit + config.loss.modifiedWeight * lModified : lOutfit;
      if (!loss.requires_grad()) continue;  // no pair of this batch is present twice
      const double value = loss.item<double>();
      const std::string where =
          "training diverged in epoch " + std::to_string(epoch + 1) + ", step " + std::to_string(s + 1);
      if (!std::isfinite(value))
        return stop(TrainOutcome::Diverged,
                    where + ": the loss is " + (std::isnan(value) ? "NaN" : "infinite"));
      optimizer.zeroGrad();
      loss.backward();
      const double norm = optimizer.gradNorm();
      if (!std::isfinite(norm) || norm > config.maxGradNorm) {
        return stop(TrainOutcome::Diverged, where + ": the gradient norm is " + std::to_string(norm));
      }
      rate = scheduledRate(config, optimizer.steps(), totalSteps);
      optimizer.step(rate);
      sumLoss += value;
      sumOutfit += lOutfit.item<double>();
      sumModified += lModified.item<double>();
      if (callbacks.onStep) {
        callbacks.onStep({epoch + 1, config.epochs, static_cast<int>(s) + 1, static_cast<int>(batches.size()),
                          value, lOutfit.item<double>(), lModified.item<double>(), rate});
      }
    }
    const double trainSeconds = secondsSince(epochStart);
    const Validation val = validate(*head, xVal, valSet, config);
    if (!std::isfinite(val.loss)) {
      return stop(TrainOutcome::Diverged, "training diverged in epoch " + std::to_string(epoch + 1) +
                                              ": the validation loss is not finite");
    }
    const double n = static_cast<double>(batches.size());
    EpochRecord record;
    record.epoch = epoch + 1;
    record.trainLoss = sumLoss / n;
    record.trainOutfitLoss = sumOutfit / n;
    record.trainModifiedLoss = sumModified / n;
    record.valLoss = val.loss;
    record.valAuc = val.auc;
    record.valFitb = val.fitb;
    record.learningRate = rate;
    record.improved = info.bestEpoch == 0 || val.auc > info.bestValAuc;
    if (record.improved) {
      best = cloneTensors(headTensors(*head));
      info.bestEpoch = epoch + 1;
      info.bestValAuc = val.auc;
      info.epochsWithoutImprovement = 0;
    } else {
      ++info.epochsWithoutImprovement;
    }
    info.epochsDone = epoch + 1;
    const bool early = info.epochsWithoutImprovement >= config.patience;
    info.finished = early || epoch + 1 == config.epochs;
    info.outcome = early ? "early_stopped" : info.finished ? "finished" : "running";
    record.seconds = secondsSince(epochStart);
    record.trainSeconds = trainSeconds;
    info.history.push_back(record);
    if (Status s = saveCheckpoint(request.checkpointDir, info, best, *head, optimizer); !s) return s.error();
    summary.checkpointWritten = true;
    summary.checkpoint = info;
    if (callbacks.onEpoch) callbacks.onEpoch(record);
    if (callbacks.onValidation) callbacks.onValidation(record.epoch, val.report);
    if (early) {
      return stop(TrainOutcome::EarlyStopped, "stopped early after epoch " + std::to_string(epoch + 1) +
                                                  ": no better validation AUC for " +
                                                  std::to_string(config.patience) + " epochs");
    }
  }
  return stop(TrainOutcome::Finished, "trained for " + std::to_string(info.epochsDone) + " epochs");
}

}  // namespace

// LibTorch reports shape, memory and device failures as c10::Error; the
// callbacks may throw too. None of it may end the caller (the CLI, the studio).
Result<TrainSummary> trainCompat(const TrainRequest& request, const TrainCallbacks& callbacks,
                                 const CancelFlag* cancel) {
  return noThrow("training failed", [&] { return train(request, callbacks, cancel); });
}

}  // namespace w2w::compat
