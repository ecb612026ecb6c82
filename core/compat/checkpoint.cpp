#include "compat/checkpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>
#include <thread>

#include "compat/checkpoint_files.h"
#include "compat/outfit_set.h"
#include "io/file_io.h"

namespace w2w::compat {
namespace {

QJsonObject objectOf(const std::string& json) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
}

QJsonObject epochJson(const EpochRecord& e) {
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

EpochRecord epochFromJson(const QJsonObject& o) {
  EpochRecord e;
  e.epoch = o.value("epoch").toInt();
  e.trainLoss = o.value("train_loss").toDouble();
  e.trainOutfitLoss = o.value("train_outfit_loss").toDouble();
  e.trainModifiedLoss = o.value("train_modified_loss").toDouble();
  e.valLoss = o.value("val_loss").toDouble();
  e.valAuc = o.value("val_auc").toDouble();
  e.valFitb = o.value("val_fitb").toDouble();
  e.learningRate = o.value("learning_rate").toDouble();
  e.seconds = o.value("seconds").toDouble();
  e.trainSeconds = o.value("train_seconds").toDouble();
  e.improved = o.value("improved").toBool();
  return e;
}

}  // namespace

std::vector<EpochRecord> parseEpochHistory(const std::string& jsonArray) {
  std::vector<EpochRecord> history;
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(jsonArray));
  for (const QJsonValue e : doc.array()) history.push_back(epochFromJson(e.toObject()));
  return history;
}

std::string epochHistoryJson(const std::vector<EpochRecord>& history) {
  QJsonArray array;
  for (const EpochRecord& e : history) array.append(epochJson(e));
  return QJsonDocument(array).toJson(QJsonDocument::Compact).toStdString();
}

std::string checkpointConfigJson(const CheckpointInfo& info) {
  QJsonArray history;
  for (const EpochRecord& e : info.history) history.append(epochJson(e));
  QJsonObject training = objectOf(trainConfigJson(info.config));
  const QJsonObject head = training.take("head").toObject();
  const QJsonObject json{
      {"format", "what2wear-compat"},
      {"format_version", kCheckpointFormatVersion},
      {"encoder", QJsonObject{{"id", QString::fromStdString(info.encoderId)},
                              {"kind", QString::fromStdString(info.encoderKind)},
                              {"spec", QString::fromStdString(info.encoderSpec)},
                              {"dim", info.encoderDim}}},
      {"head", head},
      {"training", training},
      {"data", objectOf(info.dataJson)},
      {"data_fingerprint", QString::fromStdString(info.dataFingerprint)},
      {"progress", QJsonObject{{"train_outfits", info.trainOutfits},
                               {"val_outfits", info.valOutfits},
                               {"epochs_done", info.epochsDone},
                               {"best_epoch", info.bestEpoch},
                               {"best_val_auc", info.bestValAuc},
                               {"epochs_without_improvement", info.epochsWithoutImprovement},
                               {"finished", info.finished},
                               {"outcome", QString::fromStdString(info.outcome)}}},
      {"history", history},
      {"files", QJsonObject{{kCheckpointModelFile, QString::fromStdString(info.modelSha256)},
                            {kCheckpointStateFile, QString::fromStdString(info.stateSha256)}}}};
  return QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
}

Result<CheckpointInfo> parseCheckpointConfig(const std::string& text, const std::string& source) {
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
  if (!doc.isObject())
    return makeError(source + ": corrupt checkpoint config (" + error.errorString().toStdString() + ")");
  const QJsonObject root = doc.object();
  if (root.value("format").toString() != "what2wear-compat") {
    return makeError(source + ": not a What2Wear compatibility checkpoint");
  }
  const int version = root.value("format_version").toInt();
  if (version != kCheckpointFormatVersion) {
    return makeError(source + ": checkpoint format version " + std::to_string(version) +
                     " (this build reads " + std::to_string(kCheckpointFormatVersion) + ")");
  }
  CheckpointInfo info;
  const QJsonObject encoder = root.value("encoder").toObject();
  info.encoderId = encoder.value("id").toString().toStdString();
  info.encoderKind = encoder.value("kind").toString().toStdString();
  info.encoderSpec = encoder.value("spec").toString().toStdString();
  info.encoderDim = encoder.value("dim").toInt();
  QJsonObject training = root.value("training").toObject();
  training["head"] = root.value("head").toObject();
  auto config = parseTrainConfig(QJsonDocument(training).toJson(QJsonDocument::Compact).toStdString());
  if (!config) return makeError(source + ": " + config.message());
  info.config = *config;
  // Checkpoints from before outfit layouts were recorded are the seed's three slots.
  if (info.config.head.slots.empty()) info.config.head.slots = seedLayout();
  info.dataJson = QJsonDocument(root.value("data").toObject()).toJson(QJsonDocument::Compact).toStdString();
  info.dataFingerprint = root.value("data_fingerprint").toString().toStdString();
  const QJsonObject progress = root.value("progress").toObject();
  info.trainOutfits = progress.value("train_outfits").toInt();
  info.valOutfits = progress.value("val_outfits").toInt();
  info.epochsDone = progress.value("epochs_done").toInt();
  info.bestEpoch = progress.value("best_epoch").toInt();
  info.bestValAuc = progress.value("best_val_auc").toDouble();
  info.epochsWithoutImprovement = progress.value("epochs_without_improvement").toInt();
  info.finished = progress.value("finished").toBool();
  info.outcome = progress.value("outcome").toString().toStdString();
  for (const QJsonValue e : root.value("history").toArray())
    info.history.push_back(epochFromJson(e.toObject()));
  const QJsonObject files = root.value("files").toObject();
  info.modelSha256 = files.value(kCheckpointModelFile).toString().toStdString();
  info.stateSha256 = files.value(kCheckpointStateFile).toString().toStdString();
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
