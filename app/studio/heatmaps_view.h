// HeatmapsView: similarities made visible. The 3x3 pair-similarity heatmap of
// an outfit (the board's, or a saved one); an item-by-item similarity matrix
// for a selection of the library (Ctrl+K there); and, for a clicked cell, a
// spatial heat map over the row item's crop showing which regions drive its
// similarity to the column item (occlusion, computed in the background by the
// encoder in use and, with a trained model, in its latent space).
#pragma once

#include <QWidget>

#include <vector>

#include "background_jobs.h"
#include "library/types.h"
#include "outfit_board_view.h"

class QComboBox;
class QLabel;

namespace w2w {

class CompatService;
class EncoderService;
class HeatmapOverlay;
class LibraryController;
class SimilarityMatrix;

class HeatmapsView : public QWidget {
  Q_OBJECT

 public:
  HeatmapsView(LibraryController* library, CompatService* compat, EncoderService* encoders,
               QWidget* parent = nullptr);
  ~HeatmapsView() override;

  void setBoard(const BoardPieces& pieces);     // the outfit shown when "the board" is chosen
  void setItems(const std::vector<Id>& items);  // the selection compared item by item
  // Starts the spatial map of `row` with respect to `column` (both item ids).
  void explain(Id row, Id column);
  SimilarityMatrix* outfitMatrix() const { return outfitMatrix_; }
  SimilarityMatrix* itemMatrix() const { return itemMatrix_; }
  HeatmapOverlay* overlay() const { return overlay_; }
  bool busy() const;  // a spatial map is being computed

 Q_SIGNALS:
  void explained();  // a spatial map arrived (or failed; the caption says why)

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void reloadOutfits();
  void refreshOutfit();
  void refreshItems();

  LibraryController* library_;
  CompatService* compat_;
  EncoderService* encoders_;
  BoardPieces board_{};
  std::vector<Id> items_;
  std::vector<Id> outfitIds_;  // the outfit heatmap's rows and columns
  QComboBox* outfitChoice_;
  SimilarityMatrix* outfitMatrix_;
  SimilarityMatrix* itemMatrix_;
  HeatmapOverlay* overlay_;
  QLabel* outfitLabel_;
  QLabel* itemsLabel_;
  QLabel* overlayLabel_;
  QLabel* spaceLabel_;
  // Only the latest spatial map is shown; last member, so a map in flight
  // finishes before the members it reports to go.
  BackgroundJobs maps_{BackgroundJobs::Keep::LatestResult};
};

}  // namespace w2w
