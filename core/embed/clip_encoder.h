// ClipEncoder: the FashionCLIP image tower (w2w_clip) behind the Encoder
// interface, so the library, training and recommendations use it exactly as
// they use the basic encoder. The model id is the SHA-256 of the weights file.
//
// Thread-safety: one thread at a time per ClipEncoder (see encoder.h); the
// model underneath is immutable.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "embed/encoder.h"

namespace w2w {

struct ClipEncoderOptions {
  std::string device = "auto";        // "auto", "cpu", "cuda", "cuda:N"
  std::string precision = "float32";  // "float32", "bf16", "fp16" (CUDA)
  bool normalize = true;              // L2-normalise (the library stores unit vectors)
  int threads = 0;                    // CPU threads per forward pass; 0: all cores
  int batchSize = 32;
};

class ClipEncoder : public Encoder {
 public:
  static Result<std::unique_ptr<ClipEncoder>> open(const std::string& modelFolder,
                                                   const ClipEncoderOptions& options = {});
  ~ClipEncoder() override;

  const EncoderInfo& info() const override { return info_; }
  Result<FloatMatrix> encode(const std::vector<RgbImage>& crops) override;
  Result<FloatMatrix> encodePixelsFile(const std::string& path, const std::string& tensor) override;

 private:
  struct Impl;
  ClipEncoder(std::unique_ptr<Impl> impl, EncoderInfo info);
  std::unique_ptr<Impl> impl_;
  EncoderInfo info_;
};

}  // namespace w2w
