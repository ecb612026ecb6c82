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
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QScopedValueRollback>
#include <QTextDocument>
#include <QTextOption>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <vector>

namespace w2w {
namespace {

constexpr int kChartMargin = 4;

}  // namespace

ChartPanel::ChartPanel(QWidget* parent) : QChartView(new QChart(), parent) {
  setRenderHint(QPainter::Antialiasing);
  setMinimumSize(200, 180);  // two side by side beside the training form at 1024 px
  QChart* c = chart();
  c->setAnimationOptions(QChart::NoAnimation);
  c->setMargins(QMargins(kChartMargin, kChartMargin, kChartMargin, kChartMargin));
  c->setBackgroundRoundness(0);
  c->legend()->hide();
  legend_ = new QGraphicsTextItem(c);
  legend_->setObjectName("chartLegend");
  QFont legendFont = c->legend()->font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
  legend_->setFont(legendFont);
  legend_->setDefaultTextColor(QColor(60, 60, 60));
  legend_->document()->setDocumentMargin(2);
  legend_->document()->setDefaultTextOption(QTextOption(Qt::AlignHCenter));
  QFont title = c->titleFont();
  title.setBold(true);
  c->setTitleFont(title);
  placeholder_ = new QGraphicsSimpleTextItem(c);
  placeholder_->setBrush(QColor(120, 120, 120));
  placeholder_->setZValue(10);
  connect(c, &QChart::plotAreaChanged, this, &ChartPanel::placePlaceholder);
  connect(c, &QChart::plotAreaChanged, this, &ChartPanel::fitTicks);
  setMouseTracking(true);
}

ChartPanel::~ChartPanel() {
  // The chart and its curves outlive this part of the object.
  for (QAbstractSeries* series : watched_) disconnect(series, nullptr, this, nullptr);
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
  // Setting the margins lays the chart out again, which calls this back.
  if (fittingLegend_) return;
  const QScopedValueRollback<bool> fitting(fittingLegend_, true);
  legendPending_ = false;
  const QString html = legendHtml();
  if (shownLegend_ != html) {
    shownLegend_ = html;
    legend_->setHtml(html);
  }
  const QSizeF size = chart()->size();
  const double width = std::max(0.0, size.width() - kChartMargin * 2);
  if (legend_->textWidth() != width) legend_->setTextWidth(width);
  const int height = html.isEmpty() ? 0 : static_cast<int>(std::ceil(legend_->boundingRect().height()));
  legend_->setVisible(!html.isEmpty());
  legend_->setPos(kChartMargin, size.height() - kChartMargin - height);
  const QMargins margins(kChartMargin, kChartMargin, kChartMargin, kChartMargin + height);
  if (chart()->margins() != margins) chart()->setMargins(margins);
}

void ChartPanel::fitLegendLater() {
  if (legendPending_) return;
  legendPending_ = true;
  QTimer::singleShot(0, this, &ChartPanel::fitLegend);
}

void ChartPanel::watchSeries(QAbstractSeries* series) {
  if (watched_.contains(series)) return;
  watched_ << series;
  connect(series, &QAbstractSeries::nameChanged, this, &ChartPanel::fitLegendLater);
  connect(series, &QAbstractSeries::visibleChanged, this, &ChartPanel::fitLegendLater);
  connect(series, &QObject::destroyed, this, [this, series] {
    watched_.removeOne(series);
    fitLegendLater();
  });
}

QString ChartPanel::legendHtml() {
  // A line's entry is drawn in its colour and dash, an area's as a square,
  // a scatter's as a dot. Spaces inside a name do not break, so rows wrap
  // between entries only.
  QStringList entries;
  for (QAbstractSeries* series : chart()->series()) {
    watchSeries(series);
    if (!series->isVisible() || series->name().isEmpty()) continue;
    QColor color;
    QString symbol;
    if (const auto* scatter = qobject_cast<const QScatterSeries*>(series)) {
      color = scatter->color();
      symbol = QStringLiteral("\u25CF");
    } else if (const auto* xy = qobject_cast<const QXYSeries*>(series)) {
      color = xy->pen().color();
      symbol = xy->pen().style() == Qt::SolidLine ? QStringLiteral("\u2501\u2501")
                                                  : QStringLiteral("\u254D\u254D");
    } else if (const auto* area = qobject_cast<const QAreaSeries*>(series)) {
      color = area->brush().color();
      color.setAlpha(255);
      symbol = QStringLiteral("\u25A0");
    }
    QString name = series->name().toHtmlEscaped();
    name.replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    entries << QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
                   .arg(color.name(QColor::HexArgb), symbol, name);
  }
  return entries.join(QStringLiteral("&nbsp;&nbsp;&nbsp; "));
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
