// Logging of what no one sees: failures the core recovers from (a cache that
// cannot be written, a record that cannot be updated) leave a line here
// instead of vanishing. Plain C++ for callers; Qt Core underneath.
//
// Every message goes to the Qt logging category of its area ("w2w.library",
// "w2w.pipeline", "w2w.encoders", "w2w.training", "w2w.studio"), so
// QT_LOGGING_RULES filters them and the host's Qt message handler decides
// where they go (the studio: its log file; the command line: stderr). A host
// that wants the messages itself (a test, a log view) sets a callback, which
// then receives every message in place of that.
//
// Thread-safety: every function may be called from any thread.
#pragma once

#include <functional>
#include <string>

namespace w2w {

enum class LogArea { Library, Pipeline, Encoders, Training, Studio };
enum class LogLevel { Debug, Info, Warning, Error };

// "library", "pipeline", "encoders", "training", "studio".
const char* logAreaName(LogArea area);

using LogCallback = std::function<void(LogLevel level, LogArea area, const std::string& message)>;

// Replaces the callback; an empty one restores the Qt logging categories.
void setLogCallback(LogCallback callback);

void logMessage(LogLevel level, LogArea area, const std::string& message);
inline void logWarning(LogArea area, const std::string& message) {
  logMessage(LogLevel::Warning, area, message);
}
inline void logInfo(LogArea area, const std::string& message) { logMessage(LogLevel::Info, area, message); }

}  // namespace w2w
