// The studio shares its library: changes other programs make show up in the
// views and counts, and a library it may not write opens read-only.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include "library_controller.h"
#include "library_grid_model.h"
#include "library_view.h"
#include "main_window.h"
#include "studio_settings.h"
#include "test_support.h"
#include "translation_manager.h"

namespace w2w {
namespace {

using test::TempDir;

NewPhoto photo(const TempDir& dir, int n) {
  const std::string file = dir.path("p" + std::to_string(n) + ".png");
  test::writeImage(file, test::makeTestImage(40, 60, n));
  return {file, "hash" + std::to_string(n), 1, 40, 60};
}

TEST(LibrarySharing, ChangesOfAnotherConnectionRefreshOnlyWhatChanged) {
  TempDir dir;
  const std::string path = dir.path("w.w2w");
  { ASSERT_TRUE(Library::create(path).ok()); }
  LibraryController controller;
  ASSERT_EQ(controller.openLibrary(QString::fromStdString(path)), "");
  QSignalSpy content(&controller, &LibraryController::contentChanged);
  QSignalSpy tags(&controller, &LibraryController::tagsChanged);
  QSignalSpy outfits(&controller, &LibraryController::outfitsChanged);
  auto other = Library::open(path);  // as another program would
  ASSERT_TRUE(other.ok());

  controller.checkForChangesElsewhere();
  EXPECT_EQ(content.count() + tags.count() + outfits.count(), 0) << "nothing changed yet";

  auto id = (*other)->addPhoto(photo(dir, 1));
  ASSERT_TRUE(id.ok());
  controller.checkForChangesElsewhere();
  EXPECT_EQ(content.count(), 1);
  EXPECT_EQ(tags.count(), 0);

  ASSERT_TRUE((*other)->tagPhoto(*id, "summer").ok());
  controller.checkForChangesElsewhere();
  EXPECT_EQ(content.count(), 1);
  EXPECT_EQ(tags.count(), 1);

  // The studio's own edit is announced once, by the edit itself.
  GridEntry entry;
  entry.kind = GridEntry::Kind::Photo;
  entry.id = *id;
  ASSERT_EQ(controller.changeTag({entry}, "winter", true), "");
  EXPECT_EQ(tags.count(), 2);
  controller.checkForChangesElsewhere();
  EXPECT_EQ(tags.count(), 2);

  // Without being asked: the poll notices within a few seconds.
  ASSERT_TRUE((*other)->addPhoto(photo(dir, 2)).ok());
  EXPECT_TRUE(QTest::qWaitFor([&] { return content.count() == 2; }, 20000));
}

TEST(LibrarySharing, TheWindowShowsWhatAnotherProgramAdded) {
  TempDir dir;
  const std::string path = dir.path("w.w2w");
  { ASSERT_TRUE(Library::create(path).ok()); }
  StudioSettings settings;
  LibraryController controller;
  TranslationManager translations;
  MainWindow window(&settings, &controller, &translations);
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(path)));
  auto* status = window.findChild<QLabel*>("libraryStatus");
  ASSERT_NE(status, nullptr);
  EXPECT_TRUE(status->text().contains("0 photo")) << status->text().toStdString();

  auto other = Library::open(path);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->addPhoto(photo(dir, 1)).ok());
  ASSERT_TRUE((*other)->addPhoto(photo(dir, 2)).ok());
  EXPECT_TRUE(QTest::qWaitFor([&] { return status->text().contains("2 photo"); }, 20000))
      << status->text().toStdString();
  auto* view = window.findChild<LibraryView*>();
  ASSERT_NE(view, nullptr);
  EXPECT_EQ(view->model()->rowCount(), 2);
}

TEST(LibrarySharing, SelectionSurvivesARefresh) {
  TempDir dir;
  const std::string path = dir.path("w.w2w");
  std::vector<Id> ids;
  {
    auto library = Library::create(path);
    ASSERT_TRUE(library.ok());
    for (int n = 1; n <= 3; ++n) ids.push_back(*(*library)->addPhoto(photo(dir, n)));
  }
  StudioSettings settings;
  LibraryController controller;
  TranslationManager translations;
  MainWindow window(&settings, &controller, &translations);
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(path)));
  auto* view = window.findChild<LibraryView*>();
  view->select(GridEntry::Kind::Photo, ids[1]);
  ASSERT_EQ(view->selectedEntries().size(), 1u);

  auto other = Library::open(path);
  ASSERT_TRUE((*other)->addPhoto(photo(dir, 4)).ok());
  ASSERT_TRUE(QTest::qWaitFor([&] { return view->model()->rowCount() == 4; }, 20000));
  const auto selected = view->selectedEntries();
  ASSERT_EQ(selected.size(), 1u);
  EXPECT_EQ(selected[0].id, ids[1]);
}

TEST(LibrarySharing, ALibraryThatCannotBeWrittenOpensReadOnly) {
  TempDir dir;
  QDir().mkpath(QString::fromStdString(dir.path("shelf")));
  const std::string path = dir.path("shelf/w.w2w");
  {
    auto library = Library::create(path);
    ASSERT_TRUE(library.ok());
    ASSERT_TRUE((*library)->addPhoto(photo(dir, 1)).ok());
  }
  test::letEveryoneIn(dir.path(), dir.path("shelf"));
  QFile::setPermissions(QString::fromStdString(path),
                        QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
  test::ActAsOrdinaryUser nobody;

  StudioSettings settings;
  LibraryController controller;
  TranslationManager translations;
  MainWindow window(&settings, &controller, &translations);
  QSignalSpy writable(&controller, &LibraryController::writableChanged);
  QString error;
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(path), &error)) << error.toStdString();
  EXPECT_TRUE(controller.isReadOnly());
  EXPECT_TRUE(controller.readOnlyReason().contains("read-only")) << controller.readOnlyReason().toStdString();
  ASSERT_EQ(writable.count(), 1);
  EXPECT_FALSE(writable.front().front().toBool());
  EXPECT_TRUE(window.windowTitle().contains("read-only")) << window.windowTitle().toStdString();
  EXPECT_TRUE(window.findChild<QLabel*>("libraryStatus")->text().contains("Read-only"));
  for (const char* name :
       {"actionImportPhotos", "actionAddTag", "actionRemoveFromLibrary", "actionSaveOutfit", "actionAccept",
        "actionDrawBox", "actionDeleteBox", "actionNotVisible"}) {
    auto* action = window.findChild<QAction*>(name);
    ASSERT_NE(action, nullptr) << name;
    EXPECT_FALSE(action->isEnabled()) << name << " is enabled on a read-only library";
  }
  auto* view = window.findChild<LibraryView*>();
  EXPECT_EQ(view->model()->rowCount(), 1) << "browsing works";
}

}  // namespace
}  // namespace w2w
