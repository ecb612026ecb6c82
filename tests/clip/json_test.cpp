#include <gtest/gtest.h>

#include "format/json.h"

namespace w2w::clip {
namespace {

TEST(Json, ParsesNestedValues) {
  auto v = format::parseJson(R"( {"a": [1, -2.5e3, true, false, null], "b": {"c": "x\u00e9\ud83d\ude00\n"}} )");
  ASSERT_TRUE(v) << v.message();
  ASSERT_TRUE(v->isObject());
  const format::JsonValue* a = v->find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->array().size(), 5u);
  EXPECT_TRUE(a->array()[0].isInteger());
  EXPECT_EQ(a->array()[0].integer(), 1);
  EXPECT_FALSE(a->array()[1].isInteger());
  EXPECT_DOUBLE_EQ(a->array()[1].number(), -2500.0);
  EXPECT_TRUE(a->array()[2].boolean());
  EXPECT_TRUE(a->array()[4].isNull());
  EXPECT_EQ(v->find("b")->find("c")->string(), "x\xC3\xA9\xF0\x9F\x98\x80\n");
}

TEST(Json, KeepsLargeIntegersExact) {
  auto v = format::parseJson("[9007199254740993, 1e2, 12345678901234567890]");
  ASSERT_TRUE(v) << v.message();
  EXPECT_EQ(v->array()[0].integer(), 9007199254740993LL);  // not representable as a double
  EXPECT_FALSE(v->array()[1].isInteger());                 // exponent: a float
  EXPECT_FALSE(v->array()[2].isInteger());                 // beyond int64
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
                       "\"\\ud800\"",
                       "\"\xC0\xAF\"",
                       "\"\xED\xA0\x80\"",
                       "{\"a\":1,\"a\":2}",
                       "// c\n1"};
  for (const char* text : bad) {
    auto v = format::parseJson(text);
    EXPECT_FALSE(v) << "accepted: " << text;
    if (!v) {
      EXPECT_EQ(v.message().rfind("JSON error at byte", 0), 0u) << v.message();
    }
  }
}

TEST(Json, LimitsNesting) {
  EXPECT_TRUE(format::parseJson(std::string(60, '[') + std::string(60, ']')));
  auto deep = format::parseJson(std::string(100000, '['));
  ASSERT_FALSE(deep);
  EXPECT_NE(deep.message().find("nesting too deep"), std::string::npos);
}

TEST(Json, ReportsDuplicateKeyByName) {
  auto v = format::parseJson(R"({"dtype": "F32", "dtype": "F16"})");
  ASSERT_FALSE(v);
  EXPECT_NE(v.message().find("duplicate key \"dtype\""), std::string::npos) << v.message();
}

}  // namespace
}  // namespace w2w::clip
