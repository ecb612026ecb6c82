// The studio's log: messages of the core's areas and of the studio reach the
// log file, and Help ▸ Show Log… shows them with the file's location.
#include <gtest/gtest.h>

#include <QLoggingCategory>
#include <QPlainTextEdit>

#include "common/log.h"
#include "common/log_categories.h"
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

TEST(LogFile, LivesInTheApplicationsDataFolder) {
  EXPECT_TRUE(LogFile::path().startsWith(LogFile::folder() + "/"));
  EXPECT_TRUE(LogFile::path().endsWith(".log"));
}

}  // namespace
}  // namespace w2w
