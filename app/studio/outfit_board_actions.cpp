// The board's actions on whole outfits: modify at random (the seed's
// modified outfit), complete the look, save and open saved outfits. The view
// itself (slots, score, candidates) is outfit_board_view.cpp.
#include <QInputDialog>
#include <QMessageBox>

#include <algorithm>

#include "category_style.h"
#include "compat/modified_sampler.h"
#include "compat/rng.h"
#include "compat_service.h"
#include "library/library.h"
#include "library_controller.h"
#include "outfit_board_text.h"
#include "outfit_board_view.h"

namespace w2w {

using board_text::neededNames;
using board_text::outfitTitle;
using board_text::slotNames;

void OutfitBoardView::modifyAtRandom() {
  Library* library = library_->library();
  if (!library) return;
  if (!pieces_.isComplete()) {
    say(tr("Modify at random changes a whole outfit: make one on the board first (still needed: %1).")
            .arg(neededNames(pieces_.missing())));
    return;
  }
  auto outfits = library->outfits();
  if (!outfits) {
    say(QString::fromStdString(outfits.message()));
    return;
  }
  // The seed's modified outfit, drawn by the core's sampler: the board is
  // outfit 0, the library's outfits the others. Outfits sharing a piece with
  // the board are left out, so every replaced piece changes.
  std::vector<BoardPieces> sources = {pieces_};
  for (const Outfit& o : *outfits) {
    const BoardPieces p = BoardPieces::of(o);
    const std::vector<Id> items = p.items();
    if (p.isComplete() &&
        std::none_of(items.begin(), items.end(), [&](Id id) { return pieces_.contains(id); }))
      sources.push_back(p);
  }
  if (sources.size() < 2) {
    say(
        tr("Modify at random takes pieces from other outfits, and the library has no outfit that shares no "
           "piece with this one. Import more outfit photos."));
    return;
  }
  // One slot per board slot; the sampler picks two the board fills, each
  // from another outfit that fills it.
  const int slotCount = static_cast<int>(kBoardSlots.size());
  std::vector<std::uint8_t> present;
  for (const BoardPieces& p : sources)
    for (Category c : kBoardSlots) present.push_back(p[c] != 0);
  compat::Rng rng(random_());
  const compat::ModifiedOutfit modified = compat::sampleModified(present, slotCount, rng).front();
  BoardPieces after = pieces_;
  std::vector<Category> replaced;
  for (int slot : modified.replaced) {
    const Category c = kBoardSlots[static_cast<std::size_t>(slot)];
    after.set(c, sources[static_cast<std::size_t>(modified.source[static_cast<std::size_t>(slot)])][c]);
    if (after[c] != pieces_[c]) replaced.push_back(c);
  }
  if (replaced.empty()) {
    say(
        tr("Modify at random takes pieces from other outfits, and no other outfit has pieces of the kinds on "
           "the board."));
    return;
  }
  setPieces(after, tr("Modify at random"));
  say(tr("Modified at random (the seed's modified outfit): new pieces from other outfits for %1.")
          .arg(slotNames(replaced)));
}

void OutfitBoardView::completeTheLook() {
  if (pieces_.isEmpty()) {
    say(tr("Complete the look starts from the pieces on the board: put at least one there first."));
    return;
  }
  if (pieces_.isComplete()) {
    say(tr(
        "The board holds a whole outfit, so there is nothing to complete. To try other pieces, select a slot "
        "and press Delete to empty it, or press Show recommendations (Ctrl+R) for alternatives to every "
        "piece and for an outer layer, bag or accessory."));
    return;
  }
  auto engine = compat_->recommender();
  if (!engine) {
    say(compat_->recommenderBuilding() ? tr("The candidates are still being prepared; try again in a moment.")
                                       : tr("Cannot complete the look: %1").arg(compat_->recommenderError()));
    return;
  }
  std::vector<GivenPiece> given;
  for (Id item : pieces_.items()) {
    auto piece = engine->piece(item);
    if (!piece) {
      say(tr("%1 is not encoded yet: encode the library first (Embeddings view).")
              .arg(library_->itemName(item).text()));
      return;
    }
    given.push_back(*piece);
  }
  // Fills what a valid outfit still needs: with one piece, the best whole
  // outfit around it (the others chosen together); otherwise the best piece
  // for each needed category, given the others.
  BoardPieces after = pieces_;
  if (given.size() == 1) {
    auto outfits = engine->complete(given.front(), {});
    if (outfits && !outfits->empty()) {
      for (const OutfitItem& item : outfits->front().items)
        if (item.item && !after[item.category] && after.accepts(item.category))
          after.set(item.category, item.item);
    }
  } else {
    std::vector<Category> needed = pieces_.missing();
    // Neither separates nor a one-piece yet: the recommender's best of each decides.
    if (std::find(needed.begin(), needed.end(), Category::Onepiece) != needed.end())
      needed = {Category::Onepiece};
    for (Category c : needed) {
      auto ranked = engine->rank(given, c, {});
      if (ranked && !ranked->empty()) after.set(c, ranked->front().itemId);
    }
    for (Category c : after.missing()) {
      auto ranked = engine->rank(given, c, {});
      if (ranked && !ranked->empty()) after.set(c, ranked->front().itemId);
    }
  }
  QStringList added;
  for (Category c : kBoardSlots)
    if (after[c] && after[c] != pieces_[c]) added << library_->itemName(after[c]).text();
  if (added.isEmpty()) {
    say(tr("No piece in the library completes this look: the missing kinds have no encoded candidates."));
    return;
  }
  setPieces(after, tr("Complete the look"));
  say(tr("Completed the look with %1.").arg(added.join(QStringLiteral("; "))));
}

void OutfitBoardView::askAndSave() {
  if (!pieces_.isComplete()) {
    say(saveOutfit(QString()));
    return;
  }
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Save Outfit"), tr("Name of the outfit:"),
                                             QLineEdit::Normal, QString(), &ok);
  if (!ok) return;
  const QString error = saveOutfit(name);
  if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot save the outfit"), error);
}

QString OutfitBoardView::saveOutfit(const QString& name) {
  Library* library = library_->library();
  if (!library) return tr("No library is open.");
  if (!pieces_.isComplete())
    return tr("The pieces make no outfit yet. Still needed: %1.").arg(neededNames(pieces_.missing()));
  if (auto saved = library->outfits(OutfitOrigin::User)) {
    for (const Outfit& o : *saved) {
      if (BoardPieces::of(o) == pieces_) {
        say(tr("This outfit is already saved as “%1”.").arg(outfitTitle(o)));
        return {};
      }
    }
  }
  Outfit outfit;
  outfit.name = name.trimmed().toStdString();
  for (Category c : kBoardSlots) outfit.setMember(c, pieces_[c]);
  outfit.origin = OutfitOrigin::User;
  if (const QString error = library_->addOutfit(outfit); !error.isEmpty()) return error;
  say(tr("Saved “%1” in the library: it is listed under Saved outfits, and undo on the board does not remove "
         "it.")
          .arg(outfitTitle(outfit)));
  return {};
}

QString OutfitBoardView::openSavedOutfit(Id outfitId) {
  Library* library = library_->library();
  if (!library) return tr("No library is open.");
  auto outfit = library->outfit(outfitId);
  if (!outfit) return QString::fromStdString(outfit.message());
  if (!*outfit) return tr("The outfit is no longer in the library.");
  const BoardPieces pieces = BoardPieces::of(**outfit);
  if (const std::vector<Id> gone = library_->missingItems(pieces.items()); !gone.empty())
    return tr("A piece of this outfit is no longer in the library.");
  setPieces(pieces, tr("Open %1").arg(outfitTitle(**outfit)));
  say(tr("“%1” is on the board.").arg(outfitTitle(**outfit)));
  return {};
}

}  // namespace w2w
