// The training view: the training panel receives progress and draws the
// curves; pause and resume continue exactly; cancel keeps the checkpoint;
// runs are recorded in the library and exported as PNG, CSV and JSON.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsTextItem>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include "compat/checkpoint.h"
#include "compat/training_run.h"
#include "embed/basic_encoder.h"
#include "encoder_service.h"
#include "format/json.h"
#include "json_types.h"
#include "library/library.h"
#include "library_controller.h"
#include "loss_chart.h"
#include "main_window.h"
#include "roc_chart.h"
#include "run_history_table.h"
#include "score_histogram_chart.h"
#include "studio_settings.h"
#include "test_support.h"
#include "threshold_chart.h"
#include "training_charts.h"
#include "training_controller.h"
#include "training_fixture.h"
#include "training_form.h"
#include "training_view.h"
#include "translation_manager.h"

namespace w2w {
namespace {

using test::TempDir;
using State = TrainingController::State;

template <typename F>
bool waitUntil(F done, int ms = 60000) {
  return QTest::qWaitFor([&] { return done(); }, ms);
}

std::string makeLibrary(const TempDir& dir, int count) { return test::makeTrainingLibrary(dir, count); }
compat::TrainConfig smallConfig(int epochs, int batch) { return test::smallTrainConfig(epochs, batch); }

// The studio's pieces a training view needs, with an open library.
struct Studio {
  explicit Studio(const std::string& libraryPath) {
    EXPECT_TRUE(library.openLibrary(QString::fromStdString(libraryPath)).isEmpty());
    view.resize(1280, 760);
    view.show();
  }
  ~Studio() {
    if (training.isTraining()) training.cancel();  // a paused run stays paused, as on quitting
  }
  TrainingRun run(Id id) {
    auto found = library.library()->run(id);
    return found && *found ? **found : TrainingRun();
  }
  StudioSettings settings;
  LibraryController library;
  EncoderService encoders{&settings};
  TrainingController training{&library, &encoders};
  TrainingView view{&training, &library, &encoders, &settings};
};

QString readText(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

TEST(TrainingView, ReceivesProgressAndDrawsTheCurves) {
  TempDir dir;
  Studio studio(makeLibrary(dir, 40));
  studio.view.form()->setConfig(smallConfig(3, 16));
  QSignalSpy progress(&studio.training, &TrainingController::progressed);
  QSignalSpy ended(&studio.training, &TrainingController::runEnded);
  studio.view.findChild<QAbstractButton*>("startTraining")->click();
  EXPECT_EQ(studio.training.state(), State::Running);
  ASSERT_TRUE(waitUntil([&] { return !ended.isEmpty(); }));
  EXPECT_EQ(ended.first().at(1).toString(), "finished") << ended.first().at(2).toString().toStdString();
  EXPECT_EQ(studio.training.state(), State::Idle);

  // Progress arrived, and the charts hold the run.
  EXPECT_GT(progress.size(), 0);
  auto* bar = studio.view.findChild<QProgressBar*>("trainingProgress");
  EXPECT_GT(bar->maximum(), 1);
  EXPECT_EQ(bar->value(), bar->maximum());
  const Id runId = ended.first().at(0).toLongLong();
  EXPECT_EQ(studio.view.shownRun(), runId);
  EXPECT_GT(studio.view.charts()->loss()->stepSeries()->count(), 0);
  EXPECT_EQ(studio.view.charts()->loss()->trainSeries()->count(), 3);
  EXPECT_EQ(studio.view.charts()->loss()->validationSeries()->count(), 3);
  EXPECT_EQ(studio.view.charts()->loss()->aucSeries()->count(), 3);
  EXPECT_EQ(studio.view.charts()->threshold()->accuracySeries()->count(), 41);  // -1, -0.95, ..., 1
  EXPECT_EQ(studio.view.charts()->histogram()->realSeries()->count(), 80);      // 40 bins, two points each
  EXPECT_GT(studio.view.charts()->histogram()->modifiedSeries()->count(), 0);
  EXPECT_EQ(studio.view.charts()->roc()->curveSeries()->count(), 41);
  EXPECT_DOUBLE_EQ(studio.view.charts()->roc()->curveSeries()->at(40).x(), 1.0);

  // The library records the run, its metrics and its checkpoint.
  const TrainingRun run = studio.run(runId);
  EXPECT_EQ(run.status, RunStatus::Finished);
  EXPECT_EQ(run.encoderModelId, BasicEncoder::kModelId);
  EXPECT_TRUE(run.error.empty()) << run.error;
  const compat::RunMetrics metrics = compat::parseRunMetrics(run.metricsJson);
  EXPECT_EQ(metrics.state, "finished");
  EXPECT_EQ(metrics.history.size(), 3u);
  // The stored run shows the validation of the epoch its checkpoint keeps.
  ASSERT_TRUE(metrics.bestEvaluation.has_value());
  EXPECT_EQ(metrics.bestEvaluationEpoch, metrics.bestEpoch);
  EXPECT_EQ(studio.view.charts()->threshold()->epoch(), metrics.bestEpoch);
  EXPECT_EQ(metrics.outfits, 40);
  ASSERT_TRUE(metrics.evaluation.has_value());
  EXPECT_EQ(metrics.evaluationEpoch, 3);
  EXPECT_EQ(metrics.evaluation->thresholds.size(), 41u);
  const QString folder = studio.training.checkpointFolder(run);
  EXPECT_EQ(folder, TrainingController::runFolder(studio.library.path(), runId));
  auto info = compat::readCheckpointInfo(folder.toStdString());
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->epochsDone, 3);
  EXPECT_EQ(studio.view.history()->rowCount(), 1);

  // Export: four charts, two CSV files and the JSON record.
  QStringList files;
  const QString out = QString::fromStdString(dir.path("export"));
  ASSERT_EQ(studio.view.exportRun(runId, out, &files), QString());
  EXPECT_EQ(files.size(), 7);
  for (const QString& f : files) EXPECT_TRUE(QFileInfo::exists(f)) << f.toStdString();
  const QString stem = out + "/run-" + QString::number(runId);
  for (const char* chart : {"loss", "threshold", "histogram", "roc"})
    EXPECT_FALSE(QImage(stem + "-" + chart + ".png").isNull()) << chart;
  const QStringList epochs = readText(stem + "-epochs.csv").split('\n', Qt::SkipEmptyParts);
  ASSERT_EQ(epochs.size(), 4);
  EXPECT_EQ(epochs[0],
            "epoch,train_loss,train_outfit_loss,train_modified_loss,val_loss,val_auc,val_fitb,learning_rate,"
            "seconds");
  EXPECT_TRUE(epochs[3].startsWith("3,"));
  const QStringList thresholds = readText(stem + "-thresholds.csv").split('\n', Qt::SkipEmptyParts);
  ASSERT_EQ(thresholds.size(), 42);
  EXPECT_EQ(thresholds[0], "threshold,accuracy,precision,recall");
  const QJsonObject json = QJsonDocument::fromJson(readText(stem + ".json").toUtf8()).object();
  EXPECT_EQ(json["run"].toObject()["status"].toString(), "finished");
  EXPECT_EQ(json["config"].toObject()["epochs"].toInt(), 3);
  EXPECT_EQ(json["metrics"].toObject()["history"].toArray().size(), 3);
  EXPECT_TRUE(json["metrics"].toObject()["evaluation"].toObject().contains("thresholds"));
  auto typed = format::readJsonFile((stem + ".json").toStdString());
  ASSERT_TRUE(typed.ok()) << typed.message();
  EXPECT_TRUE(test::isInteger(format::objectOf(*typed, "run"), "id"));
  EXPECT_EQ(format::integerOr(format::objectOf(*typed, "run"), "id"), runId);
  const format::Json& firstEpoch = format::arrayOf(format::objectOf(*typed, "metrics"), "history").at(0);
  EXPECT_TRUE(test::isInteger(firstEpoch, "epoch"));
  EXPECT_TRUE(test::isFigure(firstEpoch, "val_auc"));

  // "Use for recommendations" hands the checkpoint on.
  QSignalSpy chosen(&studio.view, &TrainingView::checkpointChosen);
  studio.view.history()->selectRun(runId);
  studio.view.findChild<QAbstractButton*>("useRun")->click();
  ASSERT_EQ(chosen.size(), 1);
  EXPECT_EQ(chosen.first().at(0).toString(), folder);
  const QString libraryKey = QFileInfo(studio.library.path()).absoluteFilePath();
  EXPECT_EQ(studio.settings.activeCheckpoint(libraryKey), folder);
  studio.settings.setActiveCheckpoint(libraryKey, QString());
}

TEST(TrainingView, PauseKeepsTheCheckpointAndResumeContinuesExactly) {
  TempDir dir;
  const std::string path = makeLibrary(dir, 40);
  auto studio = std::make_unique<Studio>(path);
  // Enough epochs that the pause (asked for when the GUI sees an epoch end,
  // up to 50 ms later) always lands before the run is over, even on a busy
  // machine or under a sanitizer.
  constexpr int kEpochs = 40;
  studio->view.form()->setConfig(smallConfig(kEpochs, 4));  // nine steps an epoch
  auto ended = std::make_unique<QSignalSpy>(&studio->training, &TrainingController::runEnded);
  // Pause as soon as an epoch shows (twice): the run is in the middle of the next one.
  int pauses = 0;
  QObject::connect(&studio->training, &TrainingController::epochFinished, &studio->view, [&] {
    if (studio->training.state() == State::Running && pauses < 2) {
      ++pauses;
      studio->view.togglePause();
    }
  });
  studio->view.startTraining();
  ASSERT_TRUE(waitUntil([&] { return ended->size() == 1; }));
  ASSERT_EQ(ended->first().at(1).toString(), "paused") << ended->first().at(2).toString().toStdString();
  EXPECT_EQ(studio->training.state(), State::Paused);
  auto* pause = studio->view.findChild<QAbstractButton*>("pauseTraining");
  EXPECT_EQ(pause->text(), "Resume");
  const Id runId = ended->first().at(0).toLongLong();
  TrainingRun run = studio->run(runId);
  EXPECT_EQ(run.status, RunStatus::Cancelled);
  compat::RunMetrics metrics = compat::parseRunMetrics(run.metricsJson);
  EXPECT_EQ(metrics.state, "paused");
  const int first = metrics.epochsDone();
  EXPECT_GE(first, 1);
  EXPECT_LT(first, kEpochs);
  auto info = compat::readCheckpointInfo(studio->training.checkpointFolder(run).toStdString());
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->epochsDone, first);

  // Resume in this session (the outfits loaded at the start are reused)...
  pause->click();
  EXPECT_EQ(studio->training.state(), State::Running);
  ASSERT_TRUE(waitUntil([&] { return ended->size() == 2; }));
  ASSERT_EQ(ended->last().at(1).toString(), "paused");
  const int second = compat::parseRunMetrics(studio->run(runId).metricsJson).epochsDone();
  EXPECT_GT(second, first);
  ended.reset();
  studio.reset();

  // ...and after a restart, from the run history (the outfits are read again).
  studio = std::make_unique<Studio>(path);
  ended = std::make_unique<QSignalSpy>(&studio->training, &TrainingController::runEnded);
  EXPECT_EQ(studio->view.history()->selectedRun(), runId);
  auto* resume = studio->view.findChild<QAbstractButton*>("continueRun");
  ASSERT_TRUE(resume->isEnabled());
  resume->click();
  ASSERT_TRUE(waitUntil([&] { return ended->size() == 1; }));
  EXPECT_EQ(ended->last().at(1).toString(), "finished") << ended->last().at(2).toString().toStdString();
  run = studio->run(runId);
  EXPECT_EQ(run.status, RunStatus::Finished);
  metrics = compat::parseRunMetrics(run.metricsJson);
  ASSERT_EQ(metrics.history.size(), static_cast<std::size_t>(kEpochs));
  for (int e = 0; e < kEpochs; ++e) EXPECT_EQ(metrics.history[static_cast<std::size_t>(e)].epoch, e + 1);
  EXPECT_EQ(studio->view.charts()->loss()->trainSeries()->count(), kEpochs);
  const QList<QPointF> steps = studio->view.charts()->loss()->stepSeries()->points();
  EXPECT_EQ(steps.size(), kEpochs * 9);  // the redone steps replaced, not doubled
  for (qsizetype i = 1; i < steps.size(); ++i) EXPECT_GT(steps[i].x(), steps[i - 1].x());

  // The same run without pauses gives the same numbers.
  studio->view.form()->setConfig(smallConfig(kEpochs, 4));
  studio->view.startTraining();
  ASSERT_TRUE(waitUntil([&] { return ended->size() == 2; }));
  const compat::RunMetrics whole =
      compat::parseRunMetrics(studio->run(ended->last().at(0).toLongLong()).metricsJson);
  ASSERT_EQ(whole.history.size(), static_cast<std::size_t>(kEpochs));
  EXPECT_NEAR(whole.history.back().trainLoss, metrics.history.back().trainLoss, 1e-6);
  EXPECT_NEAR(whole.history.back().valLoss, metrics.history.back().valLoss, 1e-6);
  EXPECT_NEAR(whole.history.back().valAuc, metrics.history.back().valAuc, 1e-9);
}

TEST(TrainingView, ContinuingOnChangedOutfitsIsRefusedAndTheRunStaysPaused) {
  TempDir dir;
  const std::string path = makeLibrary(dir, 20);
  Id runId = 0;
  {
    Studio studio(path);
    studio.view.form()->setConfig(smallConfig(50, 4));
    QSignalSpy ended(&studio.training, &TrainingController::runEnded);
    QSignalSpy epochs(&studio.training, &TrainingController::epochFinished);
    studio.view.startTraining();
    ASSERT_TRUE(waitUntil([&] { return !epochs.isEmpty(); }));
    studio.view.togglePause();
    ASSERT_TRUE(waitUntil([&] { return !ended.isEmpty(); }));
    ASSERT_EQ(ended.first().at(1).toString(), "paused");
    runId = ended.first().at(0).toLongLong();
  }
  {  // Someone composes another outfit meanwhile.
    auto library = Library::open(path);
    ASSERT_TRUE(library.ok());
    auto outfits = (*library)->outfits();
    ASSERT_TRUE(outfits.ok());
    Outfit mixed = outfits->at(0);
    mixed.id = 0;
    mixed.setMember(Category::Shoes, outfits->at(1).member(Category::Shoes));
    ASSERT_TRUE((*library)->addOutfit(mixed).ok());
  }
  Studio studio(path);
  QSignalSpy ended(&studio.training, &TrainingController::runEnded);
  studio.view.history()->selectRun(runId);
  studio.view.findChild<QAbstractButton*>("continueRun")->click();
  ASSERT_TRUE(waitUntil([&] { return !ended.isEmpty(); }));
  EXPECT_EQ(ended.first().at(1).toString(), "paused");
  const TrainingRun run = studio.run(runId);
  EXPECT_EQ(run.status, RunStatus::Cancelled);
  EXPECT_EQ(compat::parseRunMetrics(run.metricsJson).state, "paused");
  EXPECT_NE(run.error.find("other outfits"), std::string::npos) << run.error;
  auto* message = studio.view.findChild<QLabel*>("trainingMessage");
  EXPECT_TRUE(message->text().contains("other outfits")) << message->text().toStdString();
  EXPECT_TRUE(studio.view.findChild<QAbstractButton*>("continueRun")->isEnabled());
}

TEST(TrainingView, CancelKeepsTheLastCheckpointAndMarksTheRunCancelled) {
  TempDir dir;
  Studio studio(makeLibrary(dir, 40));
  studio.view.form()->setConfig(smallConfig(1000, 8));
  QSignalSpy ended(&studio.training, &TrainingController::runEnded);
  QSignalSpy epochs(&studio.training, &TrainingController::epochFinished);
  studio.view.startTraining();
  ASSERT_TRUE(waitUntil([&] { return !epochs.isEmpty(); }));
  studio.view.findChild<QAbstractButton*>("cancelTraining")->click();
  EXPECT_EQ(studio.training.state(), State::Cancelling);
  ASSERT_TRUE(waitUntil([&] { return !ended.isEmpty(); }));
  EXPECT_EQ(ended.first().at(1).toString(), "cancelled");
  EXPECT_EQ(studio.training.state(), State::Idle);
  const Id runId = ended.first().at(0).toLongLong();
  const TrainingRun run = studio.run(runId);
  EXPECT_EQ(run.status, RunStatus::Cancelled);
  const compat::RunMetrics metrics = compat::parseRunMetrics(run.metricsJson);
  EXPECT_EQ(metrics.state, "cancelled");
  EXPECT_GE(metrics.epochsDone(), 1);
  const QString folder = studio.training.checkpointFolder(run);
  auto info = compat::readCheckpointInfo(folder.toStdString());
  ASSERT_TRUE(info.ok()) << info.message();
  EXPECT_EQ(info->epochsDone, metrics.epochsDone());
  EXPECT_TRUE(QFileInfo::exists(folder + "/model.safetensors"));

  // A cancelled run can be continued from the history, or deleted with its folder.
  studio.view.history()->selectRun(runId);
  EXPECT_TRUE(studio.view.findChild<QAbstractButton*>("continueRun")->isEnabled());
  EXPECT_EQ(studio.training.removeRun(runId), QString());
  EXPECT_FALSE(QFileInfo::exists(folder));
  EXPECT_EQ(studio.view.history()->rowCount(), 0);
}

TEST(TrainingView, ShowsADivergedRunAsAFailure) {
  TempDir dir;
  Studio studio(makeLibrary(dir, 12));
  compat::TrainConfig config = smallConfig(5, 4);
  config.maxGradNorm = 1e-12;  // any gradient counts as exploding
  studio.view.form()->setConfig(config);
  QSignalSpy ended(&studio.training, &TrainingController::runEnded);
  studio.view.startTraining();
  ASSERT_TRUE(waitUntil([&] { return !ended.isEmpty(); }));
  EXPECT_EQ(ended.first().at(1).toString(), "diverged");
  const TrainingRun run = studio.run(ended.first().at(0).toLongLong());
  EXPECT_EQ(run.status, RunStatus::Failed);
  EXPECT_NE(run.error.find("diverged"), std::string::npos) << run.error;
  EXPECT_EQ(compat::parseRunMetrics(run.metricsJson).state, "diverged");
  auto* message = studio.view.findChild<QLabel*>("trainingMessage");
  EXPECT_TRUE(message->text().contains("diverged")) << message->text().toStdString();
  EXPECT_TRUE(message->styleSheet().contains("color")) << "shown as an error";
}

TEST(TrainingView, SaysWhyItCannotTrain) {
  TempDir dir;
  Studio studio(makeLibrary(dir, 3));
  auto* message = studio.view.findChild<QLabel*>("trainingMessage");
  studio.view.startTraining();
  EXPECT_EQ(studio.training.state(), State::Idle);
  EXPECT_TRUE(message->text().contains("at least 4 outfits")) << message->text().toStdString();
  EXPECT_EQ(studio.view.history()->rowCount(), 0);

  // No library: the start button is off, and starting anyway explains.
  StudioSettings settings;
  LibraryController none;
  EncoderService encoders(&settings);
  TrainingController training(&none, &encoders);
  TrainingView view(&training, &none, &encoders, &settings);
  EXPECT_FALSE(view.findChild<QAbstractButton*>("startTraining")->isEnabled());
  view.startTraining();
  EXPECT_TRUE(view.findChild<QLabel*>("trainingMessage")->text().contains("No library"));
}

}  // namespace
}  // namespace w2w

namespace w2w {
namespace {

// Every text a training chart draws: its legend, its axes' labels and
// titles ("Validat...", "2...." when cut).
QStringList chartTexts(const TrainingView& view) {
  QStringList texts;
  for (ChartPanel* panel : view.charts()->panels()) {
    for (QGraphicsItem* item : panel->scene()->items()) {
      if (auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item); text && text->isVisible())
        texts << text->toPlainText();
    }
  }
  return texts;
}

QGraphicsTextItem* legendItem(ChartPanel* panel) {
  for (QGraphicsItem* item : panel->chart()->childItems()) {
    if (auto* text = qgraphicsitem_cast<QGraphicsTextItem*>(item);
        text && text->objectName() == "chartLegend")
      return text;
  }
  return nullptr;
}

QString legendOf(ChartPanel* panel) {
  QGraphicsTextItem* legend = legendItem(panel);
  // Names keep their spaces unbroken in the legend.
  return legend && legend->isVisible() ? legend->toPlainText().replace(QChar(0xA0), QLatin1Char(' '))
                                       : QString();
}

std::vector<compat::EpochRecord> epochs(int count) {
  std::vector<compat::EpochRecord> history;
  for (int e = 1; e <= count; ++e) history.push_back({e, 2.0 / e, 0, 0, 1.0 / e, 0.5 + 0.004 * e});
  return history;
}

// At 1024x700, and again after the window was large and small again, in
// both languages and with two runs compared, no chart cuts a name or an axis
// label: the legend wraps under the plot instead, the whole of it inside
// the chart.
TEST(TrainingView, NoChartTextIsCutAt1024x700WithRunsComparedOrAfterResizingBack) {
  TempDir dir;
  StudioSettings settings;
  LibraryController library;
  TranslationManager translations;
  MainWindow window(&settings, &library, &translations);
  QString error;
  ASSERT_TRUE(window.openLibrary(QString::fromStdString(makeLibrary(dir, 4)), &error)) << error.toStdString();
  window.show();
  ASSERT_TRUE(window.showView("training"));
  auto* view = window.findChild<TrainingView*>("training");
  LossChart* loss = view->charts()->loss();
  for (const QString language : {"en", "ko"}) {
    translations.apply(language);
    for (const int compared : {0, 2}) {
      QList<ComparedRun> runs;
      for (int i = 0; i < compared; ++i) runs.append({QStringLiteral("run-%1").arg(12 + i), epochs(40)});
      loss->setComparison(runs);
      for (const QSize size : {QSize(1024, 700), QSize(1280, 800), QSize(1024, 700)}) {
        window.resize(size);
        QApplication::processEvents();
        QApplication::processEvents();
        const QString where = QStringLiteral("%1 %2x%3, %4 compared")
                                  .arg(language)
                                  .arg(size.width())
                                  .arg(size.height())
                                  .arg(compared);
        const QStringList texts = chartTexts(*view);
        EXPECT_GE(texts.size(), 30) << "the charts are drawn";
        for (const QString& text : texts)
          EXPECT_FALSE(text.contains("...") || text.contains(QChar(0x2026)))
              << where.toStdString() << ": " << text.toStdString();
        for (ChartPanel* panel : view->charts()->panels()) {
          const QString legend = legendOf(panel);
          for (QAbstractSeries* series : panel->chart()->series()) {
            if (!series->isVisible() || series->name().isEmpty()) continue;
            EXPECT_TRUE(legend.contains(series->name()))
                << where.toStdString() << ": " << series->name().toStdString() << " not in "
                << legend.toStdString();
          }
          QGraphicsTextItem* item = legendItem(panel);
          ASSERT_TRUE(item);
          const QRectF drawn = item->mapRectToScene(item->boundingRect());
          EXPECT_LE(drawn.bottom(), panel->chart()->size().height() + 1) << where.toStdString();
          EXPECT_GT(panel->chart()->plotArea().width(), panel->chart()->size().width() * 0.55)
              << where.toStdString() << ": the plot keeps the chart's width";
        }
        EXPECT_TRUE(legendOf(loss).contains(compared ? "run-13" : "AUC")) << where.toStdString();
      }
    }
  }
  translations.apply(QString());
}

}  // namespace
}  // namespace w2w
