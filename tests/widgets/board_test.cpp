// The outfit board and the recommendations: swapping a piece changes the
// score, undo restores it, random modification follows the seed, a slot is
// emptied alone, saving is never undone, the board outlives a restart, and
// the recommendations complete a look or offer alternatives to every piece.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QTest>
#include <QToolBar>

#include <cmath>

#include "common/seed_slots.h"
#include "compat/trainer.h"
#include "compat/verdict.h"
#include "compat_service.h"
#include "embed/basic_encoder.h"
#include "encoder_service.h"
#include "item_slot.h"
#include "kept_pieces.h"
#include "library_controller.h"
#include "library_grid_model.h"
#include "main_window.h"
#include "outfit_board_view.h"
#include "recommendations_view.h"
#include "saved_outfits_panel.h"
#include "studio_settings.h"
#include "synthetic_outfits.h"
#include "test_support.h"
#include "thumbnail_cache.h"
#include "translation_manager.h"
#include "vision/crop_renderer.h"

namespace w2w {
namespace {

constexpr int kOutfits = 8;
constexpr int kDim = 16;

// Eight outfits of standalone items whose "basic-v1" embeddings carry a
// planted style (so a trained head has something to learn), one user outfit
// per row of items.
struct BoardFixture {
  test::TempDir dir;
  StudioSettings settings;
  LibraryController library;
  EncoderService encoders{&settings};
  CompatService compat{&library, &encoders, &settings};
  ThumbnailCache thumbnails{64, QString::fromStdString(dir.path("cache"))};
  LibraryGridModel wardrobe{&thumbnails};
  std::array<std::vector<Id>, kCategoryCount> items;
  std::string path;

  explicit BoardFixture(bool withOutfits = true) {
    settings.setEncoder("basic");
    path = dir.path("w.w2w");
    auto created = Library::create(path);
    EXPECT_TRUE((*created)->registerModel({BasicEncoder::kModelId, "Basic", "basic", kDim, "", ""}).ok());
    const compat::OutfitSet planted = compat::synth::plantedOutfits(kOutfits, kDim, 4, 0.3, 1, 2);
    // Each planted outfit: a top, a bottom and shoes, saved as an outfit; and
    // beside it a one-piece and a bag carrying the same style (the top's and
    // the bottom's vectors), in no outfit.
    const auto add = [&](Category c, int o, const float* v) {
      const int n = o * kCategoryCount + categoryIndex(c);
      const CropImage crop = makeCropImage(renderWholeImage(test::makeTestImage(30, 40, n), nullptr, 48));
      const std::string file = dir.path(std::string(categoryName(c)) + std::to_string(o) + ".jpg");
      const Id id = (*created)->addStandaloneItem(c, {file, crop.hash, 1, 30, 40}, crop).value();
      EXPECT_TRUE((*created)->putEmbedding(crop.hash, BasicEncoder::kModelId, {v, v + kDim}).ok());
      items[static_cast<std::size_t>(categoryIndex(c))].push_back(id);
      return id;
    };
    for (int o = 0; o < kOutfits; ++o) {
      Outfit outfit;
      outfit.name = "look " + std::to_string(o);
      for (Category c : kSeedSlots) outfit.setMember(c, add(c, o, planted.vector(o, seedSlot(c))));
      add(Category::Onepiece, o, planted.vector(o, seedSlot(Category::Top)));
      add(Category::Bag, o, planted.vector(o, seedSlot(Category::Bottom)));
      if (withOutfits) {
        EXPECT_TRUE((*created)->addOutfit(outfit).ok());
      }
    }
    created->reset();
    open();
  }
  void open() {
    EXPECT_TRUE(library.openLibrary(QString::fromStdString(path)).isEmpty());
    wardrobe.setEntries(library.gridEntries());
    EXPECT_TRUE(QTest::qWaitFor([&] { return compat.recommender() != nullptr; }, 20000));
  }
  Id item(Category c, int i) const {
    return items[static_cast<std::size_t>(categoryIndex(c))][static_cast<std::size_t>(i)];
  }
  BoardPieces outfit(int top, int bottom, int shoes) const {
    BoardPieces p;
    p.set(Category::Top, item(Category::Top, top));
    p.set(Category::Bottom, item(Category::Bottom, bottom));
    p.set(Category::Shoes, item(Category::Shoes, shoes));
    return p;
  }
  int outfitOf(Id id) const {  // which planted outfit an item belongs to
    for (const auto& column : items) {
      for (std::size_t i = 0; i < column.size(); ++i)
        if (column[i] == id) return static_cast<int>(i);
    }
    return -1;
  }
  std::vector<Outfit> saved() { return library.library()->outfits(OutfitOrigin::User).value(); }
};

TEST(OutfitBoard, SwappingAPieceChangesTheScoreAndUndoRestoresIt) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  EXPECT_TRUE(std::isnan(board.score())) << "empty board: no score";
  board.setPieces(f.outfit(0, 0, 0), "test");
  const double first = board.score();
  ASSERT_FALSE(std::isnan(first));
  EXPECT_NEAR(first, f.compat.score(f.outfit(0, 0, 0))->score, 1e-9);

  board.setPiece(Category::Shoes, f.item(Category::Shoes, 3));
  EXPECT_EQ(board.pieces()[Category::Shoes], f.item(Category::Shoes, 3));
  EXPECT_NE(board.score(), first) << "a different pair of shoes scores differently";
  board.undoStack()->undo();
  EXPECT_EQ(board.pieces()[Category::Shoes], f.item(Category::Shoes, 0));
  EXPECT_DOUBLE_EQ(board.score(), first);
}

TEST(OutfitBoard, AnItemAlwaysGoesToItsOwnSlotAndIsNamedByItsFile) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  board.setPiece(Category::Top, f.item(Category::Shoes, 2));  // dropped on the wrong slot
  EXPECT_EQ(board.pieces()[Category::Top], 0);
  EXPECT_EQ(board.pieces()[Category::Shoes], f.item(Category::Shoes, 2));
  auto* slot = board.findChild<ItemSlot*>("slot_shoes");
  ASSERT_NE(slot, nullptr);
  EXPECT_EQ(slot->toolTip(), "shoes2.jpg · Shoes");
  EXPECT_EQ(slot->caption(), "shoes2.jpg · Shoes");
  EXPECT_TRUE(board.findChild<ItemSlot*>("slot_top")->toolTip().startsWith("Double-click"))
      << "an empty slot says what to do";
  EXPECT_EQ(board.undoStack()->undoText(), "Put shoes2.jpg · Shoes on the board");
  ASSERT_TRUE(f.library.library()->tagItem(f.item(Category::Shoes, 2), "summer").ok());
  EXPECT_EQ(f.library.itemName(f.item(Category::Shoes, 2)).text(), "shoes2.jpg · Shoes · summer");
}

// The seed's modified outfit, drawn by the core's sampler from the library's
// outfits: exactly two pieces change, taken from two different outfits, none
// of which shares a piece with the board.
TEST(OutfitBoard, ModifyAtRandomTakesTwoPiecesFromTwoOtherOutfits) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  const BoardPieces start = f.outfit(1, 1, 1);
  for (int round = 0; round < 20; ++round) {
    board.setPieces(start, "reset");
    board.modifyAtRandom();
    std::vector<int> sources;
    for (Category c : kBoardSlots) {
      if (board.pieces()[c] == start[c]) continue;
      sources.push_back(f.outfitOf(board.pieces()[c]));
      EXPECT_NE(sources.back(), 1);
    }
    ASSERT_EQ(sources.size(), 2u);
    EXPECT_NE(sources[0], sources[1]) << "the two replacements come from two different outfits";
  }
  BoardPieces incomplete = start;
  incomplete.set(Category::Shoes, 0);
  board.setPieces(incomplete, "incomplete");
  board.modifyAtRandom();
  EXPECT_EQ(board.pieces(), incomplete);
  EXPECT_TRUE(board.notice().contains("whole outfit")) << board.notice().toStdString();
}

TEST(OutfitBoard, ModifyAtRandomWithoutOtherOutfitsSaysWhy) {
  BoardFixture f(false);
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  board.setPieces(f.outfit(1, 2, 3), "test");
  board.modifyAtRandom();
  EXPECT_EQ(board.pieces(), f.outfit(1, 2, 3));
  EXPECT_TRUE(board.notice().contains("other outfits")) << board.notice().toStdString();
}

TEST(OutfitBoard, DeleteOnASlotEmptiesThatSlotOnly) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  board.show();
  QApplication::setActiveWindow(&board);
  ASSERT_TRUE(QTest::qWaitForWindowActive(&board));
  board.setPieces(f.outfit(2, 3, 4), "test");
  auto* slot = board.findChild<ItemSlot*>("slot_bottom");
  QTest::mouseClick(slot, Qt::LeftButton);
  EXPECT_EQ(board.selectedSlot(), Category::Bottom);
  QTest::keyClick(slot, Qt::Key_Delete);
  EXPECT_EQ(board.pieces()[Category::Bottom], 0);
  EXPECT_EQ(board.pieces()[Category::Top], f.item(Category::Top, 2));
  EXPECT_EQ(board.pieces()[Category::Shoes], f.item(Category::Shoes, 4));
  QTest::keyClick(slot, Qt::Key_Delete, Qt::ControlModifier | Qt::ShiftModifier);
  EXPECT_TRUE(board.pieces().isEmpty()) << "Ctrl+Shift+Delete clears the board";
}

// Saving is final: no step of the board's undo stack removes the outfit.
TEST(OutfitBoard, SavingIsNotABoardStepAndUndoNeverRemovesASavedOutfit) {
  BoardFixture f(false);
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  EXPECT_FALSE(board.saveOutfit("x").isEmpty()) << "incomplete outfits are refused";
  board.setPieces(f.outfit(2, 4, 5), "test");
  const int steps = board.undoStack()->count();
  EXPECT_TRUE(board.saveOutfit("Friday").isEmpty());
  EXPECT_EQ(board.undoStack()->count(), steps);
  ASSERT_EQ(f.saved().size(), 1u);
  EXPECT_EQ(f.saved()[0].name, "Friday");
  EXPECT_EQ(f.saved()[0].member(Category::Bottom), f.item(Category::Bottom, 4));
  EXPECT_TRUE(board.notice().contains("Friday"));
  while (board.undoStack()->canUndo()) board.undoStack()->undo();
  EXPECT_TRUE(board.pieces().isEmpty());
  EXPECT_EQ(f.saved().size(), 1u) << "undoing past the save keeps the saved outfit";
  board.setPieces(f.outfit(2, 4, 5), "again");
  EXPECT_TRUE(board.saveOutfit("Twice").isEmpty());
  EXPECT_EQ(f.saved().size(), 1u) << "the same pieces are not saved twice";
  EXPECT_TRUE(board.notice().contains("already saved as “Friday”")) << board.notice().toStdString();
}

TEST(OutfitBoard, SavedOutfitsAreListedWithScoresOpenedAndDeletedForGood) {
  BoardFixture f(false);
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  SavedOutfitsPanel panel(&f.library, &f.compat);
  const BoardPieces friday = f.outfit(2, 4, 5);
  board.setPieces(friday, "test");
  ASSERT_TRUE(board.saveOutfit("Friday").isEmpty());
  ASSERT_EQ(panel.list()->count(), 1);
  const QString text = panel.list()->item(0)->text();
  EXPECT_TRUE(text.startsWith("Friday\nscore ")) << text.toStdString();
  EXPECT_TRUE(panel.list()->item(0)->toolTip().contains("top2.jpg · Top"));
  const Id id = panel.list()->item(0)->data(Qt::UserRole).toLongLong();

  board.setPieces({}, "clear");
  ASSERT_TRUE(board.openSavedOutfit(id).isEmpty());
  EXPECT_EQ(board.pieces(), friday);
  EXPECT_FALSE(board.openSavedOutfit(987654).isEmpty()) << "an outfit that is not there";

  ASSERT_TRUE(panel.renameOutfit(id, " Saturday ").isEmpty());
  EXPECT_TRUE(panel.list()->item(0)->text().startsWith("Saturday\n"));
  ASSERT_TRUE(panel.deleteOutfit(id, false).isEmpty());
  EXPECT_EQ(panel.list()->count(), 0);
  while (board.undoStack()->canUndo()) board.undoStack()->undo();
  EXPECT_TRUE(f.saved().empty()) << "board undo never brings a deleted outfit back";
}

// A piece removed from the library leaves the board, and no undo step can
// put it back.
TEST(OutfitBoard, RemovedItemsLeaveTheBoard) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  const Id top = f.item(Category::Top, 2);
  board.setPieces(f.outfit(2, 4, 5), "test");
  GridEntry entry;
  entry.kind = GridEntry::Kind::Item;
  entry.id = top;
  ASSERT_EQ(f.library.removeEntries({entry}), QString());
  EXPECT_EQ(board.pieces()[Category::Top], 0);
  EXPECT_EQ(board.pieces()[Category::Bottom], f.item(Category::Bottom, 4));
  EXPECT_FALSE(board.undoStack()->canUndo());
  EXPECT_FALSE(f.library.library()->item(top)->has_value());
}

TEST(OutfitBoard, CompleteTheLookFillsTheEmptySlotsOrSaysWhyNot) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  board.completeTheLook();
  EXPECT_TRUE(board.pieces().isEmpty());
  EXPECT_TRUE(board.notice().contains("put at least one")) << board.notice().toStdString();
  board.setPiece(Category::Top, f.item(Category::Top, 0));
  board.completeTheLook();
  EXPECT_TRUE(board.pieces().isComplete());
  EXPECT_FALSE(std::isnan(board.score()));
  EXPECT_TRUE(board.notice().startsWith("Completed the look with ")) << board.notice().toStdString();
  EXPECT_TRUE(board.notice().contains(" · Bottom")) << "names what it added";

  const BoardPieces full = board.pieces();
  board.completeTheLook();
  EXPECT_EQ(board.pieces(), full);
  EXPECT_TRUE(board.notice().contains("holds a whole outfit")) << board.notice().toStdString();
}

// The board of each library comes back after a restart, without pieces that
// have left the library meanwhile.
TEST(OutfitBoard, IsKeptAcrossRestartsPerLibrary) {
  BoardFixture f;
  {
    OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, &f.settings);
    board.setPieces(f.outfit(3, 5, 6), "test");
  }
  {
    LibraryController library;
    EXPECT_TRUE(library.openLibrary(QString::fromStdString(f.path)).isEmpty());
    CompatService compat(&library, &f.encoders, &f.settings);
    OutfitBoardView board(&library, &compat, &f.wardrobe, &f.settings);
    EXPECT_EQ(board.pieces(), f.outfit(3, 5, 6));
    EXPECT_FALSE(board.undoStack()->canUndo()) << "a restored board has no history";
    GridEntry shoes;
    shoes.kind = GridEntry::Kind::Item;
    shoes.id = f.item(Category::Shoes, 6);
    ASSERT_EQ(library.removeEntries({shoes}), QString());
  }
  LibraryController library;
  CompatService compat(&library, &f.encoders, &f.settings);
  OutfitBoardView board(&library, &compat, &f.wardrobe, &f.settings);
  EXPECT_TRUE(board.pieces().isEmpty()) << "no library open yet";
  EXPECT_TRUE(library.openLibrary(QString::fromStdString(f.path)).isEmpty());
  EXPECT_EQ(board.pieces()[Category::Top], f.item(Category::Top, 3));
  EXPECT_EQ(board.pieces()[Category::Shoes], 0);
  f.settings.setPieces("board", QString::fromStdString(f.path), QString());
}

// With a trained model the score comes with a verdict against the model's
// threshold; the untrained baseline gives none and says why.
TEST(OutfitBoard, TheScoreComesWithTheTrainedModelsVerdict) {
  BoardFixture f;
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  board.setPieces(f.outfit(0, 0, 0), "test");
  auto* score = board.findChild<QLabel*>("scoreLabel");
  auto* rule = board.findChild<QLabel*>("verdictRule");
  // "No verdict" once, with the reason.
  const QString both = score->text() + '\n' + rule->text();
  EXPECT_EQ(both.count("verdict", Qt::CaseInsensitive), 1) << both.toStdString();
  EXPECT_TRUE(rule->text().contains("No verdict: the untrained baseline has no threshold"))
      << rule->text().toStdString();
  EXPECT_TRUE(score->text().contains("outfit score")) << score->text().toStdString();

  compat::TrainRequest request;
  auto outfits = f.library.library()->outfits(OutfitOrigin::User);
  request.outfits.encoderId = BasicEncoder::kModelId;
  request.outfits.dim = kDim;
  for (const Outfit& o : *outfits) {
    std::array<std::vector<float>, kSeedSlotCount> v;
    std::array<std::string, kSeedSlotCount> keys;
    for (Category c : kSeedSlots) {
      v[static_cast<std::size_t>(seedSlot(c))] = *f.compat.vectorOf(o.member(c));
      keys[static_cast<std::size_t>(seedSlot(c))] = std::to_string(o.member(c));
    }
    request.outfits.add(std::to_string(o.id), keys, v[0].data(), v[1].data(), v[2].data());
  }
  request.config.head.hiddenDim = 32;
  request.config.head.outputDim = 16;
  request.config.head.ensemble = 1;
  request.config.epochs = 2;
  request.config.batchSize = 4;
  request.config.loss.threshold = 0.2;
  request.checkpointDir = f.dir.path("model");
  ASSERT_TRUE(compat::trainCompat(request).ok());
  ASSERT_EQ(f.compat.setCheckpoint(QString::fromStdString(request.checkpointDir)), QString());

  ASSERT_FALSE(std::isnan(board.score()));
  const QString expected = CompatService::verdictText(compat::verdictOf(board.score(), 0.2));
  EXPECT_TRUE(score->text().contains(expected)) << score->text().toStdString();
  EXPECT_TRUE(rule->text().contains("threshold is 0.20")) << rule->text().toStdString();
  EXPECT_EQ(f.compat.verdict(0.26), "goes together");
  EXPECT_EQ(f.compat.verdict(0.21), "borderline");
  EXPECT_EQ(f.compat.verdict(0.14), "clashes");
}

// A step's name can be long (it names a piece by its file and tags): the
// board's toolbar keeps every button in view at 1024x700, in both languages,
// and the step's whole name is in the Undo button's tool tip.
TEST(OutfitBoard, ToolbarButtonsStayInViewAt1024x700WhateverTheStepIsCalled) {
  BoardFixture f;
  const Id top = f.item(Category::Top, 0);
  const std::string tag = "evening-collection-autumn-winter-2026-second-fitting";
  ASSERT_TRUE(f.library.library()->tagItem(top, tag).ok());
  TranslationManager translations;
  MainWindow window(&f.settings, &f.library, &translations);
  window.resize(1024, 700);
  window.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
  ASSERT_TRUE(window.showView("board"));
  auto* board = window.findChild<OutfitBoardView*>();
  board->setPiece(Category::Top, top);
  auto* toolbar = board->findChild<QToolBar*>();
  ASSERT_NE(toolbar, nullptr);
  for (const QString language : {"en", "ko"}) {
    translations.apply(language);
    QApplication::processEvents();
    QApplication::processEvents();
    for (QAction* action : toolbar->actions()) {
      if (action->isSeparator()) continue;
      QWidget* button = toolbar->widgetForAction(action);
      EXPECT_TRUE(button && button->isVisible())
          << language.toStdString() << ": " << action->text().toStdString() << " is in the overflow menu";
    }
  }
  translations.apply("en");
  QApplication::processEvents();
  QAction* undo = window.findChild<QAction*>("actionBoardUndo");
  ASSERT_NE(undo, nullptr);
  EXPECT_EQ(undo->text(), "Undo");
  EXPECT_TRUE(undo->toolTip().contains(QString::fromStdString(tag))) << undo->toolTip().toStdString();
  translations.apply(QString());
  f.settings.setPieces("board", QString::fromStdString(f.path), QString());
}

// The given pieces are there again after a restart, per library, apart from
// the board's.
TEST(Recommendations, TheGivenPiecesAreKeptAcrossRestartsPerLibrary) {
  BoardFixture f;
  BoardPieces two;
  two.set(Category::Top, f.item(Category::Top, 2));
  two.set(Category::Shoes, f.item(Category::Shoes, 4));
  {
    RecommendationsView view(&f.library, &f.compat, &f.wardrobe, &f.settings);
    view.setPieces(two);
  }
  LibraryController library;
  CompatService compat(&library, &f.encoders, &f.settings);
  RecommendationsView view(&library, &compat, &f.wardrobe, &f.settings);
  EXPECT_TRUE(view.pieces().isEmpty()) << "no library open yet";
  ASSERT_TRUE(library.openLibrary(QString::fromStdString(f.path)).isEmpty());
  EXPECT_EQ(view.pieces(), two);
  EXPECT_TRUE(KeptPieces("board", &f.settings, &library).restore().isEmpty()) << "the board keeps its own";
  {
    OutfitBoardView board(&library, &compat, &f.wardrobe, &f.settings);
    EXPECT_TRUE(board.pieces().isEmpty());
  }
  f.settings.setPieces("recommend", QString::fromStdString(f.path), QString());
}

TEST(Recommendations, ListsCandidatesForTheEmptySlots) {
  BoardFixture f;
  RecommendationsView view(&f.library, &f.compat, &f.wardrobe, nullptr);
  BoardPieces two;
  two.set(Category::Top, f.item(Category::Top, 0));
  two.set(Category::Bottom, f.item(Category::Bottom, 0));
  view.setPieces(two);
  EXPECT_EQ(view.list(Category::Shoes)->count(), kOutfits);
  EXPECT_TRUE(view.list(Category::Shoes)->item(0)->text().contains(" · Shoes\nscore "));
  EXPECT_EQ(view.list(Category::Top)->count(), 0);
  EXPECT_EQ(view.outfits()->count(), 0) << "two pieces given: no whole outfits";
  BoardPieces one;
  one.set(Category::Top, f.item(Category::Top, 0));
  view.setPieces(one);
  EXPECT_GT(view.outfits()->count(), 0);
  EXPECT_GT(view.list(Category::Bottom)->count(), 0);
}

// Kinds the library has no pieces of (here outer layers and accessories)
// get no empty column; the status names them once.
TEST(Recommendations, KindsWithNothingToSuggestGiveTheirRoomToTheOthers) {
  BoardFixture f;
  RecommendationsView view(&f.library, &f.compat, &f.wardrobe, nullptr);
  view.show();
  BoardPieces top;
  top.set(Category::Top, f.item(Category::Top, 0));
  view.setPieces(top);
  const auto columnShown = [&view](Category c) { return view.list(c)->isVisibleTo(&view); };
  EXPECT_TRUE(columnShown(Category::Bottom));
  EXPECT_TRUE(columnShown(Category::Shoes));
  EXPECT_TRUE(columnShown(Category::Bag));
  EXPECT_FALSE(columnShown(Category::Outer));
  EXPECT_FALSE(columnShown(Category::Accessory));
  EXPECT_TRUE(view.status().contains("Nothing to suggest for: Outer layer, Accessory."))
      << view.status().toStdString();
}

// Every slot filled: each list offers the pieces that could replace one.
TEST(Recommendations, WithEverySlotFilledOffersAlternativesForEachPiece) {
  BoardFixture f;
  RecommendationsView view(&f.library, &f.compat, &f.wardrobe, nullptr);
  const BoardPieces full = f.outfit(1, 2, 3);
  view.setPieces(full);
  EXPECT_EQ(view.list(Category::Onepiece)->count(), 0) << "separates are not completed with a one-piece";
  for (Category c : {Category::Top, Category::Bottom, Category::Shoes, Category::Bag}) {
    QListWidget* list = view.list(c);
    ASSERT_GT(list->count(), 0) << categoryName(c);
    for (int row = 0; row < list->count(); ++row)
      EXPECT_NE(list->item(row)->data(Qt::UserRole).toLongLong(), full[c])
          << "the piece itself is not offered";
  }
  EXPECT_TRUE(view.status().contains("whole outfit")) << view.status().toStdString();
}

// A dress needs shoes, may take an outer layer and a bag, never a bottom.
TEST(Recommendations, ADressIsCompletedWithShoesAndABagNeverABottom) {
  BoardFixture f;
  RecommendationsView view(&f.library, &f.compat, &f.wardrobe, nullptr);
  BoardPieces dress;
  dress.set(Category::Onepiece, f.item(Category::Onepiece, 2));
  view.setPieces(dress);
  EXPECT_EQ(view.list(Category::Shoes)->count(), kOutfits);
  EXPECT_EQ(view.list(Category::Bag)->count(), kOutfits);
  EXPECT_EQ(view.list(Category::Bottom)->count(), 0);
  EXPECT_EQ(view.list(Category::Top)->count(), 0);
  ASSERT_GT(view.outfits()->count(), 0);
  const BoardPieces whole = BoardPieces::fromText(view.outfits()->item(0)->data(Qt::UserRole).toString());
  EXPECT_EQ(whole[Category::Onepiece], dress[Category::Onepiece]);
  EXPECT_TRUE(whole.isComplete());
  EXPECT_EQ(whole[Category::Bottom], 0);
}

// A dress takes the place of the top and the bottom; with shoes and a bag it
// is a whole outfit that the board scores and saves with all four pieces.
TEST(OutfitBoard, ADressWithShoesAndABagIsAnOutfit) {
  BoardFixture f(false);
  OutfitBoardView board(&f.library, &f.compat, &f.wardrobe, nullptr);
  board.setPieces(f.outfit(1, 1, 1), "separates");
  board.setPiece(Category::Onepiece, f.item(Category::Onepiece, 1));
  EXPECT_EQ(board.pieces()[Category::Top], 0);
  EXPECT_EQ(board.pieces()[Category::Bottom], 0);
  EXPECT_EQ(board.pieces()[Category::Shoes], f.item(Category::Shoes, 1));
  EXPECT_FALSE(board.findChild<ItemSlot*>("slot_bottom")->isEnabled()) << "no bottom with a dress";
  EXPECT_TRUE(board.findChild<ItemSlot*>("slot_top")->isEnabled()) << "a top under it stays possible";
  EXPECT_TRUE(board.pieces().isComplete());
  EXPECT_FALSE(std::isnan(board.score()));
  board.setPiece(Category::Bag, f.item(Category::Bag, 1));
  EXPECT_FALSE(std::isnan(board.score()));
  ASSERT_TRUE(board.saveOutfit("garden party").isEmpty());
  ASSERT_EQ(f.saved().size(), 1u);
  const Outfit saved = f.saved().front();
  EXPECT_EQ(saved.items.size(), 3u);
  EXPECT_EQ(saved.member(Category::Onepiece), f.item(Category::Onepiece, 1));
  EXPECT_EQ(saved.member(Category::Bag), f.item(Category::Bag, 1));
  board.undoStack()->undo();  // the bag
  board.undoStack()->undo();  // the dress
  EXPECT_EQ(board.pieces(), f.outfit(1, 1, 1)) << "undo brings the separates back";
}

}  // namespace
}  // namespace w2w
