// Occlusion maps with a transparent stand-in encoder: the embedding is the
// mean colour of the left and right halves, so the answer is known.
#include <gtest/gtest.h>

#include "analysis/occlusion.h"

namespace w2w {
namespace {

class HalvesEncoder : public Encoder {
 public:
  const EncoderInfo& info() const override { return info_; }
  Result<FloatMatrix> encode(const std::vector<RgbImage>& crops) override {
    FloatMatrix out(static_cast<std::int64_t>(crops.size()), 2);
    for (std::size_t i = 0; i < crops.size(); ++i) {
      const RgbImage& c = crops[i];
      double left = 0, right = 0;
      for (int y = 0; y < c.height; ++y) {
        for (int x = 0; x < c.width; ++x) (x < c.width / 2 ? left : right) += 255 - c.row(y)[x * 3];
      }
      out.at(static_cast<std::int64_t>(i), 0) = static_cast<float>(left);
      out.at(static_cast<std::int64_t>(i), 1) = static_cast<float>(right);
    }
    ++calls;
    return out;
  }
  int calls = 0;

 private:
  EncoderInfo info_{"halves", "test", "halves", 2, "CPU", false};
};

TEST(Occlusion, HidingWhatMatchesTheReferenceLowersTheSimilarity) {
  // Dark on the left only; the reference "likes" the left half.
  RgbImage crop;
  crop.width = crop.height = 64;
  crop.pixels.assign(crop.byteCount(), 255);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 32; ++x) crop.row(y)[x * 3] = 0;
  // A touch of darkness on the right so that hiding the left changes the direction.
  for (int y = 0; y < 64; ++y) crop.row(y)[40 * 3] = 100;
  HalvesEncoder encoder;
  OcclusionOptions options;
  options.grid = 4;
  options.patch = 1.0;
  options.batch = 5;
  auto map = occlusionMap(encoder, crop, {1.f, 0.f}, options);
  ASSERT_TRUE(map.ok()) << map.message();
  EXPECT_GT(map->baseline, 0.9);
  EXPECT_GT(map->drop.at(1, 0), 0.0f) << "covering the dark left side loses similarity";
  EXPECT_LE(map->drop.at(1, 3), 0.0f) << "covering the right side does not";
  EXPECT_EQ(encoder.calls, 1 + 4) << "16 regions in batches of 5, plus the whole crop";
}

TEST(Occlusion, MismatchedReferenceIsAClearError) {
  HalvesEncoder encoder;
  RgbImage crop;
  crop.width = crop.height = 8;
  crop.pixels.assign(crop.byteCount(), 0);
  auto map = occlusionMap(encoder, crop, {1.f, 2.f, 3.f});
  ASSERT_FALSE(map.ok());
  EXPECT_NE(map.message().find("dimension 3"), std::string::npos);
}

}  // namespace
}  // namespace w2w
