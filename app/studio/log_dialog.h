// Help ▸ Show Log…: the end of the studio's log file (what went wrong out of
// sight: caches not written, records not updated, background failures), its
// location, and a button that opens its folder, so a person can read it or
// send it along with a report.
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace w2w {

class LogDialog : public QDialog {
  Q_OBJECT
 public:
  explicit LogDialog(QWidget* parent = nullptr);

  // Reads the log again (the dialog shows what was there when it opened).
  void reload();
  QPlainTextEdit* text() const { return text_; }

 private:
  QLabel* location_ = nullptr;
  QPlainTextEdit* text_ = nullptr;
};

}  // namespace w2w
