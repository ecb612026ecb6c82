// The studio's log file: every Qt log message (the core's areas w2w.library,
// w2w.pipeline, w2w.encoders, w2w.training and the studio's w2w.studio, and
// Qt's own warnings) with its time, level and category, appended to
// <AppLocalDataLocation>/logs/what2wear-studio.log. The file is bounded: past
// kMaxBytes it moves to .1 (the older .1 to .2), so at most three files are
// kept. Messages still reach the previous handler (stderr).
//
// Thread-safety: messages may come from any thread (one mutex).
#pragma once

#include <QString>

namespace w2w {

class LogFile {
 public:
  static constexpr qint64 kMaxBytes = 1 << 20;
  static constexpr int kKeptFiles = 3;  // the log and two older ones

  // The folder and file the studio logs to.
  static QString folder();
  static QString path();
  // The file in use: the one install() was given, else path().
  static QString currentPath();

  // Installs the message handler writing to `file` (default: path()); the
  // previous handler is restored by uninstall() (tests).
  static void install(const QString& file = path());
  static void uninstall();

  // The end of the current log (at most `maxBytes`), for the Help menu's log window.
  static QString tail(qint64 maxBytes = 256 * 1024);
};

}  // namespace w2w
