// Configuration of the compatibility model and its training (plain structs,
// defaults chosen by the experiments in docs/results/compat.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/category.h"
#include "common/result.h"

namespace w2w::compat {

// How items are projected into the compatibility space (seed discussion 3).
enum class HeadMode {
  Shared,       // one head for all categories, one latent space (the seed)
  PerCategory,  // one head per category, into one shared latent space
  PairSpaces,   // one head per category whose output has a separate space per category pair
};
const char* headModeName(HeadMode mode);  // "shared", "per_category", "pair_spaces"
std::optional<HeadMode> parseHeadMode(const std::string& name);

struct HeadConfig {
  int inputDim = 0;  // D of the encoder
  int hiddenDim = 512;
  int outputDim = 128;  // size of the latent space (of each pair space in PairSpaces)
  double dropout = 0.1;
  HeadMode mode = HeadMode::Shared;
  bool standardize = true;  // subtract the training mean and divide by the std per dimension first
  int ensemble = 5;         // independent heads trained side by side; the similarity is their mean
  // The outfit slots' categories (compat/outfit_set.h); empty: the training
  // data's. Checkpoints written before layouts existed have the seed's three.
  std::vector<Category> slots;

  bool operator==(const HeadConfig& o) const {
    return inputDim == o.inputDim && hiddenDim == o.hiddenDim && outputDim == o.outputDim &&
           dropout == o.dropout && mode == o.mode && standardize == o.standardize && ensemble == o.ensemble &&
           slots == o.slots;
  }
};

struct LossConfig {
  double temperature = 0.1;     // InfoNCE temperature
  double threshold = 0.0;       // modified loss: hinge below this pair similarity, none above
  double modifiedWeight = 1.0;  // loss = outfit loss + weight * modified loss
};

struct TrainConfig {
  HeadConfig head;
  LossConfig loss;
  int epochs = 60;
  int batchSize = 256;               // outfits per step (smaller sets: balanced batches)
  double learningRate = 1e-3;        // AdamW peak
  double weightDecay = 0.05;         // decoupled, on weight matrices only
  double warmupFraction = 0.05;      // of all steps: linear warm-up, then cosine decay to 0
  int curriculumEpochs = 0;          // outfit loss alone for this many epochs (seed discussion 2)
  double noiseStd = 0.0;             // augmentation: Gaussian noise on the (standardised) inputs
  double featureDropout = 0.0;       // augmentation: drop input dimensions with this probability
  double validationFraction = 0.15;  // outfits held out for early stopping
  int patience = 15;                 // stop after this many epochs without a better validation AUC
  int evalRounds = 3;                // modified outfits per validation outfit
  std::uint64_t seed = 0;
  int threads = 2;           // intra-op threads (the machine's cores)
  double maxGradNorm = 1e6;  // a larger (or non-finite) gradient norm stops the run as diverged
};

// JSON text (keys as the field names in snake_case) and back; unknown keys
// are errors, missing keys keep their defaults.
std::string trainConfigJson(const TrainConfig& config);
Result<TrainConfig> parseTrainConfig(const std::string& json);
std::string headConfigJson(const HeadConfig& head);
Result<HeadConfig> parseHeadConfig(const std::string& json);

// The largest head a training request or a checkpoint may describe: any
// size a person could mean, and a head (with its optimiser state and the
// latent vectors of a few thousand outfits) that fits in a desktop's memory.
// A checkpoint's config.json is checked against these before anything is
// allocated, so a corrupt or hostile file gets an error, not an out-of-memory.
inline constexpr int kMaxEnsemble = 64;
inline constexpr int kMaxLayerWidth = 65536;                // input, hidden and latent sizes
inline constexpr long long kMaxLatentWidth = 65536;         // all members' latent vectors side by side
inline constexpr long long kMaxHeadParameters = 1LL << 27;  // 512 MB of float32

// Parameters and buffers of a head with this configuration (what its
// model.safetensors holds), computed without building it.
long long headParameterCount(const HeadConfig& head);

// Checks ranges (and the limits above); the message names the bad field.
Status validateConfig(const TrainConfig& config);

}  // namespace w2w::compat
