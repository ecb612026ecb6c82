// ItemSlot: one place of the outfit board, for one category. Shows the
// item's crop and its name, takes items (and photos) dragged onto it, and is
// selected by a click or by the keyboard focus (Tab) so that pieces for it
// can be listed.
#pragma once

#include <QPixmap>
#include <QWidget>

#include "library/types.h"

namespace w2w {

class ItemSlot : public QWidget {
  Q_OBJECT

 public:
  ItemSlot(Category category, QWidget* parent = nullptr);

  Category category() const { return category_; }
  Id item() const { return item_; }
  // The piece's name ("shoes2.jpg · Shoes"); empty while the slot is.
  const QString& caption() const { return caption_; }
  void setItem(Id item, const QPixmap& picture, const QString& caption);
  void setSelected(bool selected);
  bool isSelected() const { return selected_; }

  QSize sizeHint() const override { return {200, 190}; }

 Q_SIGNALS:
  void itemDropped(Id item);
  void photoDropped(Id photo);  // a whole outfit photo: the board takes its three crops
  void clicked();               // by the mouse, or the keyboard focus arrived

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void focusInEvent(QFocusEvent* event) override;
  void focusOutEvent(QFocusEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragLeaveEvent(QDragLeaveEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QString emptyHint() const;
  Category category_;
  Id item_ = 0;
  QPixmap picture_;
  QString caption_;
  bool selected_ = false;
  bool hovering_ = false;
};

}  // namespace w2w
