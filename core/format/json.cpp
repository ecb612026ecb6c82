#include "format/json.h"

#include <climits>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>
#include <vector>

namespace w2w::format {
namespace {

// Thrown by the parse callback and caught in parseJson: the callback has no
// other way to stop nlohmann's parser.
struct Refused {
  std::string why;
};

// The checks nlohmann's parser does not make itself: duplicate keys (it keeps
// the last one), non-finite numbers (1e999 becomes infinity) and the nesting
// limit. One set of keys per open object.
class StrictChecks {
 public:
  bool operator()(int depth, Json::parse_event_t event, Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
        if (depth >= kMaxJsonDepth) throw Refused{"nesting too deep"};
        keys_.emplace_back();
        break;
      case Json::parse_event_t::array_start:
        if (depth >= kMaxJsonDepth) throw Refused{"nesting too deep"};
        break;
      case Json::parse_event_t::key:
        if (!keys_.back().insert(parsed.get_ref<const std::string&>()).second)
          throw Refused{"duplicate key \"" + parsed.get_ref<const std::string&>() + "\""};
        break;
      case Json::parse_event_t::object_end: keys_.pop_back(); break;
      case Json::parse_event_t::value:
        if (parsed.is_number_float() && !std::isfinite(parsed.get<double>()))
          throw Refused{"number out of range"};
        break;
      case Json::parse_event_t::array_end: break;
    }
    return true;
  }

 private:
  std::vector<std::set<std::string>> keys_;
};

// nlohmann's message without its "[json.exception.parse_error.101] parse
// error at line 1, column 5: " prefix (the byte offset says where).
std::string reason(const Json::parse_error& e) {
  std::string what = e.what();
  const auto column = what.find("column ");
  const auto colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

std::string sizeText(std::uint64_t bytes) {
  return bytes < (1u << 20) ? std::to_string(bytes) + " bytes" : std::to_string(bytes >> 20) + " MB";
}

}  // namespace

Result<Json> parseJson(std::string_view text) {
  try {
    StrictChecks checks;
    Json::parser_callback_t callback = [&checks](int depth, Json::parse_event_t event, Json& parsed) {
      return checks(depth, event, parsed);
    };
    return Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                       /*ignore_comments=*/false);
  } catch (const Refused& refused) {
    return makeError("not valid JSON: " + refused.why);
  } catch (const Json::parse_error& e) {
    return makeError("not valid JSON at byte " + std::to_string(e.byte) + ": " + reason(e));
  } catch (const std::exception& e) {
    return makeError(std::string("not valid JSON: ") + e.what());
  }
}

Json parseObjectOrEmpty(std::string_view text) {
  auto parsed = parseJson(text);
  return parsed && parsed->is_object() ? std::move(*parsed) : Json::object();
}

Result<Json> readJsonFile(const std::string& path, std::uint64_t maxBytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) return makeError(path + ": no such file");
  if (fs::is_directory(status)) return makeError(path + ": is a folder, not a file");
  const std::uint64_t size = fs::file_size(path, ec);
  if (ec) return makeError(path + ": cannot read (" + ec.message() + ")");
  if (size > maxBytes) return makeError(path + ": larger than the limit of " + sizeText(maxBytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(path + ": cannot open (permission denied?)");
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size))) return makeError(path + ": read error");
  if (text.empty()) return makeError(path + ": empty file, expected JSON");
  auto json = parseJson(text);
  if (!json) return makeError(path + ": " + json.message());
  return json;
}

std::string dumpJson(const Json& value, int indent) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

const Json* member(const Json& value, std::string_view key) {
  if (!value.is_object()) return nullptr;
  const auto it = value.find(std::string(key));
  return it == value.end() || it->is_null() ? nullptr : &*it;
}

std::string textOf(const Json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

std::int64_t integerOf(const Json& value, std::int64_t fallback) {
  if (value.is_number_integer()) {
    // A uint64 beyond the int64 range is not an integer this project uses.
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t(INT64_MAX)) return fallback;
    return value.get<std::int64_t>();
  }
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (d == std::floor(d) && std::fabs(d) < 9.0e18) return static_cast<std::int64_t>(d);
  }
  return fallback;
}

std::string stringOr(const Json& object, std::string_view key, const std::string& fallback) {
  const Json* v = member(object, key);
  return v && v->is_string() ? v->get<std::string>() : fallback;
}

double numberOr(const Json& object, std::string_view key, double fallback) {
  const Json* v = member(object, key);
  return v && v->is_number() ? v->get<double>() : fallback;
}

std::int64_t integerOr(const Json& object, std::string_view key, std::int64_t fallback) {
  const Json* v = member(object, key);
  return v ? integerOf(*v, fallback) : fallback;
}

int intOr(const Json& object, std::string_view key, int fallback) {
  const std::int64_t value = integerOr(object, key, std::int64_t(INT_MIN) - 1);
  return value >= INT_MIN && value <= INT_MAX ? static_cast<int>(value) : fallback;
}

bool boolOr(const Json& object, std::string_view key, bool fallback) {
  const Json* v = member(object, key);
  return v && v->is_boolean() ? v->get<bool>() : fallback;
}

const Json& arrayOf(const Json& object, std::string_view key) {
  static const Json kEmpty = Json::array();
  const Json* v = member(object, key);
  return v && v->is_array() ? *v : kEmpty;
}

const Json& objectOf(const Json& object, std::string_view key) {
  static const Json kEmpty = Json::object();
  const Json* v = member(object, key);
  return v && v->is_object() ? *v : kEmpty;
}

}  // namespace w2w::format
