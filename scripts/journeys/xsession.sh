# X-session helpers for journey scripts: walk through the studio as a person
# does, with mouse and keys only, and keep a numbered screenshot of each step.
#
# Source this file from a journey script, then:
#
#   xs_start 12 1280x800        # Xvfb on :12 with openbox; DISPLAY is set
#   xs_studio --library "$lib"  # starts what2wear-studio, waits for its window
#   xs_key alt+5                # keys as xdotool names them
#   xs_type "summer"            # text
#   xs_click 300 200            # window coordinates; xs_dblclick, xs_rclick
#   xs_drag 100 200 600 40 800  # press, move, hover 800 ms at the end, release
#   xs_drag_path 800 100 200 600 40 130 300  # the same through several points
#   xs_shot board-empty         # <shots>/01-board-empty.png (the whole screen)
#   xs_close                    # closes the window as a person would (Ctrl+Q) and waits
#   xs_stop                     # studio, openbox and Xvfb go (also on exit)
#
# Environment:
#   W2W_STUDIO  the studio executable (default: build/app/studio/what2wear-studio)
#   XS_SHOTS    screenshot folder (default: /tmp/journey-<display>)
#   XS_HOME     settings and data of this session (default: $XS_SHOTS/home): one
#               session's settings (recent libraries, the board, the language)
#               carry over between restarts of the studio within it, and never
#               touch the real user's.
#   XS_PAUSE    seconds to let the studio settle after each input (default 0.4)
#
# Only what this file starts is stopped, by process id.

xs_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
W2W_STUDIO="${W2W_STUDIO:-$xs_repo/build/app/studio/what2wear-studio}"
XS_PAUSE="${XS_PAUSE:-0.4}"
xs_shot_number=0
xs_xvfb_pid=""
xs_wm_pid=""
xs_studio_pid=""
xs_window=""

xs_log() { echo "[journey] $*" >&2; }
xs_fail() {
  echo "[journey] error: $*" >&2
  exit 1
}

# xs_start DISPLAY [WxH]: a fresh X server with a window manager.
xs_start() {
  local display="$1" size="${2:-1280x800}"
  [ -n "$display" ] || xs_fail "xs_start needs a display number"
  command -v Xvfb >/dev/null || xs_fail "Xvfb is not installed (apt-get install xvfb)"
  command -v openbox >/dev/null || xs_fail "openbox is not installed (apt-get install openbox)"
  command -v xdotool >/dev/null || xs_fail "xdotool is not installed (apt-get install xdotool)"
  command -v import >/dev/null || xs_fail "import is not installed (apt-get install imagemagick)"
  if [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; then
    xs_fail "display :$display is in use (another session, or a stale /tmp/.X$display-lock)"
  fi
  XS_SHOTS="${XS_SHOTS:-/tmp/journey-$display}"
  XS_HOME="${XS_HOME:-$XS_SHOTS/home}"
  mkdir -p "$XS_SHOTS" "$XS_HOME"
  rm -f "$XS_SHOTS"/[0-9][0-9]-*.png
  Xvfb ":$display" -screen 0 "${size}x24" -nolisten tcp >"$XS_SHOTS/xvfb.log" 2>&1 &
  xs_xvfb_pid=$!
  export DISPLAY=":$display"
  local i
  for i in $(seq 1 100); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.1
  done
  xdotool getdisplaygeometry >/dev/null 2>&1 || xs_fail "Xvfb did not start on :$display (see $XS_SHOTS/xvfb.log)"
  openbox >"$XS_SHOTS/openbox.log" 2>&1 &
  xs_wm_pid=$!
  sleep 1
  trap xs_stop EXIT
  xs_log "X session on :$display ($size), screenshots in $XS_SHOTS"
}

# xs_studio ARGS...: starts the studio in this session and waits for its window.
xs_studio() {
  [ -x "$W2W_STUDIO" ] || xs_fail "no studio at $W2W_STUDIO (build it, or set W2W_STUDIO)"
  XDG_CONFIG_HOME="$XS_HOME/config" XDG_DATA_HOME="$XS_HOME/data" XDG_CACHE_HOME="$XS_HOME/cache" \
    "$W2W_STUDIO" "$@" >>"$XS_SHOTS/studio.log" 2>&1 &
  xs_studio_pid=$!
  xs_window=""
  local i
  for i in $(seq 1 300); do
    xs_window="$(xdotool search --onlyvisible --pid "$xs_studio_pid" --name 'What2Wear Studio' 2>/dev/null | head -n1 || true)"
    [ -n "$xs_window" ] && break
    kill -0 "$xs_studio_pid" 2>/dev/null || xs_fail "the studio exited at start (see $XS_SHOTS/studio.log)"
    sleep 0.1
  done
  [ -n "$xs_window" ] || xs_fail "the studio's window did not appear in 30 s"
  xdotool windowactivate --sync "$xs_window" >/dev/null 2>&1 || true
  sleep 1
  xs_log "studio running (pid $xs_studio_pid, window $xs_window)"
}

# xs_resize W H: the studio's window at this size, at the screen's top-left.
xs_resize() {
  xdotool windowsize --sync "$xs_window" "$1" "$2" 2>/dev/null || xdotool windowsize "$xs_window" "$1" "$2"
  xdotool windowmove "$xs_window" 0 0
  sleep 0.8
}

# xs_maximize: fills the screen.
xs_maximize() {
  local size
  size="$(xdotool getdisplaygeometry)"
  xs_resize ${size% *} ${size#* }
}

xs_settle() { sleep "${1:-$XS_PAUSE}"; }

# xs_focus: the studio's main window gets the keyboard (after a dialog closed).
xs_focus() { xdotool windowactivate --sync "$xs_window" >/dev/null 2>&1 || true; }

# xs_key KEY...: keys to whatever has the focus (a dialog, if one is open).
xs_key() {
  local k
  for k in "$@"; do
    xdotool key --clearmodifiers "$k"
    xs_settle
  done
}

# xs_type TEXT: types into whatever has the focus.
xs_type() {
  xdotool type --delay 40 -- "$1"
  xs_settle
}

# xs_move X Y: the pointer to window coordinates X, Y.
xs_move() { xdotool mousemove --window "$xs_window" "$1" "$2"; }

xs_click() {
  xs_move "$1" "$2"
  xdotool click "${3:-1}"
  xs_settle
}
xs_rclick() { xs_click "$1" "$2" 3; }
xs_dblclick() {
  xs_move "$1" "$2"
  xdotool click --repeat 2 --delay 80 1
  xs_settle
}

# xs_drag X1 Y1 X2 Y2 [HOVER_MS]: drag and drop in window coordinates, in
# small steps as a hand moves (a drag starts only after the pointer travels),
# resting HOVER_MS at the target first (long enough to switch a hovered tab).
xs_drag() { xs_drag_path "${5:-300}" "$1" "$2" "$3" "$4"; }

# xs_drag_path HOVER_MS X1 Y1 X2 Y2 [X3 Y3 ...]: one drag from X1 Y1 through
# every further point, resting HOVER_MS at each (over a tab, then on a slot
# of the view the tab opened), and dropped at the last.
xs_drag_path() {
  local hover="$1" steps=12 i x y
  shift
  x="$1" y="$2"
  shift 2
  xs_move "$x" "$y"
  sleep 0.2
  xdotool mousedown 1
  sleep 0.2
  while [ "$#" -ge 2 ]; do
    local x2="$1" y2="$2"
    shift 2
    for i in $(seq 1 "$steps"); do
      xs_move $((x + (x2 - x) * i / steps)) $((y + (y2 - y) * i / steps))
      sleep 0.05
    done
    # Wiggle in place so the target sees the pointer while it rests.
    local waited=0
    while [ "$waited" -lt "$hover" ]; do
      xs_move $((x2 + 1)) "$y2"
      sleep 0.1
      xs_move "$x2" "$y2"
      sleep 0.1
      waited=$((waited + 200))
    done
    x="$x2" y="$y2"
  done
  xdotool mouseup 1
  xs_settle 0.8
}

# xs_shot NAME: the whole screen as <shots>/NN-NAME.png; prints the path.
xs_shot() {
  xs_shot_number=$((xs_shot_number + 1))
  local file
  file="$(printf '%s/%02d-%s.png' "$XS_SHOTS" "$xs_shot_number" "$1")"
  import -window root "$file"
  xs_log "shot $file"
}

# xs_wait_for SECONDS COMMAND...: polls COMMAND until it succeeds.
xs_wait_for() {
  local limit="$1" i
  shift
  for i in $(seq 1 $((limit * 5))); do
    "$@" && return 0
    sleep 0.2
  done
  return 1
}

# xs_wait_log TEXT [SECONDS]: waits until the studio's log mentions TEXT.
xs_wait_log() { xs_wait_for "${2:-60}" grep -q -- "$1" "$XS_SHOTS/studio.log"; }

# xs_window_named TITLE: the id of a visible window (a dialog) with this title, if any.
xs_window_named() { xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n1 || true; }

# xs_close: closes the studio as a person would and waits until it has gone.
xs_close() {
  [ -n "$xs_studio_pid" ] || return 0
  xs_focus
  xdotool key --clearmodifiers ctrl+q
  xs_wait_for 30 bash -c "! kill -0 $xs_studio_pid 2>/dev/null" || {
    xs_log "the studio did not close in 30 s; stopping it"
    kill "$xs_studio_pid" 2>/dev/null || true
  }
  wait "$xs_studio_pid" 2>/dev/null || true
  xs_studio_pid=""
  xs_window=""
}

# Safe under `set -e` and as the EXIT trap: keeps the script's exit status.
xs_stop() {
  local status=$? pid
  for pid in "$xs_studio_pid" "$xs_wm_pid" "$xs_xvfb_pid"; do
    if [ -n "$pid" ]; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  xs_studio_pid=""
  xs_wm_pid=""
  xs_xvfb_pid=""
  return "$status"
}
