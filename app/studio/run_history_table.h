// RunHistoryTable: the library's training runs, newest first, with what a
// researcher compares them by: when, which encoder, how it ended, epochs,
// best validation AUC and the FITB accuracy at that epoch. Several runs can
// be selected (Ctrl+click, Shift+click) to compare their curves; the current
// one (the last clicked) is the run the view shows in full.
#pragma once

#include <QTableWidget>

#include <vector>

#include "library/types.h"

namespace w2w {

class RunHistoryTable : public QTableWidget {
  Q_OBJECT

 public:
  enum Column {
    RunColumn,
    StartedColumn,
    EncoderColumn,
    StatusColumn,
    EpochsColumn,
    AucColumn,
    FitbColumn,
    ColumnCount
  };

  explicit RunHistoryTable(QWidget* parent = nullptr);

  // Keeps the selection when the selected run is still there. `inUse` is the
  // run whose checkpoint the recommendations use (marked with a star).
  void setRuns(const std::vector<TrainingRun>& runs, Id inUse = 0);
  // One run's row anew (the run in training, after each epoch).
  void updateRun(const TrainingRun& run);
  Id selectedRun() const;                // the current selected run; 0: none
  std::vector<Id> selectedRuns() const;  // every selected run, in table order
  void selectRun(Id runId);              // only this one
  int rowOf(Id runId) const;
  const std::vector<TrainingRun>& runs() const { return runs_; }
  const TrainingRun* run(Id runId) const;

  // A run's state as a person reads it ("paused", "stopped early", ...).
  static QString stateLabel(const std::string& state);

 Q_SIGNALS:
  void runSelected(Id runId);  // 0 when the selection is cleared

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void fill();
  void fillRow(int row);

  std::vector<TrainingRun> runs_;
  Id inUse_ = 0;
};

}  // namespace w2w
