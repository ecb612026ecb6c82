#include "journey_support.h"

#include <gtest/gtest.h>

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

namespace w2w::test {

void whenDialogOpens(std::function<void(QWidget*)> act) {
  auto* poll = new QTimer;
  QObject::connect(poll, &QTimer::timeout, [poll, act] {
    QWidget* dialog = QApplication::activeModalWidget();
    if (!dialog || !dialog->isVisible()) return;
    poll->stop();
    poll->deleteLater();
    act(dialog);
  });
  poll->start(50);
}

void typeAndEnter(QWidget* dialog, const QString& text) {
  auto* field = qobject_cast<QLineEdit*>(dialog->focusWidget());
  for (QLineEdit* edit : dialog->findChildren<QLineEdit*>()) {
    if (!field && edit->isVisible()) field = edit;
  }
  ASSERT_NE(field, nullptr) << "the dialog has a text field";
  // Typed text goes to the field only while it has the focus: without it, the
  // dialog writes the items its completion selects into the field, quoted
  // ("tmp" "photos"). On a busy machine the dialog's window becomes active late.
  dialog->activateWindow();
  EXPECT_TRUE(QTest::qWaitForWindowActive(dialog, 10000)) << "the dialog is the active window";
  field->setFocus();
  EXPECT_TRUE(QTest::qWaitFor([field] { return field->hasFocus(); }, 10000)) << "the field has the focus";
  // The dialog's completer works from a file-system model filled in the
  // background; on a busy machine its late answer can rewrite what is being
  // typed. As a person would, look at the field and type it again if so.
  for (int attempt = 0; attempt < 3 && field->text() != text; ++attempt) {
    field->selectAll();
    QTest::keyClicks(field, text);
    // A completion list may have opened while typing: the whole path is
    // typed, so it is closed (Escape), lest Enter pick one of its entries.
    QTest::qWait(300);
    if (QCompleter* completer = field->completer(); completer && completer->popup()->isVisible()) {
      QTest::keyClick(completer->popup(), Qt::Key_Escape);
      QTest::qWait(100);
    }
  }
  if (field->text() != text) {
    ADD_FAILURE() << "the field holds " << field->text().toStdString() << ", not what was typed";
    QTest::keyClick(dialog, Qt::Key_Escape);  // nothing chosen
    return;
  }
  QTest::keyClick(field, Qt::Key_Return);
}

void doubleClickRow(QAbstractItemView* list, int row) {
  const QModelIndex index = list->model()->index(row, 0);
  list->scrollTo(index);
  const QPoint at = list->visualRect(index).center();
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
  QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
  QTest::mouseRelease(list->viewport(), Qt::LeftButton, {}, at);
}

}  // namespace w2w::test
