#include "similarity_matrix.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace w2w {
namespace {
constexpr int kLegend = 46;
constexpr int kPicture = 56;
}  // namespace

SimilarityMatrix::SimilarityMatrix(QWidget* parent) : QWidget(parent) { setMinimumSize(240, 200); }

void SimilarityMatrix::setMatrix(const QVector<QVector<double>>& values, const QStringList& rowLabels,
                                 const QStringList& columnLabels) {
  values_ = values;
  rowLabels_ = rowLabels;
  columnLabels_ = columnLabels;
  update();
}

void SimilarityMatrix::setRowPictures(const QVector<QPixmap>& pictures) {
  rowPictures_ = pictures;
  update();
}

void SimilarityMatrix::setColumnPictures(const QVector<QPixmap>& pictures) {
  columnPictures_ = pictures;
  update();
}

QColor SimilarityMatrix::colorFor(double v) {
  if (std::isnan(v)) return QColor(240, 240, 240);
  v = std::clamp(v, -1.0, 1.0);
  // Diverging: blue (-1) - white (0) - red (1).
  const QColor cold(33, 102, 172), hot(178, 24, 43);
  const QColor& end = v < 0 ? cold : hot;
  const double t = std::abs(v);
  return QColor::fromRgbF(1.0 + (end.redF() - 1.0) * t, 1.0 + (end.greenF() - 1.0) * t,
                          1.0 + (end.blueF() - 1.0) * t);
}

QSize SimilarityMatrix::sizeHint() const {
  const int n = std::max<int>(3, static_cast<int>(values_.size()));
  return {labelWidth() + n * 70 + kLegend, labelHeight() + n * 56};
}

int SimilarityMatrix::labelWidth() const {
  int width = 0;
  for (const QString& label : rowLabels_) width = std::max(width, fontMetrics().horizontalAdvance(label));
  return width + 12 + (rowPictures_.isEmpty() ? 0 : kPicture + 4);
}

int SimilarityMatrix::labelHeight() const {
  return fontMetrics().height() + 10 + (columnPictures_.isEmpty() ? 0 : kPicture + 4);
}

QRectF SimilarityMatrix::cellRect(int row, int column) const {
  const int rows = static_cast<int>(values_.size());
  const int columns = rows > 0 ? static_cast<int>(values_[0].size()) : 0;
  const double w = (width() - labelWidth() - kLegend) / std::max(1.0, static_cast<double>(columns));
  const double h = (height() - labelHeight()) / std::max(1.0, static_cast<double>(rows));
  return {labelWidth() + column * w, labelHeight() + row * h, w, h};
}

void SimilarityMatrix::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.fillRect(rect(), palette().base());
  if (values_.isEmpty()) {
    painter.drawText(rect(), Qt::AlignCenter, tr("Nothing to compare yet"));
    return;
  }
  for (int r = 0; r < values_.size(); ++r) {
    for (int c = 0; c < values_[r].size(); ++c) {
      const QRectF cell = cellRect(r, c);
      const double v = values_[r][c];
      painter.fillRect(cell.adjusted(1, 1, -1, -1), colorFor(v));
      if (!std::isnan(v)) {
        painter.setPen(std::abs(v) > 0.6 ? Qt::white : Qt::black);
        painter.drawText(cell, Qt::AlignCenter, QString::number(v, 'f', 2));
      }
    }
    const QRectF first = cellRect(r, 0);
    painter.setPen(palette().text().color());
    QRectF label(0, first.top(), labelWidth() - 6, first.height());
    if (r < rowPictures_.size() && !rowPictures_[r].isNull()) {
      const QPixmap p =
          rowPictures_[r].scaled(kPicture, kPicture, Qt::KeepAspectRatio, Qt::SmoothTransformation);
      painter.drawPixmap(QPointF(2, first.center().y() - p.height() / 2.0), p);
      label.setLeft(kPicture + 6);
    }
    painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, rowLabels_.value(r));
  }
  for (int c = 0; c < values_[0].size(); ++c) {
    const QRectF cell = cellRect(0, c);
    painter.setPen(palette().text().color());
    if (c < columnPictures_.size() && !columnPictures_[c].isNull()) {
      const QPixmap p =
          columnPictures_[c].scaled(kPicture, kPicture, Qt::KeepAspectRatio, Qt::SmoothTransformation);
      painter.drawPixmap(QPointF(cell.center().x() - p.width() / 2.0, 2), p);
    }
    painter.drawText(
        QRectF(cell.left(), labelHeight() - fontMetrics().height() - 6, cell.width(), fontMetrics().height()),
        Qt::AlignCenter, columnLabels_.value(c));
  }
  // Legend: the colour scale from -1 to 1.
  const QRectF bar(width() - kLegend + 14, labelHeight(), 12, height() - labelHeight() - 4);
  for (int y = 0; y < static_cast<int>(bar.height()); ++y) {
    painter.setPen(colorFor(1.0 - 2.0 * y / bar.height()));
    painter.drawLine(QPointF(bar.left(), bar.top() + y), QPointF(bar.right(), bar.top() + y));
  }
  painter.setPen(palette().text().color());
  painter.drawText(QPointF(bar.right() + 2, bar.top() + fontMetrics().ascent()), "1");
  painter.drawText(QPointF(bar.right() + 2, bar.center().y() + fontMetrics().ascent() / 2.0), "0");
  painter.drawText(QPointF(bar.right() + 2, bar.bottom()), "-1");
}

void SimilarityMatrix::mousePressEvent(QMouseEvent* event) {
  for (int r = 0; r < values_.size(); ++r) {
    for (int c = 0; c < values_[r].size(); ++c) {
      if (cellRect(r, c).contains(event->position())) Q_EMIT cellClicked(r, c);
    }
  }
}

}  // namespace w2w
