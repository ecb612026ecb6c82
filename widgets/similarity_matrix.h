// SimilarityMatrix: a heatmap of similarities with labelled rows and columns
// (an outfit's 3x3 pair similarities, or item-by-item for a selection).
// Values run from -1 (blue) through 0 (white) to 1 (red); each cell shows its
// value, and a legend shows the scale.
#pragma once

#include <QPixmap>
#include <QStringList>
#include <QVector>
#include <QWidget>

namespace w2w {

class SimilarityMatrix : public QWidget {
  Q_OBJECT

 public:
  explicit SimilarityMatrix(QWidget* parent = nullptr);

  // values[r][c]; a NaN cell is drawn empty (e.g. the diagonal when unused).
  void setMatrix(const QVector<QVector<double>>& values, const QStringList& rowLabels,
                 const QStringList& columnLabels);
  // Optional pictures shown beside the labels (same order as the labels).
  void setRowPictures(const QVector<QPixmap>& pictures);
  void setColumnPictures(const QVector<QPixmap>& pictures);
  double value(int row, int column) const { return values_.value(row).value(column); }
  int rows() const { return static_cast<int>(values_.size()); }

  static QColor colorFor(double value);
  QSize sizeHint() const override;

 Q_SIGNALS:
  void cellClicked(int row, int column);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

 private:
  QRectF cellRect(int row, int column) const;
  int labelWidth() const;
  int labelHeight() const;

  QVector<QVector<double>> values_;
  QStringList rowLabels_, columnLabels_;
  QVector<QPixmap> rowPictures_, columnPictures_;
};

}  // namespace w2w
