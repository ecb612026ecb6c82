// SettingsDialog: encoder (the built-in basic encoder, an installed
// FashionCLIP or TorchScript encoder, or install / download one), compute
// device, language, and the folder new libraries go to.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace w2w {

class StudioSettings;
class TranslationManager;

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  SettingsDialog(StudioSettings* settings, TranslationManager* translations, QWidget* parent = nullptr);

  // Writes the choices to the settings (OK).
  void apply();

 private:
  void reloadEncoders(const QString& select);
  void installFromFolder();
  void download();
  void removeSelected();
  // The spec is a folder under the models folder (so Remove may delete it).
  bool isInstalled(const QString& spec) const;

  StudioSettings* settings_;
  TranslationManager* translations_;
  QComboBox* encoder_;
  QLabel* encoderNote_;
  QPushButton* remove_;
  QComboBox* device_;
  QComboBox* language_;
  QLineEdit* folder_;
};

}  // namespace w2w
