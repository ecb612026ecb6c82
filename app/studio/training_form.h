// TrainingForm: the training configuration a researcher sets before a run
// (compat::TrainConfig, starting from its defaults) and the outfits to learn
// from. The less common settings keep their defaults.
#pragma once

#include <QWidget>

#include "compat/compat_config.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace w2w {

class TrainingForm : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingForm(QWidget* parent = nullptr);

  compat::TrainConfig config() const;
  void setConfig(const compat::TrainConfig& config);
  bool photoOutfits() const;
  bool userOutfits() const;
  void setSources(bool photoOutfits, bool userOutfits);
  // What the data will be: outfit counts and the encoder, one line each.
  void setDataSummary(const QString& text);

  // The settings of `config` as a read-only table (rich text), named as the
  // form names them: what a stored run was trained with.
  static QString settingsTable(const compat::TrainConfig& config);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  static QStringList fieldNames();  // the form's labels, with their "&" mnemonics
  static QString headModeLabel(compat::HeadMode mode);

  compat::TrainConfig base_;  // fields the form does not show keep these values
  QGroupBox* modelBox_;
  QGroupBox* dataBox_;
  QSpinBox* epochs_;
  QDoubleSpinBox* learningRate_;
  QSpinBox* batchSize_;
  QDoubleSpinBox* threshold_;
  QDoubleSpinBox* temperature_;
  QSpinBox* curriculum_;
  QComboBox* headMode_;
  QSpinBox* ensemble_;
  QSpinBox* patience_;
  QSpinBox* seed_;
  QCheckBox* photoOutfits_;
  QCheckBox* userOutfits_;
  QLabel* dataSummary_;
  QList<QLabel*> labels_;
};

}  // namespace w2w
