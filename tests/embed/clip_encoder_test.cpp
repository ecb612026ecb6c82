// The FashionCLIP encoder behind the Encoder interface, end to end: our own
// decoder reads the golden photos, the encoder preprocesses and embeds them,
// and the result matches the reference embeddings.
#include <gtest/gtest.h>

#include <cmath>

#include "embed/clip/safetensors_torch.h"
#include "embed/clip_encoder.h"
#include "format/safetensors.h"
#include "io/file_io.h"
#include "io/image_decoder.h"
#include "test_support.h"

namespace w2w {
namespace {

double cosine(const float* a, const float* b, int n) {
  double dot = 0, na = 0, nb = 0;
  for (int i = 0; i < n; ++i) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / std::sqrt(na * nb);
}

void expectMatchesGolden(const std::string& folder, const char* reference) {
  ClipEncoderOptions options;
  options.device = "cpu";
  options.threads = 1;
  auto encoder = ClipEncoder::open(test::dataPath(folder), options);
  ASSERT_TRUE(encoder.ok()) << encoder.message();
  const EncoderInfo& info = (*encoder)->info();
  EXPECT_EQ(info.kind, "fashionclip");
  EXPECT_EQ(info.dim, 32);
  EXPECT_EQ(info.device, "CPU");
  const std::string weights =
      test::dataPath(folder) +
      (folder.find("openclip") != std::string::npos ? "/open_clip_model.safetensors" : "/model.safetensors");
  EXPECT_EQ(info.id, *sha256OfFile(weights)) << "the model id is the weights' SHA-256";

  std::vector<RgbImage> photos;
  for (const char* name : {"chelsea.png", "rocket.jpg", "coffee_portrait.png"}) {
    auto decoded = decodeImageFile(test::dataPath(std::string("golden/photos/") + name));
    ASSERT_TRUE(decoded.ok()) << decoded.message();
    photos.push_back(decoded->image);
  }
  auto embedded = (*encoder)->encode(photos);
  ASSERT_TRUE(embedded.ok()) << embedded.message();
  ASSERT_EQ(embedded->rows, 3);

  auto golden = format::SafetensorsFile::open(test::dataPath("golden/golden_io.safetensors"));
  ASSERT_TRUE(golden.ok());
  auto expected = clip::loadFloatTensor(*golden, reference);
  ASSERT_TRUE(expected.ok());
  for (int i = 0; i < 3; ++i) {
    EXPECT_GE(cosine(embedded->row(i), expected->data_ptr<float>() + i * 32, 32), 0.9999) << "photo " << i;
    double norm = 0;
    for (int d = 0; d < 32; ++d) norm += embedded->at(i, d) * embedded->at(i, d);
    EXPECT_NEAR(norm, 1.0, 1e-5) << "unit vectors for the library";
  }
}

TEST(ClipEncoder, HuggingFaceLayoutMatchesTheReferenceFromOurOwnDecoding) {
  expectMatchesGolden("golden/clip_tiny_hf", "photo_hf_embeds");
}

TEST(ClipEncoder, OpenClipLayoutMatchesTheReferenceFromOurOwnDecoding) {
  expectMatchesGolden("golden/clip_tiny_openclip", "photo_openclip_embeds");
}

TEST(ClipEncoder, BadFoldersAreClearErrors) {
  test::TempDir dir;
  auto missing = ClipEncoder::open(dir.path("nothing"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("no such model folder"), std::string::npos) << missing.message();
}

}  // namespace
}  // namespace w2w
