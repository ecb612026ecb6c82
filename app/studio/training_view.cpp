#include "training_view.h"

#include <QAction>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include "compat/training_run.h"
#include "encoder_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "loss_chart.h"
#include "run_history_table.h"
#include "studio_settings.h"
#include "training_charts.h"
#include "training_export.h"
#include "training_form.h"
#include "training_worker.h"
#include "view_action.h"

namespace w2w {
namespace {

// The button that shows a view action (made by addViewButton).
QToolButton* buttonOf(QAction* action) {
  for (QObject* object : action->associatedObjects())
    if (auto* button = qobject_cast<QToolButton*>(object)) return button;
  return nullptr;
}

}  // namespace

TrainingView::TrainingView(TrainingController* training, LibraryController* library, EncoderService* encoders,
                           StudioSettings* settings, QWidget* parent)
    : QWidget(parent), training_(training), library_(library), encoders_(encoders), settings_(settings) {
  setObjectName("training");
  // The checkpoint in use may also change from the Model menu.
  connect(settings_, &StudioSettings::activeCheckpointChanged, this, [this] { refreshRuns(); });
  form_ = new TrainingForm(this);
  encoderLabel_ = new QLabel(this);
  encoderLabel_->setWordWrap(true);
  // Every button shows a view action: its shortcut survives retranslation.
  const auto button = [this](QWidget* scope, const char* actionName, QKeySequence key, const char* buttonName,
                             auto slot) {
    QAction* action = addViewAction(scope, actionName, key.isEmpty() ? QList<QKeySequence>() : QList{key});
    connect(action, &QAction::triggered, this, slot);
    addViewButton(action, buttonName, this);
    return action;
  };
  start_ = button(this, "actionStartTraining", QKeySequence(Qt::CTRL | Qt::Key_Return), "startTraining",
                  [this] { startTraining(); });
  pause_ = button(this, "actionPauseTraining", QKeySequence(Qt::CTRL | Qt::Key_P), "pauseTraining",
                  [this] { togglePause(); });
  cancel_ = button(this, "actionCancelTraining", QKeySequence(Qt::CTRL | Qt::Key_Period), "cancelTraining",
                   [this] { training_->cancel(); });
  progress_ = new QProgressBar(this);
  progress_->setObjectName("trainingProgress");
  progress_->setRange(0, 1);
  progress_->setValue(0);
  status_ = new QLabel(this);
  status_->setObjectName("trainingStatus");
  status_->setWordWrap(true);
  message_ = new QLabel(this);
  message_->setObjectName("trainingMessage");
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* controls = new QHBoxLayout;
  controls->addWidget(buttonOf(start_), 1);
  controls->addWidget(buttonOf(pause_));
  controls->addWidget(buttonOf(cancel_));
  auto* side = new QWidget;
  auto* sideLayout = new QVBoxLayout(side);
  sideLayout->setContentsMargins(0, 0, 6, 0);
  sideLayout->addWidget(encoderLabel_);
  sideLayout->addWidget(form_);
  sideLayout->addLayout(controls);
  sideLayout->addWidget(progress_);
  sideLayout->addWidget(status_);
  sideLayout->addWidget(message_);
  sideLayout->addStretch(1);
  side_ = new QScrollArea(this);
  side_->setWidget(side);
  side_->setWidgetResizable(true);
  side_->setFrameShape(QFrame::NoFrame);
  side_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

  charts_ = new TrainingCharts(this);
  historyTitle_ = new QLabel(this);
  history_ = new RunHistoryTable(this);
  history_->setObjectName("runHistory");
  continue_ = button(this, "actionContinueRun", QKeySequence(), "continueRun", [this] {
    const QString error = training_->resume(history_->selectedRun());
    if (!error.isEmpty()) showMessage(error, true);
  });
  use_ = button(this, "actionUseRun", QKeySequence(), "useRun", [this] { useSelected(); });
  export_ = button(this, "actionExportRun", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), "exportRun",
                   [this] { exportSelected(); });
  // Delete acts in the table only (elsewhere it edits text).
  delete_ = button(history_, "actionDeleteRun", QKeySequence(QKeySequence::Delete), "deleteRun",
                   [this] { deleteSelected(); });
  auto* historyButtons = new QHBoxLayout;
  historyButtons->addWidget(historyTitle_, 1);
  for (QAction* a : {continue_, use_, export_, delete_}) historyButtons->addWidget(buttonOf(a));
  runSettings_ = new QLabel;
  runSettings_->setObjectName("runSettings");
  runSettings_->setTextFormat(Qt::RichText);
  runSettings_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  runSettings_->setWordWrap(true);
  runSettings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  copySettings_ =
      button(this, "actionCopyRunSettings", QKeySequence(), "copyRunSettings", [this] { copySettings(); });
  auto* settingsBox = new QWidget;
  auto* settingsLayout = new QVBoxLayout(settingsBox);
  settingsLayout->setContentsMargins(6, 0, 0, 0);
  settingsLayout->addWidget(runSettings_);
  settingsLayout->addWidget(buttonOf(copySettings_));
  settingsLayout->addStretch(1);
  auto* settingsScroll = new QScrollArea(this);
  settingsScroll->setWidget(settingsBox);
  settingsScroll->setWidgetResizable(true);
  settingsScroll->setFrameShape(QFrame::NoFrame);
  settingsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  settingsScroll->setMinimumWidth(230);
  auto* historySplit = new QSplitter(Qt::Horizontal, this);
  historySplit->addWidget(history_);
  historySplit->addWidget(settingsScroll);
  historySplit->setStretchFactor(0, 3);
  historySplit->setStretchFactor(1, 1);
  historySplit->setChildrenCollapsible(false);
  auto* historyBox = new QWidget(this);
  auto* historyLayout = new QVBoxLayout(historyBox);
  historyLayout->setContentsMargins(0, 4, 0, 0);
  historyLayout->addLayout(historyButtons);
  historyLayout->addWidget(historySplit, 1);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(charts_);
  split->addWidget(historyBox);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  split->setChildrenCollapsible(false);
  auto* layout = new QHBoxLayout(this);
  layout->addWidget(side_);
  layout->addWidget(split, 1);

  connect(history_, &RunHistoryTable::runSelected, this, [this](Id id) {
    if (id) showRun(id);
    updateComparison();
    updateButtons();
  });
  // Double-click: start from that run's settings (as the button does).
  connect(history_, &QTableWidget::cellDoubleClicked, this, [this] { copySettings(); });

  connect(training_, &TrainingController::stateChanged, this, &TrainingView::updateButtons);
  connect(training_, &TrainingController::runStarted, this, [this](qint64 runId) {
    showMessage(QString(), false);
    refreshRuns();
    history_->selectRun(runId);
    showRun(runId);
  });
  connect(training_, &TrainingController::preparing, this, [this](const QString& text) {
    progress_->setRange(0, 0);
    status_->setText(text);
  });
  connect(training_, &TrainingController::progressed, this,
          [this](int epoch, int epochs, int step, int steps, double lossValue) {
            progress_->setRange(0, epochs * steps);
            progress_->setValue((epoch - 1) * steps + step);
            status_->setText(tr("Epoch %1 of %2, step %3 of %4, loss %5")
                                 .arg(epoch)
                                 .arg(epochs)
                                 .arg(step)
                                 .arg(steps)
                                 .arg(lossValue, 0, 'f', 4));
          });
  connect(training_, &TrainingController::stepsArrived, this, [this](const QList<QPointF>& points) {
    if (showsLiveRun()) charts_->loss()->appendSteps(points);
  });
  connect(training_, &TrainingController::epochFinished, this, [this](const compat::EpochRecord& e) {
    if (showsLiveRun()) charts_->loss()->appendEpoch(e);
    // The run's row in the table, at most once a second.
    const Id active = training_->activeRun();
    if (!training_->isActive(active) || (runsRefreshed_.isValid() && runsRefreshed_.elapsed() < 1000)) return;
    runsRefreshed_.restart();
    if (auto run = library_->library()->run(active); run && *run) history_->updateRun(**run);
  });
  connect(training_, &TrainingController::evaluated, this, [this](int epoch, const compat::EvalReport& r) {
    if (showsLiveRun()) charts_->showEvaluation(r, epoch, shownThreshold_);
  });
  connect(training_, &TrainingController::runEnded, this, &TrainingView::onRunEnded);
  connect(training_, &TrainingController::runsChanged, this, &TrainingView::refreshRuns);
  connect(library_, &LibraryController::libraryOpened, this, [this] {
    showMessage(QString(), false);
    showRun(0);
    refreshRuns();
  });
  connect(library_, &LibraryController::contentChanged, this, &TrainingView::refreshData);
  // Runs recorded by another program (what2wear train on this library).
  connect(library_, &LibraryController::changedElsewhere, this, &TrainingView::refreshRuns);
  connect(encoders_, &EncoderService::encoderChanged, this, &TrainingView::refreshData);
  retranslate();
  refreshRuns();
}

void TrainingView::retranslate() {
  start_->setText(tr("Start training"));
  start_->setToolTip(withShortcut(tr("Train a new model on the library's outfits"), start_->shortcut()));
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(withShortcut(tr("Stop the run; the checkpoint of the last finished epoch is kept"),
                                   cancel_->shortcut()));
  historyTitle_->setText(tr("<b>Runs in this library</b>"));
  continue_->setText(tr("Continue"));
  continue_->setToolTip(tr("Train a paused or cancelled run on from its last checkpoint"));
  use_->setText(tr("Use for recommendations"));
  use_->setToolTip(tr("Recommend with this run's best checkpoint"));
  export_->setText(tr("Export…"));
  export_->setToolTip(withShortcut(
      tr("Save the run's charts (PNG), metrics (CSV) and record (JSON) to a folder"), export_->shortcut()));
  delete_->setText(tr("Delete…"));
  delete_->setToolTip(withShortcut(tr("Delete the run and its checkpoint folder"), delete_->shortcut()));
  history_->setToolTip(
      tr("Select a run to see its curves; Ctrl+click or Shift+click more runs to lay their curves over it; "
         "double-click to copy its settings into the form"));
  copySettings_->setText(tr("Copy settings to the form"));
  copySettings_->setToolTip(
      tr("Put this run's settings in the form on the left, to train a new run from them"));
  showRunSettings(history_->run(shownRun_));
  refreshData();
  updateButtons();
  // As wide as the form needs in this language, plus room for a scroll bar.
  side_->setFixedWidth(side_->widget()->sizeHint().width() + 24);
}

void TrainingView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TrainingView::refreshData() {
  encoderLabel_->setText(tr("<b>Encoder:</b> %1").arg(encoders_->displayName()));
  Library* library = library_->library();
  if (!library) {
    form_->setDataSummary(tr("No library is open."));
    return;
  }
  auto outfits = library->outfits();
  long long photo = 0, user = 0;
  if (outfits) {
    for (const Outfit& o : *outfits) {
      if (o.origin == OutfitOrigin::Photo) ++photo;
      if (o.origin == OutfitOrigin::User) ++user;
    }
  }
  form_->setDataSummary(tr("%n outfit photo(s)", nullptr, static_cast<int>(photo)) +
                        tr(", %n composed outfit(s)", nullptr, static_cast<int>(user)) +
                        tr(". Crops without an embedding are encoded first; 15% of the outfits validate."));
}

void TrainingView::refreshRuns() {
  runsRefreshed_.restart();
  Library* library = library_->library();
  std::vector<TrainingRun> runs;
  if (library) {
    if (auto found = library->runs()) runs = std::move(*found);
  }
  Id inUse = 0;
  const QString active = library_->hasLibrary() ? settings_->activeCheckpoint(library_->path()) : QString();
  for (const TrainingRun& run : runs) {
    if (!active.isEmpty() && QDir::cleanPath(training_->checkpointFolder(run)) == QDir::cleanPath(active))
      inUse = run.id;
  }
  history_->setRuns(runs, inUse);
  // Open on the newest run rather than on empty charts.
  if (history_->selectedRun() == 0 && !runs.empty()) history_->selectRun(runs.back().id);
  updateButtons();
}

void TrainingView::updateButtons() {
  using State = TrainingController::State;
  const State state = training_->state();
  const bool training = training_->isTraining();
  const bool writable = library_->hasLibrary() && !library_->isReadOnly();  // runs are stored in it
  start_->setEnabled(writable && !training);
  pause_->setEnabled(state == State::Running || state == State::Paused);
  pause_->setText(state == State::Paused ? tr("Resume") : tr("Pause"));
  pause_->setToolTip(withShortcut(state == State::Paused
                                      ? tr("Continue the paused run from its checkpoint")
                                      : tr("Stop after the current step, keeping the last checkpoint"),
                                  pause_->shortcut()));
  cancel_->setEnabled(state == State::Running || state == State::Pausing || state == State::Paused);
  progress_->setTextVisible(training);
  if (state == State::Pausing) status_->setText(tr("Pausing after the current step…"));
  if (state == State::Cancelling) status_->setText(tr("Cancelling after the current step…"));
  const Id selected = history_->selectedRun();
  const TrainingRun* run = history_->run(selected);
  const compat::RunMetrics metrics = run ? compat::parseRunMetrics(run->metricsJson) : compat::RunMetrics();
  const bool live = training && training_->isActive(selected);
  continue_->setEnabled(writable && run && !training && run->status == RunStatus::Cancelled &&
                        metrics.resumable());
  use_->setEnabled(run && !live && metrics.bestEpoch > 0);
  export_->setEnabled(run != nullptr);
  delete_->setEnabled(writable && run && !live);
}

void TrainingView::showMessage(const QString& text, bool error) {
  message_->setText(text);
  message_->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
}

QString TrainingView::startTraining() {
  const QString error = training_->start(form_->config(), {form_->photoOutfits(), form_->userOutfits()});
  if (!error.isEmpty()) {
    showMessage(error, true);
    return error;
  }
  showMessage(QString(), false);
  charts_->loss()->reset(form_->config().epochs);
  charts_->clearEvaluation();
  progress_->setRange(0, 0);
  return {};
}

void TrainingView::togglePause() {
  if (training_->state() == TrainingController::State::Running) {
    training_->pause();
  } else if (training_->state() == TrainingController::State::Paused) {
    const QString error = training_->resume(training_->activeRun());
    if (!error.isEmpty()) showMessage(error, true);
  }
}

void TrainingView::showRun(Id runId) {
  shownRun_ = runId;
  const TrainingRun* run = history_->run(runId);
  const compat::RunMetrics m = run ? compat::parseRunMetrics(run->metricsJson) : compat::RunMetrics();
  auto config =
      run ? compat::parseTrainConfig(run->configJson) : Result<compat::TrainConfig>(compat::TrainConfig());
  shownThreshold_ = config ? config->loss.threshold : 0.0;
  // The active run's steps since its last stored epoch are only in memory.
  // A run in training shows its latest validation; otherwise the one of the
  // model its checkpoint keeps.
  const bool live = showsLiveRun();
  int epoch = m.evaluationEpoch;
  const compat::EvalReport* report =
      live && training_->isTraining() ? (m.evaluation ? &*m.evaluation : nullptr) : m.keptEvaluation(&epoch);
  // The x axis: where a run in training is heading, or the epochs a stored run ran.
  const int axisEpochs = live && training_->isTraining() ? m.epochsPlanned : std::max(1, m.epochsDone());
  charts_->showRun(m.history, axisEpochs, live ? training_->liveSteps() : stepPoints(m.steps), report, epoch,
                   shownThreshold_);
  showRunSettings(run);
}

void TrainingView::showRunSettings(const TrainingRun* run) {
  auto config = run ? compat::parseTrainConfig(run->configJson) : Result<compat::TrainConfig>(makeError(""));
  copySettings_->setEnabled(run && config);
  if (!run) {
    runSettings_->setText(tr("Select a run to see the settings it was trained with."));
    return;
  }
  if (!config) {
    runSettings_->setText(
        tr("The settings of %1 cannot be read: %2")
            .arg(QString::fromStdString(run->name), QString::fromStdString(config.message())));
    return;
  }
  const compat::RunMetrics m = compat::parseRunMetrics(run->metricsJson);
  QStringList sources;
  if (m.photoOutfits) sources << tr("outfit photos");
  if (m.userOutfits) sources << tr("composed outfits");
  const QString data = m.outfits > 0 ? tr("%1 outfits (%2 to train, %3 to validate) from %4")
                                           .arg(m.outfits)
                                           .arg(m.trainOutfits)
                                           .arg(m.valOutfits)
                                           .arg(sources.join(tr(" and ")))
                                     : sources.join(tr(" and "));
  runSettings_->setText(tr("<b>Settings of %1</b>").arg(QString::fromStdString(run->name).toHtmlEscaped()) +
                        TrainingForm::settingsTable(*config) +
                        QStringLiteral("<p>%1</p>").arg(data.toHtmlEscaped()));
}

void TrainingView::copySettings() {
  const TrainingRun* run = history_->run(history_->selectedRun());
  if (!run) return;
  auto config = compat::parseTrainConfig(run->configJson);
  if (!config) {
    showMessage(QString::fromStdString(config.message()), true);
    return;
  }
  config->head.inputDim = 0;  // taken from the data again: the encoder may have changed
  form_->setConfig(*config);
  const compat::RunMetrics m = compat::parseRunMetrics(run->metricsJson);
  form_->setSources(m.photoOutfits, m.userOutfits);
  showMessage(
      tr("The form holds the settings of %1: Start training (Ctrl+Return) trains a new run with them.")
          .arg(QString::fromStdString(run->name)),
      false);
}

void TrainingView::updateComparison() {
  QList<ComparedRun> others;
  for (Id id : history_->selectedRuns()) {
    if (id == shownRun_) continue;
    const TrainingRun* run = history_->run(id);
    if (!run) continue;
    others.append({QString::fromStdString(run->name.empty() ? "run-" + std::to_string(id) : run->name),
                   compat::parseRunMetrics(run->metricsJson).history});
  }
  charts_->loss()->setComparison(others);
}

void TrainingView::onRunEnded(Id runId, const QString& outcome, const QString& message) {
  if (outcome == "finished" || outcome == "early_stopped") progress_->setValue(progress_->maximum());
  status_->clear();
  refreshRuns();
  if (runId != 0 && runId == shownRun_) showRun(runId);
  // Said from the stored run, in the interface's language; the trainer's own
  // (English) message stays for failures, which only it can explain.
  const TrainingRun* run = training_->isActive(runId) ? history_->run(runId) : nullptr;
  const compat::RunMetrics m = run ? compat::parseRunMetrics(run->metricsJson) : compat::RunMetrics();
  const QString name = tr("Run %1").arg(runId);
  const QString best =
      m.bestEpoch > 0 ? tr("best validation AUC %1 at epoch %2").arg(m.bestValAuc, 0, 'f', 3).arg(m.bestEpoch)
                      : tr("no checkpoint yet");
  if (outcome == "finished") {
    showMessage(tr("%1 finished %n epoch(s); %2.", nullptr, m.epochsDone()).arg(name, best), false);
  } else if (outcome == "early_stopped") {
    showMessage(tr("%1 stopped early after epoch %2, as the validation AUC no longer improved; %3.")
                    .arg(name)
                    .arg(m.epochsDone())
                    .arg(best),
                false);
  } else if (outcome == "paused" && run && !run->error.empty()) {
    // Continuing was refused (other outfits, another encoder): still paused.
    showMessage(tr("%1 cannot continue: %2").arg(name, QString::fromStdString(run->error)), true);
  } else if (outcome == "paused") {
    showMessage(tr("%1 is paused after epoch %2 of %3 (%4). Resume trains on from that checkpoint (Ctrl+P).")
                    .arg(name)
                    .arg(m.epochsDone())
                    .arg(m.epochsPlanned)
                    .arg(best),
                false);
  } else if (outcome == "cancelled") {
    showMessage(runId ? tr("%1 was cancelled after epoch %2 (%3); its checkpoint is kept.")
                            .arg(name)
                            .arg(m.epochsDone())
                            .arg(best)
                      : message,
                false);
  } else {
    showMessage(runId ? tr("%1 failed: %2").arg(name, message) : message, true);
  }
}

QString TrainingView::exportRun(Id runId, const QString& folder, QStringList* written) {
  const TrainingRun* run = history_->run(runId);
  if (!run) return tr("No such run in this library.");
  if (!QDir().mkpath(folder)) return tr("Cannot create the folder %1").arg(folder);
  if (shownRun_ != runId) history_->selectRun(runId);  // the charts show what is exported
  const compat::RunMetrics m = compat::parseRunMetrics(run->metricsJson);
  const QString stem = QDir(folder).filePath(QString::fromStdString(run->name.empty() ? "run" : run->name));
  QString failed;
  QStringList files = charts_->savePngs(stem, &failed);
  if (files.isEmpty()) return tr("Cannot write %1").arg(failed);
  QString error = writeEpochCsv(stem + "-epochs.csv", m.history);
  files << stem + "-epochs.csv";
  int keptEpoch = 0;
  if (const compat::EvalReport* kept = m.keptEvaluation(&keptEpoch); error.isEmpty() && kept) {
    error = writeThresholdCsv(stem + "-thresholds.csv", kept->thresholds);
    files << stem + "-thresholds.csv";
  }
  if (error.isEmpty()) {
    error = writeRunJson(stem + ".json", *run, training_->checkpointFolder(*run));
    files << stem + ".json";
  }
  if (error.isEmpty() && written) *written = files;
  return error;
}

void TrainingView::exportSelected() {
  const Id runId = history_->selectedRun();
  if (!runId) return;
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Export the Run to a Folder"),
                                                           QFileInfo(library_->path()).absolutePath());
  if (folder.isEmpty()) return;
  QStringList files;
  const QString error = exportRun(runId, folder, &files);
  if (error.isEmpty())
    showMessage(tr("Exported %n file(s) to %1", nullptr, static_cast<int>(files.size())).arg(folder), false);
  else
    showMessage(error, true);
}

void TrainingView::deleteSelected() {
  const TrainingRun* run = history_->run(history_->selectedRun());
  if (!run || !delete_->isEnabled()) return;
  const Id runId = run->id;
  const QString folder = training_->checkpointFolder(*run);
  QMessageBox box(QMessageBox::Warning, tr("Delete Run"),
                  tr("Delete %1 and its checkpoint folder?\n%2\n\nThis cannot be undone.")
                      .arg(QString::fromStdString(run->name), folder),
                  QMessageBox::Cancel, this);
  QPushButton* confirm = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
  box.setDefaultButton(QMessageBox::Cancel);
  box.exec();
  if (box.clickedButton() != confirm) return;
  const QString error = training_->removeRun(runId);
  if (!error.isEmpty()) showMessage(error, true);
  if (shownRun_ == runId) showRun(0);
}

void TrainingView::useSelected() {
  const TrainingRun* run = history_->run(history_->selectedRun());
  if (!run) return;
  const QString folder = training_->checkpointFolder(*run);
  settings_->setActiveCheckpoint(library_->path(), folder);
  refreshRuns();
  showMessage(tr("Recommendations now use %1 (its best epoch).").arg(QString::fromStdString(run->name)),
              false);
  Q_EMIT checkpointChosen(folder);
}

}  // namespace w2w
