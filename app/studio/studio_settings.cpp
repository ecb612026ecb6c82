#include "studio_settings.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace w2w {
namespace {
constexpr int kMaxRecent = 8;
}

StudioSettings::StudioSettings(QObject* parent) : QObject(parent) {}

QStringList StudioSettings::recentLibraries() const {
  QStringList existing;
  for (const QString& path : settings_.value("library/recent").toStringList()) {
    if (QFileInfo::exists(path)) existing << path;
  }
  return existing;
}

void StudioSettings::addRecentLibrary(const QString& path) {
  QStringList list = settings_.value("library/recent").toStringList();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  list.removeAll(absolute);
  list.prepend(absolute);
  while (list.size() > kMaxRecent) list.removeLast();
  settings_.setValue("library/recent", list);
  settings_.setValue("library/last", absolute);
  settings_.setValue("library/openedOnce", true);
  Q_EMIT recentLibrariesChanged();
}

void StudioSettings::removeRecentLibrary(const QString& path) {
  QStringList list = settings_.value("library/recent").toStringList();
  list.removeAll(QFileInfo(path).absoluteFilePath());
  settings_.setValue("library/recent", list);
  Q_EMIT recentLibrariesChanged();
}

QString StudioSettings::lastLibrary() const { return settings_.value("library/last").toString(); }
bool StudioSettings::firstStart() const { return !settings_.value("library/openedOnce", false).toBool(); }

QByteArray StudioSettings::windowGeometry() const { return settings_.value("window/geometry").toByteArray(); }
QByteArray StudioSettings::windowState() const { return settings_.value("window/state").toByteArray(); }
void StudioSettings::setWindowGeometry(const QByteArray& geometry) {
  settings_.setValue("window/geometry", geometry);
}
void StudioSettings::setWindowState(const QByteArray& state) { settings_.setValue("window/state", state); }

QString StudioSettings::language() const { return settings_.value("ui/language").toString(); }
void StudioSettings::setLanguage(const QString& language) {
  if (language == this->language()) return;
  settings_.setValue("ui/language", language);
  Q_EMIT languageChanged(language);
}

QString StudioSettings::encoder() const { return settings_.value("model/encoder", "basic").toString(); }
void StudioSettings::setEncoder(const QString& encoder) {
  if (encoder == this->encoder()) return;
  settings_.setValue("model/encoder", encoder);
  Q_EMIT encoderChanged(encoder);
}

QString StudioSettings::device() const { return settings_.value("model/device", "auto").toString(); }
void StudioSettings::setDevice(const QString& device) { settings_.setValue("model/device", device); }

namespace {

// One key per library file, however its path is written.
QString libraryKey(const QString& group, const QString& library) {
  const QString file = QFileInfo(library).absoluteFilePath();
  return group + "/" + QString::fromLatin1(file.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}
QString checkpointKey(const QString& library) { return libraryKey("checkpoint", library); }

}  // namespace

QString StudioSettings::activeCheckpoint(const QString& library) const {
  return settings_.value(checkpointKey(library)).toString();
}

void StudioSettings::setActiveCheckpoint(const QString& library, const QString& checkpoint) {
  if (checkpoint == activeCheckpoint(library)) return;
  settings_.setValue(checkpointKey(library), checkpoint);
  Q_EMIT activeCheckpointChanged(library, checkpoint);
}

QString StudioSettings::reviewFilter(const QString& library) const {
  return settings_.value(libraryKey("review/filter", library)).toString();
}
void StudioSettings::setReviewFilter(const QString& library, const QString& filter) {
  settings_.setValue(libraryKey("review/filter", library), filter);
}
qint64 StudioSettings::reviewPhoto(const QString& library) const {
  return settings_.value(libraryKey("review/photo", library), 0).toLongLong();
}
void StudioSettings::setReviewPhoto(const QString& library, qint64 photoId) {
  settings_.setValue(libraryKey("review/photo", library), photoId);
}

QString StudioSettings::pieces(const QString& view, const QString& library) const {
  return settings_.value(libraryKey(view, library)).toString();
}

void StudioSettings::setPieces(const QString& view, const QString& library, const QString& pieces) {
  settings_.setValue(libraryKey(view, library), pieces);
}

QString StudioSettings::libraryFolder() const {
  return settings_
      .value("library/folder", QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
      .toString();
}
void StudioSettings::setLibraryFolder(const QString& folder) { settings_.setValue("library/folder", folder); }

QString StudioSettings::importFolder() const {
  // A folder that is gone (a removed card or drive) gives way to Pictures, then home.
  for (const QString& folder : {settings_.value("import/folder").toString(),
                                QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)}) {
    if (!folder.isEmpty() && QFileInfo(folder).isDir()) return folder;
  }
  return QDir::homePath();
}
void StudioSettings::setImportFolder(const QString& folder) { settings_.setValue("import/folder", folder); }

}  // namespace w2w
