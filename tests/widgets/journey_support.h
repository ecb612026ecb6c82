// What the journey tests do as a person does: answer a dialog when it opens,
// type into its text field and press Enter, double-click a row.
#pragma once

#include <QString>

#include <functional>

class QAbstractItemView;
class QWidget;

namespace w2w::test {

// Runs `act` on the next modal dialog as soon as it is open (the code that
// opens it blocks in the dialog's own event loop meanwhile).
void whenDialogOpens(std::function<void(QWidget*)> act);

// Types into the dialog's text field (the one with the focus, else the first
// visible one) and presses Enter, as a person does: a completion list that
// opened meanwhile is closed first, so that Enter takes what was typed.
void typeAndEnter(QWidget* dialog, const QString& text);

// A double-click on a row of a list, in the middle of it: a click and then a
// second press that the system reports as a double-click (QTest's
// mouseDClick sends the second part only).
void doubleClickRow(QAbstractItemView* list, int row);

}  // namespace w2w::test
