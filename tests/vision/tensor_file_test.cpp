// The minimal safetensors reader/writer of core/vision.
#include <gtest/gtest.h>

#include "io/file_io.h"
#include "test_support.h"
#include "vision/tensor_file.h"

namespace w2w {
namespace {

TEST(TensorFile, RoundTripsTensorsAndMetadata) {
  test::TempDir dir;
  TensorFile file;
  file.tensors["a.weight"] = {{2, 3}, {1, 2, 3, 4, 5, 6}};
  file.tensors["b"] = {{1}, {-0.5f}};
  file.metadata["format"] = "test";
  ASSERT_TRUE(writeTensorFile(dir.path("t.safetensors"), file).ok());
  auto read = readTensorFile(dir.path("t.safetensors"));
  ASSERT_TRUE(read.ok()) << read.message();
  EXPECT_EQ(read->metadata.at("format"), "test");
  EXPECT_EQ(read->tensors.at("a.weight").shape, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(read->tensors.at("a.weight").values, (std::vector<float>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(read->tensors.at("b").values, (std::vector<float>{-0.5f}));
  // The data starts 8-byte aligned, as the format recommends.
  auto bytes = readFileBytes(dir.path("t.safetensors"));
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ((*bytes)[0] % 8, 0);
}

std::string withHeader(const std::string& json, const std::string& data) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((json.size() >> (8 * i)) & 0xFF);
  return out + json + data;
}

TEST(TensorFile, RefusesBadFilesWithAReason) {
  test::TempDir dir;
  auto reason = [&](const std::string& name, const std::string& content) {
    test::writeBytes(dir.path(name), content);
    auto read = readTensorFile(dir.path(name));
    EXPECT_FALSE(read.ok()) << name;
    return read.ok() ? std::string() : read.message();
  };
  // The wording of format errors belongs to the shared reader (tests/clip);
  // here: refused, one line, naming the file.
  for (const std::string& message :
       {reason("short", "abc"), reason("json", withHeader("{nope", "")),
        reason("shape", withHeader(R"({"x":{"dtype":"F32","shape":[3],"data_offsets":[0,4]}})", "abcd"))}) {
    EXPECT_NE(message.find(dir.path()), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  EXPECT_NE(reason("len", std::string("\xFF\xFF\xFF\xFF\0\0\0\0", 8) + "{}").find("bad header length"),
            std::string::npos);
  EXPECT_NE(reason("f16", withHeader(R"({"x":{"dtype":"F16","shape":[1],"data_offsets":[0,2]}})", "ab"))
                .find("dtype F16, expected F32"),
            std::string::npos);
  EXPECT_NE(reason("cut", withHeader(R"({"x":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})", "abcd"))
                .find("truncated"),
            std::string::npos);
  auto missing = readTensorFile(dir.path("missing.safetensors"));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("missing.safetensors"), std::string::npos);
}

}  // namespace
}  // namespace w2w
