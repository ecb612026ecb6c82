#!/usr/bin/env bash
# The curator's journey in a real X session, with the mouse and the keyboard
# only, one numbered screenshot per step: open the Crops view on a library of
# demo photos, delete a wrong shoes box and draw it again (up and to the
# left, then down and to the right), zoom and pan, fix an edge that lies under
# another box, mark a garment not visible, accept and flag, filter the queue,
# restart the studio, then the same view at 1024x700 and in Korean.
#
#   scripts/journeys/curator.sh [DISPLAY]      (default 13)
#
# Needs a build (build/app/studio/what2wear-studio, build/app/cli/what2wear),
# Xvfb, openbox, xdotool and ImageMagick. Screenshots: $XS_SHOTS (default
# /tmp/journey-curator); the library it makes lies beside them.
set -eu # not pipefail: the helper polls with "xdotool search | head", which fails until the window is there
here="$(cd "$(dirname "$0")" && pwd)"
XS_SHOTS="${XS_SHOTS:-/tmp/journey-curator}"
# shellcheck source=xsession.sh
source "$here/xsession.sh"
W2W_CLI="${W2W_CLI:-$xs_repo/build/app/cli/what2wear}"
[ -x "$W2W_CLI" ] || xs_fail "no command line at $W2W_CLI (build it, or set W2W_CLI)"

xs_start "${1:-13}" 1280x800

# A library of six demo photos, cropped by the app's own pipeline.
work="$XS_SHOTS/work"
rm -rf "$work" "$XS_HOME"
mkdir -p "$work" "$XS_HOME"
lib="$work/curator.w2w"
"$W2W_CLI" library init "$lib" >/dev/null
mapfile -t photos < <(find "$xs_repo/resources/demo/photos" -name '*.jpg' | sort | head -n 6)
"$W2W_CLI" import --library "$lib" "${photos[@]}" >/dev/null 2>&1

# Where the photo lies on screen: the crop canvas at 1280x800 (measured from
# the layout: the area left of the queue, between the toolbar and the
# legend), the photo fitted into it and centred. photo_xy X Y prints window
# coordinates of photo pixel X, Y.
canvas_x=9 canvas_y=109 canvas_w=998 canvas_h=626
photo_w=0 photo_h=0
photo_xy() {
  awk -v x="$1" -v y="$2" -v cx="$canvas_x" -v cy="$canvas_y" -v cw="$canvas_w" -v ch="$canvas_h" \
    -v pw="$photo_w" -v ph="$photo_h" 'BEGIN {
      s = cw / pw; if (ch / ph < s) s = ch / ph;
      ox = cx + (cw - pw * s) / 2; oy = cy + (ch - ph * s) / 2;
      printf "%d %d\n", ox + x * s, oy + y * s }'
}
click_photo() { xs_click $(photo_xy "$1" "$2"); }
drag_photo() { # x1 y1 x2 y2 in photo pixels
  local a b
  a="$(photo_xy "$1" "$2")"
  b="$(photo_xy "$3" "$4")"
  xs_drag ${a% *} ${a#* } ${b% *} ${b#* } 0
}
# The queue's first photo (every photo has its three crops: the least
# certain one) and a crop's box in it: "x y w h".
first="$(sqlite3 "$lib" "SELECT p.path FROM photos p JOIN items i ON i.photo_id = p.id
                         GROUP BY p.id ORDER BY min(i.confidence), p.id LIMIT 1")"
read -r photo_w photo_h < <(identify -format '%w %h\n' "$first" | head -n1)
box_of() {
  sqlite3 -separator ' ' "$lib" "SELECT box_x, box_y, box_w, box_h FROM items i JOIN photos p
                                 ON p.id = i.photo_id WHERE p.path = '$first' AND i.category = '$1'"
}

xs_studio --library "$lib"
xs_resize 1280 800
xs_key ctrl+Tab # Library -> Crops
xs_shot crops-first-photo

# Where the top box covers the bottom box, the bottom's right edge is grabbed
# (choose bottom with 3, drag its edge to the right).
read -r bx by bw bh < <(box_of bottom)
click_photo 3 3
xs_key 3
xs_shot bottom-chosen
drag_photo $((bx + bw)) $((by + bh / 2)) $((bx + bw + photo_w / 10)) $((by + bh / 2))
xs_shot bottom-edge-dragged-under-top

# The shoes box is wrong: choose shoes (5), delete it, draw it again up and to
# the left (5 arms drawing for a category without a box), undo, and draw it
# down and to the right.
read -r sx sy sw sh < <(box_of shoes)
xs_key 5 Delete
xs_shot shoes-deleted-missing
xs_key 5
drag_photo $((sx + sw)) $((sy + sh)) "$sx" "$sy"
xs_shot shoes-drawn-up-left
xs_key ctrl+z 5 # undo the drawing, Shoes again
drag_photo "$sx" "$sy" $((sx + sw)) $((sy + sh))
xs_shot shoes-drawn-down-right

# Zoom in around the shoes with the wheel, pan with Space held, fit again.
xs_move $(photo_xy $((sx + sw / 2)) $((sy + sh / 2)))
for _ in 1 2 3 4; do
  xdotool click 4
  sleep 0.1
done
xs_settle
xs_shot zoomed-on-shoes
xdotool keydown space
xs_drag 600 400 600 250 0
xdotool keyup space
xs_shot panned
xs_key 0
xs_shot fitted

# Accept and flag: the rows' marks change, the next photo is shown.
xs_key a
xs_shot accepted-next-photo
xs_key f
xs_shot flagged-next-photo

# Not visible: choose shoes in the legend (a click), V, then undo.
xs_click 215 752
xs_key v
xs_shot shoes-not-visible
xs_key ctrl+z
xs_shot not-visible-undone

# The queue's filters.
xs_click 1140 139
xs_shot filter-reviewed
xs_click 1228 139
xs_shot filter-flagged

# The Embeddings view counts the crops encoded in the background.
xs_key ctrl+Tab
xs_settle 3
xs_shot embeddings-count

# A restart opens the same filter and photo.
xs_close
xs_studio --library "$lib"
xs_resize 1280 800
xs_key ctrl+Tab
xs_shot after-restart

# A small window, and Korean.
xs_resize 1024 700
xs_shot small-window
xs_close
xs_studio --library "$lib" --language ko
xs_resize 1024 700
xs_key ctrl+Tab
xs_shot korean-small-window
xs_close
xs_log "done: $(ls "$XS_SHOTS"/[0-9]*.png | wc -l) screenshots in $XS_SHOTS"
