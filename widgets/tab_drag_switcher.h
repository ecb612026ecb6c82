// Switches a tab bar to the tab a drag rests on, as file managers and
// browsers do: a piece dragged from one view can be dropped in another.
// Nothing is dropped on the tab bar itself; files dragged in from outside
// are left to the window.
#pragma once

#include <QObject>
#include <QTimer>

class QTabBar;

namespace w2w {

class TabDragSwitcher : public QObject {
  Q_OBJECT

 public:
  // Watches `bar` (and is deleted with it).
  explicit TabDragSwitcher(QTabBar* bar);

  // How long a drag rests on a tab before it is shown.
  static constexpr int kHoverMs = 400;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QTabBar* bar_;
  QTimer timer_;
  int hovered_ = -1;
};

}  // namespace w2w
