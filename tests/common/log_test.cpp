// The core's log (common/log.h): messages reach the Qt logging category of
// their area (and so the host's message handler), or the callback a host set.
#include <gtest/gtest.h>

#include <QLoggingCategory>

#include <string>
#include <vector>

#include "common/log.h"
#include "common/log_categories.h"

namespace w2w {
namespace {

struct Captured {
  QtMsgType type;
  std::string category;
  std::string message;
};
std::vector<Captured> captured;

void capture(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  captured.push_back({type, context.category ? context.category : "", message.toStdString()});
}

TEST(Log, MessagesGoToTheirAreasQtCategory) {
  captured.clear();
  QtMessageHandler previous = qInstallMessageHandler(capture);
  logWarning(LogArea::Library, "cache not written: disk full");
  logInfo(LogArea::Training, "run 3 recorded");
  logMessage(LogLevel::Error, LogArea::Encoders, "model folder vanished");
  logMessage(LogLevel::Debug, LogArea::Pipeline, "not shown by default");
  qCWarning(lcStudio) << "from Qt code";
  qInstallMessageHandler(previous);

  ASSERT_EQ(captured.size(), 4u) << "debug is off unless QT_LOGGING_RULES says otherwise";
  EXPECT_EQ(captured[0].type, QtWarningMsg);
  EXPECT_EQ(captured[0].category, "w2w.library");
  EXPECT_EQ(captured[0].message, "cache not written: disk full");
  EXPECT_EQ(captured[1].type, QtInfoMsg);
  EXPECT_EQ(captured[1].category, "w2w.training");
  EXPECT_EQ(captured[2].type, QtCriticalMsg);
  EXPECT_EQ(captured[2].category, "w2w.encoders");
  EXPECT_EQ(captured[3].category, "w2w.studio");
}

TEST(Log, ACallbackReceivesEveryMessageInstead) {
  std::vector<std::string> seen;
  setLogCallback([&](LogLevel level, LogArea area, const std::string& message) {
    seen.push_back(std::string(logAreaName(area)) + (level == LogLevel::Debug ? " debug: " : ": ") + message);
  });
  captured.clear();
  QtMessageHandler previous = qInstallMessageHandler(capture);
  logWarning(LogArea::Pipeline, "photo.jpg: thumbnail not cached");
  logMessage(LogLevel::Debug, LogArea::Training, "step 12");
  qInstallMessageHandler(previous);
  setLogCallback({});
  EXPECT_TRUE(captured.empty()) << "the callback replaces the Qt categories";
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], "pipeline: photo.jpg: thumbnail not cached");
  EXPECT_EQ(seen[1], "training debug: step 12");
}

}  // namespace
}  // namespace w2w
