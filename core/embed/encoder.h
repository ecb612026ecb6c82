// Encoder: turns square item crops into embedding vectors.
//
// Three kinds exist: the built-in basic encoder (colour, texture and shape
// features, no weights, always available, labelled as such), FashionCLIP
// (the CLIP ViT image tower from a model folder, on CUDA when available) and
// a user-exported TorchScript image encoder. encoder_factory.h opens them.
// Headers here expose no LibTorch or OpenCV types.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/image.h"
#include "common/matrix.h"
#include "common/progress.h"
#include "common/result.h"

namespace w2w {

struct EncoderInfo {
  std::string id;           // model id: SHA-256 of the weights, or "basic-v<N>"
  std::string kind;         // "basic", "fashionclip", "torchscript"
  std::string displayName;  // e.g. "Basic (colour, texture, shape; no model)"
  int dim = 0;              // length of each embedding
  std::string device;       // "CPU" or "CUDA 0"
  bool normalized = true;   // embeddings are L2-normalised
};

// Thread-safety: encode() may be called from one thread at a time per
// Encoder object; create one encoder per worker thread for parallel work.
class Encoder {
 public:
  virtual ~Encoder() = default;
  virtual const EncoderInfo& info() const = 0;
  // One row per image, in order. Images are square RGB crops (any size; each
  // encoder resizes as it needs). Fails with a one-line reason.
  virtual Result<FloatMatrix> encode(const std::vector<RgbImage>& crops) = 0;
  // Already-preprocessed pixels: a float32 [B,3,S,S] tensor (or [3,S,S]) in a
  // safetensors file, normalised as the model expects; `tensor` empty takes
  // the file's only tensor. Encoders that work on images only refuse.
  virtual Result<FloatMatrix> encodePixelsFile(const std::string& path, const std::string& tensor);
};

}  // namespace w2w
