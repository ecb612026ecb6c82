#include "compat/checkpoint_io.h"

#include <algorithm>
#include <cmath>

#include "compat/checkpoint_files.h"
#include "io/file_io.h"

namespace w2w::compat {
namespace {

format::TensorData toData(const torch::Tensor& t) {
  const torch::Tensor c = t.detach().to(torch::kFloat32).contiguous();
  return format::TensorData::fromFloats(c.sizes().vec(), c.data_ptr<float>());
}

void addTensors(format::SafetensorsContent& content, const NamedTensors& tensors, const std::string& prefix) {
  for (const auto& [name, t] : tensors) content.tensors[prefix + name] = toData(t);
}

Status copyInto(const format::SafetensorsContent& content, const std::string& name, torch::Tensor target,
                const std::string& source) {
  auto data = content.get(name, "F32", target.sizes().vec(), source);
  if (!data) return data.error();
  const std::vector<float> values = (*data)->floats();
  if (!std::all_of(values.begin(), values.end(), [](float v) { return std::isfinite(v); }))
    return makeError(source + ": tensor '" + name + "' has non-finite values (NaN or infinity)");
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

Status loadHeadTensors(const format::SafetensorsContent& content, CompatHeadImpl& head,
                       const std::string& source, const std::string& prefix) {
  for (const auto& [name, t] : headTensors(head)) {
    if (Status s = copyInto(content, prefix + name, t, source); !s) return s;
  }
  return Status::success();
}

Status saveCheckpoint(const std::string& dir, CheckpointInfo& info, const NamedTensors& best,
                      CompatHeadImpl& current, AdamW& optimizer) {
  format::SafetensorsContent model;
  addTensors(model, best, "");
  model.metadata["format"] = "what2wear-compat-head";
  model.metadata["head"] = headConfigJson(info.config.head);
  model.metadata["encoder_id"] = info.encoderId;

  format::SafetensorsContent state;
  addTensors(state, headTensors(current), "head.");
  for (AdamW::Slot& s : optimizer.slots()) {
    state.tensors["adamw.exp_avg." + s.name] = toData(s.exp_avg);
    state.tensors["adamw.exp_avg_sq." + s.name] = toData(s.exp_avg_sq);
  }
  const std::int64_t steps = optimizer.steps();
  state.tensors["adamw.steps"] = format::TensorData::fromInt64({1}, &steps);
  state.metadata["format"] = "what2wear-compat-state";

  CheckpointFiles files;
  files.model = format::serializeSafetensors(model);
  files.state = format::serializeSafetensors(state);
  info.modelSha256 = sha256Hex(files.model);
  info.stateSha256 = sha256Hex(files.state);
  const std::string config = checkpointConfigJson(info);
  files.config.assign(config.begin(), config.end());
  return writeCheckpointFiles(dir, files);
}

Result<format::SafetensorsContent> readModelWeights(const std::string& dir, const CheckpointInfo& info) {
  const std::string path = checkpointFilePath(dir, kCheckpointModelFile);
  auto bytes = readFileBytes(path);
  if (!bytes) return bytes.error();
  if (sha256Hex(*bytes) != info.modelSha256)
    return makeError(path + ": does not match config.json (corrupt file, or saved again while being read)");
  auto content = format::parseSafetensors(*bytes, path);
  if (!content) return content.error();
  // Before the head is built from config.json: the file must hold exactly
  // as many values as that head has (a config that asks for more than its
  // tensors would otherwise allocate for nothing).
  long long values = 0;
  for (const auto& [name, tensor] : content->tensors) values += tensor.elements();
  const long long expected = headParameterCount(info.config.head);
  if (values != expected) {
    return makeError(path + ": holds " + std::to_string(values) +
                     " values, but the head config.json describes has " + std::to_string(expected) +
                     " (corrupt checkpoint?)");
  }
  return content;
}

Status loadTrainingState(const std::string& dir, CompatHeadImpl& head, AdamW& optimizer) {
  const std::string path = checkpointFilePath(dir, kCheckpointStateFile);
  auto content = format::readSafetensors(path);
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
