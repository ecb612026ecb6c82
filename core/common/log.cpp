#include "common/log.h"

#include <mutex>

#include "common/log_categories.h"

namespace w2w {

// Info and above by default; QT_LOGGING_RULES="w2w.*.debug=true" shows more.
Q_LOGGING_CATEGORY(lcLibrary, "w2w.library", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPipeline, "w2w.pipeline", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEncoders, "w2w.encoders", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTraining, "w2w.training", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStudio, "w2w.studio", QtInfoMsg)

namespace {

std::mutex& callbackMutex() {
  static std::mutex mutex;
  return mutex;
}

LogCallback& callback() {
  static LogCallback instance;
  return instance;
}

const QLoggingCategory& categoryOf(LogArea area) {
  switch (area) {
    case LogArea::Library: return lcLibrary();
    case LogArea::Pipeline: return lcPipeline();
    case LogArea::Encoders: return lcEncoders();
    case LogArea::Training: return lcTraining();
    case LogArea::Studio: return lcStudio();
  }
  return lcStudio();
}

}  // namespace

const char* logAreaName(LogArea area) {
  switch (area) {
    case LogArea::Library: return "library";
    case LogArea::Pipeline: return "pipeline";
    case LogArea::Encoders: return "encoders";
    case LogArea::Training: return "training";
    case LogArea::Studio: return "studio";
  }
  return "studio";
}

void setLogCallback(LogCallback sink) {
  std::lock_guard<std::mutex> lock(callbackMutex());
  callback() = std::move(sink);
}

void logMessage(LogLevel level, LogArea area, const std::string& message) {
  LogCallback sink;
  {
    std::lock_guard<std::mutex> lock(callbackMutex());
    sink = callback();
  }
  if (sink) {
    sink(level, area, message);
    return;
  }
  const QLoggingCategory& category = categoryOf(area);
  const QString text = QString::fromStdString(message);
  switch (level) {
    case LogLevel::Debug:
      if (category.isDebugEnabled()) QMessageLogger().debug(category).noquote() << text;
      break;
    case LogLevel::Info:
      if (category.isInfoEnabled()) QMessageLogger().info(category).noquote() << text;
      break;
    case LogLevel::Warning:
      if (category.isWarningEnabled()) QMessageLogger().warning(category).noquote() << text;
      break;
    case LogLevel::Error:
      if (category.isCriticalEnabled()) QMessageLogger().critical(category).noquote() << text;
      break;
  }
}

}  // namespace w2w
