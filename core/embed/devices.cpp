#include "embed/devices.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include "embed/clip/device.h"

namespace w2w {

bool cudaAvailable() { return torch::cuda::is_available(); }

std::vector<ComputeDevice> availableDevices() {
  std::vector<ComputeDevice> out;
  out.push_back({"cpu", "CPU (" + std::to_string(at::get_num_threads()) + " threads)"});
  if (cudaAvailable()) {
    for (std::size_t i = 0; i < torch::cuda::device_count(); ++i) {
      const torch::Device device(torch::kCUDA, static_cast<c10::DeviceIndex>(i));
      out.push_back({"cuda:" + std::to_string(i), clip::describeDevice(device)});
    }
  }
  return out;
}

}  // namespace w2w
