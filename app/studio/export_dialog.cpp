#include "export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace w2w {

ExportDialog::ExportDialog(Library* library, const QString& libraryPath, const QString& checkpoint,
                           QWidget* parent)
    : QDialog(parent), libraryPath_(libraryPath), checkpoint_(checkpoint) {
  setWindowTitle(tr("Export"));
  setObjectName("exportDialog");
  format_ = new QComboBox(this);
  format_->setObjectName("exportFormat");
  format_->addItem(tr("COCO annotations (boxes, masks, outfits)"), int(ExportFormat::Coco));
  format_->addItem(tr("Crop images (a folder per category)"), int(ExportFormat::Crops));
  format_->addItem(tr("Embeddings and pair similarities"), int(ExportFormat::Embeddings));
  format_->addItem(tr("Lookbook of the saved outfits (PDF and pictures)"), int(ExportFormat::Lookbook));

  out_ = new QLineEdit(this);
  out_->setObjectName("exportOut");
  auto* browse = new QPushButton(tr("&Browse…"), this);
  browse->setObjectName("exportBrowse");
  auto* outRow = new QHBoxLayout;
  outRow->addWidget(out_, 1);
  outRow->addWidget(browse);

  skipFlagged_ = new QCheckBox(tr("Leave out fla&gged photos"), this);
  skipFlagged_->setObjectName("exportSkipFlagged");
  encoder_ = new QComboBox(this);
  encoder_->setObjectName("exportEncoder");
  encoderLabel_ = new QLabel(tr("&Encoder:"), this);
  encoderLabel_->setBuddy(encoder_);
  if (library) {
    if (auto models = library->models()) {
      for (const ModelRecord& m : *models) {
        auto count = library->embeddingCount(m.id);
        if (!count || *count == 0) continue;
        encoder_->addItem(
            tr("%1 (%n vector(s))", "", static_cast<int>(*count)).arg(QString::fromStdString(m.name)),
            QString::fromStdString(m.id));
      }
    }
  }
  about_ = new QLabel(this);
  about_->setObjectName("exportAbout");
  about_->setWordWrap(true);
  replace_ = new QCheckBox(tr("&Replace an existing output"), this);
  replace_->setObjectName("exportReplace");
  error_ = new QLabel(this);
  error_->setObjectName("exportError");
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: #b00020"));

  auto* form = new QFormLayout;
  auto* formatLabel = new QLabel(tr("&Format:"), this);
  formatLabel->setBuddy(format_);
  form->addRow(formatLabel, format_);
  auto* outLabel = new QLabel(tr("&Save to:"), this);
  outLabel->setBuddy(out_);
  form->addRow(outLabel, outRow);
  form->addRow(encoderLabel_, encoder_);
  form->addRow(QString(), skipFlagged_);
  form->addRow(QString(), replace_);

  buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  buttons_->addButton(tr("E&xport"), QDialogButtonBox::AcceptRole)->setObjectName("exportStart");
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(about_);
  layout->addWidget(error_);
  layout->addStretch(1);
  layout->addWidget(buttons_);

  connect(format_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExportDialog::formatChanged);
  connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
  connect(out_, &QLineEdit::textChanged, this, &ExportDialog::refreshState);
  connect(replace_, &QCheckBox::toggled, this, &ExportDialog::refreshState);
  formatChanged();
  resize(560, sizeHint().height());
}

ExportOptions ExportDialog::options() const {
  ExportOptions options;
  options.format = static_cast<ExportFormat>(format_->currentData().toInt());
  options.out = out_->text().trimmed().toStdString();
  options.force = replace_->isChecked();
  options.skipFlagged = options.format == ExportFormat::Coco && skipFlagged_->isChecked();
  if (options.format == ExportFormat::Embeddings)
    options.encoderId = encoder_->currentData().toString().toStdString();
  if (options.format == ExportFormat::Lookbook) options.checkpoint = checkpoint_.toStdString();
  return options;
}

QString ExportDialog::defaultOutput(ExportFormat format) const {
  const QFileInfo library(libraryPath_);
  const QString base = library.absolutePath() + "/" + library.completeBaseName() + "-";
  switch (format) {
    case ExportFormat::Coco: return base + "coco.json";
    case ExportFormat::Crops: return base + "crops";
    case ExportFormat::Embeddings: return base + "embeddings";
    case ExportFormat::Lookbook: return base + "lookbook";
  }
  return base;
}

void ExportDialog::formatChanged() {
  const auto format = static_cast<ExportFormat>(format_->currentData().toInt());
  // A path the person typed stays; the one the dialog proposed follows the format.
  if (out_->text().isEmpty() || out_->text() == lastDefault_) {
    lastDefault_ = defaultOutput(format);
    out_->setText(lastDefault_);
  }
  skipFlagged_->setVisible(format == ExportFormat::Coco);
  encoder_->setVisible(format == ExportFormat::Embeddings);
  encoderLabel_->setVisible(format == ExportFormat::Embeddings);
  switch (format) {
    case ExportFormat::Coco:
      about_->setText(
          tr("One JSON file: every photo with its boxes and masks as COCO annotations, plus outfit "
             "membership, whether each box was edited, and its review state."));
      break;
    case ExportFormat::Crops:
      about_->setText(
          tr("A folder with the crop images the encoder sees, one sub-folder per category, and a "
             "manifest (CSV and JSON)."));
      break;
    case ExportFormat::Embeddings:
      about_->setText(encoder_->count()
                          ? tr("A folder with the encoder's vectors (safetensors), the items (CSV) "
                               "and the pair similarities of photo and saved outfits (CSV).")
                          : tr("The library has no embeddings yet: encode it on the Embeddings tab "
                               "first."));
      break;
    case ExportFormat::Lookbook:
      about_->setText(
          checkpoint_.isEmpty()
              ? tr("A folder with lookbook.pdf (one saved outfit per page) and a picture of each "
                   "page. Use a trained model (Model menu) to add each outfit's score.")
              : tr("A folder with lookbook.pdf (one saved outfit per page, with its score from the "
                   "trained model in use) and a picture of each page."));
      break;
  }
  refreshState();
}

void ExportDialog::browse() {
  const auto format = static_cast<ExportFormat>(format_->currentData().toInt());
  const QString chosen = exportWritesFolder(format)
                             ? QFileDialog::getSaveFileName(this, tr("Export to a Folder"), out_->text())
                             : QFileDialog::getSaveFileName(this, tr("Export COCO Annotations"), out_->text(),
                                                            tr("COCO annotations (*.json)"));
  if (!chosen.isEmpty()) out_->setText(chosen);
}

void ExportDialog::refreshState() {
  const ExportOptions chosen = options();
  const std::string why = whyOutputRefused(chosen);
  // The same check the export makes, shown before it starts; "--force" is the
  // command line's word for the checkbox here.
  QString shown = QString::fromStdString(why);
  if (!why.empty() && !chosen.force && QFileInfo::exists(out_->text().trimmed()) &&
      shown.contains(QStringLiteral("--force")))
    shown = tr("%1 exists and is not empty: tick \"Replace an existing output\" to replace it.")
                .arg(out_->text().trimmed());
  error_->setText(shown);
  const bool noVectors = chosen.format == ExportFormat::Embeddings && encoder_->count() == 0;
  for (QAbstractButton* b : buttons_->buttons()) {
    if (buttons_->buttonRole(b) == QDialogButtonBox::AcceptRole) b->setEnabled(why.empty() && !noVectors);
  }
}

void ExportDialog::accept() {
  refreshState();
  if (!whyOutputRefused(options()).empty()) return;
  QDialog::accept();
}

}  // namespace w2w
