// Runs the real `what2wear` executable for end-to-end tests.
#pragma once

#include <QJsonObject>
#include <QStringList>

#include <vector>

#include "format/json.h"

namespace w2w::test {

struct CliResult {
  int exitCode = -1;
  QString out;  // stdout
  QString err;  // stderr
  // stdout parsed as one JSON object per line.
  QList<QJsonObject> jsonLines() const;
  QJsonObject json() const;  // the first JSON line
  // The same, read with the types they were written with: format::Json keeps
  // `3` (an integer) apart from `3.0` (a double), which QJsonDocument does not.
  // A line that is not valid JSON reads as null.
  std::vector<format::Json> typedJsonLines() const;
  format::Json typedJson() const;
};

CliResult runCli(const QStringList& args, int timeoutMs = 120000);

// How the child runs: as an ordinary user (root may write anything, so
// permission checks need one) or with a limit on the size of the files it
// writes (a full disk, without mounting one).
struct CliLimits {
  bool asNobody = false;
  long long maxFileBytes = -1;  // -1: no limit
};
CliResult runCli(const QStringList& args, const CliLimits& limits, int timeoutMs = 120000);

}  // namespace w2w::test
