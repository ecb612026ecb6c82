#include "common/resources.h"

#include <QDir>
#include <QFileInfo>

namespace w2w {
namespace {

// How many folders above the executable's own to look: bin/ in an install,
// build/app/cli/ or build/tests/<area>/ in a build tree.
constexpr int kLevelsUp = 3;

// The running executable's folder, from the kernel rather than argv[0] or a
// QCoreApplication, so tests without an application object find data too.
QString executableFolder() {
  return QFileInfo(QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath()).absolutePath();
}

QString dataFolder() {
  const QByteArray env = qgetenv("W2W_RESOURCES");
  if (!env.isEmpty()) return QString::fromLocal8Bit(env);
  QDir dir(executableFolder());
  for (int level = 0; level < kLevelsUp && dir.cdUp(); ++level) {
    if (dir.exists(QStringLiteral("share/what2wear"))) return dir.filePath(QStringLiteral("share/what2wear"));
  }
  return {};
}

}  // namespace

std::string findResource(const std::string& relative) {
  const QString root = dataFolder();
  if (root.isEmpty()) return {};
  const QFileInfo info(QDir(root).filePath(QString::fromStdString(relative)));
  return info.exists() ? info.canonicalFilePath().toStdString() : std::string();
}

}  // namespace w2w
