// TaskStatusWidget: the status bar's view of the task in progress: what it is,
// a progress bar, and a Cancel button (Esc).
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace w2w {

class TaskStatusWidget : public QWidget {
  Q_OBJECT

 public:
  explicit TaskStatusWidget(QWidget* parent = nullptr);

  void begin(const QString& title);
  void update(qint64 done, qint64 total, const QString& message);
  void end();

 Q_SIGNALS:
  void cancelRequested();

 private:
  QLabel* label_;
  QProgressBar* bar_;
  QToolButton* cancel_;
  QString title_;
};

}  // namespace w2w
