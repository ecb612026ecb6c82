// LibraryGridView: a grid of thumbnails with a title and a status badge each.
#pragma once

#include <QListView>
#include <QStyledItemDelegate>

namespace w2w {

class ThumbnailDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit ThumbnailDelegate(int thumbnailSize, QObject* parent = nullptr);
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

 private:
  int size_;
};

class LibraryGridView : public QListView {
  Q_OBJECT

 public:
  explicit LibraryGridView(int thumbnailSize = 160, QWidget* parent = nullptr);

  // Shown in the middle while the grid has no rows: where to begin, or why
  // nothing is shown.
  void setEmptyText(const QString& text);
  QString emptyText() const { return emptyText_; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QString emptyText_;
};

}  // namespace w2w
