#include "run_history_table.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QSignalBlocker>

#include "compat/training_run.h"

namespace w2w {

RunHistoryTable::RunHistoryTable(QWidget* parent) : QTableWidget(parent) {
  setColumnCount(ColumnCount);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setAlternatingRowColors(true);
  setWordWrap(false);
  verticalHeader()->hide();
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
  horizontalHeader()->setHighlightSections(false);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setSectionResizeMode(EncoderColumn, QHeaderView::Stretch);
  connect(this, &QTableWidget::itemSelectionChanged, this, [this] { Q_EMIT runSelected(selectedRun()); });
  retranslate();
}

void RunHistoryTable::retranslate() {
  setHorizontalHeaderLabels(
      {tr("Run"), tr("Started"), tr("Encoder"), tr("Status"), tr("Epochs"), tr("Best val. AUC"), tr("FITB")});
  fill();
}

void RunHistoryTable::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QTableWidget::changeEvent(event);
}

QString RunHistoryTable::stateLabel(const std::string& state) {
  if (state == "running") return tr("running");
  if (state == "paused") return tr("paused");
  if (state == "finished") return tr("finished");
  if (state == "early_stopped") return tr("stopped early");
  if (state == "cancelled") return tr("cancelled");
  if (state == "diverged") return tr("diverged");
  return tr("failed");
}

void RunHistoryTable::setRuns(const std::vector<TrainingRun>& runs, Id inUse) {
  runs_.assign(runs.rbegin(), runs.rend());  // newest first
  inUse_ = inUse;
  fill();
}

void RunHistoryTable::fill() {
  const Id current = selectedRun();
  const std::vector<Id> selected = selectedRuns();
  const QSignalBlocker block(this);
  setRowCount(static_cast<int>(runs_.size()));
  for (int row = 0; row < rowCount(); ++row) fillRow(row);
  clearSelection();
  for (Id id : selected) {
    const int row = rowOf(id);
    if (row >= 0)
      selectionModel()->select(model()->index(row, 0),
                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
  }
  if (const int row = rowOf(current); row >= 0)
    selectionModel()->setCurrentIndex(model()->index(row, 0), QItemSelectionModel::NoUpdate);
}

void RunHistoryTable::updateRun(const TrainingRun& run) {
  const int row = rowOf(run.id);
  if (row < 0) return;
  runs_[static_cast<std::size_t>(row)] = run;
  fillRow(row);
}

void RunHistoryTable::fillRow(int row) {
  const TrainingRun& run = runs_[static_cast<std::size_t>(row)];
  const compat::RunMetrics m = compat::parseRunMetrics(run.metricsJson);
  // The FITB of the best epoch: the one the checkpoint keeps.
  double fitb = -1;
  for (const compat::EpochRecord& e : m.history) {
    if (e.epoch == m.bestEpoch) fitb = e.valFitb;
  }
  const QDateTime started = QDateTime::fromString(QString::fromStdString(run.startedAt), Qt::ISODate);
  const bool used = run.id == inUse_;
  const QStringList cells = {
      QString::fromStdString(run.name.empty() ? "run-" + std::to_string(run.id) : run.name) +
          (used ? QStringLiteral(" ★") : QString()),
      started.isValid() ? QLocale().toString(started.toLocalTime(), QLocale::ShortFormat)
                        : QString::fromStdString(run.startedAt),
      QString::fromStdString(run.encoderModelId),
      stateLabel(m.state) + (run.error.empty() ? QString() : QStringLiteral(" ⚠")),
      tr("%1 of %2").arg(m.epochsDone()).arg(m.epochsPlanned),
      m.bestEpoch > 0 ? QString::number(m.bestValAuc, 'f', 3) : QStringLiteral("–"),
      fitb >= 0 ? QString::number(fitb, 'f', 3) : QStringLiteral("–"),
  };
  for (int c = 0; c < ColumnCount; ++c) {
    // Existing items are updated in place: replacing them would drop the selection.
    QTableWidgetItem* cell = item(row, c);
    if (!cell) {
      cell = new QTableWidgetItem;
      if (c >= EpochsColumn) cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      setItem(row, c, cell);
    }
    cell->setText(cells[c]);
    cell->setData(Qt::UserRole, static_cast<qint64>(run.id));
    cell->setToolTip(c == StatusColumn        ? QString::fromStdString(run.error)
                     : c == RunColumn && used ? tr("Used for recommendations")
                                              : QString());
  }
}

Id RunHistoryTable::selectedRun() const {
  // The row last clicked, when it is selected; else the first selected.
  const int current = currentRow();
  if (current >= 0 && selectionModel()->isRowSelected(current, QModelIndex()))
    return runs_[static_cast<std::size_t>(current)].id;
  const std::vector<Id> all = selectedRuns();
  return all.empty() ? 0 : all.front();
}

std::vector<Id> RunHistoryTable::selectedRuns() const {
  std::vector<Id> out;
  for (int row = 0; row < rowCount(); ++row) {
    if (selectionModel()->isRowSelected(row, QModelIndex()))
      out.push_back(runs_[static_cast<std::size_t>(row)].id);
  }
  return out;
}

void RunHistoryTable::selectRun(Id runId) {
  const int row = rowOf(runId);
  if (row >= 0) {
    setCurrentCell(row, 0, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
  } else {
    clearSelection();
  }
}

int RunHistoryTable::rowOf(Id runId) const {
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    if (runs_[i].id == runId) return static_cast<int>(i);
  }
  return -1;
}

const TrainingRun* RunHistoryTable::run(Id runId) const {
  const int row = rowOf(runId);
  return row < 0 ? nullptr : &runs_[static_cast<std::size_t>(row)];
}

}  // namespace w2w
