// A researcher's journey through the real main window, with simulated mouse
// and keys only: set up a small run in the training form, start it
// (Ctrl+Return), pause and resume it (Ctrl+P), train a second, shorter run,
// select both runs to lay their curves over each other, and export the
// library's embeddings and pair similarities (File > Export…). The test reads
// what the screen shows; it never calls into a view to act.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include <memory>

#include "journey_support.h"
#include "library_controller.h"
#include "loss_chart.h"
#include "main_window.h"
#include "studio_settings.h"
#include "test_support.h"
#include "training_fixture.h"
#include "translation_manager.h"

namespace w2w {
namespace {

constexpr int kLongWaitMs = 120000;  // a run on a busy machine

struct Researcher {
  StudioSettings settings;
  TranslationManager translations;
  LibraryController library;
  std::unique_ptr<MainWindow> window;

  explicit Researcher(const std::string& path) {
    settings.setEncoder("basic");
    translations.apply("en");
    window = std::make_unique<MainWindow>(&settings, &library, &translations);
    QString error;
    EXPECT_TRUE(window->openLibrary(QString::fromStdString(path), &error)) << error.toStdString();
    window->resize(1280, 800);
    window->show();
    QApplication::setActiveWindow(window.get());
    EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
  }
  ~Researcher() { translations.apply(QString()); }

  void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
    if (!QApplication::activeModalWidget() && QApplication::activeWindow() != window.get()) {
      QApplication::setActiveWindow(window.get());
      EXPECT_TRUE(QTest::qWaitForWindowActive(window.get()));
    }
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(), key, modifiers);
  }
  QWidget* currentView() const { return window->findChild<QTabWidget*>()->currentWidget(); }
  template <typename T>
  T* inView(const char* name) const {
    return currentView()->findChild<T*>(name);
  }
  // A number field of the form: click into it, select all, type, Tab.
  void setField(const char* name, int value) {
    auto* box = inView<QSpinBox>(name);
    ASSERT_NE(box, nullptr) << name;
    QLineEdit* text = box->findChild<QLineEdit*>();
    QTest::mouseClick(text, Qt::LeftButton);
    QTest::keyClick(text, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(text, QString::number(value));
    QTest::keyClick(text, Qt::Key_Tab);
    EXPECT_EQ(box->value(), value) << name;
  }
  QString buttonText(const char* name) const { return inView<QAbstractButton>(name)->text(); }
  bool buttonEnabled(const char* name) const { return inView<QAbstractButton>(name)->isEnabled(); }
  // Ctrl+Return, then waits until the run has ended (Start can be pressed again).
  void trainToTheEnd() {
    key(Qt::Key_Return, Qt::ControlModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !buttonEnabled("startTraining"); }, 10000)) << "it started";
    ASSERT_TRUE(QTest::qWaitFor([&] { return buttonEnabled("startTraining"); }, kLongWaitMs))
        << inView<QLabel>("trainingStatus")->text().toStdString();
  }
};

TEST(ResearcherJourney, TrainPauseResumeCompareAndExport) {
  test::TempDir dir;
  Researcher r(test::makeTrainingLibrary(dir, 24));

  // The Training view (Alt+4), a small first run: one head, 60 epochs, no early stop.
  r.key(Qt::Key_4, Qt::AltModifier);
  ASSERT_EQ(r.currentView()->objectName(), "training");
  r.setField("epochs", 60);
  r.setField("patience", 60);
  r.setField("ensemble", 1);
  r.setField("batchSize", 8);

  // Start, and pause as soon as it runs: the button turns into Resume.
  r.key(Qt::Key_Return, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return r.buttonEnabled("pauseTraining"); }, kLongWaitMs));
  r.key(Qt::Key_P, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return r.buttonText("pauseTraining") == "Resume"; }, kLongWaitMs))
      << "Ctrl+P pauses";
  auto* runs = r.inView<QTableWidget>("runHistory");
  ASSERT_NE(runs, nullptr);
  ASSERT_EQ(runs->rowCount(), 1);
  // Resume (Ctrl+P again) and let it finish.
  r.key(Qt::Key_P, Qt::ControlModifier);
  ASSERT_TRUE(QTest::qWaitFor([&] { return r.buttonText("pauseTraining") == "Pause"; }, 10000))
      << "Ctrl+P resumes";
  ASSERT_TRUE(QTest::qWaitFor([&] { return r.buttonEnabled("startTraining"); }, kLongWaitMs))
      << r.inView<QLabel>("trainingStatus")->text().toStdString();
  EXPECT_EQ(runs->rowCount(), 1) << "resumed in the same run";

  // A second, shorter run.
  r.setField("epochs", 8);
  r.trainToTheEnd();
  ASSERT_EQ(runs->rowCount(), 2);

  // Compare: click one run, Ctrl+click the other; both runs' curves are drawn.
  QStringList names;
  for (int row = 0; row < 2; ++row) {
    const QRect cell = runs->visualRect(runs->model()->index(row, 0));
    QTest::mouseClick(runs->viewport(), Qt::LeftButton, row ? Qt::ControlModifier : Qt::NoModifier,
                      cell.center());
    names << runs->item(row, 0)->text();
  }
  EXPECT_EQ(runs->selectionModel()->selectedRows().size(), 2);
  auto* loss = r.inView<LossChart>("lossChart");
  ASSERT_NE(loss, nullptr);
  QStringList drawn;
  for (QAbstractSeries* series : loss->chart()->series()) {
    if (series->isVisible() && qobject_cast<QLineSeries*>(series) &&
        static_cast<QLineSeries*>(series)->count())
      drawn << series->name();
  }
  const QString other = names[0];  // the run shown in full is the last clicked
  EXPECT_TRUE(drawn.filter(other).size() >= 1)
      << "the first run's curves over the second's: " << drawn.join(" | ").toStdString();
  EXPECT_GE(drawn.size(), 3) << drawn.join(" | ").toStdString();

  // Export: File > Export…, the Embeddings format, a folder typed in, Enter.
  const QString out = QString::fromStdString(dir.path("vectors"));
  test::whenDialogOpens([&](QWidget* dialog) {
    auto* format = dialog->findChild<QComboBox*>("exportFormat");
    QTest::keyClick(dialog, Qt::Key_F, Qt::AltModifier);  // "Format:" takes the focus to its list
    for (int i = 0; i < format->count() && !format->currentText().contains("Embeddings"); ++i)
      QTest::keyClick(format, Qt::Key_Down);
    QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);  // "Save to:"
    test::typeAndEnter(dialog, out);
  });
  r.key(Qt::Key_F, Qt::AltModifier);  // the File menu
  QTest::qWait(100);
  QWidget* menu = QApplication::activePopupWidget();
  ASSERT_NE(menu, nullptr) << "Alt+F opens the File menu";
  QTest::keyClick(menu, Qt::Key_E);  // &Export…
  ASSERT_TRUE(QTest::qWaitFor([&] { return !r.window->busy() && QFileInfo::exists(out); }, kLongWaitMs));
  ASSERT_TRUE(QTest::qWaitFor([&] { return !r.window->busy(); }, kLongWaitMs));
  const QStringList written = QDir(out).entryList(QDir::Files);
  EXPECT_TRUE(written.filter(".safetensors").size() >= 1) << written.join(", ").toStdString();
  EXPECT_TRUE(written.filter(".csv").size() >= 1) << written.join(", ").toStdString();
}

}  // namespace
}  // namespace w2w
