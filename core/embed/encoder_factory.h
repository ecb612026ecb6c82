// The one place that decides which encoder a spec names and opens it. The
// studio (settings, encoder service, model manager) and every command-line
// subcommand go through here.
//
// A spec is one of:
//   "basic"          the built-in encoder (colour, texture, shape; no weights);
//   a model folder   FashionCLIP in the Hugging Face layout (config.json,
//                    preprocessor_config.json, model.safetensors) or the
//                    open_clip layout (open_clip_config.json,
//                    open_clip_model.safetensors);
//   a TorchScript encoder: a folder holding encoder.pt, or a .pt file, whose
//                    forward maps [B,3,S,S] normalised pixels to [B,D]. The
//                    pixels are prepared as preprocessor_config.json beside it
//                    says (CLIP's 224 px and mean/std when there is none).
//                    TorchScript files run code when loaded: use only files
//                    you exported yourself.
// A model is identified by the SHA-256 of its weights file (the .pt file for
// TorchScript); embeddings are stored under that id.
//
// Thread-safety: every function may be called from any thread; each
// openEncoder call gives a new encoder.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "embed/encoder.h"

namespace w2w {

inline constexpr const char* kBasicEncoderSpec = "basic";
// The file a TorchScript model folder holds.
inline constexpr const char* kTorchScriptFile = "encoder.pt";

struct EncoderOptions {
  std::string device = "auto";        // "auto", "cpu" or "cuda" (model encoders only)
  int batchSize = 32;                 // crops per forward pass (model encoders only)
  std::string precision = "float32";  // "float32", "bf16", "fp16" (FashionCLIP only)
  int threads = 0;                    // CPU threads per forward pass; 0: all cores (model encoders only)
  bool normalize = true;              // L2-normalise (the library stores unit vectors)
};

// What a spec names, found without loading or hashing anything.
struct EncoderSpecInfo {
  std::string kind;         // "basic", "fashionclip" or "torchscript"
  std::string layout;       // "hf", "openclip" or "torchscript"; empty for basic
  std::string name;         // the folder's (or .pt file's) name; "basic"
  std::string folder;       // absolute; empty for basic
  std::string weightsFile;  // absolute; its SHA-256 is the model id; empty for basic
};

// Fails with a one-line reason naming the folder or file (pickle-only
// folders are refused with how to convert them).
Result<EncoderSpecInfo> identifyEncoder(const std::string& spec);

// The id the spec's embeddings are stored under: "basic-v1", or the SHA-256
// of the weights (hashed once, then cached beside them).
Result<std::string> encoderModelId(const std::string& spec);

// Opens the encoder a spec names.
Result<std::unique_ptr<Encoder>> openEncoder(const std::string& spec, const EncoderOptions& options = {});

}  // namespace w2w
