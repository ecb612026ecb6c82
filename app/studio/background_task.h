// BackgroundTask: long work (imports, encoding, training) off the GUI thread.
//
// The work function runs on a worker thread with a progress callback and a
// cancel flag; progress and the result arrive on the GUI thread as signals.
// The work must open its own Library connection (one per thread).
#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

#include "background_jobs.h"
#include "common/progress.h"

namespace w2w {

class BackgroundTask : public QObject {
  Q_OBJECT

 public:
  // Returns an error message, or an empty string on success.
  using Work = std::function<QString(const ProgressCallback& progress, const CancelFlag& cancel)>;

  BackgroundTask(QString title, Work work, QObject* parent = nullptr);
  ~BackgroundTask() override;

  const QString& title() const { return title_; }
  void start();
  void cancel() { cancel_->cancel(); }
  bool isRunning() const { return running_; }
  // Blocks until the work has ended (shutdown, tests).
  void wait();

 Q_SIGNALS:
  void progress(qint64 done, qint64 total, const QString& message);
  void finished(const QString& error, bool cancelled);

 private:
  QString title_;
  Work work_;
  std::shared_ptr<CancelFlag> cancel_ = std::make_shared<CancelFlag>();
  bool running_ = false;
  BackgroundJobs jobs_;  // last member: the work ends before the rest goes
};

}  // namespace w2w
