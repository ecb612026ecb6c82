#!/usr/bin/env bash
# The installed programs find their data relative to themselves: install the
# build into a temporary prefix, move that prefix elsewhere, and run the
# command line and the studio from there with nothing pointing at the sources.
#
#   tests/packaging/install_tree_test.sh BUILD_DIR
set -euo pipefail

build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
unset W2W_RESOURCES
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$work/installed" >"$work/install.log" || {
  cat "$work/install.log"
  fail "cmake --install"
}
# A prefix is not where it was installed: nothing may remember that path.
mv "$work/installed" "$work/moved"
prefix="$work/moved"

expect_file() {
  [ -s "$prefix/$1" ] || fail "not installed: $1"
}
expect_file bin/what2wear
expect_file share/what2wear/models/garment_parser.safetensors
expect_file share/what2wear/demo/SOURCES.md
expect_file share/doc/what2wear/copyright
expect_file share/doc/what2wear/changelog.gz
expect_file share/bash-completion/completions/what2wear
photos=$(find "$prefix/share/what2wear/demo/photos" -name '*.jpg' | wc -l)
items=$(find "$prefix/share/what2wear/demo/items" -name '*.jpg' | wc -l)
[ "$photos" -gt 0 ] && [ "$items" -gt 0 ] || fail "demo photos ($photos) or items ($items) missing"
if [ -x "$prefix/bin/what2wear-studio" ]; then
  expect_file share/applications/io.github.what2wear.Studio.desktop
  expect_file share/metainfo/io.github.what2wear.Studio.metainfo.xml
  expect_file share/mime/packages/what2wear.xml
  expect_file share/icons/hicolor/scalable/apps/io.github.what2wear.Studio.svg
  expect_file share/icons/hicolor/48x48/apps/io.github.what2wear.Studio.png
  expect_file share/bash-completion/completions/what2wear-studio
fi
# Manual pages are made where help2man is installed.
if command -v help2man >/dev/null; then
  expect_file share/man/man1/what2wear.1.gz
  [ -x "$prefix/bin/what2wear-studio" ] && expect_file share/man/man1/what2wear-studio.1.gz
fi

"$prefix/bin/what2wear" --version | grep -q '^what2wear ' || fail "what2wear --version"

# The demo needs the photos, the items and the garment parser from the prefix.
"$prefix/bin/what2wear" demo --library "$work/demo.w2w" --quiet >"$work/demo.log" 2>&1 || {
  cat "$work/demo.log"
  fail "what2wear demo from the installed prefix"
}
grep -q "Open it in the studio" "$work/demo.log" || fail "the demo did not finish: $(cat "$work/demo.log")"

if [ -x "$prefix/bin/what2wear-studio" ]; then
  # A library given as a plain argument, as a desktop opens a double-clicked file.
  QT_QPA_PLATFORM=offscreen "$prefix/bin/what2wear-studio" "$work/demo.w2w" --view board \
    --screenshot "$work/board.png" >"$work/studio.log" 2>&1 || {
    cat "$work/studio.log"
    fail "what2wear-studio --screenshot from the installed prefix"
  }
  [ -s "$work/board.png" ] || fail "no screenshot"
fi
echo "installed, moved and ran from $prefix"
