// An action of one view: its shortcuts work while the view or one of its
// children has the focus (so views in other tabs may use the same keys), and
// it gets a toolbar button when a toolbar is given.
#pragma once

#include <QKeySequence>
#include <QList>

class QAbstractButton;
class QAction;
class QString;
class QToolBar;
class QWidget;

namespace w2w {

QAction* addViewAction(QWidget* view, const char* objectName, const QList<QKeySequence>& keys,
                       QToolBar* toolbar = nullptr);

// Sets a button's text and keeps its shortcut. QAbstractButton::setText
// replaces the shortcut with the text's mnemonic (none here), so a shortcut
// set once would stop working at the first retranslation.
void setButtonText(QAbstractButton* button, const QString& text);

}  // namespace w2w
