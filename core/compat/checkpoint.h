// Checkpoints of the compatibility model: a folder with
//   config.json         what the model is and how it was trained: format
//                       version, encoder (id, kind, how to open it, dim), head
//                       and training configuration, the data it saw, the
//                       per-epoch history, and the SHA-256 of the two files below;
//   model.safetensors   the head with the best validation AUC so far
//                       (weights and standardisation buffers);
//   state.safetensors   the head after the last finished epoch plus the AdamW
//                       moments and step count, for resuming.
// The three files are replaced as one (checkpoint_files.h): a save killed at
// any instant leaves the previous checkpoint or the new one, complete, and a
// tensor file whose hash does not match config.json is refused rather than
// mixed with another epoch's.
//
// Thread-safety: plain functions; a checkpoint folder has one writer at a
// time (the run that trains into it), any number of readers.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "compat/compat_config.h"

namespace w2w::compat {

inline constexpr int kCheckpointFormatVersion = 1;
inline constexpr const char* kCheckpointConfigFile = "config.json";
inline constexpr const char* kCheckpointModelFile = "model.safetensors";
inline constexpr const char* kCheckpointStateFile = "state.safetensors";

struct EpochRecord {
  int epoch = 0;  // 1-based
  double trainLoss = 0, trainOutfitLoss = 0, trainModifiedLoss = 0;
  double valLoss = 0, valAuc = 0, valFitb = 0;
  double learningRate = 0;  // at the end of the epoch
  double seconds = 0;       // the whole epoch: steps, validation, checkpoint
  double trainSeconds = 0;  // the training steps alone
  bool improved = false;    // the best validation AUC so far
};

struct CheckpointInfo {
  std::string encoderId;    // e.g. "basic-v1"; embeddings must come from this encoder
  std::string encoderKind;  // "basic", "fashionclip"
  std::string encoderSpec;  // how to open it again: "basic" or the model folder
  int encoderDim = 0;
  TrainConfig config;
  std::string dataJson = "{}";  // a JSON object describing the training data
  std::string dataFingerprint;  // SHA-256 of the encoder id, outfit ids and vectors
  int trainOutfits = 0, valOutfits = 0;
  int epochsDone = 0;
  int bestEpoch = 0;  // 0: none yet
  double bestValAuc = 0;
  int epochsWithoutImprovement = 0;
  bool finished = false;
  std::string outcome;  // "running", "finished", "early_stopped", "cancelled", "diverged"
  std::vector<EpochRecord> history;
  std::string modelSha256, stateSha256;  // of the tensor files this config.json belongs to
};

std::string checkpointConfigJson(const CheckpointInfo& info);
// The history as a JSON array (the "history" of config.json).
std::string epochHistoryJson(const std::vector<EpochRecord>& history);
// The other way (missing fields read as 0; not an array: no epochs).
std::vector<EpochRecord> parseEpochHistory(const std::string& jsonArray);
Result<CheckpointInfo> parseCheckpointConfig(const std::string& json, const std::string& source);

// Reads and checks <dir>/config.json (format, version, every size within
// the limits of compat_config.h, files present and matching their hashes).
// Errors name the folder and what is wrong.
Result<CheckpointInfo> readCheckpointInfo(const std::string& dir);

// True when `dir` holds a checkpoint, which a new run must not replace
// without being told to.
bool holdsCheckpoint(const std::string& dir);

}  // namespace w2w::compat
