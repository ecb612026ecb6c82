// ExportDialog: File ▸ Export… — what to export (COCO annotations, crop
// images, embeddings, a lookbook of the saved outfits), where, and the
// format's options. It only gathers the choice; the main window runs the
// export in the background (core/export) with progress and cancel.
#pragma once

#include <QDialog>

#include "export/export_library.h"

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace w2w {

class ExportDialog : public QDialog {
  Q_OBJECT

 public:
  // `library` lists the encoders with embeddings; `checkpoint` is the
  // trained model in use ("" for none): the lookbook scores with it.
  ExportDialog(Library* library, const QString& libraryPath, const QString& checkpoint,
               QWidget* parent = nullptr);

  ExportOptions options() const;

  void accept() override;

 private:
  void formatChanged();
  void browse();
  void refreshState();
  QString defaultOutput(ExportFormat format) const;

  QString libraryPath_;
  QString checkpoint_;
  QComboBox* format_;
  QLineEdit* out_;
  QCheckBox* skipFlagged_;
  QComboBox* encoder_;
  QLabel* encoderLabel_;
  QLabel* about_;
  QCheckBox* replace_;
  QLabel* error_;
  QDialogButtonBox* buttons_;
  QString lastDefault_;  // the output the dialog proposed, replaced when the format changes
};

}  // namespace w2w
