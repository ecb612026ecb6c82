#!/usr/bin/env bash
# What2Wear Studio quick start, on Debian 12 (as root, or as a user with sudo).
#
#   scripts/quickstart.sh demo   install what is missing, build, start the studio on the demo library
#   scripts/quickstart.sh test   install what is missing, build, run the whole test suite
#
# Environment: BUILD_DIR (default: build), JOBS (default: all cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build_dir="${BUILD_DIR:-build}"
jobs="${JOBS:-$(nproc)}"

# Everything comes from Debian's packages. Installed with their recommended
# packages: without them Qt's CMake files miss the GL and xkb headers they need.
packages=(
  cmake g++ make pkg-config ccache
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools libqt6opengl6-dev libqt6sql6-sqlite
  libgl-dev
  libtorch-dev libopenblas0-openmp libdnnl-dev  # oneDNN: the CLIP tower calls the one LibTorch links
  libopencv-dev opencv-data
  libsqlite3-dev nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev libfaiss-dev
  xvfb xauth fonts-nanum
  strace  # the checkpoint fault-injection test (skipped without it)
  help2man bash-completion desktop-file-utils appstream libglib2.0-bin shared-mime-info
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> Installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: run as root, or install sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

configure() {
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DW2W_BUILD_TESTS=ON "$@"
  warn_if_disk_is_low
}

# On a full disk the build stops at whatever file it cannot write, sometimes
# with no message from the compiler (seen with a precompiled header): say so
# before building.
warn_if_disk_is_low() {
  local free_mb
  free_mb=$(df -Pm "$build_dir" | awk 'NR == 2 { print $4 }')
  if [ -n "$free_mb" ] && [ "$free_mb" -lt 2048 ]; then
    echo "warning: only ${free_mb} MB free for $build_dir; a build needs about 1 GB (2 GB with the compiler cache)" >&2
  fi
}

case "${1:-}" in
  demo)
    install_missing
    configure
    cmake --build "$build_dir" -j "$jobs" --target what2wear what2wear-studio
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "==> No display found: running the headless demo instead of the studio."
      exec "$build_dir/app/cli/what2wear" demo
    fi
    exec "$build_dir/app/studio/what2wear-studio" --demo
    ;;
  test)
    install_missing
    configure
    cmake --build "$build_dir" -j "$jobs"
    cd "$build_dir"
    exec ctest --output-on-failure -j "$jobs" --timeout 900
    ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac
