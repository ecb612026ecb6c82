// The actions of one view, and the buttons that show them.
//
// A view action's shortcuts work while the view or one of its children has
// the focus (so views in other tabs may use the same keys); it gets a toolbar
// button when a toolbar is given.
//
// Shortcuts belong on actions, never on buttons: QAbstractButton::setText()
// replaces a button's shortcut with the mnemonic of the new text, so a view
// that sets its button texts again when the language changes would lose every
// shortcut set on a button. A button with a shortcut is therefore always a
// view action shown by addViewButton(); the view sets texts and tool tips on
// the action only, and the button follows.
#pragma once

#include <QKeySequence>
#include <QList>

class QAction;
class QString;
class QToolBar;
class QToolButton;
class QWidget;

namespace w2w {

QAction* addViewAction(QWidget* view, const char* objectName, const QList<QKeySequence>& keys,
                       QToolBar* toolbar = nullptr);

// A button (child of `parent`, named `buttonName`) that shows `action` (its
// text, tool tip, enabled and checked state) and triggers it when clicked;
// put it in any layout.
QToolButton* addViewButton(QAction* action, const char* buttonName, QWidget* parent);

// "text (Ctrl+L)": a tool tip that names the action's first shortcut, in the
// platform's notation; the text alone when it has none.
QString withShortcut(const QString& text, const QKeySequence& shortcut);

}  // namespace w2w
