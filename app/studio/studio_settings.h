// StudioSettings: every persistent setting of the studio in one typed place,
// each with its default (QSettings underneath).
#pragma once

#include <QByteArray>
#include <QObject>
#include <QSettings>
#include <QStringList>

namespace w2w {

class StudioSettings : public QObject {
  Q_OBJECT

 public:
  explicit StudioSettings(QObject* parent = nullptr);

  QStringList recentLibraries() const;
  void addRecentLibrary(const QString& path);  // most recent first, at most 8
  void removeRecentLibrary(const QString& path);
  QString lastLibrary() const;

  bool firstStart() const;  // true until a library has been opened once

  QByteArray windowGeometry() const;
  QByteArray windowState() const;
  void setWindowGeometry(const QByteArray& geometry);
  void setWindowState(const QByteArray& state);

  QString language() const;  // "" = follow the system locale, else "en" or "ko"
  void setLanguage(const QString& language);

  QString encoder() const;  // "basic" or a model folder
  void setEncoder(const QString& encoder);
  QString device() const;  // "auto", "cpu", "cuda:N"
  void setDevice(const QString& device);

  // The compatibility checkpoint the board and recommendations use ("" = the
  // untrained baseline), per library file (any path that names it).
  QString activeCheckpoint(const QString& library) const;
  void setActiveCheckpoint(const QString& library, const QString& checkpoint);

  // The crop review queue of a library: its filter (a photo status name,
  // "" = to review) and the photo it showed last (0 = none).
  QString reviewFilter(const QString& library) const;
  void setReviewFilter(const QString& library, const QString& filter);
  qint64 reviewPhoto(const QString& library) const;
  void setReviewPhoto(const QString& library, qint64 photoId);

  // The pieces a view held when the library was last open
  // (BoardPieces::toText), per view ("board", "recommend") and library file.
  // KeptPieces reads and writes them.
  QString pieces(const QString& view, const QString& library) const;
  void setPieces(const QString& view, const QString& library, const QString& pieces);

  QString libraryFolder() const;  // where new libraries are proposed (default: Documents)
  void setLibraryFolder(const QString& folder);

  // Where the import dialogs open: the folder of the last import while it
  // exists, else Pictures, else the home folder.
  QString importFolder() const;
  void setImportFolder(const QString& folder);

 Q_SIGNALS:
  void recentLibrariesChanged();
  void languageChanged(const QString& language);
  void encoderChanged(const QString& encoder);
  void activeCheckpointChanged(const QString& library, const QString& checkpoint);

 private:
  mutable QSettings settings_;
};

}  // namespace w2w
