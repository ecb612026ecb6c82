#!/usr/bin/env bash
# The researcher's journey in a real X session, with mouse and keys only, a
# numbered screenshot after every step:
#
#   scripts/journeys/researcher.sh [DISPLAY]     (default display :12)
#
# the demo library (made by `what2wear demo`), the Training view (Alt+4): a
# small run set up in the form and started (Ctrl+Return), paused and resumed
# (Ctrl+P), a second, shorter run, both runs selected (click, Ctrl+click) so
# their curves lie over each other, File > Export… of the embeddings and pair
# similarities; then the Training view at 1024x700, maximized again, and in
# Korean at 1024x700.
#
# Environment: W2W_STUDIO and W2W_CLI (default: the build folder's), XS_SHOTS
# (default /tmp/journey-researcher), LIBRARY (a library with outfits to use
# instead of making the demo library, which takes a few minutes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export XS_SHOTS="${XS_SHOTS:-/tmp/journey-researcher}"
rm -rf "$XS_SHOTS/home" "$XS_SHOTS/work"
# shellcheck source=xsession.sh
source "$here/xsession.sh"
W2W_CLI="${W2W_CLI:-$repo/build/app/cli/what2wear}"
[ -x "$W2W_CLI" ] || xs_fail "no command-line tool at $W2W_CLI (build it, or set W2W_CLI)"

# Where things are in the maximized 1280x800 window (window coordinates).
FIELD_X=260 EPOCHS_Y=114 BATCH_Y=172 ENSEMBLE_Y=316 PATIENCE_Y=345 # the form's fields
RUN_X=425 RUN1_Y=707 RUN2_Y=732                                    # the runs table's rows

work="$XS_SHOTS/work"
mkdir -p "$work"
library="${LIBRARY:-}"
if [ -z "$library" ]; then
  library="$work/demo.w2w"
  xs_log "making the demo library (imports, crops, encodes and trains; a few minutes)"
  "$W2W_CLI" demo --library "$library" >"$work/demo.log" 2>&1 || xs_fail "what2wear demo failed (see $work/demo.log)"
fi
# How many training runs the library lists.
runs_at_least() {
  [ "$("$W2W_CLI" library info "$library" --json | tr -d ' \n' | grep -o '"training_runs":[0-9]*' | cut -d: -f2)" -ge "$1" ] 2>/dev/null
}
# A form field: click into it, select its number, type, Tab.
set_field() {
  xs_click "$FIELD_X" "$1"
  xs_key ctrl+a
  xs_type "$2"
  xs_key Tab
}

xs_start "${1:-12}" 1280x800
xs_studio --library "$library" --language en
xs_maximize
xs_key alt+4
sleep 1
xs_shot training

# A small run: 40 epochs of one head, no early stop.
set_field "$EPOCHS_Y" 40
set_field "$BATCH_Y" 8
set_field "$ENSEMBLE_Y" 1
set_field "$PATIENCE_Y" 40
xs_shot training-form
xs_key ctrl+Return
xs_wait_for 60 runs_at_least 1 || xs_fail "Ctrl+Return started no run"
sleep 1
xs_key ctrl+p
sleep 2
xs_shot training-paused
xs_key ctrl+p
sleep 1
xs_shot training-resumed
sleep 20
xs_shot training-finished

# A second, shorter run.
set_field "$EPOCHS_Y" 10
xs_key ctrl+Return
xs_wait_for 60 runs_at_least 2 || xs_fail "Ctrl+Return started no second run"
sleep 10
xs_shot training-second-run

# Compare: click one run, Ctrl+click the other.
xs_click "$RUN_X" "$RUN1_Y"
xs_move "$RUN_X" "$RUN2_Y"
xdotool keydown ctrl click 1 keyup ctrl
xs_settle
xs_shot training-compared

# File > Export…: the embeddings, into a new folder.
xs_key alt+f
xs_shot file-menu
xs_key e
sleep 1
xs_shot export-dialog
xs_key alt+f Down Down
xs_key alt+s ctrl+a
xs_type "$work/vectors"
xs_shot export-dialog-filled
xs_key Return
xs_wait_for 60 test -d "$work/vectors" || xs_fail "nothing was exported"
sleep 2
xs_shot exported

# A small window, then large again.
xs_resize 1024 700
sleep 1
xs_shot training-1024x700
xs_maximize
sleep 1
xs_shot training-maximized-again
xs_close

# Korean, small window.
xs_studio --library "$library" --language ko
xs_resize 1024 700
xs_key alt+4
sleep 1
xs_shot ko-training-1024x700
xs_close
xs_log "done: $(ls "$XS_SHOTS"/[0-9][0-9]-*.png | wc -l) screenshots in $XS_SHOTS"
