// The main window's keyboard: view switching that no child can swallow,
// Alt+N to a view, one Edit menu whose Undo follows the view on screen,
// shortcuts that survive a change of language, and drags that open the tab
// they rest on.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>
#include <QVBoxLayout>

#include "crop_canvas.h"
#include "library_controller.h"
#include "main_window.h"
#include "outfit_board_view.h"
#include "studio_settings.h"
#include "tab_drag_switcher.h"
#include "test_support.h"
#include "training_controller.h"
#include "training_fixture.h"
#include "training_form.h"
#include "training_view.h"
#include "translation_manager.h"

namespace w2w {
namespace {

// A child that claims every key before shortcuts run, as an editor would.
class GreedyEditor : public QWidget {
 public:
  using QWidget::QWidget;
  int keys = 0;

 protected:
  bool event(QEvent* event) override {
    if (event->type() == QEvent::ShortcutOverride) {
      event->accept();
      return true;
    }
    if (event->type() == QEvent::KeyPress) {
      const int key = static_cast<QKeyEvent*>(event)->key();
      if (key != Qt::Key_Control && key != Qt::Key_Shift && key != Qt::Key_Alt) ++keys;
      return true;
    }
    return QWidget::event(event);
  }
};

struct Studio {
  test::TempDir dir;
  StudioSettings settings;
  LibraryController library;
  TranslationManager translations;
  MainWindow window{&settings, &library, &translations};
  QTabWidget* tabs = nullptr;

  // A new library, or the one at `path`.
  explicit Studio(const std::string& path = {}) {
    translations.apply("en");
    settings.setEncoder("basic");
    EXPECT_TRUE(
        library.openLibrary(QString::fromStdString(path.empty() ? dir.path("w.w2w") : path), path.empty())
            .isEmpty());
    tabs = window.findChild<QTabWidget*>();
    window.show();
    QApplication::setActiveWindow(&window);
    EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
  }
  ~Studio() { translations.apply(QString()); }
  QWidget* view(const char* name) const { return window.findChild<QWidget*>(name); }
  QAction* action(const char* name) const { return window.findChild<QAction*>(name); }
};

TEST(MainWindowKeys, CtrlTabAndCtrlPageDownSwitchViewsWhereverTheFocusIs) {
  Studio s;
  ASSERT_NE(s.tabs, nullptr);
  // The crop canvas takes Tab for its boxes; Ctrl+Tab still leaves the view.
  ASSERT_TRUE(s.window.showView("crops"));
  auto* canvas = s.window.findChild<CropCanvas*>();
  ASSERT_NE(canvas, nullptr);
  canvas->setFocus();
  QTest::keyClick(canvas, Qt::Key_Tab, Qt::ControlModifier);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "embeddings");

  // A child that claims every key cannot keep the keyboard in its view.
  auto* greedy = new GreedyEditor(s.view("embeddings"));
  greedy->setFocusPolicy(Qt::StrongFocus);
  greedy->show();
  greedy->setFocus();
  QTest::keyClick(greedy, Qt::Key_PageDown, Qt::ControlModifier);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "training");
  s.window.showView("embeddings");
  greedy->setFocus();
  QTest::keyClick(greedy, Qt::Key_PageUp, Qt::ControlModifier);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "crops");
  EXPECT_EQ(greedy->keys, 0);
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "library");
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "heatmaps") << "wraps around";
}

TEST(MainWindowKeys, AltNumberGoesToAViewAndFocusesIt) {
  Studio s;
  auto* search = s.window.findChild<QLineEdit*>("librarySearch");
  ASSERT_NE(search, nullptr);
  search->setFocus();
  QTest::keyClick(search, Qt::Key_5, Qt::AltModifier);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "board");
  EXPECT_TRUE(s.tabs->currentWidget()->isAncestorOf(QApplication::focusWidget()))
      << "the view's own shortcuts work at once";
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_1, Qt::AltModifier);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "library");
  // The View menu lists them under the tabs' names.
  EXPECT_EQ(s.action("actionGoToView_5")->text(), "Outfit board");
  EXPECT_EQ(s.action("actionGoToView_5")->shortcut(), QKeySequence(Qt::ALT | Qt::Key_5));
}

TEST(MainWindowKeys, EditMenuUndoesOnTheStackOfTheViewOnScreen) {
  Studio s;
  auto* board = s.window.findChild<OutfitBoardView*>();
  ASSERT_NE(board, nullptr);
  QUndoStack* boardStack = board->undoStack();
  QAction* undo = s.action("actionUndo");
  ASSERT_NE(undo, nullptr);
  EXPECT_EQ(undo->shortcut(), QKeySequence(QKeySequence::Undo));

  s.window.showView("board");
  EXPECT_FALSE(undo->isEnabled()) << "nothing to undo yet";
  s.window.showView("library");
  EXPECT_FALSE(undo->isEnabled());
  // The board's steps show under their names, only while the board is on screen.
  boardStack->push(new QUndoCommand(QStringLiteral("Try a step")));
  EXPECT_FALSE(undo->isEnabled());
  s.window.showView("board");
  EXPECT_TRUE(undo->isEnabled());
  EXPECT_EQ(undo->text(), "&Undo Try a step");
  QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
  EXPECT_FALSE(boardStack->canUndo());
  EXPECT_EQ(s.action("actionRedo")->text(), "&Redo Try a step");
}

// The Training and Embeddings views' buttons keep their keys through every
// change of language (QAbstractButton::setText would replace a button's own
// shortcut): in Korean and back in English, Ctrl+E encodes, Ctrl+Return
// starts a run, Ctrl+P pauses and resumes it, Ctrl+. cancels it.
TEST(MainWindowKeys, ViewButtonKeysWorkInBothLanguages) {
  test::TempDir data;
  Studio s(test::makeTrainingLibrary(data, 20));
  auto* training = s.window.findChild<TrainingController*>();
  auto* view = s.window.findChild<TrainingView*>("training");
  ASSERT_TRUE(training && view);
  view->form()->setConfig(test::smallTrainConfig(100000, 4));  // runs until cancelled
  using State = TrainingController::State;
  const auto press = [&](Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::ControlModifier) {
    QTest::keyClick(QApplication::focusWidget(), key, modifiers);
  };
  const auto waitFor = [&](State state) {
    return QTest::qWaitFor([&] { return training->state() == state; }, 120000);
  };
  for (const QString language : {"ko", "en"}) {
    SCOPED_TRACE(language.toStdString());
    s.translations.apply(language);
    QApplication::processEvents();
    ASSERT_TRUE(s.window.showView("embeddings"));
    QAction* encode = s.action("actionEncodeLibrary");
    ASSERT_NE(encode, nullptr);
    EXPECT_EQ(s.view("encodeButton")->property("text").toString() == "Encode library", language == "en")
        << "the button shows the language";
    int encodes = 0;
    const auto counted = QObject::connect(encode, &QAction::triggered, [&] { ++encodes; });
    press(Qt::Key_E);
    QObject::disconnect(counted);
    EXPECT_EQ(encodes, 1) << "Ctrl+E";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !s.window.busy(); }, 120000));

    ASSERT_TRUE(s.window.showView("training"));
    press(Qt::Key_Return);
    ASSERT_TRUE(waitFor(State::Running)) << "Ctrl+Return";
    press(Qt::Key_P);
    ASSERT_TRUE(waitFor(State::Paused)) << "Ctrl+P pauses";
    press(Qt::Key_P);
    ASSERT_TRUE(waitFor(State::Running)) << "Ctrl+P resumes";
    press(Qt::Key_Period);
    ASSERT_TRUE(waitFor(State::Idle)) << "Ctrl+.";
  }
}

TEST(MainWindowKeys, ADragRestingOnATabOpensIt) {
  Studio s;
  s.window.showView("library");
  QTabBar* bar = s.tabs->tabBar();
  const QPoint onBoard = bar->tabRect(s.tabs->indexOf(s.view("board"))).center();
  QMimeData mime;
  mime.setData("application/x-what2wear-entries", "item 1\n");
  QDragEnterEvent enter(onBoard, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(bar, &enter);
  EXPECT_TRUE(enter.isAccepted());
  QDragMoveEvent move(onBoard, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(bar, &move);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "library") << "not at once";
  EXPECT_TRUE(QTest::qWaitFor([&] { return s.tabs->currentWidget()->objectName() == "board"; },
                              TabDragSwitcher::kHoverMs + 5000));
  QDropEvent drop(onBoard, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(bar, &drop);
  EXPECT_FALSE(drop.isAccepted()) << "nothing is dropped on a tab";

  // Files dragged in are left to the window, which imports them; they open no tab.
  const QPoint onLibrary = bar->tabRect(s.tabs->indexOf(s.view("library"))).center();
  QMimeData files;
  files.setUrls({QUrl::fromLocalFile("/tmp/photo.jpg")});
  QDragEnterEvent fileEnter(onLibrary, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(bar, &fileEnter);
  EXPECT_TRUE(fileEnter.isAccepted()) << "the window takes them";
  QDragMoveEvent fileMove(onLibrary, Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(bar, &fileMove);
  QTest::qWait(TabDragSwitcher::kHoverMs + 300);
  EXPECT_EQ(s.tabs->currentWidget()->objectName(), "board");
}

}  // namespace
}  // namespace w2w
