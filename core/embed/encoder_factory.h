// Opening an encoder by name: "basic" for the built-in encoder, or the folder
// of a FashionCLIP model. Thread-safe: each call gives a new encoder.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "embed/encoder.h"

namespace w2w {

struct EncoderOptions {
  std::string device = "auto";        // "auto", "cpu" or "cuda" (FashionCLIP only)
  int batchSize = 32;                 // crops per forward pass (FashionCLIP only)
  std::string precision = "float32";  // "float32", "bf16", "fp16" (FashionCLIP only)
  int threads = 0;                    // CPU threads per forward pass; 0: all cores (FashionCLIP only)
};

// "basic" gives the BasicEncoder; anything else is a model folder. Fails with
// a one-line reason naming the folder.
Result<std::unique_ptr<Encoder>> openEncoder(const std::string& spec, const EncoderOptions& options = {});

}  // namespace w2w
