// The stylist's journey through the real main window, with simulated mouse
// and keys only: import a folder of photos (through the folder dialog), open the board, pick three pieces
// from the wardrobe, swap one, complete the look, save, undo past the save (the saved outfit stays), restart
// on the same library, and reopen the outfit. The test finds widgets as a person finds them on screen (by
// their place and text) and reads what the screen shows; it never calls into a view to act.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPointer>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

#include "common/resources.h"
#include "item_slot.h"
#include "journey_support.h"
#include "library_controller.h"
#include "main_window.h"
#include "studio_settings.h"
#include "test_support.h"
#include "translation_manager.h"

namespace w2w {
namespace {

constexpr int kLongWaitMs = 240000;  // imports and encoding on a busy machine

using test::doubleClickRow;
using test::typeAndEnter;
using test::whenDialogOpens;

struct Session {
  LibraryController library;
  std::unique_ptr<MainWindow> window;

  Session(StudioSettings* settings, TranslationManager* translations, const QString& path) {
    window = std::make_unique<MainWindow>(settings, &library, translations);
    QString error;
    EXPECT_TRUE(window->openLibrary(path, &error)) << error.toStdString();
    window->resize(1280, 800);
    window->show();
    QApplication::setActiveWindow(window.get());
    EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
  }
  QWidget* focus() const { return QApplication::focusWidget() ? QApplication::focusWidget() : window.get(); }
  void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    // A closed dialog gives the keyboard back to the window, as a window
    // manager does (the offscreen platform has none).
    if (!QApplication::activeModalWidget() && QApplication::activeWindow() != window.get()) {
      QApplication::setActiveWindow(window.get());
      EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
    }
    QTest::keyClick(focus(), key, modifiers);
  }
  QWidget* currentView() const { return window->findChild<QTabWidget*>()->currentWidget(); }
  template <typename T>
  T* inView(const char* name) const {
    return currentView()->findChild<T*>(name);
  }
  QString slotText(const char* category) const {
    return inView<ItemSlot>(qPrintable(QStringLiteral("slot_%1").arg(category)))->caption();
  }
  bool settled() const { return !window->busy(); }
  // What the window shows while it is busy (the status bar), for failures.
  std::string status() const {
    QStringList texts;
    for (auto* label : window->statusBar()->findChildren<QLabel*>())
      if (label->isVisible()) texts << label->text();
    if (QWidget* dialog = QApplication::activeModalWidget()) texts << "dialog: " + dialog->windowTitle();
    return texts.join(" | ").toStdString();
  }
};

TEST(StylistJourney, FromImportToAReopenedSavedOutfit) {
  const std::string demo = findResource("demo/photos");
  ASSERT_FALSE(demo.empty()) << "the demo photos are part of the source tree";
  test::TempDir dir;
  const QString photos = QString::fromStdString(dir.path("photos"));
  QDir().mkpath(photos);
  for (const char* name : {"ccp-0452.jpg", "ccp-0455.jpg", "ccp-0457.jpg", "ccp-0459.jpg"}) {
    ASSERT_TRUE(QFile::copy(QString::fromStdString(demo) + '/' + name, photos + '/' + name));
  }
  const QString path = QString::fromStdString(dir.path("wardrobe.w2w"));
  ASSERT_TRUE(Library::create(path.toStdString()).ok());
  StudioSettings settings;
  settings.setEncoder("basic");
  TranslationManager translations;
  translations.apply("en");
  QString friday[3];
  {
    Session s(&settings, &translations, path);
    // Import a folder of photos: File > Import Folder (Ctrl+Shift+I), its
    // path typed into the folder dialog (Qt's own), Enter.
    QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    whenDialogOpens([&](QWidget* dialog) { typeAndEnter(dialog, photos); });
    s.key(Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.settled(); }, kLongWaitMs)) << s.status();
    auto* grid = s.window->findChild<QListView*>("libraryGrid");
    ASSERT_TRUE(QTest::qWaitFor([&] { return grid->model()->rowCount() >= 12; }, 20000))
        << "four photos and their crops";

    // Encode the crops: the Embeddings view's button.
    s.key(Qt::Key_3, Qt::AltModifier);
    QAbstractButton* encode = nullptr;
    for (auto* button : s.currentView()->findChildren<QAbstractButton*>())
      if (button->text().remove('&') == "Encode library") encode = button;
    ASSERT_NE(encode, nullptr) << "in view " << s.currentView()->objectName().toStdString();
    if (encode->isEnabled()) QTest::mouseClick(encode, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.settled(); }, kLongWaitMs));

    // The board: a top, a bottom and shoes from the wardrobe, each by a
    // double-click (the wardrobe follows the slot to fill).
    s.key(Qt::Key_5, Qt::AltModifier);
    ASSERT_EQ(s.currentView()->objectName(), "board");
    auto* wardrobe = s.inView<QListView>("wardrobeList");
    ASSERT_NE(wardrobe, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return s.settled(); }, kLongWaitMs));
    for (const char* slot : {"top", "bottom", "shoes"}) {
      ASSERT_GE(wardrobe->model()->rowCount(), 2) << slot;
      doubleClickRow(wardrobe, 0);
      EXPECT_TRUE(s.slotText(slot).contains(".jpg · ")) << slot << ": " << s.slotText(slot).toStdString();
    }
    auto* score = s.inView<QLabel>("scoreLabel");
    EXPECT_TRUE(score->text().contains("outfit score")) << score->text().toStdString();

    // Swap the bottom: click its slot, double-click another bottom.
    const QString firstBottom = s.slotText("bottom");
    QTest::mouseClick(s.inView<QWidget>("slot_bottom"), Qt::LeftButton);
    doubleClickRow(wardrobe, 1);
    EXPECT_NE(s.slotText("bottom"), firstBottom);
    EXPECT_TRUE(s.slotText("bottom").contains(" · Bottom"));

    // Complete the look: empty the shoes' slot (Delete), then Ctrl+L.
    QTest::mouseClick(s.inView<QWidget>("slot_shoes"), Qt::LeftButton);
    s.key(Qt::Key_Delete);
    EXPECT_TRUE(s.slotText("shoes").isEmpty());
    EXPECT_TRUE(s.slotText("top").contains(" · Top")) << "Delete empties one slot only";
    s.key(Qt::Key_L, Qt::ControlModifier);
    EXPECT_TRUE(s.slotText("shoes").contains(" · Shoes"));
    EXPECT_TRUE(s.inView<QLabel>("boardNotice")->text().startsWith("Completed the look"));

    // Once more on the full board: it says why there is nothing to complete.
    const QString completed = s.slotText("shoes");
    s.key(Qt::Key_L, Qt::ControlModifier);
    EXPECT_TRUE(s.inView<QLabel>("boardNotice")->text().startsWith("The board holds a whole outfit"));
    EXPECT_EQ(s.slotText("shoes"), completed);

    // Recommendations for these pieces (Ctrl+R): alternatives for each.
    s.key(Qt::Key_R, Qt::ControlModifier);
    ASSERT_EQ(s.currentView()->objectName(), "recommend");
    auto* tops = s.inView<QListWidget>("suggestions_top");
    ASSERT_NE(tops, nullptr);
    EXPECT_TRUE(QTest::qWaitFor([&] { return tops->count() > 0; }, 20000)) << "the view is not empty";
    s.key(Qt::Key_5, Qt::AltModifier);

    // Save it as "Friday": Ctrl+S, a name, Enter.
    friday[0] = s.slotText("top");
    friday[1] = s.slotText("bottom");
    friday[2] = s.slotText("shoes");
    whenDialogOpens([](QWidget* dialog) { typeAndEnter(dialog, "Friday"); });
    s.key(Qt::Key_S, Qt::ControlModifier);
    auto* saved = s.inView<QListWidget>("savedOutfitList");
    ASSERT_NE(saved, nullptr);
    ASSERT_EQ(saved->count(), 1);
    EXPECT_TRUE(saved->item(0)->text().startsWith("Friday\nscore "));

    // Undo everything the board did: the saved outfit stays.
    QAction* undo = s.window->findChild<QAction*>("actionUndo");
    int presses = 0;
    while (undo->isEnabled() && presses < 20) {
      s.key(Qt::Key_Z, Qt::ControlModifier);
      ++presses;
    }
    EXPECT_GE(presses, 6) << "three picks, a swap, a removal, the completed look";
    EXPECT_TRUE(s.slotText("top").isEmpty());
    EXPECT_EQ(saved->count(), 1) << "undo never deletes a saved outfit";
    s.key(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);  // redo the first pick
    EXPECT_FALSE(s.slotText("top").isEmpty());
  }

  // Restart: a new window on the same library (and the same settings).
  Session s(&settings, &translations, path);
  s.key(Qt::Key_5, Qt::AltModifier);
  EXPECT_FALSE(s.slotText("top").isEmpty()) << "the board is kept across restarts";
  EXPECT_TRUE(s.slotText("bottom").isEmpty());
  // So are the recommendations' pieces (the look shown with Ctrl+R).
  s.key(Qt::Key_6, Qt::AltModifier);
  ASSERT_EQ(s.currentView()->objectName(), "recommend");
  EXPECT_EQ(s.slotText("top"), friday[0]);
  EXPECT_EQ(s.slotText("shoes"), friday[2]);
  s.key(Qt::Key_5, Qt::AltModifier);
  // From the library: clear the board (Ctrl+Shift+Delete), then Enter on a
  // piece in the library puts it there; its context menu offers the same.
  s.key(Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
  EXPECT_TRUE(s.slotText("top").isEmpty());
  s.key(Qt::Key_1, Qt::AltModifier);
  auto* grid = s.inView<QListView>("libraryGrid");
  ASSERT_NE(grid, nullptr);
  const int firstPiece = 4;  // photos come first, then their pieces
  ASSERT_GT(grid->model()->rowCount(), firstPiece);
  const QModelIndex piece = grid->model()->index(firstPiece, 0);
  grid->scrollTo(piece);
  QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualRect(piece).center());
  QStringList menu;
  for (QAction* a : grid->actions())
    if (a->isEnabled()) menu << a->text();
  EXPECT_TRUE(menu.contains("Put on the board")) << menu.join(", ").toStdString();
  s.key(Qt::Key_Return);
  ASSERT_EQ(s.currentView()->objectName(), "board");
  int filled = 0;
  for (const char* slot : {"top", "bottom", "shoes"}) filled += !s.slotText(slot).isEmpty();
  EXPECT_EQ(filled, 1) << "the piece went on the board";

  auto* side = s.inView<QTabWidget>("boardSide");
  ASSERT_NE(side, nullptr);
  QTest::mouseClick(side->tabBar(), Qt::LeftButton, {}, side->tabBar()->tabRect(2).center());
  auto* saved = s.inView<QListWidget>("savedOutfitList");
  ASSERT_EQ(saved->count(), 1);
  doubleClickRow(saved, 0);
  EXPECT_EQ(s.slotText("top"), friday[0]);
  EXPECT_EQ(s.slotText("bottom"), friday[1]);
  EXPECT_EQ(s.slotText("shoes"), friday[2]);
  settings.setPieces("board", path, QString());
  settings.setPieces("recommend", path, QString());
}

}  // namespace
}  // namespace w2w
