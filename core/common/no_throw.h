// The rule that nothing throws across the core's API, in one place: entry
// points that call throwing libraries (LibTorch's c10::Error, OpenCV's
// cv::Exception, std::bad_alloc) run their work through noThrow, which turns
// any exception into the Error value of their Result or Status.
// Standard library only (w2w_clip uses it too).
#pragma once

#include <exception>
#include <new>
#include <string>
#include <utility>

#include "common/result.h"

namespace w2w {

// The first line of an exception's message: c10::Error appends a C++
// backtrace on further lines, which is for developers, not for the one-line
// messages the studio and the command line show.
inline std::string firstLine(const char* what) {
  std::string text = what ? what : "";
  const auto end = text.find('\n');
  if (end != std::string::npos) text.resize(end);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
  return text.empty() ? std::string("unknown error") : text;
}

// Runs `work` (returning a Result<T> or a Status); an exception becomes the
// Error "<context>: <first line of the message>".
template <typename Work>
auto noThrow(const std::string& context, Work&& work) -> decltype(work()) {
  using Out = decltype(work());
  try {
    return std::forward<Work>(work)();
  } catch (const std::bad_alloc&) {
    return Out(makeError(context + ": out of memory"));
  } catch (const std::exception& e) {
    return Out(makeError(context + ": " + firstLine(e.what())));
  } catch (...) {
    return Out(makeError(context + ": unknown error"));
  }
}

}  // namespace w2w
