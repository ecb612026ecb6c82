// The main window's library files and what goes in or out of them: open,
// new, the demo library, importing photos and single items (dialogs and
// dropped files), and exporting.
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

#include "background_encoder.h"
#include "background_task.h"
#include "category_style.h"
#include "compat_service.h"
#include "encoder_service.h"
#include "export_dialog.h"
#include "library_controller.h"
#include "main_window.h"
#include "pipeline/demo_library.h"
#include "studio_settings.h"

namespace w2w {

bool MainWindow::openLibrary(const QString& path, QString* error) {
  const QString failure = library_->openLibrary(path);
  if (!failure.isEmpty()) {
    if (error)
      *error = failure;
    else
      QMessageBox::warning(this, tr("Cannot open library"), failure);
    settings_->removeRecentLibrary(path);
    return false;
  }
  settings_->addRecentLibrary(path);
  retranslate();
  return true;
}

void MainWindow::openDemoLibrary() {
  const QString path = QString::fromStdString(defaultDemoLibraryPath());
  const bool exists = QFileInfo::exists(path);
  if (!exists) {
    // Create it empty now so the window shows it at once; the import fills it.
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto created = Library::create(path.toStdString());
    if (!created) {
      QMessageBox::warning(this, tr("Cannot create the demo library"),
                           QString::fromStdString(created.message()));
      return;
    }
  }
  if (!openLibrary(path)) return;
  Library* library = library_->library();
  auto info = library->info();
  if (!exists || (info && info->photos == 0)) {
    library_->buildDemo(path);  // its crops and items are encoded once it is built
    return;
  }
  // A demo library built by an earlier version, or before a change of
  // encoder, may lack embeddings: the demo is there to be tried at once.
  ItemQuery missing;
  missing.missingEmbeddingFor = encoders_->modelId();
  if (auto items = library->items(missing); items && !items->empty()) {
    std::vector<Id> ids;
    for (const Item& item : *items) ids.push_back(item.id);
    backgroundEncoder_->encodeItems(ids);
  }
}

void MainWindow::newLibrary() {
  const QString path =
      QFileDialog::getSaveFileName(this, tr("New Library"), settings_->libraryFolder() + "/wardrobe.w2w",
                                   tr("What2Wear libraries (*.w2w)"));
  if (path.isEmpty()) return;
  const QString file = path.endsWith(".w2w") ? path : path + ".w2w";
  const QString failure = library_->openLibrary(file, true);
  if (!failure.isEmpty()) {
    QMessageBox::warning(this, tr("Cannot create library"), failure);
    return;
  }
  settings_->addRecentLibrary(file);
  retranslate();
}

void MainWindow::chooseLibrary() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open Library"), settings_->libraryFolder(),
                                                    tr("What2Wear libraries (*.w2w);;All files (*)"));
  if (!path.isEmpty()) openLibrary(path);
}

void MainWindow::importPhotosDialog(bool folder) {
  if (!library_->hasLibrary()) return;
  QStringList paths;
  if (folder) {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a Folder of Outfit Photos"),
                                                          settings_->importFolder());
    if (!dir.isEmpty()) paths << dir;
  } else {
    paths = QFileDialog::getOpenFileNames(this, tr("Import Outfit Photos"), settings_->importFolder(),
                                          tr("Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)"));
  }
  if (paths.isEmpty()) return;
  // The next import starts where this one was: the chosen folder, or the photos' folder.
  settings_->setImportFolder(folder ? paths.first() : QFileInfo(paths.first()).absolutePath());
  library_->importPhotos(paths);
}

void MainWindow::importItemsDialog() {
  if (!library_->hasLibrary()) return;
  QStringList choices = {tr("From each file's folder name")};
  QStringList names = {QStringLiteral("folder")};
  for (Category c : kCategories) {
    choices << categoryLabel(c);
    names << QString::fromUtf8(categoryName(c));
  }
  bool ok = false;
  const QString choice = QInputDialog::getItem(this, tr("Import Single Items"), tr("Category of the items:"),
                                               choices, 0, false, &ok);
  if (!ok) return;
  const QString category = names.at(choices.indexOf(choice));
  const QString dir =
      QFileDialog::getExistingDirectory(this, tr("Folder of Single-Item Photos"), settings_->importFolder());
  if (dir.isEmpty()) return;
  settings_->setImportFolder(dir);
  library_->importItems({dir}, category);
}

void MainWindow::exportDialog() {
  if (!library_->hasLibrary() || currentTask_) return;
  ExportDialog dialog(library_->library(), library_->path(), compat_->checkpoint(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  const ExportOptions options = dialog.options();
  const std::string file = library_->path().toStdString();
  const QString out = QString::fromStdString(options.out);
  BackgroundTask* task = library_->runTask(
      tr("Exporting"), [file, options](const ProgressCallback& progress, const CancelFlag& cancel) {
        // Its own read-only connection: the export only reads, on one snapshot.
        auto library = Library::open(file, Library::Access::ReadOnly);
        if (!library) return QString::fromStdString(library.message());
        auto report = exportLibrary(**library, options, progress, &cancel);
        return report ? QString() : QString::fromStdString(report.message());
      });
  connect(task, &BackgroundTask::finished, this, [this, out](const QString& error, bool cancelled) {
    if (cancelled)
      statusBar()->showMessage(tr("Export cancelled: nothing was written"), 8000);
    else if (error.isEmpty())
      statusBar()->showMessage(tr("Exported to %1").arg(out), 10000);
  });
}

void MainWindow::updateExportAction() {
  if (exportAction_) exportAction_->setEnabled(library_->hasLibrary() && !currentTask_);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls() && library_->hasLibrary() && !library_->isReadOnly())
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls()) {
    if (url.isLocalFile()) paths << url.toLocalFile();
  }
  if (!paths.isEmpty()) library_->importPhotos(paths);
  event->acceptProposedAction();
}

}  // namespace w2w
