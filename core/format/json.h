// JSON for every folder: nlohmann::json (Debian's nlohmann-json3-dev, header
// only) behind a strict parser and a writer that never throw.
//
// Strict means: one value and nothing but whitespace after it, no comments, no
// trailing commas, no duplicate object keys, valid UTF-8, finite numbers, and
// a nesting limit (so hostile input cannot exhaust memory or the stack).
// Numbers are read and written independently of the C locale (Qt sets
// LC_NUMERIC from the environment).
//
// Reading a value: `Json` is nlohmann::json; its typed getters (get<int>(),
// at(), value()) throw on a type mismatch, so code that reads files checks the
// type first (is_number(), is_string(), ...) or uses member() below. Objects
// keep their keys sorted, so written JSON is stable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace w2w::format {

using Json = nlohmann::json;

// Deeper documents are refused; no file the project reads nests past a few levels.
constexpr int kMaxJsonDepth = 64;

// Parses a whole document. Errors read "not valid JSON at byte N: reason" or
// "not valid JSON: duplicate key \"k\"".
Result<Json> parseJson(std::string_view text);

// The object `text` holds, or an empty object when it holds no valid JSON
// object: for descriptions the program wrote itself (a dataset description, a
// run's stored configuration), where a damaged one reads as the defaults.
Json parseObjectOrEmpty(std::string_view text);

// Reads a file of at most maxBytes and parses it; errors name the file
// ("<path>: no such file", "<path>: not valid JSON at byte N: ...").
Result<Json> readJsonFile(const std::string& path, std::uint64_t maxBytes = 256ull << 20);

// The text of a value: compact by default, indented by `indent` spaces when
// given. Invalid UTF-8 inside strings is replaced (U+FFFD), never thrown.
std::string dumpJson(const Json& value, int indent = -1);

// The member `key` of an object, or nullptr when `value` is not an object,
// the key is absent or its value is null.
const Json* member(const Json& value, std::string_view key);

// Tolerant reading, for data files where a field may be absent: the member's
// value when it has the wanted type, else the fallback. Integers accept
// integral numbers only (3.0 is 3, 3.5 is the fallback).
std::string stringOr(const Json& object, std::string_view key, const std::string& fallback = {});
double numberOr(const Json& object, std::string_view key, double fallback = 0);
std::int64_t integerOr(const Json& object, std::string_view key, std::int64_t fallback = 0);
// An int member: integral and within int's range, else the fallback.
int intOr(const Json& object, std::string_view key, int fallback = 0);
bool boolOr(const Json& object, std::string_view key, bool fallback = false);
// The member when it is an array (an object), else an empty one.
const Json& arrayOf(const Json& object, std::string_view key);
const Json& objectOf(const Json& object, std::string_view key);
// The text of a string value, else "" (for the elements of an array).
std::string textOf(const Json& value);
// The value as an integer when it is an integral number, else the fallback.
std::int64_t integerOf(const Json& value, std::int64_t fallback = 0);

}  // namespace w2w::format
