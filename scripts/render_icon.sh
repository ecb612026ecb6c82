#!/usr/bin/env bash
# Renders the application icon's PNG sizes from its SVG source (both are kept
# in resources/icons/hicolor, the layout they are installed in). Run it after
# editing the SVG; needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
icons="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/resources/icons/hicolor"
name=io.github.what2wear.Studio
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$icons/${size}x${size}/apps"
  rsvg-convert --width "$size" --height "$size" "$icons/scalable/apps/$name.svg" \
    --output "$icons/${size}x${size}/apps/$name.png"
done
echo "rendered $name.png in $icons"
