#include "common/resources.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include "common/version.h"

namespace w2w {

std::string findResource(const std::string& relative) {
  QStringList roots;
  const QByteArray env = qgetenv("W2W_RESOURCES");
  if (!env.isEmpty()) roots << QString::fromLocal8Bit(env);
  if (QCoreApplication::instance()) {
    const QString appDir = QCoreApplication::applicationDirPath();
    roots << appDir + "/../share/what2wear" << appDir + "/resources";
  }
  // A build tree run straight from its folder finds the sources' resources.
  roots << QString::fromUtf8(kSourceDir) + "/resources";
  for (const QString& root : roots) {
    const QFileInfo info(QDir(root).filePath(QString::fromStdString(relative)));
    if (info.exists()) return info.canonicalFilePath().toStdString();
  }
  return {};
}

}  // namespace w2w
