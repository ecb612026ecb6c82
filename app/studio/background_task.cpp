#include "background_task.h"

#include <QDateTime>

#include "common/log_categories.h"

namespace w2w {

BackgroundTask::BackgroundTask(QString title, Work work, QObject* parent)
    : QObject(parent), title_(std::move(title)), work_(std::move(work)) {}

BackgroundTask::~BackgroundTask() {
  cancel();
  wait();
}

void BackgroundTask::start() {
  if (running_) return;
  running_ = true;
  auto cancel = cancel_;
  Work work = work_;
  BackgroundJobs* jobs = &jobs_;
  struct Ended {
    QString error;
    bool cancelled;
  };
  jobs_.run(
      [this, jobs, cancel, work]() -> Ended {
        // At most ~20 progress signals a second: a GUI fed faster only stutters.
        auto lastMs = std::make_shared<qint64>(0);
        ProgressCallback report = [this, jobs, lastMs](const Progress& p) {
          const qint64 now = QDateTime::currentMSecsSinceEpoch();
          if (now - *lastMs < 50 && p.done < p.total) return;
          *lastMs = now;
          jobs->post([this, p] { Q_EMIT progress(p.done, p.total, QString::fromStdString(p.message)); });
        };
        QString error;
        try {
          error = work(report, *cancel);
        } catch (const std::exception& e) {
          error = QString::fromUtf8(e.what());
          qCWarning(lcStudio) << "a background task ended with an exception:" << error;
        }
        return {error, cancel->isCancelled()};
      },
      [this](const Ended& ended) {
        running_ = false;
        // The window shows the error once; the log keeps it.
        if (!ended.error.isEmpty() && !ended.cancelled)
          qCWarning(lcStudio).noquote() << title_ << "failed:" << ended.error;
        Q_EMIT finished(ended.error, ended.cancelled);
      });
}

void BackgroundTask::wait() { jobs_.waitForAll(); }

}  // namespace w2w
