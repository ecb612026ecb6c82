// Internal to core/vision (LibTorch types): the garment parser network.
//
// A small U-Net: four 2x downsamplings (so input sides must be multiples of
// 16), two 3x3 conv + BatchNorm + ReLU per level, bilinear upsampling with
// skip connections, and a 1x1 head with one channel per GarmentLabel. About
// half a million parameters: 15-25 ms per 128x192 input on one CPU core.
#pragma once

#include <string>
#include <vector>

#include <torch/torch.h>

#include "common/result.h"
#include "vision/tensor_file.h"

namespace w2w {

struct ParserNetConfig {
  std::vector<int> channels = {16, 32, 48, 64, 96};  // per level, finest first
  int classes = 7;
  int inputWidth = 128;  // the size it was trained at (inference may differ by multiples of 16)
  int inputHeight = 192;
};

struct ConvBlockImpl : torch::nn::Module {
  ConvBlockImpl(int in, int out);
  torch::Tensor forward(torch::Tensor x);
  torch::nn::Sequential body{nullptr};
};
TORCH_MODULE(ConvBlock);

struct ParserNetImpl : torch::nn::Module {
  explicit ParserNetImpl(const ParserNetConfig& config);
  // [B,3,H,W] normalised input (see normalizeInput) -> [B,classes,H,W] logits.
  torch::Tensor forward(torch::Tensor x);

  ParserNetConfig config;
  torch::nn::ModuleList down{nullptr};
  torch::nn::ModuleList up{nullptr};
  torch::nn::Conv2d head{nullptr};
};
TORCH_MODULE(ParserNet);

// uint8 RGB [B,H,W,3] (or float 0..255 [B,3,H,W]) -> the network's input.
torch::Tensor normalizeInput(const torch::Tensor& rgbBhwc);

// Parameters and BatchNorm buffers <-> a safetensors file; the config goes
// into the metadata so a file describes its own architecture.
Status saveParserNet(ParserNet& net, const std::string& path, std::map<std::string, std::string> metadata);
Result<ParserNet> loadParserNet(const std::string& path,
                                std::map<std::string, std::string>* metadata = nullptr);

}  // namespace w2w
