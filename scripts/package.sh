#!/usr/bin/env bash
# The Debian package of What2Wear Studio, built and tested on a clean system.
#
#   scripts/package.sh build   build what2wear_<version>_<arch>.deb (in BUILD_DIR)
#   scripts/package.sh test    build it, run lintian, then in a fresh minimal
#                              Debian 12 root (debootstrap) install it with apt
#                              and run the demo and the studio there
#
# Options (test): --update-docs writes docs/package.md (file list, Depends,
# lintian and clean-system results) from this run.
# Environment: BUILD_DIR (default: build-package), JOBS (default: all cores),
# KEEP_ROOT=1 keeps the Debian root (printed at the end), CACHE_DIR for the
# downloaded Debian packages (default: /var/cache/what2wear-package).
# Runs as root (debootstrap, chroot, mount); installs the tools it needs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
build_dir="$(realpath -m "${BUILD_DIR:-build-package}")"
jobs="${JOBS:-$(nproc)}"
cache_dir="${CACHE_DIR:-/var/cache/what2wear-package}"
update_docs=0
action="${1:-}"
[ "${2:-}" = "--update-docs" ] && update_docs=1

say() { printf '==> %s\n' "$*"; }
die() {
  printf 'FAILED: %s\n' "$*" >&2
  exit 1
}

# The tools of this script, from Debian's packages (the build's own come with
# scripts/quickstart.sh).
tools=(help2man dpkg-dev fakeroot lintian debootstrap debian-archive-keyring)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build_package() {
  say "Building in $build_dir"
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DW2W_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build_dir" -j "$jobs" --target what2wear what2wear-studio w2w_packaging_files
  rm -f "$build_dir"/what2wear_*.deb
  (cd "$build_dir" && cpack -G DEB >/dev/null)
  deb="$(ls "$build_dir"/what2wear_*.deb)"
  say "Package: $deb ($(du -h "$deb" | cut -f1))"
}

# The Debian archive this machine installs from (its apt sources), so the
# clean root gets the same packages the build linked against.
debian_mirror() {
  local uri
  uri=$(grep -hs -E '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources |
    grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n 1 | tr -d ' ')
  echo "${uri:-http://deb.debian.org/debian}"
}

run_lintian() {
  say "lintian $deb"
  lintian --info --display-level '>=info' "$deb" >"$report_dir/lintian.txt" 2>&1 || true
  cat "$report_dir/lintian.txt"
  if grep -q '^E: ' "$report_dir/lintian.txt"; then die "lintian reports errors"; fi
  say "lintian: $(grep -c '^E: ' "$report_dir/lintian.txt" || true) errors, $(grep -c '^W: ' "$report_dir/lintian.txt" || true) warnings"
}

in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

make_root() {
  local mirror
  mirror="$(debian_mirror)"
  say "debootstrap bookworm (minbase) from $mirror"
  mkdir -p "$cache_dir"
  debootstrap --variant=minbase --cache-dir="$cache_dir" bookworm "$root" "$mirror" >"$report_dir/debootstrap.log" 2>&1 ||
    { tail -20 "$report_dir/debootstrap.log"; die "debootstrap"; }
  # The same suites as a Debian 12 system: updates and security fixes.
  local security="${mirror%/debian*}/debian-security"
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  mount -t tmpfs tmpfs "$root/tmp"
  mounted=1
  in_root apt-get update -q >"$report_dir/apt-update.log" 2>&1 || { cat "$report_dir/apt-update.log"; die "apt-get update in the root"; }
}

cleanup() {
  if [ "${mounted:-0}" = 1 ]; then
    umount "$root/tmp" "$root/dev" "$root/proc" 2>/dev/null || true
  fi
  if [ -n "${root:-}" ] && [ "${KEEP_ROOT:-0}" != 1 ]; then rm -rf "$root"; fi
}

# Runs one check in the root; its output goes to the report.
check() {
  local title="$1"
  shift
  say "$title"
  # The command on one line (the multi-line scripts too).
  printf '$ %s\n' "$(printf '%s ' "$@" | tr -s ' \n' ' ')" >>"$report_dir/clean-system.txt"
  if ! in_root "$@" >"$report_dir/step.log" 2>&1; then
    cat "$report_dir/step.log" | tee -a "$report_dir/clean-system.txt"
    die "$title"
  fi
  cat "$report_dir/step.log" >>"$report_dir/clean-system.txt"
  tail -n 3 "$report_dir/step.log"
}

test_in_clean_root() {
  root="$(mktemp -d /var/tmp/what2wear-root.XXXXXX)"
  trap cleanup EXIT
  make_root
  local base_packages
  base_packages=$(in_root dpkg-query -W -f='${Package}\n' | wc -l)
  cp "$deb" "$root/tmp/"
  local name
  name="$(basename "$deb")"
  : >"$report_dir/clean-system.txt"
  # Depends alone must be enough: no recommended packages.
  check "apt install ./$name (no recommends)" \
    apt-get install -y -q --no-install-recommends "/tmp/$name"
  local installed
  installed=$(in_root dpkg-query -W -f='${Package}\n' | wc -l)
  say "installed $((installed - base_packages)) packages into a root of $base_packages"
  echo "packages: $base_packages in the minimal root, $((installed - base_packages)) installed with the package" \
    >>"$report_dir/clean-system.txt"
  check "installed files" sh -c '
    set -e
    for f in /usr/bin/what2wear /usr/bin/what2wear-studio /usr/share/what2wear/models/garment_parser.safetensors \
      /usr/share/what2wear/demo/SOURCES.md /usr/share/doc/what2wear/copyright /usr/share/man/man1/what2wear.1.gz \
      /usr/share/man/man1/what2wear-studio.1.gz /usr/share/bash-completion/completions/what2wear \
      /usr/share/applications/io.github.what2wear.Studio.desktop /usr/share/mime/packages/what2wear.xml \
      /usr/share/metainfo/io.github.what2wear.Studio.metainfo.xml \
      /usr/share/icons/hicolor/scalable/apps/io.github.what2wear.Studio.svg; do
      test -s "$f" || { echo "missing: $f"; exit 1; }
    done
    echo "every expected file is installed"'
  check "OpenBLAS (OpenMP) is the BLAS LibTorch loads" sh -c \
    'update-alternatives --query libblas.so.3-x86_64-linux-gnu | grep "^Value:"'
  check "what2wear --version" what2wear --version
  check "what2wear demo" sh -c 'mkdir -p /tmp/home && HOME=/tmp/home what2wear demo'
  check "what2wear-studio --view board --screenshot (offscreen)" sh -c \
    'HOME=/tmp/home QT_QPA_PLATFORM=offscreen what2wear-studio --view board --screenshot /tmp/board.png && test -s /tmp/board.png'
  check "what2wear-studio FILE.w2w (the demo library as a plain argument)" sh -c \
    'HOME=/tmp/home QT_QPA_PLATFORM=offscreen what2wear-studio /tmp/home/.local/share/What2Wear/what2wear/demo/demo.w2w \
       --view library --screenshot /tmp/library.png && test -s /tmp/library.png'
  cp "$root/tmp/board.png" "$report_dir/clean-root-board.png"
  cp "$root/tmp/library.png" "$report_dir/clean-root-library.png"

  # A desktop's view: an X server, the MIME database and the menu caches.
  check "desktop packages (Xvfb, shared-mime-info, desktop-file-utils, gio)" \
    apt-get install -y -q --no-install-recommends xvfb xauth shared-mime-info desktop-file-utils libglib2.0-bin
  check "what2wear-studio on an X server (xcb)" sh -c \
    'HOME=/tmp/home xvfb-run -a what2wear-studio --view board --screenshot /tmp/board-x11.png && test -s /tmp/board-x11.png'
  check "a library file is application/x-what2wear-library, by name and by content" sh -c '
    set -e
    cd /tmp/home/.local/share/What2Wear/what2wear/demo
    cp demo.w2w /tmp/library-without-extension
    gio info -a standard::content-type demo.w2w | grep -q "application/x-what2wear-library"
    gio info -a standard::content-type /tmp/library-without-extension | grep "application/x-what2wear-library"'
  check "the studio opens it (default application)" sh -c \
    'gio mime application/x-what2wear-library | tee /dev/stderr | grep -q io.github.what2wear.Studio.desktop'
  if [ "${KEEP_ROOT:-0}" = 1 ]; then say "Debian root kept in $root"; fi
}

write_docs() {
  local doc="docs/package.md"
  say "Writing $doc"
  {
    echo "# The Debian package"
    echo
    echo "Generated by \`scripts/package.sh test --update-docs\` from a real build (do not edit)."
    echo
    echo "## Control fields"
    echo
    echo '```'
    dpkg-deb --field "$deb" Package Version Architecture Installed-Size Section Homepage Depends Recommends
    echo '```'
    echo
    echo "## lintian $(lintian --version | cut -d' ' -f2)"
    echo
    echo "Every tag is explained in [decisions.md](decisions.md#debian-package)."
    echo
    echo '```'
    grep -E '^[EWIP]: ' "$report_dir/lintian.txt" | sort | uniq || echo "(no tags)"
    echo '```'
    echo
    echo "## On a clean Debian 12"
    echo
    echo "A minimal Debian 12 root (\`debootstrap --variant=minbase bookworm\`), the package"
    echo "installed with \`apt-get install --no-install-recommends ./$(basename "$deb")\`:"
    echo
    echo '```'
    grep -E '^(\$ |packages: |what2wear |Value: |every expected|/tmp/|Imported|Encoded|Trained|Open it|[0-9]\. )' \
      "$report_dir/clean-system.txt" || true
    echo '```'
    echo
    echo "## Files"
    echo
    echo '```'
    dpkg-deb --contents "$deb" | awk '{ size = $3; $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); printf "%10s  %s\n", size, $0 }'
    echo '```'
  } >"$doc"
}

case "$action" in
  build)
    [ "$(id -u)" -eq 0 ] && install_missing help2man dpkg-dev
    build_package
    ;;
  test)
    [ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mount need it)"
    install_missing "${tools[@]}"
    report_dir="$build_dir/package-report"
    rm -rf "$report_dir"
    mkdir -p "$report_dir"
    build_package
    run_lintian
    test_in_clean_root
    [ "$update_docs" = 1 ] && write_docs
    say "PASSED: the package installs and runs on a clean Debian 12 (report: $report_dir)"
    ;;
  *)
    echo "usage: $0 build | test [--update-docs]" >&2
    exit 2
    ;;
esac
