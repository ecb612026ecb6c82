// The compute devices this build and machine offer, without exposing LibTorch.
#pragma once

#include <string>
#include <vector>

namespace w2w {

struct ComputeDevice {
  std::string id;    // "cpu", "cuda:0", ...
  std::string name;  // "CPU (2 threads)", "CUDA 0"
};

// The CPU always; CUDA devices when this LibTorch build and the machine have them.
std::vector<ComputeDevice> availableDevices();
bool cudaAvailable();

}  // namespace w2w
