// TrainingView: the researchers' view of the compatibility model. The form
// configures a run; Start, Pause/Resume and Cancel drive it in the background
// (TrainingController); the charts follow it live: loss curves per step and
// epoch, and after every epoch the validation's threshold curve, the score
// histograms of real vs modified outfits and the ROC curve. Below, the
// library's runs: select one to see its stored curves, continue a paused
// one, export it (PNG, CSV, JSON), use it for recommendations, or delete it.
// Selecting several runs lays their loss and AUC curves over the current
// one's; the current run's settings are shown read-only beside the table,
// with "Copy settings to the form" to start a new run from them.
//
// Shortcuts: Ctrl+Return start, Ctrl+P pause/resume, Ctrl+. cancel,
// Ctrl+Shift+S export, Delete removes the selected run.
#pragma once

#include <QElapsedTimer>
#include <QWidget>

#include "library/types.h"
#include "training_controller.h"

class QLabel;
class QProgressBar;
class QAction;
class QScrollArea;

namespace w2w {

class EncoderService;
class LibraryController;
class RunHistoryTable;
class StudioSettings;
class TrainingCharts;
class TrainingForm;

class TrainingView : public QWidget {
  Q_OBJECT

 public:
  TrainingView(TrainingController* training, LibraryController* library, EncoderService* encoders,
               StudioSettings* settings, QWidget* parent = nullptr);

  TrainingForm* form() const { return form_; }
  TrainingCharts* charts() const { return charts_; }
  RunHistoryTable* history() const { return history_; }
  Id shownRun() const { return shownRun_; }

  QString startTraining();  // returns why not ("" = started)
  void togglePause();
  void showRun(Id runId);  // its stored curves (live ones for the active run) and settings
  // Writes the run's charts (PNG), metrics (CSV) and record (JSON) into
  // `folder`; returns an error message, or "" with the files in `written`.
  QString exportRun(Id runId, const QString& folder, QStringList* written = nullptr);

 Q_SIGNALS:
  // "Use for recommendations": the run's checkpoint folder.
  void checkpointChosen(const QString& folder);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void refreshRuns();
  void refreshData();
  void updateButtons();
  void showMessage(const QString& text, bool error);
  void onRunEnded(Id runId, const QString& outcome, const QString& message);
  void exportSelected();
  void deleteSelected();
  void useSelected();
  void copySettings();
  void updateComparison();  // the other selected runs' curves over the shown one's
  void showRunSettings(const TrainingRun* run);
  bool showsLiveRun() const { return training_->isActive(shownRun_); }

  TrainingController* training_;
  LibraryController* library_;
  EncoderService* encoders_;
  StudioSettings* settings_;
  TrainingForm* form_;
  QScrollArea* side_;
  QLabel* encoderLabel_;
  QAction* start_;
  QAction* pause_;
  QAction* cancel_;
  QProgressBar* progress_;
  QLabel* status_;
  QLabel* message_;
  TrainingCharts* charts_;
  QLabel* historyTitle_;
  RunHistoryTable* history_;
  QAction* continue_;
  QAction* use_;
  QAction* export_;
  QAction* delete_;
  QLabel* runSettings_;
  QAction* copySettings_;
  Id shownRun_ = 0;
  double shownThreshold_ = 0;  // the shown run's loss threshold (marked on the threshold chart)
  QElapsedTimer runsRefreshed_;
};

}  // namespace w2w
