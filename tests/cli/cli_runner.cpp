#include "cli_runner.h"

#include <QJsonDocument>
#include <QProcess>

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

CliResult runCli(const QStringList& args, int timeoutMs) {
  QProcess process;
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
