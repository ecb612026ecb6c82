// A small, strict JSON reader (RFC 8259) for safetensors headers and model
// config files. Standard library only, so that it can be fuzzed on its own.
//
// Strict means: one value and nothing but whitespace after it, no comments, no
// trailing commas, no duplicate object keys, valid UTF-8, no control
// characters in strings, and a nesting limit (so hostile input cannot exhaust
// the stack). Numbers are parsed with std::from_chars, which ignores the C
// locale (Qt sets LC_NUMERIC from the environment, which breaks strtod).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace w2w::format {

class JsonValue {
 public:
  enum class Type { Null, Bool, Number, String, Array, Object };
  using Member = std::pair<std::string, JsonValue>;

  JsonValue() = default;
  static JsonValue makeBool(bool b);
  static JsonValue makeNumber(double value, bool isInteger, std::int64_t integer);
  static JsonValue makeString(std::string s);
  static JsonValue makeArray(std::vector<JsonValue> items);
  static JsonValue makeObject(std::vector<Member> members);

  Type type() const { return type_; }
  bool isNull() const { return type_ == Type::Null; }
  bool isBool() const { return type_ == Type::Bool; }
  bool isNumber() const { return type_ == Type::Number; }
  bool isString() const { return type_ == Type::String; }
  bool isArray() const { return type_ == Type::Array; }
  bool isObject() const { return type_ == Type::Object; }
  // True for a number written without fraction or exponent that fits int64.
  bool isInteger() const { return type_ == Type::Number && isInteger_; }

  // Accessors; calling one for the wrong type returns an empty/zero value.
  bool boolean() const { return bool_; }
  double number() const { return number_; }
  std::int64_t integer() const { return integer_; }
  const std::string& string() const { return string_; }
  const std::vector<JsonValue>& array() const { return array_; }
  const std::vector<Member>& members() const { return members_; }  // in file order

  // The member with this key, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;

 private:
  Type type_ = Type::Null;
  bool bool_ = false;
  bool isInteger_ = false;
  double number_ = 0.0;
  std::int64_t integer_ = 0;
  std::string string_;
  std::vector<JsonValue> array_;
  std::vector<Member> members_;
};

// Parses a whole document. Errors read "JSON error at byte N: reason".
Result<JsonValue> parseJson(std::string_view text);

// A short name for a type, for error messages ("object", "number", ...).
const char* jsonTypeName(JsonValue::Type type);

}  // namespace w2w::format
