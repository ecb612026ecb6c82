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
#include "format/safetensors_content.h"

namespace w2w::compat {

using NamedTensors = std::vector<std::pair<std::string, torch::Tensor>>;

// Deep copies (a snapshot of the best weights).
NamedTensors cloneTensors(const NamedTensors& tensors);

// Copies the named tensors of `content` into the head's parameters and
// buffers; every one must be present with the right shape.
Status loadHeadTensors(const format::SafetensorsContent& content, CompatHeadImpl& head,
                       const std::string& source, const std::string& prefix = "");

// Writes model.safetensors (from `best`), state.safetensors (the current head
// and the optimiser) and config.json (with the files' hashes) into `dir`,
// creating it when needed, as one atomic replacement (checkpoint_files.h).
// `info` is updated with the hashes.
Status saveCheckpoint(const std::string& dir, CheckpointInfo& info, const NamedTensors& best,
                      CompatHeadImpl& current, AdamW& optimizer);

// Reads model.safetensors of a checkpoint whose config.json gave `info`,
// checking that it holds as many values as that head has, before the head is
// built; loadHeadTensors then copies them in (checking names, shapes and
// that every value is finite).
Result<format::SafetensorsContent> readModelWeights(const std::string& dir, const CheckpointInfo& info);

// Loads the current head and the optimiser state of state.safetensors (resume).
Status loadTrainingState(const std::string& dir, CompatHeadImpl& head, AdamW& optimizer);

}  // namespace w2w::compat
