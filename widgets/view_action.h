// The actions of one view, and the buttons that show them.
//
// A view action's shortcuts work while the view or one of its children has
// the focus (so views in other tabs may use the same keys); it gets a toolbar
// button when a toolbar is given.
//
// Shortcuts belong on actions, never on buttons: QAbstractButton::setText()
// replaces a button's shortcut with the mnemonic of the new text, so a view
// that sets its button texts again when the language changes would lose every
// shortcut set on a button. addViewButton() makes a push button that shows an
// action (its text, tool tip with the shortcut, enabled and checked state)
// and triggers it when clicked; the view sets texts on the action only.
#pragma once

#include <QKeySequence>
#include <QList>

class QAbstractButton;
class QAction;
class QString;
class QPushButton;
class QToolBar;
class QWidget;

namespace w2w {

QAction* addViewAction(QWidget* view, const char* objectName, const QList<QKeySequence>& keys,
                       QToolBar* toolbar = nullptr);

// Sets a button's text and keeps its shortcut. QAbstractButton::setText
// replaces the shortcut with the text's mnemonic (none here), so a shortcut
// set once would stop working at the first retranslation.
void setButtonText(QAbstractButton* button, const QString& text);

// A push button (child of `parent`, named "<action name>Button") that follows
// `action` and triggers it; put it in any layout.
QPushButton* addViewButton(QAction* action, QWidget* parent);

// "text (Ctrl+L)": a tool tip that names the action's first shortcut, in the
// platform's notation; the text alone when it has none.
QString withShortcut(const QString& text, const QKeySequence& shortcut);

}  // namespace w2w
