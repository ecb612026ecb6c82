// The safetensors value layer: values written are read back bit for bit,
// through the same bytes as the writer, and every lookup checks dtype and shape.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include <unistd.h>

#include "format/safetensors_content.h"
#include "format/safetensors_writer.h"

namespace w2w::format {
namespace {

SafetensorsContent sample() {
  const float weights[6] = {1.5f, -2.f, 3.25f, 0.f, 1e-7f, 42.f};
  const std::int64_t steps[1] = {123456789012LL};
  SafetensorsContent content;
  content.tensors["w"] = TensorData::fromFloats({2, 3}, weights);
  content.tensors["n"] = TensorData::fromInt64({1}, steps);
  content.tensors["mask"] = {"U8", {3}, {1, 0, 1}};
  content.metadata["key"] = "outfits";
  return content;
}

TEST(SafetensorsContent, WritesTheSameBytesAsTheWriter) {
  // Files written before the value layer existed stay byte-identical: the
  // layer adds no bytes of its own to what the one writer lays out.
  const SafetensorsContent content = sample();
  std::vector<StTensorToWrite> direct;
  direct.push_back({"mask", StDtype::U8, {3}, content.tensors.at("mask").bytes.data()});
  direct.push_back({"n", StDtype::I64, {1}, content.tensors.at("n").bytes.data()});
  direct.push_back({"w", StDtype::F32, {2, 3}, content.tensors.at("w").bytes.data()});
  auto expected = serializeSafetensors(direct, content.metadata);
  ASSERT_TRUE(expected.ok()) << expected.message();
  EXPECT_EQ(serializeSafetensors(content), *expected);
}

TEST(SafetensorsContent, RoundTripsThroughAFile) {
  const auto dir = std::filesystem::temp_directory_path() / ("w2w_content_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "c.safetensors").string();
  ASSERT_TRUE(writeSafetensors(path, sample()).ok());
  auto read = readSafetensors(path);
  ASSERT_TRUE(read.ok()) << read.message();
  EXPECT_EQ(read->metadata.at("key"), "outfits");
  auto w = read->get("w", "F32", {2, 3}, path);
  ASSERT_TRUE(w.ok()) << w.message();
  EXPECT_EQ((*w)->floats(), sample().tensors.at("w").floats());
  auto n = read->get("n", "I64", {1}, path);
  ASSERT_TRUE(n.ok()) << n.message();
  EXPECT_EQ((*n)->int64s(), std::vector<std::int64_t>{123456789012LL});
  EXPECT_EQ(read->tensors.at("mask").bytes, (std::vector<std::uint8_t>{1, 0, 1}));
  std::filesystem::remove_all(dir);
}

TEST(SafetensorsContent, LookupsCheckNameDtypeAndShape) {
  auto parsed = parseSafetensors(serializeSafetensors(sample()), "x.safetensors");
  ASSERT_TRUE(parsed.ok()) << parsed.message();
  EXPECT_NE(
      parsed->get("w", "F32", {3, 2}, "x.safetensors").message().find("has shape [2, 3], expected [3, 2]"),
      std::string::npos);
  EXPECT_NE(parsed->get("w", "I64", {2, 3}, "x.safetensors").message().find("'w' is F32, expected I64"),
            std::string::npos);
  EXPECT_NE(
      parsed->get("v", "F32", {1}, "x.safetensors").message().find("x.safetensors: tensor 'v' is missing"),
      std::string::npos);
  // Values of another type are refused as such, never reinterpreted.
  EXPECT_TRUE(parsed->tensors.at("n").floats().empty());
  EXPECT_TRUE(parsed->tensors.at("w").int64s().empty());
}

TEST(SafetensorsContent, KeepsOtherDtypesByTheirNames) {
  const std::uint16_t half[2] = {0x3C00, 0x4000};  // 1.0 and 2.0 in F16
  auto bytes = serializeSafetensors({{"h", StDtype::F16, {2}, half}});
  ASSERT_TRUE(bytes.ok());
  auto parsed = parseSafetensors(*bytes, "h.safetensors");
  ASSERT_TRUE(parsed.ok()) << parsed.message();
  EXPECT_EQ(parsed->tensors.at("h").dtype, "F16");
  EXPECT_EQ(parsed->tensors.at("h").bytes.size(), 4u);
  EXPECT_FALSE(parsed->get("h", "F32", {2}, "h.safetensors").ok());
}

TEST(SafetensorsContent, RefusesDamagedFilesWithTheStrictReadersReason) {
  std::vector<std::uint8_t> cut = serializeSafetensors(sample());
  cut.resize(cut.size() - 3);
  auto parsed = parseSafetensors(cut, "cut.safetensors");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.message().find("cut.safetensors"), std::string::npos) << parsed.message();
  EXPECT_FALSE(readSafetensors("/no/such/file.safetensors").ok());
  EXPECT_NE(readSafetensors("/no/such/file.safetensors").message().find("/no/such/file.safetensors"),
            std::string::npos);
}

}  // namespace
}  // namespace w2w::format
