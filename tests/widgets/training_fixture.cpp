#include "training_fixture.h"

#include <gtest/gtest.h>

#include <vector>

#include "common/seed_slots.h"
#include "embed/basic_encoder.h"
#include "library/library.h"
#include "synthetic_outfits.h"
#include "vision/crop_renderer.h"

namespace w2w::test {

std::string makeTrainingLibrary(const TempDir& dir, int count) {
  const std::string path = dir.path("wardrobe.w2w");
  auto library = Library::create(path);
  EXPECT_TRUE(library.ok());
  const int dim = BasicEncoder::layout().dim;
  EXPECT_TRUE((*library)->registerModel({BasicEncoder::kModelId, "basic", "basic", dim, "", ""}).ok());
  const compat::OutfitSet planted = compat::synth::plantedOutfits(count, dim, 4, 0.3, 1, 2);
  for (int o = 0; o < count; ++o) {
    Outfit outfit;
    outfit.name = "outfit " + std::to_string(o);
    for (Category c : kSeedSlots) {
      const int seed = o * 3 + seedSlot(c);
      const CropImage crop = makeCropImage(renderWholeImage(makeTestImage(24, 24, seed), nullptr, 32));
      const std::string file = dir.path("item" + std::to_string(seed) + ".png");
      auto id = (*library)->addStandaloneItem(c, {file, "file" + std::to_string(seed), 1, 24, 24}, crop);
      EXPECT_TRUE(id.ok()) << id.message();
      const float* v = planted.vector(o, seedSlot(c));
      EXPECT_TRUE(
          (*library)->putEmbedding(crop.hash, BasicEncoder::kModelId, std::vector<float>(v, v + dim)).ok());
      outfit.setMember(c, *id);
    }
    EXPECT_TRUE((*library)->addOutfit(outfit).ok());
  }
  return path;
}

compat::TrainConfig smallTrainConfig(int epochs, int batch) {
  compat::TrainConfig c;
  c.head.hiddenDim = 64;
  c.head.outputDim = 32;
  c.head.ensemble = 1;
  c.epochs = epochs;
  c.batchSize = batch;
  c.learningRate = 3e-3;
  c.seed = 7;
  c.patience = 10000;
  return c;
}

}  // namespace w2w::test
