#include "training_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>

namespace w2w {
namespace {

QSpinBox* spin(QWidget* parent, const char* name, int lo, int hi) {
  auto* box = new QSpinBox(parent);
  box->setObjectName(name);
  box->setRange(lo, hi);
  box->setAccelerated(true);
  return box;
}

QDoubleSpinBox* real(QWidget* parent, const char* name, double lo, double hi, int decimals, double step) {
  auto* box = new QDoubleSpinBox(parent);
  box->setObjectName(name);
  box->setRange(lo, hi);
  box->setDecimals(decimals);
  box->setSingleStep(step);
  box->setAccelerated(true);
  return box;
}

}  // namespace

TrainingForm::TrainingForm(QWidget* parent) : QWidget(parent) {
  modelBox_ = new QGroupBox(this);
  epochs_ = spin(modelBox_, "epochs", 1, 10000);
  learningRate_ = real(modelBox_, "learningRate", 0.00001, 1.0, 5, 0.0001);
  batchSize_ = spin(modelBox_, "batchSize", 2, 8192);
  threshold_ = real(modelBox_, "threshold", -1.0, 1.0, 2, 0.05);
  temperature_ = real(modelBox_, "temperature", 0.01, 10.0, 3, 0.01);
  curriculum_ = spin(modelBox_, "curriculumEpochs", 0, 10000);
  headMode_ = new QComboBox(modelBox_);
  headMode_->setObjectName("headMode");
  for (compat::HeadMode mode :
       {compat::HeadMode::Shared, compat::HeadMode::PerCategory, compat::HeadMode::PairSpaces})
    headMode_->addItem(QString(), QString::fromUtf8(compat::headModeName(mode)));
  ensemble_ = spin(modelBox_, "ensemble", 1, 32);
  patience_ = spin(modelBox_, "patience", 1, 10000);
  seed_ = spin(modelBox_, "seed", 0, INT_MAX);

  auto* form = new QFormLayout(modelBox_);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  for (QWidget* field :
       std::initializer_list<QWidget*>{epochs_, learningRate_, batchSize_, threshold_, temperature_,
                                       curriculum_, headMode_, ensemble_, patience_, seed_}) {
    auto* label = new QLabel(modelBox_);
    label->setBuddy(field);
    labels_ << label;
    form->addRow(label, field);
  }

  dataBox_ = new QGroupBox(this);
  photoOutfits_ = new QCheckBox(dataBox_);
  photoOutfits_->setObjectName("photoOutfits");
  photoOutfits_->setChecked(true);
  userOutfits_ = new QCheckBox(dataBox_);
  userOutfits_->setObjectName("userOutfits");
  userOutfits_->setChecked(true);
  dataSummary_ = new QLabel(dataBox_);
  dataSummary_->setWordWrap(true);
  dataSummary_->setForegroundRole(QPalette::PlaceholderText);
  auto* data = new QVBoxLayout(dataBox_);
  data->addWidget(photoOutfits_);
  data->addWidget(userOutfits_);
  data->addWidget(dataSummary_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(modelBox_);
  layout->addWidget(dataBox_);
  setConfig(compat::TrainConfig());
  retranslate();
}

void TrainingForm::retranslate() {
  modelBox_->setTitle(tr("Training settings"));
  dataBox_->setTitle(tr("Outfits to learn from"));
  const QStringList names = fieldNames();
  for (int i = 0; i < labels_.size(); ++i) labels_[i]->setText(names.value(i));
  for (int i = 0; i < headMode_->count(); ++i) {
    if (auto mode = compat::parseHeadMode(headMode_->itemData(i).toString().toStdString()))
      headMode_->setItemText(i, headModeLabel(*mode));
  }
  epochs_->setToolTip(tr("Passes over the training outfits"));
  learningRate_->setToolTip(tr("Peak AdamW learning rate (warm-up, then cosine decay)"));
  batchSize_->setToolTip(tr("Outfits per step; each outfit's items are the others' negatives"));
  threshold_->setToolTip(tr("Modified outfits: no loss above this pair similarity, a hinge below it"));
  temperature_->setToolTip(tr("Temperature of the contrastive (InfoNCE) outfit loss"));
  curriculum_->setToolTip(
      tr("Learn from real outfits alone for this many epochs before adding the modified loss"));
  headMode_->setToolTip(tr("Project every category with one head, or give each category its own"));
  ensemble_->setToolTip(tr("Heads trained side by side; an outfit's score is their mean"));
  patience_->setToolTip(tr("Stop when the validation AUC has not improved for this many epochs"));
  patience_->setSuffix(tr(" epochs without progress"));
  seed_->setToolTip(tr("The same data, settings and seed give the same run"));
  photoOutfits_->setText(tr("Outfit photos (each garment cropped)"));
  userOutfits_->setText(tr("Outfits composed by people"));
}

QStringList TrainingForm::fieldNames() {
  return {tr("&Epochs:"),    tr("&Learning rate:"), tr("&Batch size:"),
          tr("&Threshold:"), tr("Tem&perature:"),   tr("&Curriculum epochs:"),
          tr("&Heads:"),     tr("E&nsemble:"),      tr("Early st&op after:"),
          tr("&Seed:")};
}

QString TrainingForm::headModeLabel(compat::HeadMode mode) {
  switch (mode) {
    case compat::HeadMode::Shared: return tr("Shared (one latent space)");
    case compat::HeadMode::PerCategory: return tr("One head per category");
    case compat::HeadMode::PairSpaces: return tr("Separate space per pair");
  }
  return {};
}

QString TrainingForm::settingsTable(const compat::TrainConfig& c) {
  QStringList names = fieldNames();
  // Mnemonics are for the form: "&Epochs:" and, where the language writes
  // them after the word, "에폭(&E):" read "Epochs:" and "에폭:".
  static const QRegularExpression mnemonic(QStringLiteral("\\(&\\w\\)|&"));
  for (QString& name : names) name.remove(mnemonic);
  const QStringList values = {QString::number(c.epochs),
                              QString::number(c.learningRate, 'g', 4),
                              QString::number(c.batchSize),
                              QString::number(c.loss.threshold, 'f', 2),
                              QString::number(c.loss.temperature, 'g', 4),
                              QString::number(c.curriculumEpochs),
                              headModeLabel(c.head.mode),
                              QString::number(c.head.ensemble),
                              tr("%n epoch(s) without progress", nullptr, c.patience),
                              QString::number(c.seed)};
  QString rows;
  for (int i = 0; i < names.size() && i < values.size(); ++i) {
    rows += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                .arg(names[i].toHtmlEscaped(), values[i].toHtmlEscaped());
  }
  return QStringLiteral("<table cellspacing='0' cellpadding='1'>%1</table>").arg(rows);
}

void TrainingForm::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

compat::TrainConfig TrainingForm::config() const {
  compat::TrainConfig c = base_;
  c.epochs = epochs_->value();
  c.learningRate = learningRate_->value();
  c.batchSize = batchSize_->value();
  c.loss.threshold = threshold_->value();
  c.loss.temperature = temperature_->value();
  c.curriculumEpochs = curriculum_->value();
  c.head.mode =
      compat::parseHeadMode(headMode_->currentData().toString().toStdString()).value_or(c.head.mode);
  c.head.ensemble = ensemble_->value();
  c.patience = patience_->value();
  c.seed = static_cast<std::uint64_t>(seed_->value());
  return c;
}

void TrainingForm::setConfig(const compat::TrainConfig& c) {
  base_ = c;
  epochs_->setValue(c.epochs);
  learningRate_->setValue(c.learningRate);
  batchSize_->setValue(c.batchSize);
  threshold_->setValue(c.loss.threshold);
  temperature_->setValue(c.loss.temperature);
  curriculum_->setValue(c.curriculumEpochs);
  headMode_->setCurrentIndex(
      std::max(0, headMode_->findData(QString::fromUtf8(compat::headModeName(c.head.mode)))));
  ensemble_->setValue(c.head.ensemble);
  patience_->setValue(c.patience);
  seed_->setValue(static_cast<int>(std::min<std::uint64_t>(c.seed, INT_MAX)));
}

bool TrainingForm::photoOutfits() const { return photoOutfits_->isChecked(); }
bool TrainingForm::userOutfits() const { return userOutfits_->isChecked(); }
void TrainingForm::setSources(bool photoOutfits, bool userOutfits) {
  photoOutfits_->setChecked(photoOutfits);
  userOutfits_->setChecked(userOutfits);
}
void TrainingForm::setDataSummary(const QString& text) { dataSummary_->setText(text); }

}  // namespace w2w
