#include "view_action.h"

#include <QAction>
#include <QToolBar>
#include <QToolButton>
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

QToolButton* addViewButton(QAction* action, const char* buttonName, QWidget* parent) {
  auto* button = new QToolButton(parent);
  button->setObjectName(buttonName);
  // The button's own shortcut stays empty: the action holds it.
  button->setDefaultAction(action);
  button->setToolButtonStyle(Qt::ToolButtonTextOnly);
  // As tall as the line edits and push buttons around it, and as wide as its layout allows.
  button->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  return button;
}

QString withShortcut(const QString& text, const QKeySequence& shortcut) {
  if (shortcut.isEmpty()) return text;
  return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

}  // namespace w2w
