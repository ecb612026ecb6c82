// The studio's log: messages of the core's areas and of the studio reach the
// log file, and Help ▸ Show Log… shows them with the file's location.
#include <gtest/gtest.h>

#include <QDir>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include "background_task.h"
#include "common/log.h"
#include "common/log_categories.h"
#include "library_controller.h"
#include "log_dialog.h"
#include "log_file.h"
#include "test_support.h"

namespace w2w {
namespace {

TEST(LogFile, CoreAndStudioMessagesReachTheFileAndTheDialogShowsThem) {
  test::TempDir dir;
  const QString file = QString::fromStdString(dir.path("logs/studio.log"));
  LogFile::install(file);
  logWarning(LogArea::Library, "thumbnail cache not written: disk full");
  qCWarning(lcStudio) << "background import failed";
  LogFile::uninstall();

  const QString log = LogFile::tail();
  EXPECT_TRUE(log.contains("warning w2w.library: thumbnail cache not written: disk full"))
      << log.toStdString();
  EXPECT_TRUE(log.contains("warning w2w.studio: background import failed")) << log.toStdString();

  LogDialog dialog;
  EXPECT_TRUE(dialog.text()->toPlainText().contains("disk full"));
  EXPECT_TRUE(dialog.text()->isReadOnly());
}

// What the window shows once (an import's failed rows, a task's error box)
// stays in the log after the window has moved on.
TEST(LogFile, FailedImportsAndFailedTasksLeaveALine) {
  test::TempDir dir;
  LogFile::install(QString::fromStdString(dir.path("logs/studio.log")));
  LibraryController controller;
  ASSERT_EQ(controller.openLibrary(QString::fromStdString(dir.path("w.w2w")), true), QString());
  QDir().mkpath(QString::fromStdString(dir.path("items/shoes")));
  test::writeBytes(dir.path("items/shoes/broken.png"), "not an image");
  BackgroundTask* import = controller.importItems({QString::fromStdString(dir.path("items"))}, "folder");
  ASSERT_NE(import, nullptr);
  QSignalSpy imported(import, &BackgroundTask::finished);
  ASSERT_TRUE(QTest::qWaitFor([&] { return imported.count() > 0; }, 60000));

  BackgroundTask failing("Exporting",
                         [](const ProgressCallback&, const CancelFlag&) { return QString("disk full"); });
  QSignalSpy ended(&failing, &BackgroundTask::finished);
  failing.start();
  ASSERT_TRUE(QTest::qWaitFor([&] { return ended.count() > 0; }, 60000));
  LogFile::uninstall();

  const QString log = LogFile::tail();
  EXPECT_TRUE(log.contains(QRegularExpression("warning w2w.pipeline: .*broken.png"))) << log.toStdString();
  EXPECT_TRUE(log.contains("warning w2w.studio: Exporting failed: disk full")) << log.toStdString();
}

TEST(LogFile, LivesInTheApplicationsDataFolder) {
  EXPECT_TRUE(LogFile::path().startsWith(LogFile::folder() + "/"));
  EXPECT_TRUE(LogFile::path().endsWith(".log"));
}

}  // namespace
}  // namespace w2w
