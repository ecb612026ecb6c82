// An action of one view: its shortcuts work while the view or one of its
// children has the focus (so views in other tabs may use the same keys), and
// it gets a toolbar button when a toolbar is given.
#pragma once

#include <QKeySequence>
#include <QList>

class QAction;
class QToolBar;
class QWidget;

namespace w2w {

QAction* addViewAction(QWidget* view, const char* objectName, const QList<QKeySequence>& keys,
                       QToolBar* toolbar = nullptr);

}  // namespace w2w
