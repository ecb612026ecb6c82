// Turning safetensors entries into torch tensors (the torch half of the
// reader; safetensors.h itself is standard-library only so it can be fuzzed).
#pragma once

#include <memory>
#include <string_view>

#include <torch/types.h>

#include "common/result.h"
#include "format/safetensors.h"

namespace w2w::clip {

// The torch dtype of a safetensors dtype, or an error for F8 types (which
// LibTorch 1.13 does not have).
Result<torch::Dtype> torchDtypeOf(format::StDtype dtype);

// A CPU tensor with the entry's own dtype and shape that views the file's bytes
// without copying (it keeps the file alive). Unaligned data is copied once.
Result<torch::Tensor> tensorView(const std::shared_ptr<const format::SafetensorsFile>& file,
                                 const format::StTensorInfo& info);

// The named tensor as floating point: F32 as is, F16/BF16/F64 converted to
// float32 unless keepDtype (then F16/BF16 keep their dtype). Integer and bool
// entries are an error naming the file and the key. The result owns its memory.
Result<torch::Tensor> loadFloatTensor(const std::shared_ptr<const format::SafetensorsFile>& file,
                                      std::string_view name, bool keepDtype = false);

}  // namespace w2w::clip
