// The safetensors reader on good files and on every kind of broken one.
#include <gtest/gtest.h>

#include "embed/clip/safetensors_torch.h"
#include "format/safetensors.h"
#include "test_util.h"

namespace w2w::clip {
namespace {

using test::buildRawSafetensors;
using test::buildSafetensors;

std::vector<std::uint8_t> bytes(std::size_t n) { return std::vector<std::uint8_t>(n, 0); }

// Parses `file` from memory and expects an error mentioning every word in `needles`.
void expectError(const std::vector<std::uint8_t>& file, std::initializer_list<const char*> needles) {
  auto r = format::SafetensorsFile::fromBytes(file, "broken.safetensors");
  ASSERT_FALSE(r) << "accepted a broken file";
  EXPECT_EQ(r.message().rfind("broken.safetensors: ", 0), 0u) << r.message();
  EXPECT_EQ(r.message().find('\n'), std::string::npos) << "not one line: " << r.message();
  for (const char* n : needles) EXPECT_NE(r.message().find(n), std::string::npos) << r.message();
}

TEST(Safetensors, ReadsTheGoldenWeightFile) {
  auto f = format::SafetensorsFile::open((test::goldenDir() / "clip_tiny_hf" / "model.safetensors").string());
  ASSERT_TRUE(f) << f.message();
  const auto& file = *f;
  EXPECT_EQ(file->metadata().at("format"), "pt");
  const format::StTensorInfo* scale = file->find("logit_scale");
  ASSERT_NE(scale, nullptr);
  EXPECT_TRUE(scale->shape.empty());  // 0-d
  auto t = loadFloatTensor(file, "logit_scale");
  ASSERT_TRUE(t) << t.message();
  EXPECT_EQ(t->dim(), 0);
  EXPECT_NEAR(t->item<float>(), 2.6592f, 1e-4);
  const format::StTensorInfo* ids = file->find("vision_model.embeddings.position_ids");
  ASSERT_NE(ids, nullptr);
  EXPECT_EQ(ids->dtype, format::StDtype::I64);
  auto view = tensorView(file, *ids);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->index({0, 16}).item<std::int64_t>(), 16);
  auto asFloat = loadFloatTensor(file, "vision_model.embeddings.position_ids");
  ASSERT_FALSE(asFloat);
  EXPECT_NE(asFloat.message().find("vision_model.embeddings.position_ids"), std::string::npos);
}

TEST(Safetensors, ConvertsHalfTypesToFloat32OrKeepsThem) {
  const auto ref = torch::tensor({1.5f, -2.25f, 3.0f});
  auto file = format::SafetensorsFile::fromBytes(
      buildSafetensors({test::entryFromTensor("h", ref.to(torch::kFloat16)),
                        test::entryFromTensor("b", ref.to(torch::kBFloat16)),
                        test::entryFromTensor("d", ref.to(torch::kFloat64))}),
      "mem");
  ASSERT_TRUE(file) << file.message();
  for (const char* key : {"h", "b", "d"}) {
    auto t = loadFloatTensor(*file, key);
    ASSERT_TRUE(t) << t.message();
    EXPECT_EQ(t->scalar_type(), torch::kFloat32);
    EXPECT_TRUE(torch::equal(*t, ref)) << key;
  }
  auto kept = loadFloatTensor(*file, "b", /*keepDtype=*/true);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->scalar_type(), torch::kBFloat16);
}

TEST(Safetensors, EmptyAndTinyFiles) {
  expectError({}, {"0 bytes"});
  expectError(bytes(7), {"shorter than the 8-byte header length"});
  test::TempDir dir;
  test::writeFile(dir.file("empty.safetensors"), {});
  auto r = format::SafetensorsFile::open(dir.file("empty.safetensors"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.message().find("empty.safetensors"), std::string::npos);
  auto missing = format::SafetensorsFile::open(dir.file("nope.safetensors"));
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.message().find("cannot open"), std::string::npos);
}

TEST(Safetensors, BadHeaderLength) {
  expectError(buildRawSafetensors("{}      ", {}, 1000), {"bad header length 1000"});
  expectError(buildRawSafetensors("{}      ", {}, UINT64_MAX - 1), {"bad header length"});
}

TEST(Safetensors, BadJson) {
  expectError(buildRawSafetensors("{\"a\":,} ", {}), {"header: not valid JSON at byte"});
  expectError(buildRawSafetensors("[1,2,3] ", {}), {"does not start with a JSON object"});
  expectError(buildRawSafetensors("{\"a\":1} ", {}), {"tensor \"a\"", "expected an object"});
  expectError(buildRawSafetensors("{\"__metadata__\":{\"x\":1}}", {}), {"__metadata__"});
}

TEST(Safetensors, UnknownDtype) {
  expectError(buildRawSafetensors(R"({"w":{"dtype":"F24","shape":[1],"data_offsets":[0,3]}})", bytes(3)),
              {"tensor \"w\"", "unknown dtype \"F24\""});
}

TEST(Safetensors, ShapeByteMismatch) {
  expectError(buildRawSafetensors(R"({"w":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})", bytes(20)),
              {"tensor \"w\"", "[2,3]", "24 bytes", "give 20"});
  expectError(buildRawSafetensors(
                  R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})", bytes(4)),
              {"tensor \"w\"", "too large"});
  expectError(buildRawSafetensors(R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", bytes(4)),
              {"tensor \"w\"", "non-negative"});
}

TEST(Safetensors, OffsetsOutOfBoundsOverlappingOrWithHoles) {
  expectError(buildRawSafetensors(R"({"w":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", bytes(8)),
              {"tensor \"w\"", "run past the data section"});
  expectError(buildRawSafetensors(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                                  R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                  bytes(12)),
              {"tensor \"b\"", "overlap", "\"a\""});
  expectError(buildRawSafetensors(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})", bytes(8)),
              {"tensor \"a\"", "gap"});
  expectError(buildRawSafetensors(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", bytes(8)),
              {"not indexed"});
  expectError(buildRawSafetensors(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}})", bytes(8)),
              {"tensor \"a\"", "end before"});
}

TEST(Safetensors, TruncatedGoldenFileNamesTheFirstTensorPastTheEnd) {
  const auto path = (test::goldenDir() / "clip_tiny_hf" / "model.safetensors").string();
  auto whole = test::readText(path);
  test::TempDir dir;
  const auto cut = dir.file("model.safetensors");
  test::writeText(cut, whole.substr(0, whole.size() - 100));
  auto r = format::SafetensorsFile::open(cut);
  ASSERT_FALSE(r);
  EXPECT_NE(r.message().find("truncated"), std::string::npos) << r.message();
  EXPECT_NE(r.message().find(cut), std::string::npos) << r.message();
  test::writeText(cut, whole.substr(0, 20));  // cut inside the header
  r = format::SafetensorsFile::open(cut);
  ASSERT_FALSE(r);
  EXPECT_NE(r.message().find("bad header length"), std::string::npos) << r.message();
}

TEST(Safetensors, ZeroSizedAndScalarTensors) {
  auto f = format::SafetensorsFile::fromBytes(
      buildRawSafetensors(R"({"e":{"dtype":"F32","shape":[0,5],"data_offsets":[0,0]},)"
                          R"("s":{"dtype":"F32","shape":[],"data_offsets":[0,4]}})",
                          {0, 0, 128, 63}),
      "mem");
  ASSERT_TRUE(f) << f.message();
  auto e = loadFloatTensor(*f, "e");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->numel(), 0);
  auto s = loadFloatTensor(*f, "s");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->item<float>(), 1.0f);
}

TEST(Safetensors, ViewsKeepTheFileAlive) {
  torch::Tensor view;
  {
    auto f = format::SafetensorsFile::fromBytes(
        buildSafetensors({test::entryFromTensor("x", torch::arange(6.0f))}), "m");
    ASSERT_TRUE(f);
    auto v = tensorView(*f, *(*f)->find("x"));
    ASSERT_TRUE(v);
    view = *v;
  }  // the last format::SafetensorsFile handle is gone; the view still owns one
  EXPECT_FLOAT_EQ(view[5].item<float>(), 5.0f);
}

}  // namespace
}  // namespace w2w::clip
