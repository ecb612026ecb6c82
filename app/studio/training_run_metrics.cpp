#include "training_run_metrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace w2w {
namespace {

QJsonValue parsed(const std::string& json) {
  const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
  if (doc.isObject()) return doc.object();
  if (doc.isArray()) return doc.array();
  return {};
}

std::string compact(const QJsonObject& o) {
  return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

// Every k-th step so that at most kMaxStoredSteps remain (the last one kept).
QJsonArray thinnedSteps(const QList<QPointF>& steps) {
  QJsonArray out;
  const qsizetype stride = std::max<qsizetype>(1, (steps.size() + kMaxStoredSteps - 1) / kMaxStoredSteps);
  for (qsizetype i = 0; i < steps.size(); i += stride) out.append(QJsonArray{steps[i].x(), steps[i].y()});
  if (!steps.isEmpty() && (steps.size() - 1) % stride != 0)
    out.append(QJsonArray{steps.back().x(), steps.back().y()});
  return out;
}

}  // namespace

void RunMetrics::truncateAfter(int epoch) {
  history.erase(std::remove_if(history.begin(), history.end(),
                               [epoch](const compat::EpochRecord& e) { return e.epoch > epoch; }),
                history.end());
  steps.erase(
      std::remove_if(steps.begin(), steps.end(), [epoch](const QPointF& p) { return p.x() > epoch + 1e-9; }),
      steps.end());
  if (evaluationEpoch > epoch) {
    evaluationEpoch = 0;
    evaluation.reset();
  }
  if (bestEvaluationEpoch > epoch) {
    bestEvaluationEpoch = 0;
    bestEvaluation.reset();
  }
}

const compat::EvalReport* RunMetrics::keptEvaluation(int* epoch) const {
  if (bestEvaluation) {
    *epoch = bestEvaluationEpoch;
    return &*bestEvaluation;
  }
  *epoch = evaluationEpoch;
  return evaluation ? &*evaluation : nullptr;
}

std::string runMetricsJson(const RunMetrics& m) {
  QJsonObject json{
      {"state", QString::fromStdString(m.state)},
      {"message", QString::fromStdString(m.message)},
      {"data", QJsonObject{{"photo_outfits", m.photoOutfits},
                           {"user_outfits", m.userOutfits},
                           {"outfits", m.outfits},
                           {"train_outfits", m.trainOutfits},
                           {"val_outfits", m.valOutfits}}},
      {"epochs_planned", m.epochsPlanned},
      {"best_epoch", m.bestEpoch},
      {"best_val_auc", m.bestValAuc},
      {"seconds", m.seconds},
      {"history", parsed(compat::epochHistoryJson(m.history))},
      {"steps", thinnedSteps(m.steps)},
      {"evaluation_epoch", m.evaluationEpoch},
      {"best_evaluation_epoch", m.bestEvaluationEpoch},
  };
  json["evaluation"] = m.evaluation ? parsed(compat::evalReportJson(*m.evaluation)) : QJsonValue();
  json["best_evaluation"] =
      m.bestEvaluation ? parsed(compat::evalReportJson(*m.bestEvaluation)) : QJsonValue();
  return compact(json);
}

RunMetrics parseRunMetrics(const std::string& text) {
  RunMetrics m;
  const QJsonObject json = parsed(text).toObject();
  m.state = json.value("state").toString(QString::fromStdString(m.state)).toStdString();
  m.message = json.value("message").toString().toStdString();
  const QJsonObject data = json.value("data").toObject();
  m.photoOutfits = data.value("photo_outfits").toBool(true);
  m.userOutfits = data.value("user_outfits").toBool(true);
  m.outfits = data.value("outfits").toInt();
  m.trainOutfits = data.value("train_outfits").toInt();
  m.valOutfits = data.value("val_outfits").toInt();
  m.epochsPlanned = json.value("epochs_planned").toInt();
  m.bestEpoch = json.value("best_epoch").toInt();
  m.bestValAuc = json.value("best_val_auc").toDouble();
  m.seconds = json.value("seconds").toDouble();
  m.history = compat::parseEpochHistory(
      QJsonDocument(json.value("history").toArray()).toJson(QJsonDocument::Compact).toStdString());
  for (const QJsonValue s : json.value("steps").toArray()) {
    const QJsonArray p = s.toArray();
    if (p.size() == 2) m.steps.append({p[0].toDouble(), p[1].toDouble()});
  }
  m.evaluationEpoch = json.value("evaluation_epoch").toInt();
  if (json.value("evaluation").isObject())
    m.evaluation = parseEvalReport(compact(json.value("evaluation").toObject()));
  m.bestEvaluationEpoch = json.value("best_evaluation_epoch").toInt();
  if (json.value("best_evaluation").isObject())
    m.bestEvaluation = parseEvalReport(compact(json.value("best_evaluation").toObject()));
  return m;
}

std::optional<compat::EvalReport> parseEvalReport(const std::string& text) {
  return compat::parseEvalReportJson(text);
}

}  // namespace w2w
