#include <gtest/gtest.h>

#include <torch/cuda.h>

#include "embed/clip/device.h"

namespace {

TEST(Device, CpuIsAlwaysAvailable) {
  const auto choice = w2w::clip::chooseDevice("cpu");
  EXPECT_TRUE(choice.error.empty());
  EXPECT_TRUE(choice.device.is_cpu());
}

TEST(Device, UnknownNameIsAnError) {
  const auto choice = w2w::clip::chooseDevice("tpu");
  EXPECT_NE(choice.error.find("unknown device"), std::string::npos);
}

TEST(Device, AutoPicksCudaOnlyWhenPresent) {
  const auto choice = w2w::clip::chooseDevice("auto");
  EXPECT_TRUE(choice.error.empty());
  EXPECT_EQ(choice.device.is_cuda(), torch::cuda::is_available());
}

TEST(Device, MissingCudaIsAClearError) {
  if (torch::cuda::is_available()) GTEST_SKIP() << "this machine has CUDA";
  const auto choice = w2w::clip::chooseDevice("cuda");
  EXPECT_NE(choice.error.find("no CUDA device"), std::string::npos);
}

}  // namespace
