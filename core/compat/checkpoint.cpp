#include "compat/checkpoint.h"

#include <chrono>
#include <thread>

#include "compat/checkpoint_files.h"
#include "compat/outfit_set.h"
#include "format/json.h"
#include "io/file_io.h"

namespace w2w::compat {
namespace {

using format::Json;

Json epochJson(const EpochRecord& e) {
  return {{"epoch", e.epoch},
          {"train_loss", e.trainLoss},
          {"train_outfit_loss", e.trainOutfitLoss},
          {"train_modified_loss", e.trainModifiedLoss},
          {"val_loss", e.valLoss},
          {"val_auc", e.valAuc},
          {"val_fitb", e.valFitb},
          {"learning_rate", e.learningRate},
          {"seconds", e.seconds},
          {"train_seconds", e.trainSeconds},
          {"improved", e.improved}};
}

EpochRecord epochFromJson(const Json& o) {
  EpochRecord e;
  e.epoch = format::intOr(o, "epoch");
  e.trainLoss = format::numberOr(o, "train_loss");
  e.trainOutfitLoss = format::numberOr(o, "train_outfit_loss");
  e.trainModifiedLoss = format::numberOr(o, "train_modified_loss");
  e.valLoss = format::numberOr(o, "val_loss");
  e.valAuc = format::numberOr(o, "val_auc");
  e.valFitb = format::numberOr(o, "val_fitb");
  e.learningRate = format::numberOr(o, "learning_rate");
  e.seconds = format::numberOr(o, "seconds");
  e.trainSeconds = format::numberOr(o, "train_seconds");
  e.improved = format::boolOr(o, "improved");
  return e;
}

}  // namespace

std::vector<EpochRecord> parseEpochHistory(const std::string& jsonArray) {
  std::vector<EpochRecord> history;
  auto parsed = format::parseJson(jsonArray);
  if (!parsed || !parsed->is_array()) return history;
  for (const Json& e : *parsed) history.push_back(epochFromJson(e));
  return history;
}

std::string epochHistoryJson(const std::vector<EpochRecord>& history) {
  Json array = Json::array();
  for (const EpochRecord& e : history) array.push_back(epochJson(e));
  return format::dumpJson(array);
}

std::string checkpointConfigJson(const CheckpointInfo& info) {
  Json history = Json::array();
  for (const EpochRecord& e : info.history) history.push_back(epochJson(e));
  Json training = format::parseObjectOrEmpty(trainConfigJson(info.config));
  const Json head = format::objectOf(training, "head");
  training.erase("head");
  const Json json{
      {"format", "what2wear-compat"},
      {"format_version", kCheckpointFormatVersion},
      {"encoder",
       {{"id", info.encoderId},
        {"kind", info.encoderKind},
        {"spec", info.encoderSpec},
        {"dim", info.encoderDim}}},
      {"head", head},
      {"training", training},
      {"data", format::parseObjectOrEmpty(info.dataJson)},
      {"data_fingerprint", info.dataFingerprint},
      {"progress",
       {{"train_outfits", info.trainOutfits},
        {"val_outfits", info.valOutfits},
        {"epochs_done", info.epochsDone},
        {"best_epoch", info.bestEpoch},
        {"best_val_auc", info.bestValAuc},
        {"epochs_without_improvement", info.epochsWithoutImprovement},
        {"finished", info.finished},
        {"outcome", info.outcome}}},
      {"history", history},
      {"files", {{kCheckpointModelFile, info.modelSha256}, {kCheckpointStateFile, info.stateSha256}}}};
  return format::dumpJson(json, 4);
}

Result<CheckpointInfo> parseCheckpointConfig(const std::string& text, const std::string& source) {
  auto parsed = format::parseJson(text);
  if (!parsed) return makeError(source + ": corrupt checkpoint config (" + parsed.message() + ")");
  if (!parsed->is_object()) return makeError(source + ": corrupt checkpoint config (not a JSON object)");
  const Json& root = *parsed;
  if (format::stringOr(root, "format") != "what2wear-compat") {
    return makeError(source + ": not a What2Wear compatibility checkpoint");
  }
  const std::int64_t version = format::integerOr(root, "format_version");
  if (version != kCheckpointFormatVersion) {
    return makeError(source + ": checkpoint format version " + std::to_string(version) +
                     " (this build reads " + std::to_string(kCheckpointFormatVersion) + ")");
  }
  CheckpointInfo info;
  const Json& encoder = format::objectOf(root, "encoder");
  info.encoderId = format::stringOr(encoder, "id");
  info.encoderKind = format::stringOr(encoder, "kind");
  info.encoderSpec = format::stringOr(encoder, "spec");
  info.encoderDim = format::intOr(encoder, "dim");
  Json training = format::objectOf(root, "training");
  training["head"] = format::objectOf(root, "head");
  auto config = parseTrainConfig(format::dumpJson(training));
  if (!config) return makeError(source + ": " + config.message());
  info.config = *config;
  // Checkpoints from before outfit layouts were recorded are the seed's three slots.
  if (info.config.head.slots.empty()) info.config.head.slots = seedLayout();
  info.dataJson = format::dumpJson(format::objectOf(root, "data"));
  info.dataFingerprint = format::stringOr(root, "data_fingerprint");
  const Json& progress = format::objectOf(root, "progress");
  info.trainOutfits = format::intOr(progress, "train_outfits");
  info.valOutfits = format::intOr(progress, "val_outfits");
  info.epochsDone = format::intOr(progress, "epochs_done");
  info.bestEpoch = format::intOr(progress, "best_epoch");
  info.bestValAuc = format::numberOr(progress, "best_val_auc");
  info.epochsWithoutImprovement = format::intOr(progress, "epochs_without_improvement");
  info.finished = format::boolOr(progress, "finished");
  info.outcome = format::stringOr(progress, "outcome");
  for (const Json& e : format::arrayOf(root, "history")) info.history.push_back(epochFromJson(e));
  const Json& files = format::objectOf(root, "files");
  info.modelSha256 = format::stringOr(files, kCheckpointModelFile);
  info.stateSha256 = format::stringOr(files, kCheckpointStateFile);
  if (info.encoderDim <= 0 || info.encoderId.empty())
    return makeError(source + ": checkpoint names no encoder");
  // Every size is checked here, before anything is allocated from it.
  if (Status s = validateConfig(info.config); !s) return makeError(source + ": " + s.message());
  if (info.config.head.inputDim != info.encoderDim) {
    return makeError(source + ": the head takes " + std::to_string(info.config.head.inputDim) +
                     "-dimensional embeddings but the encoder gives " + std::to_string(info.encoderDim));
  }
  if (info.epochsDone < 0 || info.bestEpoch < 0 || info.bestEpoch > info.epochsDone)
    return makeError(source + ": inconsistent progress (the best epoch is not one of the epochs done)");
  return info;
}

namespace {

Result<CheckpointInfo> readCheckpointInfoOnce(const std::string& dir) {
  const std::string configPath = checkpointFilePath(dir, kCheckpointConfigFile);
  auto text = readFileBytes(configPath, 64LL << 20);
  if (!text) {
    return makeError(dir + ": not a checkpoint folder (" + text.message() + ")");
  }
  auto info = parseCheckpointConfig(std::string(text->begin(), text->end()), configPath);
  if (!info) return info;
  for (const auto& [file, sha] :
       {std::pair<std::string, std::string>{kCheckpointModelFile, info->modelSha256},
        std::pair<std::string, std::string>{kCheckpointStateFile, info->stateSha256}}) {
    auto hash = sha256OfFile(checkpointFilePath(dir, file));
    if (!hash) return makeError(dir + ": checkpoint is incomplete: " + hash.message());
    if (*hash != sha) {
      return makeError(dir + "/" + file + ": does not match config.json (corrupt file or interrupted save?)");
    }
  }
  return info;
}

}  // namespace

Result<CheckpointInfo> readCheckpointInfo(const std::string& dir) {
  // A save that runs meanwhile may move files between two reads; the
  // checkpoint is complete before and after it, so read it again.
  Result<CheckpointInfo> info = readCheckpointInfoOnce(dir);
  for (int retry = 0; retry < 3 && !info; ++retry) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    info = readCheckpointInfoOnce(dir);
  }
  return info;
}

}  // namespace w2w::compat
