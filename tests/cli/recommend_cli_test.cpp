// End-to-end: train on a library's outfits, then complete looks from it.
#include <gtest/gtest.h>

#include <QJsonArray>

#include "cli_runner.h"
#include "json_types.h"
#include "library/library.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

using test::runCli;

QString q(const std::string& s) { return QString::fromStdString(s); }

// A solid-colour garment picture: outfits are colour-coordinated by design.
RgbImage swatch(int r, int g, int b) {
  RgbImage image;
  image.width = 48;
  image.height = 64;
  image.pixels.resize(image.byteCount());
  for (std::size_t i = 0; i < image.pixels.size(); i += 3) {
    image.pixels[i] = static_cast<std::uint8_t>(r);
    image.pixels[i + 1] = static_cast<std::uint8_t>(g);
    image.pixels[i + 2] = static_cast<std::uint8_t>(b);
  }
  return image;
}

TEST(RecommendCli, CompletesALookFromALibraryAndACheckpoint) {
  test::TempDir dir;
  const std::string lib = dir.path("w.w2w");
  std::vector<std::array<Id, 3>> outfits;
  {
    auto library = Library::create(lib);
    ASSERT_TRUE(library.ok());
    for (int n = 0; n < 24; ++n) {
      const int r = (n * 53) % 256, g = (n * 97) % 256, b = (n * 31) % 256;
      std::array<Id, 3> ids{};
      for (Category c : kSeedSlots) {
        const int shade = 20 * seedSlot(c);
        const CropImage crop = makeCropImage(renderWholeImage(swatch(r, (g + shade) % 256, b), nullptr, 64));
        ids.at(static_cast<std::size_t>(seedSlot(c))) =  // a seed slot's category: 0, 1 or 2
            (*library)->addStandaloneItem(c, {dir.path(crop.hash), crop.hash, 1, 48, 64}, crop).value();
      }
      Outfit o;
      for (std::size_t slot = 0; slot < kSeedSlots.size(); ++slot) o.setMember(kSeedSlots[slot], ids[slot]);
      o.origin = OutfitOrigin::User;
      ASSERT_TRUE((*library)->addOutfit(o).ok());
      outfits.push_back(ids);
    }
  }
  const QString ckpt = q(dir.path("ckpt"));
  ASSERT_EQ(runCli({"encode", "--library", q(lib), "--model", "basic", "--quiet"}).exitCode, 0);
  auto train = runCli(
      {"train", "--dataset", "library:" + q(lib), "--epochs", "3", "--out", ckpt, "--quiet", "--json"});
  ASSERT_EQ(train.exitCode, 0) << train.err.toStdString();
  const format::Json run = train.typedJson();
  for (const char* count : {"run", "outfits", "train_outfits", "val_outfits", "epochs_done", "best_epoch"})
    EXPECT_TRUE(test::isInteger(run, count));
  EXPECT_TRUE(test::isFigure(run, "best_val_auc"));
  ASSERT_EQ(format::arrayOf(run, "history").size(), 3u);
  EXPECT_TRUE(test::isInteger(format::arrayOf(run, "history")[0], "epoch"));
  EXPECT_TRUE(test::isFigure(format::arrayOf(run, "history")[0], "val_auc"));

  auto r = runCli({"recommend", "--library", q(lib), "--checkpoint", ckpt, "--item",
                   QString::number(outfits[0][0]), "--item", QString::number(outfits[0][1]), "--k", "4",
                   "--json"});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  const QJsonObject json = r.json();
  EXPECT_EQ(json["candidates"].toInt(), 72);
  const QJsonArray shoes = json["suggestions"].toObject()["shoes"].toArray();
  ASSERT_EQ(shoes.size(), 4);
  double previous = 2;
  for (const auto& s : shoes) {
    const QJsonObject suggestion = s.toObject();
    EXPECT_LE(suggestion["score"].toDouble(), previous);
    previous = suggestion["score"].toDouble();
    EXPECT_EQ(suggestion["why"].toArray().size(), 3);
  }
  // A top and a bottom still need shoes: whole outfits add them.
  const QJsonArray completed = json["outfits"].toArray();
  ASSERT_FALSE(completed.isEmpty());
  EXPECT_EQ(completed[0].toObject()["top"].toInteger(), outfits[0][0]);
  EXPECT_EQ(completed[0].toObject()["bottom"].toInteger(), outfits[0][1]);
  EXPECT_EQ(completed[0].toObject()["shoes"].toInteger(), shoes[0].toObject()["item"].toInteger())
      << "with one piece missing, the best whole outfit takes the best-ranked shoes";
  EXPECT_FALSE(json["suggestions"].toObject().contains("onepiece"))
      << "never a one-piece over a top and bottom";
  const format::Json typed = r.typedJson();
  EXPECT_TRUE(test::isInteger(typed, "candidates"));
  const format::Json& best = format::arrayOf(format::objectOf(typed, "suggestions"), "shoes").at(0);
  EXPECT_TRUE(test::isInteger(best, "item"));
  EXPECT_TRUE(test::isFigure(best, "score"));
  EXPECT_TRUE(test::isFigure(format::arrayOf(best, "why").at(0), "similarity"));
  const format::Json& wholeOutfit = format::arrayOf(typed, "outfits").at(0);
  EXPECT_TRUE(test::isInteger(wholeOutfit, "top"));
  EXPECT_TRUE(test::isFigure(wholeOutfit, "score"));

  auto one = runCli({"recommend", "--library", q(lib), "--checkpoint", ckpt, "--item",
                     QString::number(outfits[3][2]), "--k", "2", "--diversity", "0.5", "--json"});
  ASSERT_EQ(one.exitCode, 0) << one.err.toStdString();
  const QJsonArray whole = one.json()["outfits"].toArray();
  ASSERT_EQ(whole.size(), 2);
  EXPECT_EQ(whole[0].toObject()["shoes"].toInteger(), outfits[3][2]);

  test::writeImage(dir.path("new-top.png"), swatch(200, 10, 10));
  auto image = runCli({"recommend", "--library", q(lib), "--checkpoint", ckpt, "--image",
                       q(dir.path("new-top.png")), "--category", "top", "--k", "3", "--json"});
  ASSERT_EQ(image.exitCode, 0) << image.err.toStdString();
  EXPECT_TRUE(image.json()["outfits"].toArray()[0].toObject()["top"].isNull());
}

TEST(RecommendCli, MissingPiecesAndBadCheckpointsAreClearErrors) {
  test::TempDir dir;
  const std::string lib = dir.path("w.w2w");
  ASSERT_TRUE(Library::create(lib).ok());
  auto noCheckpoint =
      runCli({"recommend", "--library", q(lib), "--checkpoint", q(dir.path("nope")), "--item", "1"});
  EXPECT_EQ(noCheckpoint.exitCode, 1);
  EXPECT_TRUE(noCheckpoint.err.contains("nope")) << noCheckpoint.err.toStdString();
  auto usage = runCli({"recommend", "--library", q(lib), "--checkpoint", "x"});
  EXPECT_EQ(usage.exitCode, 2);
}

}  // namespace
}  // namespace w2w
