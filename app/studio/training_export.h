// Exports of a training run for papers and notebooks: the per-epoch metrics
// and the threshold curve as CSV, the whole run as JSON. The charts
// themselves go to PNG through ChartPanel::savePng.
//
// Each function returns an empty string on success, else a one-line error
// naming the file.
#pragma once

#include <QString>

#include <vector>

#include "compat/checkpoint.h"
#include "compat/metrics.h"
#include "library/types.h"

namespace w2w {

// epoch,train_loss,train_outfit_loss,train_modified_loss,val_loss,val_auc,val_fitb,learning_rate,seconds
QString writeEpochCsv(const QString& path, const std::vector<compat::EpochRecord>& history);
// threshold,accuracy,precision,recall
QString writeThresholdCsv(const QString& path, const std::vector<compat::ThresholdPoint>& points);
// {"run": {id, name, encoder, status, started_at, finished_at, checkpoint, error},
//  "config": the trainer's configuration, "metrics": the RunMetrics keys}
QString writeRunJson(const QString& path, const TrainingRun& run, const QString& checkpointFolder);

}  // namespace w2w
