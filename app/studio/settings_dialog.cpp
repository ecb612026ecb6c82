#include "settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

#include "background_task.h"
#include "embed/devices.h"
#include "embed/encoder_factory.h"
#include "embed/model_manager.h"
#include "studio_settings.h"
#include "translation_manager.h"

namespace w2w {

SettingsDialog::SettingsDialog(StudioSettings* settings, TranslationManager* translations, QWidget* parent)
    : QDialog(parent), settings_(settings), translations_(translations) {
  setWindowTitle(tr("Settings"));
  setObjectName("settingsDialog");
  encoder_ = new QComboBox(this);
  encoder_->setObjectName("encoderChoice");
  encoderNote_ = new QLabel(this);
  encoderNote_->setWordWrap(true);
  auto* install = new QPushButton(tr("Install from a folder…"), this);
  auto* fetch = new QPushButton(tr("Download FashionCLIP…"), this);
  remove_ = new QPushButton(tr("Remove"), this);
  auto* encoderButtons = new QHBoxLayout;
  encoderButtons->addWidget(install);
  encoderButtons->addWidget(fetch);
  encoderButtons->addWidget(remove_);
  encoderButtons->addStretch();

  device_ = new QComboBox(this);
  device_->addItem(tr("Automatic (CUDA when available)"), "auto");
  for (const ComputeDevice& d : availableDevices())
    device_->addItem(QString::fromStdString(d.name), QString::fromStdString(d.id));
  device_->setCurrentIndex(std::max(0, device_->findData(settings_->device())));

  language_ = new QComboBox(this);
  language_->setObjectName("languageChoice");
  language_->addItem(tr("Follow the system"), QString());
  for (const QString& code : TranslationManager::languages())
    language_->addItem(TranslationManager::nativeName(code), code);
  language_->setCurrentIndex(std::max(0, language_->findData(settings_->language())));

  folder_ = new QLineEdit(settings_->libraryFolder(), this);
  auto* browse = new QPushButton(tr("Choose…"), this);
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(folder_, 1);
  folderRow->addWidget(browse);

  auto* form = new QFormLayout;
  form->addRow(tr("Encoder:"), encoder_);
  form->addRow(QString(), encoderNote_);
  form->addRow(QString(), encoderButtons);
  form->addRow(tr("Device:"), device_);
  form->addRow(tr("Language:"), language_);
  form->addRow(tr("New libraries in:"), folderRow);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);

  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    apply();
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(install, &QPushButton::clicked, this, &SettingsDialog::installFromFolder);
  connect(fetch, &QPushButton::clicked, this, &SettingsDialog::download);
  connect(remove_, &QPushButton::clicked, this, &SettingsDialog::removeSelected);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Folder for New Libraries"), folder_->text());
    if (!dir.isEmpty()) folder_->setText(dir);
  });
  connect(encoder_, &QComboBox::currentIndexChanged, this, [this] {
    const QString spec = encoder_->currentData().toString();
    auto identified = identifyEncoder(spec.toStdString());
    const QString kind = identified ? QString::fromStdString(identified->kind) : QString();
    remove_->setEnabled(kind != "basic" && isInstalled(spec));
    if (kind == "basic") {
      encoderNote_->setText(
          tr("The built-in encoder describes colour, texture and shape. It needs no model "
             "file and is not FashionCLIP."));
    } else if (kind == "torchscript") {
      encoderNote_->setText(
          tr("TorchScript image encoder from %1. Its file runs code in the studio: use only "
             "encoders you exported yourself.")
              .arg(spec));
    } else {
      encoderNote_->setText(tr("FashionCLIP image encoder from %1.").arg(spec));
    }
  });
  reloadEncoders(settings_->encoder());
}

void SettingsDialog::reloadEncoders(const QString& select) {
  encoder_->clear();
  encoder_->addItem(tr("Basic (colour, texture, shape; built in)"), QString(kBasicEncoderSpec));
  const auto describe = [](const InstalledModel& m) {
    return QStringLiteral("%1 — %2, %3…")
        .arg(QString::fromStdString(m.name), QString::fromStdString(m.layout),
             QString::fromStdString(m.id.substr(0, 10)));
  };
  for (const InstalledModel& m : ModelManager().installed())
    encoder_->addItem(describe(m), QString::fromStdString(m.folder));
  // An encoder chosen elsewhere (a folder outside the models folder) stays
  // selectable instead of silently becoming the basic encoder.
  if (encoder_->findData(select) < 0) {
    if (auto outside = ModelManager::inspect(select.toStdString()))
      encoder_->addItem(describe(*outside), select);
  }
  encoder_->setCurrentIndex(std::max(0, encoder_->findData(select)));
}

bool SettingsDialog::isInstalled(const QString& spec) const {
  return QFileInfo(spec).absolutePath() ==
         QFileInfo(QString::fromStdString(ModelManager().root())).absoluteFilePath();
}

void SettingsDialog::installFromFolder() {
  const QString dir = QFileDialog::getExistingDirectory(
      this, tr("Model Folder (config.json and model.safetensors, or a TorchScript encoder.pt)"));
  if (dir.isEmpty()) return;
  auto identified = identifyEncoder(dir.toStdString());
  if (!identified) {
    QMessageBox::warning(this, tr("Cannot install the model"), QString::fromStdString(identified.message()));
    return;
  }
  if (identified->kind == "torchscript" &&
      QMessageBox::warning(this, tr("Install a TorchScript Encoder"),
                           tr("A TorchScript file contains code that runs with your rights when the encoder "
                              "is loaded. Install it only if you exported it yourself or trust where it came "
                              "from."),
                           QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Ok) {
    return;
  }
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Install Model"), tr("Name:"), QLineEdit::Normal,
                                             QFileInfo(dir).fileName(), &ok);
  if (!ok || name.trimmed().isEmpty()) return;
  auto installed = ModelManager().installFromFolder(dir.toStdString(), name.trimmed().toStdString());
  if (!installed) {
    QMessageBox::warning(this, tr("Cannot install the model"), QString::fromStdString(installed.message()));
    return;
  }
  reloadEncoders(QString::fromStdString(installed->folder));
}

void SettingsDialog::download() {
  QStringList names;
  for (const ModelDescriptor& m : knownModels()) names << QString::fromStdString(m.displayName);
  bool ok = false;
  const QString choice = QInputDialog::getItem(
      this, tr("Download FashionCLIP"),
      tr("Files come from the Hugging Face hub and are checked after download."), names, 0, false, &ok);
  if (!ok) return;
  const ModelDescriptor model = knownModels().at(static_cast<std::size_t>(names.indexOf(choice)));
  QProgressDialog progress(tr("Downloading %1…").arg(choice), tr("Cancel"), 0, 1000, this);
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(0);
  QString installedFolder;
  BackgroundTask task(tr("Downloading a model"),
                      [&](const ProgressCallback& report, const CancelFlag& cancel) {
                        auto done = ModelManager().download(model, report, &cancel);
                        if (!done) return QString::fromStdString(done.message());
                        installedFolder = QString::fromStdString(done->folder);
                        return QString();
                      });
  connect(&task, &BackgroundTask::progress, &progress,
          [&](qint64 done, qint64 total, const QString& message) {
            progress.setLabelText(message);
            if (total > 0) progress.setValue(static_cast<int>(1000 * done / total));
          });
  connect(&progress, &QProgressDialog::canceled, &task, &BackgroundTask::cancel);
  QString error;
  connect(&task, &BackgroundTask::finished, &progress, [&](const QString& e, bool) {
    error = e;
    progress.reset();
  });
  task.start();
  progress.exec();
  task.wait();
  if (!error.isEmpty()) {
    QMessageBox::warning(this, tr("Download stopped"),
                         error + "\n\n" + tr("A retry resumes where it stopped."));
    return;
  }
  reloadEncoders(installedFolder);
}

void SettingsDialog::removeSelected() {
  const QString folder = encoder_->currentData().toString();
  if (folder == kBasicEncoderSpec || !isInstalled(folder)) return;
  if (QMessageBox::question(this, tr("Remove Model"), tr("Remove the model in %1?").arg(folder)) !=
      QMessageBox::Yes) {
    return;
  }
  if (Status removed = ModelManager().remove(QFileInfo(folder).fileName().toStdString()); !removed) {
    QMessageBox::warning(this, tr("Cannot remove the model"), QString::fromStdString(removed.message()));
  }
  reloadEncoders(kBasicEncoderSpec);
}

void SettingsDialog::apply() {
  settings_->setEncoder(encoder_->currentData().toString());
  settings_->setDevice(device_->currentData().toString());
  settings_->setLibraryFolder(folder_->text());
  const QString language = language_->currentData().toString();
  if (language != settings_->language()) {
    settings_->setLanguage(language);
    translations_->apply(language);
  }
}

}  // namespace w2w
