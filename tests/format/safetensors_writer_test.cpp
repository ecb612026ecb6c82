// The writer's files read back through the strict reader, bit for bit.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>

#include <unistd.h>

#include "format/safetensors.h"
#include "format/safetensors_writer.h"

namespace w2w::format {
namespace {

TEST(SafetensorsWriter, RoundTripsThroughTheReader) {
  const float weights[6] = {1.5f, -2.f, 3.25f, 0.f, 1e-7f, 42.f};
  const std::int64_t steps[1] = {123456789012LL};
  const float scale = 2.6592f;
  auto bytes = serializeSafetensors({{"layer.weight", StDtype::F32, {2, 3}, weights},
                                     {"optimizer.step", StDtype::I64, {1}, steps},
                                     {"logit_scale", StDtype::F32, {}, &scale},
                                     {"empty", StDtype::F32, {0, 4}, nullptr}},
                                    {{"format", "pt"}, {"note", "quote \" and \\ and \n newline"}});
  ASSERT_TRUE(bytes.ok()) << bytes.message();
  auto file = SafetensorsFile::fromBytes(*bytes, "written");
  ASSERT_TRUE(file.ok()) << file.message();
  const StTensorInfo* w = (*file)->find("layer.weight");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->shape, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(std::memcmp((*file)->data(*w), weights, sizeof weights), 0);
  const StTensorInfo* s = (*file)->find("optimizer.step");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->dtype, StDtype::I64);
  std::int64_t step = 0;
  std::memcpy(&step, (*file)->data(*s), 8);
  EXPECT_EQ(step, 123456789012LL);
  EXPECT_TRUE((*file)->find("logit_scale")->shape.empty());
  EXPECT_EQ((*file)->find("empty")->numel(), 0);
  EXPECT_EQ((*file)->metadata().at("note"), "quote \" and \\ and \n newline");
}

TEST(SafetensorsWriter, RefusesDuplicateAndReservedNames) {
  const float x = 1.f;
  EXPECT_FALSE(serializeSafetensors({{"a", StDtype::F32, {1}, &x}, {"a", StDtype::F32, {1}, &x}}).ok());
  EXPECT_FALSE(serializeSafetensors({{"__metadata__", StDtype::F32, {1}, &x}}).ok());
  EXPECT_FALSE(serializeSafetensors({{"a", StDtype::F32, {1}, nullptr}}).ok());
}

TEST(SafetensorsWriter, WritesAtomically) {
  const auto dir = std::filesystem::temp_directory_path() / ("w2w_writer_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "t.safetensors").string();
  const float x[2] = {1.f, 2.f};
  ASSERT_TRUE(writeSafetensorsFile(path, {{"x", StDtype::F32, {2}, x}}).ok());
  auto file = SafetensorsFile::open(path);
  ASSERT_TRUE(file.ok()) << file.message();
  std::size_t entries = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) entries += e.is_regular_file();
  EXPECT_EQ(entries, 1u) << "no temporary file left behind";
  EXPECT_FALSE(
      writeSafetensorsFile((dir / "no/such/folder/t.safetensors").string(), {{"x", StDtype::F32, {2}, x}})
          .ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace w2w::format
