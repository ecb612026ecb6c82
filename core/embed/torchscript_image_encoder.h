// TorchScriptImageEncoder: a user-exported TorchScript image encoder
// (clip::TorchScriptEncoder) behind the Encoder interface, with the pixels
// prepared as the preprocessor_config.json beside it says (Hugging Face
// CLIPImageProcessor form), or as CLIP prepares them when there is none.
// Opened through openEncoder (encoder_factory.h), which says what a
// TorchScript spec is. TRUSTED FILES ONLY: loading runs the file's code.
//
// Thread-safety: one thread at a time per encoder (see encoder.h).
#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "embed/encoder.h"

namespace w2w {

struct EncoderOptions;

class TorchScriptImageEncoder : public Encoder {
 public:
  // spec: a folder holding encoder.pt, or a .pt file. Runs one blank image
  // through the module to learn (and check) its embedding size.
  static Result<std::unique_ptr<TorchScriptImageEncoder>> open(const std::string& spec,
                                                               const EncoderOptions& options);
  ~TorchScriptImageEncoder() override;

  const EncoderInfo& info() const override { return info_; }
  Result<FloatMatrix> encode(const std::vector<RgbImage>& crops) override;
  Result<FloatMatrix> encodePixelsFile(const std::string& path, const std::string& tensor) override;

 private:
  struct Impl;
  TorchScriptImageEncoder(std::unique_ptr<Impl> impl, EncoderInfo info);
  std::unique_ptr<Impl> impl_;
  EncoderInfo info_;
};

}  // namespace w2w
