#include <gtest/gtest.h>

#include <torch/script.h>

#include "embed/clip/torchscript_encoder.h"
#include "test_util.h"

namespace w2w::clip {
namespace {

TEST(TorchScript, LoadsAndRunsAUserExportedEncoder) {
  test::TempDir dir;
  // A stand-in for a traced image encoder: mean colour per channel, [B,3].
  torch::jit::Module m("Encoder");
  m.define(R"(
def forward(self, x):
    return x.mean(dim=[2, 3]) * 2.0
)");
  m.save(dir.file("encoder.pt"));
  auto enc = TorchScriptEncoder::load(dir.file("encoder.pt"), "cpu", /*normalize=*/false);
  ASSERT_TRUE(enc) << enc.message();
  const auto x = torch::rand({2, 3, 8, 8});
  auto e = (*enc)->encodePixels(x);
  ASSERT_TRUE(e) << e.message();
  EXPECT_TRUE(torch::allclose(*e, x.mean({2, 3}) * 2.0));
  EXPECT_FALSE((*enc)->encodePixels(torch::rand({3, 8, 8})));
}

TEST(TorchScript, BadFilesAreErrors) {
  test::TempDir dir;
  auto missing = TorchScriptEncoder::load(dir.file("none.pt"), "cpu");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.message().find("none.pt"), std::string::npos);
  EXPECT_EQ(missing.message().find('\n'), std::string::npos) << missing.message();
  test::writeText(dir.file("junk.pt"), "not a zip archive");
  EXPECT_FALSE(TorchScriptEncoder::load(dir.file("junk.pt"), "cpu"));
}

}  // namespace
}  // namespace w2w::clip
