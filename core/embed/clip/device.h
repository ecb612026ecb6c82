// Which device inference runs on: CUDA when this LibTorch build and the machine
// have it, the CPU otherwise.
#pragma once

#include <string>

#include <torch/types.h>

namespace w2w::clip {

// "auto" (CUDA if available, else CPU), "cpu" or "cuda" / "cuda:N".
// Throws nothing; an unavailable or unknown device falls back to an error string.
struct DeviceChoice {
  torch::Device device{torch::kCPU};
  std::string error;  // non-empty when the request cannot be honoured
};

DeviceChoice chooseDevice(const std::string& request);

// Human-readable name of a device ("CPU", "CUDA 0: NVIDIA H100 ..." when known).
std::string describeDevice(const torch::Device& device);

}  // namespace w2w::clip
