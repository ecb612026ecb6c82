// The outfit board and the recommendations: swapping a piece changes the
// score, undo restores it, random modification changes two pieces, saving
// stores an outfit, and the recommendations complete a look.
#include <gtest/gtest.h>

#include <QComboBox>

#include <QApplication>
#include <QElapsedTimer>
#include <QListWidget>

#include <cmath>
#include <random>

#include "compat_service.h"
#include "embed/basic_encoder.h"
#include "encoder_service.h"
#include "library_controller.h"
#include "outfit_board_view.h"
#include "recommendations_view.h"
#include "studio_settings.h"
#include "test_support.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

// Six items per category with random unit "basic-v1" embeddings.
struct BoardFixture {
  test::TempDir dir;
  StudioSettings settings;
  LibraryController library;
  EncoderService encoders{&settings};
  CompatService compat{&library, &encoders, &settings};
  std::array<std::vector<Id>, 3> items;

  BoardFixture() {
    settings.setEncoder("basic");
    const std::string path = dir.path("w.w2w");
    auto created = Library::create(path);
    EXPECT_TRUE((*created)->registerModel({BasicEncoder::kModelId, "Basic", "basic", 8, "", ""}).ok());
    std::mt19937 rng(1);
    std::normal_distribution<float> normal;
    int n = 0;
    for (Category c : kSeedSlots) {
      for (int i = 0; i < 6; ++i, ++n) {
        const CropImage crop = makeCropImage(renderWholeImage(test::makeTestImage(30, 40, n), nullptr, 48));
        const Id id =
            (*created)
                ->addStandaloneItem(c, {dir.path("i" + std::to_string(n)), crop.hash, 1, 30, 40}, crop)
                .value();
        std::vector<float> v(8);
        for (float& x : v) x = normal(rng);
        EXPECT_TRUE((*created)->putEmbedding(crop.hash, BasicEncoder::kModelId, v).ok());
        items[static_cast<std::size_t>(seedSlot(c))].push_back(id);
      }
    }
    created->reset();
    EXPECT_TRUE(library.openLibrary(QString::fromStdString(path)).isEmpty());
    QElapsedTimer timer;
    timer.start();
    while (!compat.recommender() && timer.elapsed() < 20000)
      QApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  Id item(Category c, int i) {
    return items[static_cast<std::size_t>(seedSlot(c))][static_cast<std::size_t>(i)];
  }
};

TEST(OutfitBoard, SwappingAPieceChangesTheScoreAndUndoRestoresIt) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat);
  EXPECT_TRUE(std::isnan(board.score())) << "empty board: no score";
  board.setPieces({f.item(Category::Top, 0), f.item(Category::Bottom, 0), f.item(Category::Shoes, 0)},
                  "test");
  const double first = board.score();
  ASSERT_FALSE(std::isnan(first));
  auto expected =
      f.compat.score(f.item(Category::Top, 0), f.item(Category::Bottom, 0), f.item(Category::Shoes, 0));
  EXPECT_NEAR(first, expected->score, 1e-9);

  board.setPiece(Category::Shoes, f.item(Category::Shoes, 3));
  EXPECT_EQ(board.pieces()[2], f.item(Category::Shoes, 3));
  EXPECT_NE(board.score(), first) << "a different pair of shoes scores differently";
  board.undoStack()->undo();
  EXPECT_EQ(board.pieces()[2], f.item(Category::Shoes, 0));
  EXPECT_DOUBLE_EQ(board.score(), first);
}

TEST(OutfitBoard, AnItemAlwaysGoesToItsOwnSlot) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat);
  board.setPiece(Category::Top, f.item(Category::Shoes, 2));  // dropped on the wrong slot
  EXPECT_EQ(board.pieces()[0], 0);
  EXPECT_EQ(board.pieces()[2], f.item(Category::Shoes, 2));
}

TEST(OutfitBoard, ModifyAtRandomReplacesExactlyTwoPieces) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat);
  const BoardPieces start = {f.item(Category::Top, 1), f.item(Category::Bottom, 1),
                             f.item(Category::Shoes, 1)};
  for (int round = 0; round < 10; ++round) {
    board.setPieces(start, "reset");
    board.modifyAtRandom();
    int changed = 0;
    for (int c = 0; c < 3; ++c)
      changed += board.pieces()[static_cast<std::size_t>(c)] != start[static_cast<std::size_t>(c)];
    EXPECT_EQ(changed, 2);
  }
}

TEST(OutfitBoard, SavesTheOutfitToTheLibrary) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat);
  EXPECT_FALSE(board.saveOutfit("x").isEmpty()) << "incomplete outfits are refused";
  board.setPieces({f.item(Category::Top, 2), f.item(Category::Bottom, 4), f.item(Category::Shoes, 5)},
                  "test");
  EXPECT_TRUE(board.saveOutfit("Friday").isEmpty());
  auto saved = f.library.library()->outfits(OutfitOrigin::User);
  ASSERT_EQ(saved->size(), 1u);
  EXPECT_EQ((*saved)[0].name, "Friday");
  EXPECT_EQ((*saved)[0].member(Category::Bottom), f.item(Category::Bottom, 4));
}

// Saved outfits come back to the board from the toolbar's list; deleting one
// is undoable, as saving is.
TEST(OutfitBoard, OpensAndDeletesSavedOutfitsUndoably) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat);
  const BoardPieces friday{f.item(Category::Top, 2), f.item(Category::Bottom, 4), f.item(Category::Shoes, 5)};
  board.setPieces(friday, "test");
  ASSERT_TRUE(board.saveOutfit("Friday").isEmpty());
  QComboBox* saved = board.savedOutfits();
  ASSERT_EQ(saved->count(), 2) << "the prompt and Friday";
  EXPECT_EQ(saved->itemText(1), "Friday");
  const Id id = saved->itemData(1).toLongLong();

  board.setPieces({0, 0, 0}, "clear");
  ASSERT_TRUE(board.openSavedOutfit(id).isEmpty());
  EXPECT_EQ(board.pieces(), friday);

  ASSERT_TRUE(board.deleteSavedOutfit(id).isEmpty());
  EXPECT_EQ(saved->count(), 1);
  EXPECT_TRUE(f.library.library()->outfits(OutfitOrigin::User)->empty());
  board.undoStack()->undo();  // the deletion
  ASSERT_EQ(saved->count(), 2);
  EXPECT_EQ(f.library.library()->outfits(OutfitOrigin::User)->front().name, "Friday");
  EXPECT_EQ(board.pieces(), friday) << "undoing a deletion leaves the board as it was";
  EXPECT_FALSE(board.openSavedOutfit(987654).isEmpty()) << "an outfit that is not there";

  board.undoStack()->undo();  // opening it
  board.undoStack()->undo();  // clearing the board
  board.undoStack()->undo();  // saving it
  EXPECT_TRUE(f.library.library()->outfits(OutfitOrigin::User)->empty());
}

// A piece removed from the library leaves the board, and no undo step can
// put it back.
TEST(OutfitBoard, RemovedItemsLeaveTheBoard) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat);
  const Id top = f.item(Category::Top, 2);
  board.setPieces({top, f.item(Category::Bottom, 4), f.item(Category::Shoes, 5)}, "test");
  GridEntry entry;
  entry.kind = GridEntry::Kind::Item;
  entry.id = top;
  ASSERT_EQ(f.library.removeEntries({entry}), QString());
  EXPECT_EQ(board.pieces()[0], 0);
  EXPECT_EQ(board.pieces()[1], f.item(Category::Bottom, 4));
  EXPECT_FALSE(board.undoStack()->canUndo());
  EXPECT_FALSE(f.library.library()->item(top)->has_value());
}

TEST(OutfitBoard, CompleteTheLookFillsTheEmptySlots) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat);
  ASSERT_NE(f.compat.recommender(), nullptr);
  board.setPiece(Category::Top, f.item(Category::Top, 0));
  board.completeTheLook();
  EXPECT_NE(board.pieces()[1], 0);
  EXPECT_NE(board.pieces()[2], 0);
  EXPECT_FALSE(std::isnan(board.score()));
}

TEST(Recommendations, ListsCandidatesForTheMissingCategories) {
  BoardFixture f;
  RecommendationsView view(&f.library, &f.compat);
  view.setPieces({f.item(Category::Top, 0), f.item(Category::Bottom, 0), 0});
  EXPECT_EQ(view.list(Category::Shoes)->count(), 6);
  EXPECT_EQ(view.list(Category::Top)->count(), 0);
  EXPECT_EQ(view.outfits()->count(), 0) << "two pieces given: no whole outfits";
  view.setPieces({f.item(Category::Top, 0), 0, 0});
  EXPECT_GT(view.outfits()->count(), 0);
  EXPECT_GT(view.list(Category::Bottom)->count(), 0);
}

}  // namespace
}  // namespace w2w
