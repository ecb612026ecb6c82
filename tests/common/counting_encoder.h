// An Encoder for tests: the basic encoder, counting the crops it encodes.
#pragma once

#include "embed/basic_encoder.h"

namespace w2w::fixture {

class CountingEncoder : public Encoder {
 public:
  const EncoderInfo& info() const override { return inner_.info(); }
  Result<FloatMatrix> encode(const std::vector<RgbImage>& crops) override {
    encoded += static_cast<int>(crops.size());
    lastCrops = crops;
    return inner_.encode(crops);
  }
  int encoded = 0;
  std::vector<RgbImage> lastCrops;

 private:
  BasicEncoder inner_;
};

}  // namespace w2w::fixture
