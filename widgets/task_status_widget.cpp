#include "task_status_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace w2w {

TaskStatusWidget::TaskStatusWidget(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  label_ = new QLabel(this);
  bar_ = new QProgressBar(this);
  bar_->setMaximumWidth(220);
  bar_->setTextVisible(true);
  cancel_ = new QToolButton(this);
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Stop the task; work finished so far is kept"));
  layout->addWidget(label_);
  layout->addWidget(bar_);
  layout->addWidget(cancel_);
  connect(cancel_, &QToolButton::clicked, this, &TaskStatusWidget::cancelRequested);
  hide();
}

void TaskStatusWidget::begin(const QString& title) {
  title_ = title;
  label_->setText(title);
  bar_->setRange(0, 0);  // busy until the first figures arrive
  cancel_->setEnabled(true);
  show();
}

void TaskStatusWidget::update(qint64 done, qint64 total, const QString& message) {
  if (total > 0) {
    bar_->setRange(0, static_cast<int>(std::min<qint64>(total, INT_MAX)));
    bar_->setValue(static_cast<int>(std::min<qint64>(done, INT_MAX)));
  }
  label_->setText(message.isEmpty() ? title_ : QStringLiteral("%1: %2").arg(title_, message));
}

void TaskStatusWidget::end() { hide(); }

}  // namespace w2w
