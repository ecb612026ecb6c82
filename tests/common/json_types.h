// Checks of the types a JSON report was written with, for tests that read the
// command line's --json output through format::Json (which keeps `3`, an
// integer, apart from `3.0`, a double; QJsonDocument does not).
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "format/json.h"

namespace w2w::test {

// `key` of `object` is a JSON integer: a count or an id prints `3`, never `3.0`.
inline ::testing::AssertionResult isInteger(const format::Json& object, const std::string& key) {
  const format::Json* value = format::member(object, key);
  if (value && value->is_number_integer()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "\"" << key << "\" is not a JSON integer in " << format::dumpJson(object).substr(0, 300);
}

// `key` of `object` is a number written as a double: a measured figure (score,
// AUC, confidence) prints `0.5` or `1.0`, the same type every time.
inline ::testing::AssertionResult isFigure(const format::Json& object, const std::string& key) {
  const format::Json* value = format::member(object, key);
  if (value && value->is_number_float()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << key << "\" is not a number written as a double in "
                                       << format::dumpJson(object).substr(0, 300);
}

}  // namespace w2w::test
