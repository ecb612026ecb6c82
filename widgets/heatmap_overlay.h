// HeatmapOverlay: a crop with a heat map drawn over it (which regions drive
// its similarity to another item), with an opacity slider.
#pragma once

#include <QImage>
#include <QWidget>

#include "common/matrix.h"

class QLabel;
class QSlider;

namespace w2w {

class HeatmapOverlay : public QWidget {
  Q_OBJECT

 public:
  explicit HeatmapOverlay(QWidget* parent = nullptr);

  void setImage(const QImage& crop);
  // A coarse grid of importances; shown smoothly scaled over the crop. The
  // colour scale runs from 0 (transparent) to the largest value.
  void setHeat(const FloatMatrix& grid, const QString& caption);
  void clearHeat();
  int opacity() const;  // 0..100
  void setOpacity(int percent);
  QImage composed() const;  // what is on screen, for tests and export

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void refresh();

  QImage crop_;
  QImage heat_;  // ARGB, grid-sized
  QLabel* picture_;
  QLabel* caption_;
  QLabel* opacityLabel_;
  QSlider* opacitySlider_;
};

}  // namespace w2w
