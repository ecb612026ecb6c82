#include "compat/checkpoint_io.h"

#include <QDir>

#include "io/file_io.h"

namespace w2w::compat {
namespace {

TensorData toData(const torch::Tensor& t) {
  const torch::Tensor c = t.detach().to(torch::kFloat32).contiguous();
  return TensorData::fromFloats(c.sizes().vec(), c.data_ptr<float>());
}

void addTensors(SafetensorsContent& content, const NamedTensors& tensors, const std::string& prefix) {
  for (const auto& [name, t] : tensors) content.tensors[prefix + name] = toData(t);
}

Status copyInto(const SafetensorsContent& content, const std::string& name, torch::Tensor target,
                const std::string& source) {
  auto data = content.get(name, "F32", target.sizes().vec(), source);
  if (!data) return data.error();
  const std::vector<float> values = (*data)->floats();
  torch::NoGradGuard noGrad;
  target.copy_(torch::from_blob(const_cast<float*>(values.data()), target.sizes(), torch::kFloat32));
  return Status::success();
}

}  // namespace

NamedTensors cloneTensors(const NamedTensors& tensors) {
  NamedTensors out;
  for (const auto& [name, t] : tensors) out.emplace_back(name, t.detach().clone());
  return out;
}

Status loadHeadTensors(const SafetensorsContent& content, CompatHeadImpl& head, const std::string& source,
                       const std::string& prefix) {
  for (const auto& [name, t] : headTensors(head)) {
    if (Status s = copyInto(content, prefix + name, t, source); !s) return s;
  }
  return Status::success();
}

Status saveCheckpoint(const std::string& dir, CheckpointInfo& info, const NamedTensors& best,
                      CompatHeadImpl& current, AdamW& optimizer) {
  if (!QDir().mkpath(QString::fromStdString(dir)))
    return makeError(dir + ": cannot create the checkpoint folder");
  SafetensorsContent model;
  addTensors(model, best, "");
  model.metadata["format"] = "what2wear-compat-head";
  model.metadata["head"] = headConfigJson(info.config.head);
  model.metadata["encoder_id"] = info.encoderId;

  SafetensorsContent state;
  addTensors(state, headTensors(current), "head.");
  for (AdamW::Slot& s : optimizer.slots()) {
    state.tensors["adamw.exp_avg." + s.name] = toData(s.exp_avg);
    state.tensors["adamw.exp_avg_sq." + s.name] = toData(s.exp_avg_sq);
  }
  const std::int64_t steps = optimizer.steps();
  state.tensors["adamw.steps"] = TensorData::fromInt64({1}, &steps);
  state.metadata["format"] = "what2wear-compat-state";

  const Bytes modelBytes = serializeSafetensors(model);
  const Bytes stateBytes = serializeSafetensors(state);
  info.modelSha256 = sha256Hex(modelBytes);
  info.stateSha256 = sha256Hex(stateBytes);
  const std::string config = checkpointConfigJson(info);
  if (Status s = writeFileAtomically(dir + "/" + kCheckpointModelFile, modelBytes); !s) return s;
  if (Status s = writeFileAtomically(dir + "/" + kCheckpointStateFile, stateBytes); !s) return s;
  return writeFileAtomically(dir + "/" + kCheckpointConfigFile, Bytes(config.begin(), config.end()));
}

Status loadModelWeights(const std::string& dir, CompatHeadImpl& head) {
  const std::string path = dir + "/" + kCheckpointModelFile;
  auto content = readSafetensors(path);
  if (!content) return content.error();
  return loadHeadTensors(*content, head, path);
}

Status loadTrainingState(const std::string& dir, CompatHeadImpl& head, AdamW& optimizer) {
  const std::string path = dir + "/" + kCheckpointStateFile;
  auto content = readSafetensors(path);
  if (!content) return content.error();
  if (Status s = loadHeadTensors(*content, head, path, "head."); !s) return s;
  for (AdamW::Slot& s : optimizer.slots()) {
    if (Status st = copyInto(*content, "adamw.exp_avg." + s.name, s.exp_avg, path); !st) return st;
    if (Status st = copyInto(*content, "adamw.exp_avg_sq." + s.name, s.exp_avg_sq, path); !st) return st;
  }
  auto steps = content->get("adamw.steps", "I64", {1}, path);
  if (!steps) return steps.error();
  optimizer.setSteps((*steps)->int64s().at(0));
  return Status::success();
}

}  // namespace w2w::compat
