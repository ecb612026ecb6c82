#include "chart_panel.h"

#include <QApplication>
#include <QChart>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QEvent>
#include <QFileDialog>
#include <QGraphicsSimpleTextItem>
#include <QMenu>
#include <QMessageBox>

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
  QFont title = c->titleFont();
  title.setBold(true);
  c->setTitleFont(title);
  placeholder_ = new QGraphicsSimpleTextItem(c);
  placeholder_->setBrush(QColor(120, 120, 120));
  placeholder_->setZValue(10);
  connect(c, &QChart::plotAreaChanged, this, &ChartPanel::placePlaceholder);
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
