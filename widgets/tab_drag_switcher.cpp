#include "tab_drag_switcher.h"

#include <QDragMoveEvent>
#include <QMimeData>
#include <QTabBar>

namespace w2w {

TabDragSwitcher::TabDragSwitcher(QTabBar* bar) : QObject(bar), bar_(bar) {
  bar_->setAcceptDrops(true);
  bar_->installEventFilter(this);
  timer_.setSingleShot(true);
  timer_.setInterval(kHoverMs);
  connect(&timer_, &QTimer::timeout, this, [this] {
    if (hovered_ >= 0 && hovered_ < bar_->count() && bar_->isTabEnabled(hovered_))
      bar_->setCurrentIndex(hovered_);
  });
}

bool TabDragSwitcher::eventFilter(QObject* watched, QEvent* event) {
  if (watched != bar_) return false;
  switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
      auto* drag = static_cast<QDragMoveEvent*>(event);
      // Files dragged in from outside are for the window (it imports them).
      if (drag->mimeData()->hasUrls()) return false;
      // Accepted so that moves keep coming; the drop itself is refused below.
      drag->acceptProposedAction();
      const int tab = bar_->tabAt(drag->position().toPoint());
      if (tab != hovered_) {
        hovered_ = tab;
        if (tab >= 0 && tab != bar_->currentIndex())
          timer_.start();
        else
          timer_.stop();
      }
      return true;
    }
    case QEvent::DragLeave:
      hovered_ = -1;
      timer_.stop();
      return true;
    case QEvent::Drop:
      // Released on a tab: show it at once, and take nothing.
      timer_.stop();
      if (hovered_ >= 0) bar_->setCurrentIndex(hovered_);
      hovered_ = -1;
      static_cast<QDropEvent*>(event)->ignore();
      return true;
    default: return false;
  }
}

}  // namespace w2w
