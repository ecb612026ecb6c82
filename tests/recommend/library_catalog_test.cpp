// Recommendations from a library and a trained checkpoint: a planted-structure
// library whose right answers are known, the projection cache, and a
// checkpoint that does not fit the library's embeddings.
#include <gtest/gtest.h>

#include <array>

#include "compat/trainer.h"
#include "recommend/library_catalog.h"
#include "recommend/recommender.h"
#include "synthetic_outfits.h"
#include "test_support.h"

namespace w2w {
namespace {

constexpr int kDim = 12;

// Planted compatibility (tests/common/synthetic_outfits.h): each outfit has a
// hidden style, and its three items are different random maps of it, so the
// raw vectors of one outfit look unrelated and only a trained head links them.
compat::OutfitSet planted(int count, std::uint64_t seed, const std::string& prefix) {
  return compat::synth::plantedOutfits(count, kDim, 3, 0.2, 1, seed, prefix);
}

std::string trainPlantedCheckpoint(const test::TempDir& dir) {
  compat::TrainRequest request;
  request.outfits = planted(800, 2, "train");
  request.config.head.hiddenDim = 64;
  request.config.head.outputDim = 32;
  request.config.head.ensemble = 1;
  request.config.epochs = 25;
  request.config.batchSize = 128;
  request.config.learningRate = 3e-3;
  request.config.threads = 1;
  request.config.seed = 42;
  request.checkpointDir = dir.path("ckpt");
  request.encoderKind = request.encoderSpec = "synthetic";
  auto summary = compat::trainCompat(request);
  EXPECT_TRUE(summary.ok()) << summary.message();
  return request.checkpointDir;
}

// A library holding held-out planted outfits as standalone items with
// "synthetic" embeddings; itemOf[n][c] is the item of outfit n, category c.
struct PlantedLibrary {
  std::unique_ptr<Library> library;
  std::vector<std::array<Id, kSeedSlotCount>> itemOf;

  PlantedLibrary(const std::string& path, int outfits, int dim) {
    library = std::move(Library::create(path).value());
    EXPECT_TRUE(library->registerModel({"synthetic", "Synthetic", "synthetic", dim, "", ""}).ok());
    const compat::OutfitSet set = planted(outfits, 7, "test");
    for (int n = 0; n < set.size(); ++n) {
      std::array<Id, kSeedSlotCount> ids{};
      for (Category c : kSeedSlots) {
        const auto slot = static_cast<std::size_t>(seedSlot(c));  // a seed slot's category: 0, 1 or 2
        const std::string hash = set.items[static_cast<std::size_t>(n)].at(slot);
        ids.at(slot) =
            library->addStandaloneItem(c, {"/x/" + hash, "file-" + hash, 1, 10, 10}, CropImage{hash, {1}})
                .value();
        const float* v = set.vector(n, seedSlot(c));
        std::vector<float> vector(v, v + kDim);
        vector.resize(static_cast<std::size_t>(dim));
        EXPECT_TRUE(library->putEmbedding(hash, "synthetic", vector).ok());
      }
      itemOf.push_back(ids);
    }
  }
};

TEST(LibraryCatalog, RecommendsTheMissingPieceOfPlantedOutfits) {
  test::TempDir dir;
  auto model = compat::CompatModel::load(trainPlantedCheckpoint(dir));
  ASSERT_TRUE(model.ok()) << model.message();
  PlantedLibrary library(dir.path("w.w2w"), 100, kDim);
  CatalogReport report;
  auto catalog = buildLatentCatalog(*library.library, **model, true, &report);
  ASSERT_TRUE(catalog.ok()) << catalog.message();
  EXPECT_EQ(report.items, 300);
  EXPECT_EQ(report.projected, 300);
  Recommender engine(std::move(*catalog));

  // Given an outfit's top and bottom, its own shoes should come near the top
  // of 100 candidates (chance: 5% in the top 5).
  int inTopFive = 0;
  for (const auto& ids : library.itemOf) {
    RecommendOptions options;
    options.k = 5;
    auto ranked = engine.rank({*engine.piece(ids[0]), *engine.piece(ids[1])}, Category::Shoes, options);
    ASSERT_TRUE(ranked.ok());
    for (const Suggestion& s : *ranked) inTopFive += s.itemId == ids[2];
  }
  EXPECT_GE(inTopFive, 50) << "the planted rule must be learned and used";

  // The projections are cached in the library: the second catalog reads them.
  CatalogReport again;
  ASSERT_TRUE(buildLatentCatalog(*library.library, **model, true, &again).ok());
  EXPECT_EQ(again.projected, 0);
  EXPECT_EQ(again.items, 300);
}

TEST(LibraryCatalog, CheckpointOfAnotherDimensionIsAClearError) {
  test::TempDir dir;
  auto model = compat::CompatModel::load(trainPlantedCheckpoint(dir));
  ASSERT_TRUE(model.ok());
  PlantedLibrary library(dir.path("w.w2w"), 10, kDim - 2);
  auto catalog = buildLatentCatalog(*library.library, **model, false);
  ASSERT_FALSE(catalog.ok());
  EXPECT_NE(catalog.message().find("expects 12-dimensional embeddings from synthetic"), std::string::npos)
      << catalog.message();
}

TEST(LibraryCatalog, ItemsWithoutEmbeddingsAreLeftOutAndCounted) {
  test::TempDir dir;
  auto model = compat::CompatModel::load(trainPlantedCheckpoint(dir));
  ASSERT_TRUE(model.ok());
  PlantedLibrary library(dir.path("w.w2w"), 10, kDim);
  ASSERT_TRUE(
      library.library->addStandaloneItem(Category::Top, {"/x/new", "new", 1, 1, 1}, CropImage{"new", {1}})
          .ok());
  CatalogReport report;
  ASSERT_TRUE(buildLatentCatalog(*library.library, **model, false, &report).ok());
  EXPECT_EQ(report.withoutEmbedding, 1);
}

}  // namespace
}  // namespace w2w
