#include "chart_panel.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QAreaSeries>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QEvent>
#include <QFileDialog>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QScopedValueRollback>
#include <QToolTip>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <vector>

namespace w2w {

ChartPanel::ChartPanel(QWidget* parent) : QChartView(new QChart(), parent) {
  setRenderHint(QPainter::Antialiasing);
  setMinimumSize(240, 180);
  QChart* c = chart();
  c->setAnimationOptions(QChart::NoAnimation);
  c->setMargins(QMargins(4, 4, 4, 4));
  c->setBackgroundRoundness(0);
  c->legend()->setAlignment(Qt::AlignBottom);
  QFont legend = c->legend()->font();
  legend.setPointSizeF(legend.pointSizeF() * 0.9);
  c->legend()->setFont(legend);
  legendFont_ = legend;
  QFont title = c->titleFont();
  title.setBold(true);
  c->setTitleFont(title);
  placeholder_ = new QGraphicsSimpleTextItem(c);
  placeholder_->setBrush(QColor(120, 120, 120));
  placeholder_->setZValue(10);
  connect(c, &QChart::plotAreaChanged, this, &ChartPanel::placePlaceholder);
  connect(c, &QChart::plotAreaChanged, this, &ChartPanel::fitTicks);
  // Names change with the language and with the runs compared.
  connect(c, &QChart::plotAreaChanged, this, &ChartPanel::fitLegend);
  setMouseTracking(true);
}

namespace {

QString number(double v) { return std::isfinite(v) ? QString::number(v, 'g', 4) : QStringLiteral("–"); }

// The points a series draws (an area series: its upper line).
QList<QPointF> pointsOf(const QAbstractSeries* series) {
  if (const auto* xy = qobject_cast<const QXYSeries*>(series)) return xy->points();
  if (const auto* area = qobject_cast<const QAreaSeries*>(series))
    return area->upperSeries() ? area->upperSeries()->points() : QList<QPointF>();
  return {};
}

}  // namespace

QString ChartPanel::valuesAt(const QPoint& viewPoint) const {
  QChart* c = chart();
  const QPointF at = c->mapFromScene(mapToScene(viewPoint));
  if (!c->plotArea().contains(at)) return {};
  struct Hit {
    QAbstractSeries* series;
    QPointF point;
    qsizetype count;
  };
  std::vector<Hit> hits;
  for (QAbstractSeries* series : c->series()) {
    if (!series->isVisible() || series->name().isEmpty()) continue;
    const QList<QPointF> points = pointsOf(series);
    if (points.isEmpty()) continue;
    const double x = c->mapToValue(at, series).x();
    const auto nearest = std::min_element(
        points.begin(), points.end(),
        [x](const QPointF& a, const QPointF& b) { return std::abs(a.x() - x) < std::abs(b.x() - x); });
    hits.push_back({series, *nearest, points.size()});
  }
  if (hits.empty()) return {};
  // The x of the coarsest curve (epochs rather than steps) heads the tip.
  const Hit& head = *std::min_element(hits.begin(), hits.end(),
                                      [](const Hit& a, const Hit& b) { return a.count < b.count; });
  QString title;
  for (QAbstractAxis* axis : head.series->attachedAxes()) {
    if (axis->orientation() == Qt::Horizontal) title = axis->titleText();
  }
  const QString x = number(head.point.x());
  QString text =
      QStringLiteral("<b>%1</b>").arg((title.isEmpty() ? x : title + QLatin1Char(' ') + x).toHtmlEscaped());
  for (const Hit& hit : hits) {
    QString line = QStringLiteral("%1: %2").arg(hit.series->name(), number(hit.point.y()));
    if (std::abs(hit.point.x() - head.point.x()) > 1e-9)
      line += QStringLiteral(" (%1)").arg(number(hit.point.x()));
    text += QStringLiteral("<br>") + line.toHtmlEscaped();
  }
  return text;
}

void ChartPanel::mouseMoveEvent(QMouseEvent* event) {
  const QString text = valuesAt(event->position().toPoint());
  if (text.isEmpty())
    QToolTip::hideText();
  else
    QToolTip::showText(event->globalPosition().toPoint(), text, this);
  QChartView::mouseMoveEvent(event);
}

void ChartPanel::fitTicksToWidth(QValueAxis* axis, QList<int> tickCounts) {
  fitted_.append({axis, std::move(tickCounts)});
  fitTicks();
}

void ChartPanel::fitTicks() {
  const double width = chart()->plotArea().width();
  for (const FittedAxis& f : fitted_) {
    const QFontMetricsF metrics(f.axis->labelsFont());
    // The widest label (the fitted axes show two decimals), with room between neighbours.
    const double label = std::max(metrics.horizontalAdvance(QString::number(f.axis->min(), 'f', 2)),
                                  metrics.horizontalAdvance(QString::number(f.axis->max(), 'f', 2))) +
                         metrics.averageCharWidth() * 2;
    int ticks = f.tickCounts.back();
    for (int count : f.tickCounts) {
      if (width / (count - 1) >= label) {
        ticks = count;
        break;
      }
    }
    if (f.axis->tickCount() != ticks) f.axis->setTickCount(ticks);
  }
}

void ChartPanel::resizeEvent(QResizeEvent* event) {
  QChartView::resizeEvent(event);
  fitLegend();
}

void ChartPanel::fitLegend() {
  QLegend* legend = chart()->legend();
  // Setting the font or the place lays the chart out again (and calls this
  // back while the legend's entries are being remade).
  if (!legend->isVisible() || fittingLegend_) return;
  const QScopedValueRollback<bool> fitting(fittingLegend_, true);
  const double room = chart()->size().width() - chart()->margins().left() - chart()->margins().right();
  // What a row of the entries takes in a font: each name, its marker and
  // the gaps around them (a little more than Qt Charts draws, so that
  // nothing is elided), plus the legend's own margins.
  const auto rowWidth = [legend](const QFont& font) {
    const QFontMetricsF metrics(font);
    double width = 24;
    for (QLegendMarker* marker : legend->markers()) {
      if (!marker->label().isEmpty())
        width += metrics.horizontalAdvance(marker->label()) + metrics.height() + 18;
    }
    return width;
  };
  QFont small = legendFont_;
  small.setPointSizeF(legendFont_.pointSizeF() * 0.85);
  Qt::Alignment alignment = Qt::AlignBottom;
  QFont font = legendFont_;
  if (rowWidth(legendFont_) > room) {
    font = small;
    if (rowWidth(small) > room) alignment = Qt::AlignRight;
  }
  if (legend->font() != font) legend->setFont(font);
  if (legend->alignment() != alignment) legend->setAlignment(alignment);
}

bool ChartPanel::savePng(const QString& path) {
  // grab() renders the widget even when it is hidden or offscreen.
  return grab().save(path, "PNG");
}

void ChartPanel::setPlaceholder(const QString& text) {
  placeholder_->setText(text);
  placeholder_->setVisible(!text.isEmpty());
  placePlaceholder();
}

void ChartPanel::placePlaceholder() {
  const QRectF plot = chart()->plotArea();
  const QRectF box = placeholder_->boundingRect();
  placeholder_->setPos(plot.center() - QPointF(box.width() / 2, box.height() / 2));
}

void ChartPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QChartView::changeEvent(event);
}

void ChartPanel::contextMenuEvent(QContextMenuEvent* event) {
  QMenu menu(this);
  QAction* copy = menu.addAction(tr("Copy Image"));
  QAction* save = menu.addAction(tr("Save as PNG…"));
  QAction* chosen = menu.exec(event->globalPos());
  if (chosen == copy) {
    QApplication::clipboard()->setPixmap(grab());
  } else if (chosen == save) {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Chart"), fileStem() + ".png", tr("PNG images (*.png)"));
    if (!path.isEmpty() && !savePng(path.endsWith(".png") ? path : path + ".png"))
      QMessageBox::warning(this, tr("Save Chart"), tr("Cannot write %1").arg(path));
  }
}

}  // namespace w2w
