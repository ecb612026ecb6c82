// The garment parser network: shapes, and save/load through safetensors.
#include <gtest/gtest.h>

#include "test_support.h"
#include "vision/parser_net.h"

namespace w2w {
namespace {

ParserNetConfig tinyConfig() {
  ParserNetConfig c;
  c.channels = {4, 6, 8};
  c.inputWidth = 32;
  c.inputHeight = 48;
  return c;
}

TEST(ParserNet, OutputsOneChannelPerLabelAtInputSize) {
  ParserNet net(tinyConfig());
  net->eval();
  torch::NoGradGuard guard;
  const torch::Tensor out = net->forward(normalizeInput(torch::zeros({2, 48, 32, 3}, torch::kUInt8)));
  EXPECT_EQ(out.sizes(), (std::vector<int64_t>{2, 7, 48, 32}));
}

TEST(ParserNet, SaveAndLoadGiveTheSameOutputs) {
  test::TempDir dir;
  torch::manual_seed(3);
  ParserNet net(tinyConfig());
  {
    // Non-trivial BatchNorm statistics, so that buffers must round-trip too.
    torch::NoGradGuard guard;
    net->forward(torch::randn({4, 3, 48, 32}) * 3 + 1);
  }
  net->eval();
  ASSERT_TRUE(saveParserNet(net, dir.path("p.safetensors"), {{"note", "test"}}).ok());
  std::map<std::string, std::string> metadata;
  auto loaded = loadParserNet(dir.path("p.safetensors"), &metadata);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
  EXPECT_EQ(metadata.at("note"), "test");
  EXPECT_EQ((*loaded)->config.channels, tinyConfig().channels);
  torch::NoGradGuard guard;
  const torch::Tensor x = torch::randn({1, 3, 48, 32});
  EXPECT_TRUE(torch::allclose(net->forward(x), (*loaded)->forward(x)));
}

TEST(ParserNet, RefusesAFileThatIsNoParser) {
  test::TempDir dir;
  TensorFile file;
  file.tensors["w"] = {{1}, {1}};
  ASSERT_TRUE(writeTensorFile(dir.path("other.safetensors"), file).ok());
  auto loaded = loadParserNet(dir.path("other.safetensors"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.message().find("not a garment parser model"), std::string::npos) << loaded.message();
}

}  // namespace
}  // namespace w2w
