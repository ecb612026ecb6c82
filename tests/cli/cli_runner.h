// Runs the real `what2wear` executable for end-to-end tests.
#pragma once

#include <QJsonObject>
#include <QStringList>

namespace w2w::test {

struct CliResult {
  int exitCode = -1;
  QString out;  // stdout
  QString err;  // stderr
  // stdout parsed as one JSON object per line.
  QList<QJsonObject> jsonLines() const;
  QJsonObject json() const;  // the first JSON line
};

CliResult runCli(const QStringList& args, int timeoutMs = 120000);

}  // namespace w2w::test
