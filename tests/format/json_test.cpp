// The strict JSON reader and the tolerant accessors (core/format/json.h).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "format/json.h"

namespace w2w::format {
namespace {

TEST(Json, ParsesNestedValues) {
  auto v = parseJson(R"( {"a": [1, -2.5e3, true, false, null], "b": {"c": "x\u00e9\ud83d\ude00\n"}} )");
  ASSERT_TRUE(v) << v.message();
  ASSERT_TRUE(v->is_object());
  const Json* a = member(*v, "a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->size(), 5u);
  EXPECT_TRUE((*a)[0].is_number_integer());
  EXPECT_EQ(integerOf((*a)[0]), 1);
  EXPECT_FALSE((*a)[1].is_number_integer());
  EXPECT_DOUBLE_EQ((*a)[1].get<double>(), -2500.0);
  EXPECT_TRUE((*a)[2].get<bool>());
  EXPECT_TRUE((*a)[4].is_null());
  EXPECT_EQ(stringOr(objectOf(*v, "b"), "c"), "x\xC3\xA9\xF0\x9F\x98\x80\n");
}

TEST(Json, KeepsLargeIntegersExact) {
  auto v = parseJson("[9007199254740993, 1e2, 12345678901234567890]");
  ASSERT_TRUE(v) << v.message();
  EXPECT_EQ(integerOf((*v)[0]), 9007199254740993LL);  // not representable as a double
  EXPECT_EQ(integerOf((*v)[1]), 100);                 // an integral float is an integer
  EXPECT_EQ(integerOf((*v)[2], -1), -1);              // beyond int64: the fallback
}

TEST(Json, RejectsMalformedInput) {
  const char* bad[] = {"",
                       "{",
                       "{\"a\":1,}",
                       "[1,]",
                       "{\"a\" 1}",
                       "01",
                       "1.",
                       "-",
                       "1e",
                       "tru",
                       "\"abc",
                       "\"a\\x\"",
                       "\"\x01\"",
                       "{\"a\":1}x",
                       "[1] [2]",
                       "{'a':1}",
                       "NaN",
                       "1e999",
                       "[-1e999]",
                       "\"\\ud800\"",
                       "\"\xC0\xAF\"",
                       "\"\xED\xA0\x80\"",
                       "{\"a\":1,\"a\":2}",
                       "// c\n1"};
  for (const char* text : bad) {
    auto v = parseJson(text);
    EXPECT_FALSE(v) << "accepted: " << text;
    if (!v) {
      EXPECT_EQ(v.message().rfind("not valid JSON", 0), 0u) << v.message();
      EXPECT_EQ(v.message().find('\n'), std::string::npos) << v.message();
    }
  }
}

TEST(Json, SyntaxErrorsSayWhere) {
  auto v = parseJson("{\"a\": [1, 2,, 3]}");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.message().rfind("not valid JSON at byte 13: ", 0), 0u) << v.message();
}

TEST(Json, LimitsNesting) {
  EXPECT_TRUE(parseJson(std::string(60, '[') + std::string(60, ']')));
  auto deep = parseJson(std::string(100000, '['));
  ASSERT_FALSE(deep);
  EXPECT_NE(deep.message().find("nesting too deep"), std::string::npos) << deep.message();
  std::string objects;
  for (int i = 0; i < 100; ++i) objects += "{\"k\":";
  EXPECT_NE(parseJson(objects).message().find("nesting too deep"), std::string::npos);
}

TEST(Json, ReportsDuplicateKeyByName) {
  auto v = parseJson(R"({"dtype": "F32", "dtype": "F16"})");
  ASSERT_FALSE(v);
  EXPECT_NE(v.message().find("duplicate key \"dtype\""), std::string::npos) << v.message();
  // The same key in two different objects is no duplicate.
  EXPECT_TRUE(parseJson(R"({"a": {"k": 1}, "b": {"k": 2}, "c": [{"k": 3}, {"k": 4}]})"));
}

TEST(Json, DumpsInvalidUtf8WithoutThrowing) {
  Json j = {{"name", std::string("caf\xE9")}};  // Latin-1, not UTF-8
  const std::string text = dumpJson(j);
  EXPECT_EQ(text, "{\"name\":\"caf\xEF\xBF\xBD\"}");  // U+FFFD
  EXPECT_TRUE(parseJson(text));
  EXPECT_EQ(dumpJson(Json{{"b", 1}, {"a", 2}}, 2), "{\n  \"a\": 2,\n  \"b\": 1\n}");  // sorted keys
}

TEST(Json, TolerantAccessorsFallBackOnMissingOrWrongTypes) {
  auto v = parseJson(
      R"({"s": "text", "n": 2.5, "i": 7, "f": 3.0, "b": true, "z": null, "a": [1], "o": {"k": 1}})");
  ASSERT_TRUE(v) << v.message();
  EXPECT_EQ(stringOr(*v, "s"), "text");
  EXPECT_EQ(stringOr(*v, "n", "none"), "none");
  EXPECT_DOUBLE_EQ(numberOr(*v, "n"), 2.5);
  EXPECT_DOUBLE_EQ(numberOr(*v, "s", -1), -1);
  EXPECT_EQ(integerOr(*v, "i"), 7);
  EXPECT_EQ(integerOr(*v, "f"), 3);
  EXPECT_EQ(integerOr(*v, "n", -1), -1);
  EXPECT_TRUE(boolOr(*v, "b"));
  EXPECT_TRUE(boolOr(*v, "i", true));
  EXPECT_EQ(member(*v, "z"), nullptr);  // null counts as absent
  EXPECT_EQ(member(*v, "missing"), nullptr);
  EXPECT_EQ(member(Json::array(), "s"), nullptr);
  EXPECT_EQ(arrayOf(*v, "a").size(), 1u);
  EXPECT_TRUE(arrayOf(*v, "o").empty());
  EXPECT_EQ(integerOr(objectOf(*v, "o"), "k"), 1);
  EXPECT_TRUE(objectOf(*v, "a").empty());
  EXPECT_EQ(textOf((*v)["i"]), "");
}

TEST(Json, ParseObjectOrEmptyReadsOnlyAWholeObject) {
  EXPECT_EQ(integerOr(parseObjectOrEmpty(R"({"epochs": 3})"), "epochs"), 3);
  for (const char* notAnObject : {"", "[1, 2]", "3", "{\"a\": 1", R"({"a": 1, "a": 2})"}) {
    const Json o = parseObjectOrEmpty(notAnObject);
    EXPECT_TRUE(o.is_object()) << notAnObject;
    EXPECT_TRUE(o.empty()) << notAnObject;
  }
}

TEST(Json, IntsOutsideIntsRangeAreTheFallback) {
  // A hostile file's width of 2^32 must not wrap to a small int.
  auto v = parseJson(R"({"w": 640, "big": 4294967296, "neg": -2147483648, "frac": 1.5})");
  ASSERT_TRUE(v) << v.message();
  EXPECT_EQ(intOr(*v, "w"), 640);
  EXPECT_EQ(intOr(*v, "big", -1), -1);
  EXPECT_EQ(intOr(*v, "neg"), -2147483647 - 1);
  EXPECT_EQ(intOr(*v, "frac", 7), 7);
  EXPECT_EQ(intOr(*v, "missing", 3), 3);
}

TEST(Json, FilesNameThemselvesInErrors) {
  const auto dir = std::filesystem::temp_directory_path() / ("w2w_json_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string good = (dir / "good.json").string(), bad = (dir / "bad.json").string(),
                    empty = (dir / "empty.json").string();
  std::ofstream(good) << R"({"a": 1})";
  std::ofstream(bad) << R"({"a": )";
  std::ofstream(empty) << "";
  auto read = readJsonFile(good);
  ASSERT_TRUE(read) << read.message();
  EXPECT_EQ(integerOr(*read, "a"), 1);
  EXPECT_EQ(readJsonFile(bad).message().rfind(bad + ": not valid JSON at byte", 0), 0u);
  EXPECT_EQ(readJsonFile(empty).message(), empty + ": empty file, expected JSON");
  EXPECT_EQ(readJsonFile((dir / "none.json").string()).message(),
            (dir / "none.json").string() + ": no such file");
  EXPECT_EQ(readJsonFile(dir.string()).message(), dir.string() + ": is a folder, not a file");
  EXPECT_NE(readJsonFile(good, 4).message().find("larger than"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace w2w::format
