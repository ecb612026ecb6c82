#include "log_file.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <mutex>

namespace w2w {
namespace {

struct State {
  std::mutex mutex;
  QString file;
  QtMessageHandler previous = nullptr;
  bool installed = false;
};

State& state() {
  static State instance;
  return instance;
}

const char* levelName(QtMsgType type) {
  switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
  }
  return "info";
}

// file -> file.1 -> file.2 -> gone.
void rotate(const QString& file) {
  for (int i = LogFile::kKeptFiles - 1; i >= 1; --i) {
    const QString older = file + "." + QString::number(i);
    const QString newer = i == 1 ? file : file + "." + QString::number(i - 1);
    QFile::remove(older);
    QFile::rename(newer, older);
  }
}

void handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  State& s = state();
  QtMessageHandler previous = nullptr;
  // A warning raised while writing the log (by QFile, say) must not come back here.
  thread_local bool writing = false;
  if (writing) return;
  writing = true;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    previous = s.previous;
    if (QFileInfo(s.file).size() > LogFile::kMaxBytes) rotate(s.file);
    QFile out(s.file);
    // A log that cannot be written (full disk, read-only home) must not stop the studio.
    if (out.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
      const QString line = QStringLiteral("%1 %2 %3: %4\n")
                               .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs),
                                    QString::fromLatin1(levelName(type)),
                                    QString::fromLatin1(context.category ? context.category : "default"),
                                    QString(message).replace('\n', QStringLiteral(" | ")));
      out.write(line.toUtf8());
    }
  }
  writing = false;
  if (previous) previous(type, context, message);
}

}  // namespace

QString LogFile::folder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/logs";
}

QString LogFile::path() { return folder() + "/what2wear-studio.log"; }

QString LogFile::currentPath() {
  State& s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  return s.file.isEmpty() ? path() : s.file;
}

void LogFile::install(const QString& file) {
  State& s = state();
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.file = file;
    QDir().mkpath(QFileInfo(file).absolutePath());
    if (s.installed) return;
    s.installed = true;
  }
  QtMessageHandler previous = qInstallMessageHandler(handle);
  std::lock_guard<std::mutex> lock(s.mutex);
  s.previous = previous;
}

void LogFile::uninstall() {
  State& s = state();
  QtMessageHandler previous = nullptr;
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    if (!s.installed) return;
    s.installed = false;
    previous = s.previous;
  }
  qInstallMessageHandler(previous);
}

QString LogFile::tail(qint64 maxBytes) {
  State& s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  QFile in(s.file.isEmpty() ? path() : s.file);
  if (!in.open(QIODevice::ReadOnly)) return {};
  if (in.size() > maxBytes) {
    in.seek(in.size() - maxBytes);
    in.readLine();  // start at a whole line
  }
  return QString::fromUtf8(in.readAll());
}

}  // namespace w2w
