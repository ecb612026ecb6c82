#include "heatmap_overlay.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace w2w {
namespace {

// Blue for little, through magenta, to saturated red for a lot: strong
// colours stay visible on the white backgrounds and pale garments of crops.
QColor heatColor(double t) {
  static const QColor stops[] = {QColor(40, 70, 210), QColor(120, 40, 190), QColor(205, 30, 150),
                                 QColor(235, 20, 20)};
  t = std::clamp(t, 0.0, 1.0) * 3.0;
  const int i = std::min(2, static_cast<int>(t));
  const double f = t - i;
  const QColor& a = stops[i];
  const QColor& b = stops[i + 1];
  return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * f, a.greenF() + (b.greenF() - a.greenF()) * f,
                          a.blueF() + (b.blueF() - a.blueF()) * f);
}

}  // namespace

HeatmapOverlay::HeatmapOverlay(QWidget* parent) : QWidget(parent) {
  picture_ = new QLabel(this);
  picture_->setAlignment(Qt::AlignCenter);
  picture_->setMinimumSize(224, 224);
  caption_ = new QLabel(this);
  caption_->setWordWrap(true);
  opacityLabel_ = new QLabel(this);
  opacitySlider_ = new QSlider(Qt::Horizontal, this);
  opacitySlider_->setObjectName("heatOpacity");
  opacitySlider_->setRange(0, 100);
  opacitySlider_->setValue(55);
  connect(opacitySlider_, &QSlider::valueChanged, this, [this] { refresh(); });
  auto* row = new QHBoxLayout;
  row->addWidget(opacityLabel_);
  row->addWidget(opacitySlider_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(picture_, 1);
  layout->addLayout(row);
  layout->addWidget(caption_);
  opacityLabel_->setText(tr("Heat opacity"));
}

void HeatmapOverlay::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) opacityLabel_->setText(tr("Heat opacity"));
  QWidget::changeEvent(event);
}

void HeatmapOverlay::setImage(const QImage& crop) {
  crop_ = crop;
  refresh();
}

void HeatmapOverlay::setHeat(const FloatMatrix& grid, const QString& caption) {
  heat_ = QImage(static_cast<int>(grid.cols), static_cast<int>(grid.rows), QImage::Format_ARGB32);
  float top = 0.f;
  for (float v : grid.data) top = std::max(top, v);
  for (int y = 0; y < heat_.height(); ++y) {
    for (int x = 0; x < heat_.width(); ++x) {
      const double t = top > 0 ? std::max(0.f, grid.at(y, x)) / top : 0.0;
      QColor c = heatColor(t);
      c.setAlphaF(std::sqrt(t));  // regions that do not matter stay see-through
      heat_.setPixelColor(x, y, c);
    }
  }
  caption_->setText(caption);
  refresh();
}

void HeatmapOverlay::clearHeat() {
  heat_ = QImage();
  caption_->clear();
  refresh();
}

int HeatmapOverlay::opacity() const { return opacitySlider_->value(); }
void HeatmapOverlay::setOpacity(int percent) { opacitySlider_->setValue(percent); }

QImage HeatmapOverlay::composed() const {
  if (crop_.isNull()) return {};
  QImage out = crop_.convertToFormat(QImage::Format_ARGB32);
  if (!heat_.isNull()) {
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setOpacity(opacitySlider_->value() / 100.0);
    painter.drawImage(out.rect(), heat_.scaled(out.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
  }
  return out;
}

void HeatmapOverlay::refresh() {
  const QImage image = composed();
  picture_->setPixmap(image.isNull()
                          ? QPixmap()
                          : QPixmap::fromImage(image).scaled(picture_->size().boundedTo(QSize(448, 448)),
                                                             Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

}  // namespace w2w
