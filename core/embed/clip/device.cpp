#include "embed/clip/device.h"

#include <torch/cuda.h>

namespace w2w::clip {

DeviceChoice chooseDevice(const std::string& request) {
  DeviceChoice choice;
  const bool cudaAvailable = torch::cuda::is_available();
  if (request.empty() || request == "auto") {
    choice.device = cudaAvailable ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
    return choice;
  }
  if (request == "cpu") return choice;
  if (request.rfind("cuda", 0) == 0) {
    if (!cudaAvailable) {
      choice.error =
          "device '" + request + "' requested, but this build of LibTorch or this machine has no CUDA device";
      return choice;
    }
    int index = 0;
    if (request.size() > 5 && request[4] == ':') {
      try {
        index = std::stoi(request.substr(5));
      } catch (...) {
        choice.error = "bad device '" + request + "' (expected cpu, cuda or cuda:N)";
        return choice;
      }
    }
    if (index < 0 || index >= static_cast<int>(torch::cuda::device_count())) {
      choice.error = "device '" + request + "' does not exist (" +
                     std::to_string(torch::cuda::device_count()) + " CUDA device(s))";
      return choice;
    }
    choice.device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index));
    return choice;
  }
  choice.error = "unknown device '" + request + "' (expected auto, cpu, cuda or cuda:N)";
  return choice;
}

std::string describeDevice(const torch::Device& device) {
  if (device.is_cuda()) return "CUDA " + std::to_string(device.index());
  return "CPU";
}

}  // namespace w2w::clip
