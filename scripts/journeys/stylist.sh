#!/usr/bin/env bash
# The stylist's journey in a real X session, with mouse and keys only, a
# numbered screenshot after every step:
#
#   scripts/journeys/stylist.sh [DISPLAY]     (default display :12)
#
# import outfit photos (Ctrl+Shift+I, the folder typed in the dialog), encode
# them, open the board (Alt+5), take a top, a bottom and shoes from the
# wardrobe (double-clicks), swap the bottom, empty the shoes' slot (Delete)
# and complete the look (Ctrl+L), save it (Ctrl+S), undo past the save,
# restart, reopen the saved outfit; from the library, a piece's context menu,
# Enter on a piece, and a drag that rests on the board's tab and ends on a
# slot; then the stylist's views at 1024x700 in Korean.
#
# Environment: W2W_STUDIO and W2W_CLI (default: the build folder's), XS_SHOTS
# (default /tmp/journey-stylist), PHOTOS (how many demo photos, default 6).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export XS_SHOTS="${XS_SHOTS:-/tmp/journey-stylist}"
rm -rf "$XS_SHOTS/home" "$XS_SHOTS/work"
# shellcheck source=xsession.sh
source "$here/xsession.sh"
W2W_CLI="${W2W_CLI:-$repo/build/app/cli/what2wear}"
[ -x "$W2W_CLI" ] || xs_fail "no command-line tool at $W2W_CLI (build it, or set W2W_CLI)"

# Where things are in the maximized 1280x800 window (window coordinates).
WARDROBE_X0=832 WARDROBE_X1=937 WARDROBE_Y0=275 # the first two wardrobe pieces
SLOT_X=113 SLOT_TOP_Y=200 SLOT_BOTTOM_Y=350 SLOT_SHOES_Y=510 # the board's slots (two columns)
TAB_Y=32 BOARD_TAB_X=344                        # the window's "Outfit board" tab
GRID_ROW2_Y=360 GRID_TOP_X=798 GRID_SHOES_X=622 # library grid: a top and shoes of the second row
SIDE_TAB_Y=102 SAVED_TAB_X=1033                 # the board's "Saved outfits" tab (no notice above)
SAVED_ROW_X=950 SAVED_ROW_Y=160                 # the first saved outfit
ENCODE_X=1222 ENCODE_Y=77                       # the Embeddings view's "Encode library"

work="$XS_SHOTS/work"
mkdir -p "$work/photos"
for photo in $(ls "$repo/resources/demo/photos"/*.jpg | head -n "${PHOTOS:-6}"); do cp "$photo" "$work/photos/"; done
library="$work/wardrobe.w2w"
"$W2W_CLI" library init "$library" >/dev/null

# A number from `what2wear library info --json`, e.g. info_count processed.
info_count() {
  "$W2W_CLI" library info "$library" --json | tr -d ' \n' | grep -o "\"$1\":[0-9]*" | head -n1 | cut -d: -f2
}
processed_at_least() { [ "$(info_count processed)" -ge "$1" ] 2>/dev/null; }
outfits_at_least() { [ "$(info_count outfits)" -ge "$1" ] 2>/dev/null; }

xs_start "${1:-12}" 1280x800
xs_studio --library "$library" --language en
xs_maximize
xs_shot library-empty

# Import: the folder dialog, its path typed, Enter.
xs_key ctrl+shift+i
sleep 1.5
xs_shot import-dialog
xs_type "$work/photos"
xs_key Return
xs_wait_for 300 processed_at_least "${PHOTOS:-6}" || xs_fail "the import did not finish in 5 minutes"
sleep 3
xs_shot library-imported

# Encode: the Embeddings view's button (top right).
xs_key alt+3
xs_shot embeddings
xs_click "$ENCODE_X" "$ENCODE_Y"
sleep 2
xs_wait_for 300 bash -c "[ \"\$('$W2W_CLI' library info '$library' --json | tr -d ' \n' | grep -o '\"embeddings\":[0-9]*' | cut -d: -f2)\" -gt 0 ]" ||
  xs_fail "nothing was encoded"
sleep 4
xs_shot embeddings-encoded

# The board: empty, then a piece per slot from the wardrobe.
xs_key alt+5
xs_shot board-empty
for slot in top bottom shoes; do
  xs_dblclick "$WARDROBE_X0" "$WARDROBE_Y0"
  sleep 1
  xs_shot "board-$slot"
done
# Swap the bottom: its slot, then another bottom.
xs_click "$SLOT_X" "$SLOT_BOTTOM_Y"
xs_dblclick "$WARDROBE_X1" "$WARDROBE_Y0"
sleep 1
xs_shot board-swapped
# Empty the shoes' slot, complete the look.
xs_click "$SLOT_X" "$SLOT_SHOES_Y"
xs_key Delete
xs_shot board-shoes-removed
xs_key ctrl+l
sleep 1
xs_shot board-completed
xs_key ctrl+l
xs_shot board-full-complete
# Save as "Friday".
xs_key ctrl+s
sleep 1
xs_shot save-dialog
xs_type "Friday"
xs_key Return
xs_wait_for 30 outfits_at_least 1 || xs_fail "the outfit was not saved"
xs_shot board-saved
# Undo past the save: the saved outfit stays.
xs_click 56 8  # the Edit menu, to see the step named
xs_shot edit-menu
xs_key Escape Escape  # the menu, then the menu bar
for _ in 1 2 3 4 5 6 7 8; do xs_key ctrl+z; done
xs_shot board-undone
outfits_at_least 1 || xs_fail "undo deleted the saved outfit"
xs_key ctrl+shift+z
xs_shot board-redone
xs_key ctrl+r
sleep 1
xs_shot recommendations
xs_key alt+7
sleep 1
xs_shot heatmaps

# Restart: the board is back; the saved outfit reopens.
xs_close
xs_studio --library "$library" --language en
xs_maximize
xs_key alt+5
sleep 1
xs_shot restart-board
xs_click "$SAVED_TAB_X" "$SIDE_TAB_Y"
xs_shot saved-outfits
xs_dblclick "$SAVED_ROW_X" "$SAVED_ROW_Y"
sleep 1
xs_shot saved-reopened
xs_key alt+1
sleep 1
xs_shot library-with-saved
# From the library: the context menu of a piece, Enter on another, and a
# drag that rests on the board's tab (it opens) and ends on the top slot.
xs_rclick "$GRID_SHOES_X" "$GRID_ROW2_Y"
xs_shot library-context-menu
xs_key Escape
xs_click "$GRID_SHOES_X" "$GRID_ROW2_Y"
xs_key Return
sleep 1
xs_shot board-from-library-enter
xs_key alt+1
sleep 1
xs_drag_path 800 "$GRID_TOP_X" "$GRID_ROW2_Y" "$BOARD_TAB_X" "$TAB_Y" "$SLOT_X" "$SLOT_TOP_Y"
sleep 1
xs_shot board-from-library-drag
xs_close

# Small window, Korean: every stylist view.
xs_studio --library "$library" --language ko
xs_resize 1024 700
for view in 1 5 6 7; do
  xs_key "alt+$view"
  sleep 1
  xs_shot "ko-1024x700-view$view"
done
xs_close
xs_log "done: $(ls "$XS_SHOTS"/[0-9][0-9]-*.png | wc -l) screenshots in $XS_SHOTS"
