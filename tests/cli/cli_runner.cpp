#include "cli_runner.h"

#include <QJsonDocument>
#include <QProcess>

#include <grp.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>

namespace w2w::test {

QList<QJsonObject> CliResult::jsonLines() const {
  QList<QJsonObject> lines;
  for (const QString& line : out.split('\n', Qt::SkipEmptyParts)) {
    lines << QJsonDocument::fromJson(line.toUtf8()).object();
  }
  return lines;
}

QJsonObject CliResult::json() const {
  const auto lines = jsonLines();
  return lines.isEmpty() ? QJsonObject() : lines.first();
}

std::vector<format::Json> CliResult::typedJsonLines() const {
  std::vector<format::Json> lines;
  for (const QString& line : out.split('\n', Qt::SkipEmptyParts)) {
    auto parsed = format::parseJson(line.toStdString());
    lines.push_back(parsed ? std::move(*parsed) : format::Json());
  }
  return lines;
}

format::Json CliResult::typedJson() const {
  auto lines = typedJsonLines();
  return lines.empty() ? format::Json() : std::move(lines.front());
}

CliResult runCli(const QStringList& args, int timeoutMs) { return runCli(args, CliLimits{}, timeoutMs); }

CliResult runCli(const QStringList& args, const CliLimits& limits, int timeoutMs) {
  QProcess process;
  process.setChildProcessModifier([limits] {
    if (limits.maxFileBytes >= 0) {
      // Writes past the limit fail with EFBIG instead of killing the process.
      std::signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{static_cast<rlim_t>(limits.maxFileBytes), static_cast<rlim_t>(limits.maxFileBytes)};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    if (limits.asNobody && geteuid() == 0) {
      if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(126);
    }
  });
  process.start(QStringLiteral(W2W_CLI_PATH), args);
  CliResult result;
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished();
    result.err = "timed out";
    return result;
  }
  result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
  result.out = QString::fromUtf8(process.readAllStandardOutput());
  result.err = QString::fromUtf8(process.readAllStandardError());
  return result;
}

}  // namespace w2w::test
