// Precompiled header for translation units that use LibTorch (see
// w2w_torch_pch in W2WBuildHelpers.cmake). Only torch and the standard
// library belong here, so that w2w_clip can share it on a LibTorch-only build.
#pragma once
#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>
