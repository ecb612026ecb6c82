#include "background_task.h"

#include <QDateTime>
#include <QFuture>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "common/log_categories.h"

namespace w2w {

class BackgroundTask::Runner {
 public:
  QFuture<void> future;
};

BackgroundTask::BackgroundTask(QString title, Work work, QObject* parent)
    : QObject(parent),
      title_(std::move(title)),
      work_(std::move(work)),
      runner_(std::make_unique<Runner>()) {}

BackgroundTask::~BackgroundTask() {
  cancel();
  wait();
}

void BackgroundTask::start() {
  if (running_) return;
  running_ = true;
  QPointer<BackgroundTask> self(this);
  auto cancel = cancel_;
  Work work = work_;
  runner_->future = QtConcurrent::run([self, cancel, work] {
    // At most ~20 progress signals a second: a GUI fed faster only stutters.
    auto lastMs = std::make_shared<qint64>(0);
    ProgressCallback report = [self, lastMs](const Progress& p) {
      const qint64 now = QDateTime::currentMSecsSinceEpoch();
      if (now - *lastMs < 50 && p.done < p.total) return;
      *lastMs = now;
      QMetaObject::invokeMethod(
          self,
          [self, p] {
            if (self) Q_EMIT self->progress(p.done, p.total, QString::fromStdString(p.message));
          },
          Qt::QueuedConnection);
    };
    QString error;
    try {
      error = work(report, *cancel);
    } catch (const std::exception& e) {
      error = QString::fromUtf8(e.what());
      qCWarning(lcStudio) << "a background task ended with an exception:" << error;
    }
    const bool cancelled = cancel->isCancelled();
    QMetaObject::invokeMethod(
        self,
        [self, error, cancelled] {
          if (!self) return;
          self->running_ = false;
          Q_EMIT self->finished(error, cancelled);
        },
        Qt::QueuedConnection);
  });
}

void BackgroundTask::wait() { runner_->future.waitForFinished(); }

}  // namespace w2w
