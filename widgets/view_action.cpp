#include "view_action.h"

#include <QAbstractButton>
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

void setButtonText(QAbstractButton* button, const QString& text) {
  const QKeySequence key = button->shortcut();
  button->setText(text);
  button->setShortcut(key);
}

}  // namespace w2w
