// Training the compatibility model (seed, section 3; design.md).
//
// The outfits are split into training and validation outfits (by outfit: a
// hash of the outfit id decides, so every seed and option validates on the
// same outfits). Each step takes a batch of outfits, builds the modified outfits
// inside the batch (so every replacement is another outfit's real item, and
// the head runs once per item), and minimises
//   outfit loss + modified weight x modified loss
// with AdamW, a linear warm-up and cosine decay. After every epoch the
// validation outfits are evaluated (AUC of real versus modified, FITB) and a
// checkpoint is written: model.safetensors holds the best epoch so far by
// validation AUC, state.safetensors the last epoch for resuming. Training
// stops after the configured epochs, or early when the validation AUC has not
// improved for `patience` epochs.
//
// Reproducible: the same data, configuration and seed give the same numbers
// (on the same machine and thread count), and a resumed run continues exactly
// as an uninterrupted one would have.
//
// Thread-safety: trainCompat() runs on the calling thread (the studio calls it
// from a worker) and shares nothing with other calls; the callbacks are called
// on that thread. Cancelling (CancelFlag, any thread) stops before the next
// step; the checkpoint of the last finished epoch stays as it was. A NaN or
// exploding loss stops the run the same way, with a message.
#pragma once

#include <functional>
#include <string>

#include "common/progress.h"
#include "common/result.h"
#include "compat/checkpoint.h"
#include "compat/compat_config.h"
#include "compat/evaluator.h"
#include "compat/outfit_set.h"

namespace w2w::compat {

struct TrainRequest {
  OutfitSet outfits;          // everything to learn from; split inside
  TrainConfig config;         // head.inputDim 0: taken from the data
  std::string checkpointDir;  // written after every epoch
  bool resume = false;        // continue the run saved in checkpointDir
  std::string encoderKind = "basic";
  std::string encoderSpec = "basic";  // how to open the encoder again (recorded in the checkpoint)
  std::string dataJson = "{}";        // a JSON object describing the data (recorded)
};

struct StepInfo {
  int epoch = 0, epochs = 0;  // 1-based epoch
  int step = 0, steps = 0;    // 1-based step within the epoch
  double loss = 0, outfitLoss = 0, modifiedLoss = 0;
  double learningRate = 0;
};

struct TrainCallbacks {
  std::function<void(const StepInfo&)> onStep;
  std::function<void(const EpochRecord&)> onEpoch;
  // After onEpoch: the epoch's whole evaluation of the validation outfits
  // (histograms, threshold curve, per pair), for the studio's live views.
  std::function<void(int epoch, const EvalReport&)> onValidation;
};

enum class TrainOutcome { Finished, EarlyStopped, Cancelled, Diverged };
const char* trainOutcomeName(TrainOutcome outcome);

struct TrainSummary {
  TrainOutcome outcome = TrainOutcome::Finished;
  std::string message;  // one line: what happened and what the checkpoint holds
  bool checkpointWritten = false;
  CheckpointInfo checkpoint;  // as last written (or as found, when nothing new was written)
  double seconds = 0;
};

// Errors (bad data, bad configuration, a checkpoint that does not fit the
// data, a file that cannot be written) come back as Error; cancellation and
// divergence are outcomes of a successful call.
Result<TrainSummary> trainCompat(const TrainRequest& request, const TrainCallbacks& callbacks = {},
                                 const CancelFlag* cancel = nullptr);

// The outfit indices that trainCompat trains and validates on: the outfits
// whose id hashes lowest (validationFraction of them, at least 2) validate.
void splitTrainValidation(const std::vector<std::string>& ids, double validationFraction,
                          std::vector<int>& train, std::vector<int>& validation);

// A fraction of the outfits chosen by a salted hash of their ids (sorted
// indices): the same outfits every time, e.g. for learning curves. Salt 0
// orders like the validation split.
std::vector<int> selectByIdHash(const std::vector<std::string>& ids, double fraction, std::uint64_t salt);

}  // namespace w2w::compat
