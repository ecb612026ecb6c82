#include "log_dialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QUrl>
#include <QVBoxLayout>

#include "log_file.h"

namespace w2w {

LogDialog::LogDialog(QWidget* parent) : QDialog(parent) {
  setObjectName("logDialog");
  setWindowTitle(tr("Log"));
  location_ = new QLabel(this);
  location_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  location_->setWordWrap(true);
  text_ = new QPlainTextEdit(this);
  text_->setObjectName("logText");
  text_->setReadOnly(true);
  text_->setLineWrapMode(QPlainTextEdit::NoWrap);
  text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* reloadButton = buttons->addButton(tr("&Reload"), QDialogButtonBox::ActionRole);
  QPushButton* folderButton = buttons->addButton(tr("Open &Folder"), QDialogButtonBox::ActionRole);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(reloadButton, &QPushButton::clicked, this, &LogDialog::reload);
  connect(folderButton, &QPushButton::clicked, this, [] {
    QDir().mkpath(LogFile::folder());
    QDesktopServices::openUrl(QUrl::fromLocalFile(LogFile::folder()));
  });

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(location_);
  layout->addWidget(text_, 1);
  layout->addWidget(buttons);
  resize(760, 480);
  reload();
}

void LogDialog::reload() {
  location_->setText(tr("The studio writes what goes wrong out of sight to %1.")
                         .arg(QDir::toNativeSeparators(LogFile::currentPath())));
  const QString log = LogFile::tail();
  text_->setPlainText(log.isEmpty() ? tr("The log is empty: nothing has gone wrong so far.") : log);
  text_->verticalScrollBar()->setValue(text_->verticalScrollBar()->maximum());
}

}  // namespace w2w
