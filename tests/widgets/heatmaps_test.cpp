// The heatmaps view: pair and item matrices filled from the compatibility
// space, and a spatial map computed in the background by the real encoder.
#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cmath>

#include "common/seed_slots.h"
#include "compat_service.h"
#include "embed/basic_encoder.h"
#include "encoder_service.h"
#include "heatmap_overlay.h"
#include "heatmaps_view.h"
#include "library_controller.h"
#include "similarity_matrix.h"
#include "studio_settings.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

TEST(Heatmaps, ItemMatrixAndSpatialMapUseTheEncoderInUse) {
  test::TempDir dir;
  StudioSettings settings;
  settings.setEncoder("basic");
  LibraryController library;
  EncoderService encoders(&settings);
  CompatService compat(&library, &encoders, &settings);
  const std::string path = dir.path("w.w2w");
  std::vector<Id> ids;
  {
    auto created = Library::create(path);
    BasicEncoder encoder;
    ASSERT_TRUE((*created)
                    ->registerModel({BasicEncoder::kModelId, "Basic", "basic", encoder.info().dim, "", ""})
                    .ok());
    for (int i = 0; i < 3; ++i) {
      const RgbImage crop = renderWholeImage(test::makeTestImage(60, 80, 10 + i), nullptr, 96);
      const CropImage stored = makeCropImage(crop);
      ids.push_back((*created)
                        ->addStandaloneItem(kSeedSlots[static_cast<std::size_t>(i)],
                                            {dir.path(stored.hash), stored.hash, 1, 60, 80}, stored)
                        .value());
      auto vector = encoder.encode({crop});
      ASSERT_TRUE((*created)->putEmbedding(stored.hash, BasicEncoder::kModelId, vector->rowVector(0)).ok());
    }
  }
  ASSERT_TRUE(library.openLibrary(QString::fromStdString(path)).isEmpty());
  HeatmapsView view(&library, &compat, &encoders);
  view.setItems(ids);
  ASSERT_EQ(view.itemMatrix()->rows(), 3);
  EXPECT_NEAR(view.itemMatrix()->value(0, 0), 1.0, 1e-5) << "an item is identical to itself";
  EXPECT_NEAR(view.itemMatrix()->value(0, 1), view.itemMatrix()->value(1, 0), 1e-9) << "symmetric";
  EXPECT_LT(view.itemMatrix()->value(0, 1), 0.9999);

  BoardPieces board;
  for (Id id : ids) board.set(library.library()->item(id)->value().category, id);
  view.setBoard(board);
  EXPECT_FALSE(std::isnan(view.outfitMatrix()->value(0, 1)));
  // Pieces are named by their file and category, not by ids.
  EXPECT_TRUE(view.itemMatrix()->toolTip().contains(" · Top")) << view.itemMatrix()->toolTip().toStdString();
  EXPECT_TRUE(std::isnan(view.outfitMatrix()->value(1, 1)));

  QSignalSpy explained(&view, &HeatmapsView::explained);
  // Against itself every hidden region of the garment costs similarity, so
  // the map cannot be empty.
  view.explain(ids[0], ids[0]);
  EXPECT_TRUE(view.busy() || explained.count() > 0);
  ASSERT_TRUE(explained.wait(30000));
  const QImage shown = view.overlay()->composed();
  ASSERT_FALSE(shown.isNull());
  view.overlay()->setOpacity(0);
  const QImage bare = view.overlay()->composed();
  view.overlay()->setOpacity(100);
  EXPECT_NE(view.overlay()->composed(), bare) << "the heat is drawn over the crop";
}

}  // namespace
}  // namespace w2w
