// Internal to core/compat (LibTorch types): writing and reading the tensor
// files of a checkpoint (see checkpoint.h for the layout).
#pragma once

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

#include "compat/adamw.h"
#include "compat/checkpoint.h"
#include "compat/compat_head.h"
#include "compat/safetensors_file.h"

namespace w2w::compat {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// Deep copies (a snapshot of the best weights).
NamedTensors cloneTensors(const NamedTensors& tensors);

// Copies the named tensors of `content` into the head's parameters and
// buffers; every one must be present with the right shape.
Status loadHeadTensors(const SafetensorsContent& content, CompatHeadImpl& head, const std::string& source,
                       const std::string& prefix = "");

// Writes model.safetensors (from `best`), state.safetensors (the current head
// and the optimiser) and then config.json (with the files' hashes) into `dir`,
// creating it when needed. `info` is updated with the hashes.
Status saveCheckpoint(const std::string& dir, CheckpointInfo& info, const NamedTensors& best,
                      CompatHeadImpl& current, AdamW& optimizer);

// Loads the head of model.safetensors (inference).
Status loadModelWeights(const std::string& dir, CompatHeadImpl& head);

// Loads the current head and the optimiser state of state.safetensors (resume).
Status loadTrainingState(const std::string& dir, CompatHeadImpl& head, AdamW& optimizer);

}  // namespace w2w::compat
