// The import dialogs open in the folder of the last import, as a person
// importing a wardrobe in several sittings expects, and remember it.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QTest>

#include "journey_support.h"
#include "library_controller.h"
#include "main_window.h"
#include "studio_settings.h"
#include "test_support.h"
#include "translation_manager.h"

namespace w2w {
namespace {

TEST(ImportDialogs, OpenWhereTheLastImportWasMade) {
  test::TempDir dir;
  StudioSettings settings;
  const QString before = settings.importFolder();
  LibraryController library;
  TranslationManager translations;
  MainWindow window(&settings, &library, &translations);
  ASSERT_TRUE(library.openLibrary(QString::fromStdString(dir.path("w.w2w")), true).isEmpty());
  const QString first = QString::fromStdString(dir.path("photos"));
  const QString second = QString::fromStdString(dir.path("more photos"));
  ASSERT_TRUE(QDir().mkpath(first) && QDir().mkpath(second));
  settings.setImportFolder(first);

  // Import a folder: the dialog opens in the last import's folder.
  QString openedIn;
  test::whenDialogOpens([&](QWidget* dialog) {
    openedIn = qobject_cast<QFileDialog*>(dialog)->directory().absolutePath();
    test::typeAndEnter(dialog, second);
  });
  window.findChild<QAction*>("actionImportFolder")->trigger();
  EXPECT_EQ(openedIn, first);
  EXPECT_EQ(settings.importFolder(), second);
  EXPECT_TRUE(QTest::qWaitFor([&] { return !window.busy(); }, 60000));  // the (empty) folder's import

  // The photos dialog opens where that import was; cancelling changes nothing.
  openedIn.clear();
  test::whenDialogOpens([&](QWidget* dialog) {
    openedIn = qobject_cast<QFileDialog*>(dialog)->directory().absolutePath();
    qobject_cast<QFileDialog*>(dialog)->reject();
  });
  window.findChild<QAction*>("actionImportPhotos")->trigger();
  EXPECT_EQ(openedIn, second);
  EXPECT_EQ(settings.importFolder(), second);

  // A last folder that is gone gives way to one that exists.
  ASSERT_TRUE(QDir(second).removeRecursively());
  EXPECT_NE(settings.importFolder(), second);
  EXPECT_TRUE(QFileInfo(settings.importFolder()).isDir());
  settings.setImportFolder(before);
}

}  // namespace
}  // namespace w2w
