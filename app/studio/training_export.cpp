#include "training_export.h"

#include <QSaveFile>

#include "format/json.h"

namespace w2w {
namespace {

QString writeFile(const QString& path, const QByteArray& bytes) {
  // QSaveFile: a half-written export never replaces a good one.
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    return QStringLiteral("%1: %2").arg(path, file.errorString());
  return {};
}

// Full precision and a dot as decimal separator whatever the locale.
QString number(double value) { return QString::number(value, 'g', 10); }

}  // namespace

QString writeEpochCsv(const QString& path, const std::vector<compat::EpochRecord>& history) {
  QString text = QStringLiteral(
      "epoch,train_loss,train_outfit_loss,train_modified_loss,val_loss,val_auc,val_fitb,learning_rate,"
      "seconds\n");
  for (const compat::EpochRecord& e : history) {
    text += QStringList{QString::number(e.epoch),    number(e.trainLoss),    number(e.trainOutfitLoss),
                        number(e.trainModifiedLoss), number(e.valLoss),      number(e.valAuc),
                        number(e.valFitb),           number(e.learningRate), number(e.seconds)}
                .join(',') +
            '\n';
  }
  return writeFile(path, text.toUtf8());
}

QString writeThresholdCsv(const QString& path, const std::vector<compat::ThresholdPoint>& points) {
  QString text = QStringLiteral("threshold,accuracy,precision,recall\n");
  for (const compat::ThresholdPoint& p : points) {
    text += QStringList{number(p.threshold), number(p.accuracy), number(p.precision), number(p.recall)}.join(
                ',') +
            '\n';
  }
  return writeFile(path, text.toUtf8());
}

QString writeRunJson(const QString& path, const TrainingRun& run, const QString& checkpointFolder) {
  const format::Json json = {
      {"run",
       {{"id", run.id},
        {"name", run.name},
        {"encoder", run.encoderModelId},
        {"status", runStatusName(run.status)},
        {"started_at", run.startedAt},
        {"finished_at", run.finishedAt},
        {"checkpoint", checkpointFolder.toStdString()},
        {"error", run.error}}},
      {"config", format::parseObjectOrEmpty(run.configJson)},
      {"metrics", format::parseObjectOrEmpty(run.metricsJson)},
  };
  return writeFile(path, QByteArray::fromStdString(format::dumpJson(json, 4) + '\n'));
}

}  // namespace w2w
