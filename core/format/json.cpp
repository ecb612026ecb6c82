#include "format/json.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace w2w::format {

JsonValue JsonValue::makeBool(bool b) {
  JsonValue v;
  v.type_ = Type::Bool;
  v.bool_ = b;
  return v;
}

JsonValue JsonValue::makeNumber(double value, bool isInteger, std::int64_t integer) {
  JsonValue v;
  v.type_ = Type::Number;
  v.number_ = value;
  v.isInteger_ = isInteger;
  v.integer_ = integer;
  return v;
}

JsonValue JsonValue::makeString(std::string s) {
  JsonValue v;
  v.type_ = Type::String;
  v.string_ = std::move(s);
  return v;
}

JsonValue JsonValue::makeArray(std::vector<JsonValue> items) {
  JsonValue v;
  v.type_ = Type::Array;
  v.array_ = std::move(items);
  return v;
}

JsonValue JsonValue::makeObject(std::vector<Member> members) {
  JsonValue v;
  v.type_ = Type::Object;
  v.members_ = std::move(members);
  return v;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const auto& m : members_)
    if (m.first == key) return &m.second;
  return nullptr;
}

const char* jsonTypeName(JsonValue::Type type) {
  switch (type) {
    case JsonValue::Type::Null: return "null";
    case JsonValue::Type::Bool: return "boolean";
    case JsonValue::Type::Number: return "number";
    case JsonValue::Type::String: return "string";
    case JsonValue::Type::Array: return "array";
    case JsonValue::Type::Object: return "object";
  }
  return "?";
}

namespace {

// Deep enough for any config file, shallow enough that recursion is safe.
constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Result<JsonValue> document() {
    skipSpace();
    JsonValue v;
    if (!value(v, 0)) return fail();
    skipSpace();
    if (pos_ != s_.size()) {
      error_ = "unexpected data after the JSON value";
      return fail();
    }
    return v;
  }

 private:
  Error fail() const { return makeError("JSON error at byte " + std::to_string(pos_) + ": " + error_); }

  bool setError(const char* what) {
    error_ = what;
    return false;
  }

  void skipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return setError("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool value(JsonValue& out, int depth) {
    if (pos_ >= s_.size()) return setError("unexpected end of input");
    switch (s_[pos_]) {
      case '{': return object(out, depth + 1);
      case '[': return array(out, depth + 1);
      case '"': {
        std::string str;
        if (!string(str)) return false;
        out = JsonValue::makeString(std::move(str));
        return true;
      }
      case 't':
        if (!literal("true")) return false;
        out = JsonValue::makeBool(true);
        return true;
      case 'f':
        if (!literal("false")) return false;
        out = JsonValue::makeBool(false);
        return true;
      case 'n':
        if (!literal("null")) return false;
        out = JsonValue();
        return true;
      default: return number(out);
    }
  }

  bool object(JsonValue& out, int depth) {
    if (depth > kMaxDepth) return setError("nesting too deep");
    ++pos_;  // '{'
    std::vector<JsonValue::Member> members;
    skipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      out = JsonValue::makeObject(std::move(members));
      return true;
    }
    for (;;) {
      skipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"') return setError("expected a string key");
      const std::size_t keyPos = pos_;
      std::string key;
      if (!string(key)) return false;
      for (const auto& m : members) {
        if (m.first == key) {
          pos_ = keyPos;
          error_ = "duplicate key \"" + key + "\"";
          return false;
        }
      }
      skipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') return setError("expected ':'");
      ++pos_;
      skipSpace();
      JsonValue v;
      if (!value(v, depth)) return false;
      members.emplace_back(std::move(key), std::move(v));
      skipSpace();
      if (pos_ >= s_.size()) return setError("unexpected end of input in object");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        out = JsonValue::makeObject(std::move(members));
        return true;
      }
      return setError("expected ',' or '}'");
    }
  }

  bool array(JsonValue& out, int depth) {
    if (depth > kMaxDepth) return setError("nesting too deep");
    ++pos_;  // '['
    std::vector<JsonValue> items;
    skipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      out = JsonValue::makeArray(std::move(items));
      return true;
    }
    for (;;) {
      skipSpace();
      JsonValue v;
      if (!value(v, depth)) return false;
      items.push_back(std::move(v));
      skipSpace();
      if (pos_ >= s_.size()) return setError("unexpected end of input in array");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == ']') {
        ++pos_;
        out = JsonValue::makeArray(std::move(items));
        return true;
      }
      return setError("expected ',' or ']'");
    }
  }

  static void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool hex4(std::uint32_t& cp) {
    if (s_.size() - pos_ < 4) return setError("truncated \\u escape");
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      cp <<= 4;
      if (c >= '0' && c <= '9')
        cp |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        cp |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        cp |= static_cast<std::uint32_t>(c - 'A' + 10);
      else
        return setError("invalid \\u escape");
    }
    return true;
  }

  // One UTF-8 sequence starting at pos_, checked for overlongs, surrogates and range.
  bool utf8(std::string& out) {
    const auto b0 = static_cast<unsigned char>(s_[pos_]);
    int len = 0;
    std::uint32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF)
      len = 2, cp = b0 & 0x1F, min = 0x80;
    else if (b0 >= 0xE0 && b0 <= 0xEF)
      len = 3, cp = b0 & 0x0F, min = 0x800;
    else if (b0 >= 0xF0 && b0 <= 0xF4)
      len = 4, cp = b0 & 0x07, min = 0x10000;
    else
      return setError("invalid UTF-8");
    if (s_.size() - pos_ < static_cast<std::size_t>(len)) return setError("truncated UTF-8");
    for (int i = 1; i < len; ++i) {
      const auto b = static_cast<unsigned char>(s_[pos_ + i]);
      if ((b & 0xC0) != 0x80) return setError("invalid UTF-8");
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return setError("invalid UTF-8");
    out.append(s_.data() + pos_, static_cast<std::size_t>(len));
    pos_ += static_cast<std::size_t>(len);
    return true;
  }

  bool string(std::string& out) {
    ++pos_;  // opening quote
    for (;;) {
      if (pos_ >= s_.size()) return setError("unterminated string");
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return setError("control character in string");
      if (c >= 0x80) {
        if (!utf8(out)) return false;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= s_.size()) return setError("unterminated escape");
      const char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return setError("lone low surrogate");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (s_.size() - pos_ < 2 || s_[pos_] != '\\' || s_[pos_ + 1] != 'u')
              return setError("lone high surrogate");
            pos_ += 2;
            std::uint32_t low = 0;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return setError("invalid surrogate pair");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          appendUtf8(out, cp);
          break;
        }
        default: --pos_; return setError("invalid escape");
      }
    }
  }

  static bool isDigit(char c) { return c >= '0' && c <= '9'; }

  bool number(JsonValue& out) {
    const std::size_t start = pos_;
    bool integral = true;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !isDigit(s_[pos_])) return setError("invalid value");
    if (s_[pos_] == '0') {
      ++pos_;
      if (pos_ < s_.size() && isDigit(s_[pos_])) return setError("leading zero in number");
    } else {
      while (pos_ < s_.size() && isDigit(s_[pos_])) ++pos_;
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      integral = false;
      ++pos_;
      if (pos_ >= s_.size() || !isDigit(s_[pos_])) return setError("digit expected after '.'");
      while (pos_ < s_.size() && isDigit(s_[pos_])) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      integral = false;
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || !isDigit(s_[pos_])) return setError("digit expected in exponent");
      while (pos_ < s_.size() && isDigit(s_[pos_])) ++pos_;
    }
    const char* first = s_.data() + start;
    const char* last = s_.data() + pos_;
    double d = 0.0;
    const auto rd = std::from_chars(first, last, d);
    // Out of range doubles (1e999) are refused rather than turned into inf.
    if (rd.ec != std::errc() || rd.ptr != last || !std::isfinite(d)) {
      pos_ = start;
      return setError("number out of range");
    }
    std::int64_t i = 0;
    bool isInt = false;
    if (integral) {
      const auto ri = std::from_chars(first, last, i);
      isInt = ri.ec == std::errc() && ri.ptr == last;
    }
    out = JsonValue::makeNumber(d, isInt, isInt ? i : 0);
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::string error_;
};

}  // namespace

Result<JsonValue> parseJson(std::string_view text) { return Parser(text).document(); }

}  // namespace w2w::format
