#include "view_action.h"

#include <QAction>
#include <QToolBar>
#include <QWidget>

namespace w2w {

QAction* addViewAction(QWidget* view, const char* objectName, const QList<QKeySequence>& keys,
                       QToolBar* toolbar) {
  auto* action = new QAction(view);
  action->setObjectName(objectName);
  action->setShortcuts(keys);
  action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  view->addAction(action);
  if (toolbar) toolbar->addAction(action);
  return action;
}

}  // namespace w2w
