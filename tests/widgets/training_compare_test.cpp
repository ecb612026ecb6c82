// Comparing stored runs in the training view: several runs' curves laid over
// each other, the selected run's settings read-only (and copied to the form
// on request), values under the pointer, and an x axis that fits the epochs
// a run actually ran.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QTest>
#include <QValueAxis>

#include "compat/compat_config.h"
#include "compat/training_run.h"
#include "embed/basic_encoder.h"
#include "encoder_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "loss_chart.h"
#include "run_history_table.h"
#include "studio_settings.h"
#include "test_support.h"
#include "training_charts.h"
#include "training_controller.h"
#include "training_form.h"
#include "training_view.h"
#include "translation_manager.h"

namespace w2w {
namespace {

using test::TempDir;

// A stored run that ran `ran` of `planned` epochs (early stopping), with
// falling losses and a rising AUC.
Id addRun(Library& library, const std::string& name, int ran, int planned, int batchSize) {
  compat::TrainConfig config;
  config.epochs = planned;
  config.batchSize = batchSize;
  config.seed = 11;
  compat::RunMetrics m;
  m.state = ran < planned ? "early_stopped" : "finished";
  m.epochsPlanned = planned;
  m.outfits = 40;
  m.trainOutfits = 34;
  m.valOutfits = 6;
  for (int e = 1; e <= ran; ++e) {
    compat::EpochRecord r;
    r.epoch = e;
    r.trainLoss = 2.0 / e;
    r.valLoss = 2.5 / e;
    r.valAuc = 0.5 + 0.4 * e / ran;
    m.history.push_back(r);
  }
  m.bestEpoch = ran;
  m.bestValAuc = m.history.back().valAuc;
  TrainingRun run;
  run.name = name;
  run.encoderModelId = BasicEncoder::kModelId;
  run.configJson = compat::trainConfigJson(config);
  run.metricsJson = compat::runMetricsJson(m);
  run.status = RunStatus::Finished;
  run.startedAt = "2025-01-01T10:00:00Z";
  return *library.addRun(run);
}

struct Studio {
  TempDir dir;
  StudioSettings settings;
  LibraryController library;
  EncoderService encoders{&settings};
  TrainingController training{&library, &encoders};
  std::unique_ptr<TrainingView> view;
  Id longRun = 0, shortRun = 0;

  Studio() {
    EXPECT_EQ(library.openLibrary(QString::fromStdString(dir.path("w.w2w")), true), QString());
    longRun = addRun(*library.library(), "run-long", 76, 400, 64);
    shortRun = addRun(*library.library(), "run-short", 12, 12, 16);
    view = std::make_unique<TrainingView>(&training, &library, &encoders, &settings);
    view->resize(1280, 800);
    view->show();
    QApplication::processEvents();
  }
  // Clicks a run's row (with Ctrl: adds it to the selection).
  void clickRun(Id run, Qt::KeyboardModifiers modifiers = {}) {
    RunHistoryTable* table = view->history();
    const QRect cell = table->visualItemRect(table->item(table->rowOf(run), RunHistoryTable::RunColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, cell.center());
  }
};

TEST(TrainingCompare, TheEpochAxisFitsTheEpochsRun) {
  Studio s;
  s.clickRun(s.longRun);
  ASSERT_EQ(s.view->shownRun(), s.longRun);
  EXPECT_EQ(s.view->charts()->loss()->epochAxisEnd(), 80) << "76 epochs of 400 planned: the axis ends at 80";
  s.clickRun(s.shortRun);
  EXPECT_EQ(s.view->charts()->loss()->epochAxisEnd(), 12);
}

TEST(TrainingCompare, SelectingTwoRunsLaysTheirCurvesOverEachOther) {
  Studio s;
  s.clickRun(s.shortRun);
  EXPECT_EQ(s.view->charts()->loss()->comparedRuns(), 0);
  s.clickRun(s.longRun, Qt::ControlModifier);
  EXPECT_EQ(s.view->shownRun(), s.longRun) << "the last clicked run is shown in full";
  LossChart* loss = s.view->charts()->loss();
  ASSERT_EQ(loss->comparedRuns(), 1);
  const QList<QLineSeries*> compared = loss->comparisonSeries();
  ASSERT_EQ(compared.size(), 2);
  EXPECT_TRUE(compared[0]->name().contains("run-short"));
  EXPECT_EQ(compared[0]->count(), 12);
  EXPECT_EQ(loss->epochAxisEnd(), 80) << "the longer of the two";
  s.clickRun(s.shortRun);  // a plain click: one run again
  EXPECT_EQ(loss->comparedRuns(), 0);
}

TEST(TrainingCompare, TheSelectedRunsSettingsAreShownAndCopiedOnRequest) {
  Studio s;
  const int epochsBefore = s.view->form()->config().epochs;
  s.clickRun(s.longRun);
  auto* settings = s.view->findChild<QLabel*>("runSettings");
  ASSERT_TRUE(settings);
  EXPECT_TRUE(settings->text().contains("run-long"));
  EXPECT_TRUE(settings->text().contains("<b>400</b>")) << settings->text().toStdString();
  EXPECT_EQ(s.view->form()->config().epochs, epochsBefore) << "selecting a run leaves the form alone";
  QTest::mouseClick(s.view->findChild<QAbstractButton*>("copyRunSettings"), Qt::LeftButton);
  EXPECT_EQ(s.view->form()->config().epochs, 400);
  EXPECT_EQ(s.view->form()->config().batchSize, 64);
  EXPECT_EQ(s.view->form()->config().seed, 11u);
}

TEST(TrainingCompare, ValuesUnderThePointer) {
  Studio s;
  s.clickRun(s.shortRun);
  LossChart* loss = s.view->charts()->loss();
  QApplication::processEvents();
  // The pointer over epoch 6 of 12.
  const QPointF chartPoint = loss->chart()->mapToPosition(QPointF(6, 0.5), loss->trainSeries());
  const QPoint viewPoint = loss->mapFromScene(loss->chart()->mapToScene(chartPoint));
  const QString text = loss->valuesAt(viewPoint);
  EXPECT_TRUE(text.contains("Epoch 6")) << text.toStdString();
  EXPECT_TRUE(text.contains("Train: 0.3333")) << text.toStdString();  // 2 / 6
  EXPECT_TRUE(loss->valuesAt(QPoint(1, 1)).isEmpty()) << "outside the plot";
}

// The selected run's settings read as text in every language (no stray
// mnemonics from the form's labels).
TEST(TrainingCompare, RunSettingsReadWellInBothLanguages) {
  Studio studio;
  studio.clickRun(studio.shortRun);
  TranslationManager translations;
  for (const QString language : {"ko", "en"}) {
    translations.apply(language);
    QApplication::processEvents();
    const QString settings = studio.view->findChild<QLabel*>("runSettings")->text();
    EXPECT_FALSE(settings.contains("(E)")) << "no mnemonic: " << settings.toStdString();
  }
  translations.apply(QString());
}

}  // namespace
}  // namespace w2w
