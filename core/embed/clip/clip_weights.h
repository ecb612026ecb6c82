// ClipVisionWeights: the vision tower's tensors in one canonical form, read
// from either layout (or drawn at random for tests and benchmarks).
//
// Canonical form (PyTorch's [out, in] for linear weights):
//   patch [W,3,P,P], classEmbedding [W], positionEmbedding [T,W],
//   per layer: qkv [3W,W] (Q, K, V stacked, as open_clip's in_proj), qkvBias [3W],
//   out [W,W], fc1 [M,W], fc2 [W,M] with biases, LayerNorm weights/biases,
//   projection [D,W] (HF's visual_projection.weight; open_clip's visual.proj transposed).
// All tensors are float32 on the CPU; VisionTransformer converts them once to
// its device and precision.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <torch/types.h>

#include "common/result.h"
#include "embed/clip/clip_config.h"
#include "format/safetensors.h"

namespace w2w::clip {

struct ClipLayerWeights {
  torch::Tensor ln1Weight, ln1Bias;
  torch::Tensor qkv, qkvBias;
  torch::Tensor out, outBias;
  torch::Tensor ln2Weight, ln2Bias;
  torch::Tensor fc1, fc1Bias;
  torch::Tensor fc2, fc2Bias;
};

struct ClipVisionWeights {
  torch::Tensor patch;
  torch::Tensor classEmbedding;
  torch::Tensor positionEmbedding;
  torch::Tensor preLnWeight, preLnBias;
  std::vector<ClipLayerWeights> layers;
  torch::Tensor postLnWeight, postLnBias;
  torch::Tensor projection;
};

// Reads the tower in the config's layout. Missing keys, unexpected keys under
// the vision prefix ("vision_model." / "visual_projection." or "visual."),
// wrong shapes and non-float dtypes are errors naming the file and the key;
// keys outside the tower (text tower, logit_scale) and position_ids buffers
// are ignored.
Result<ClipVisionWeights> loadClipWeights(const std::shared_ptr<const format::SafetensorsFile>& file,
                                          const ClipVisionConfig& config);

// Random weights with CLIP-like scales, reproducible from the seed.
ClipVisionWeights randomClipWeights(const ClipVisionConfig& config, std::uint64_t seed);

}  // namespace w2w::clip
