#include "view_action.h"

#include <QAbstractButton>
#include <QAction>
#include <QPushButton>
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

QString withShortcut(const QString& text, const QKeySequence& shortcut) {
  if (shortcut.isEmpty()) return text;
  return QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText));
}

QPushButton* addViewButton(QAction* action, QWidget* parent) {
  auto* button = new QPushButton(parent);
  button->setObjectName(action->objectName() + QStringLiteral("Button"));
  const auto follow = [button, action] {
    // The button's own shortcut stays empty (the action holds it); an "&" in
    // the text gives the button its Alt mnemonic, as for any button.
    button->setText(action->text());
    button->setToolTip(withShortcut(action->toolTip(), action->shortcut()));
    button->setEnabled(action->isEnabled());
    button->setCheckable(action->isCheckable());
    button->setChecked(action->isChecked());
  };
  QObject::connect(action, &QAction::changed, button, follow);
  QObject::connect(button, &QPushButton::clicked, action, [action] {
    if (action->isEnabled()) action->trigger();
  });
  follow();
  return button;
}

}  // namespace w2w
