#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up a Debian 12 machine for Nastavnik, builds it, and runs it or tests it.
#   build-aux/dev.sh run    install what is missing, build, start the program
#   build-aux/dev.sh test   install what is missing, build, run the whole suite,
#                           then once more built with ASan and UBSan, then
#                           build, install and remove the Debian package
#   build-aux/dev.sh bench  the same as test's first part, with GNOME Planner
#                           to race against, then every benchmark (or those
#                           named: build-aux/dev.sh bench startup)
set -euo pipefail
cd "$(dirname "$0")/.."

# What the program is built with: the same list as debian/control's
# Build-Depends (tests/test-build-deps.py keeps the two equal).
BUILD_PACKAGES=(
  meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev libhpdf-dev
  libzip-dev libxml2-dev libfreexl-dev libxlsxwriter-dev
  desktop-file-utils appstream libglib2.0-bin
)
# What the suite runs with besides; those the package's own build test needs
# are its <!nocheck> Build-Depends.
TEST_PACKAGES=(
  build-essential
  xvfb xauth dbus dbus-x11 adwaita-icon-theme fonts-cantarell
  fonts-liberation2 fonts-paratype poppler-utils qpdf python3 python3-pyatspi at-spi2-core
  python3-openpyxl python3-icalendar clang libclang-rt-dev
  libreoffice-calc-nogui
)
PACKAGES=("${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}")

# The Debian package is built, linted, installed and removed after the
# suite (build-aux/test-package.sh).
PACKAGE_PACKAGES=(debhelper dpkg-dev fakeroot lintian locales xdotool)

# Only for bench: Planner is what bench-startup compares the start with,
# xdotool is for looking at the windows by hand. Not in CI's test mode.
BENCH_PACKAGES=(planner xdotool)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# $1 build dir, then extra meson options. Installs into ./_install so that the
# program finds its schema, icons and translations without touching /usr.
build() {
  local dir=$1; shift
  [ -f "$dir/build.ninja" ] || meson setup "$dir" --prefix="$PWD/_install" "$@"
  meson compile -C "$dir"
}

run_suite() {
  local dir=$1
  # -noreset: by default Xvfb resets when its last client leaves, and a test
  # that connects at that moment is refused («cannot open display»).
  xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    dbus-run-session -- meson test -C "$dir" --print-errorlogs --num-processes 2
}

case "${1:-}" in
  run)
    install_packages
    build _build
    meson install -C _build --quiet
    export XDG_DATA_DIRS="$PWD/_install/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
    exec "$PWD/_install/bin/nastavnik" "${@:2}"
    ;;
  test)
    install_packages "${PACKAGE_PACKAGES[@]}"
    build _build
    run_suite _build
    build _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 run_suite _build-sanitize
    # The Debian package: built, linted, installed, run and removed (as root).
    as_root build-aux/test-package.sh
    ;;
  bench)
    install_packages "${BENCH_PACKAGES[@]}"
    build _build
    xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
      dbus-run-session -- meson test -C _build --benchmark -v "${@:2}"
    ;;
  *)
    echo "usage: $0 run|test|bench" >&2
    exit 2
    ;;
esac
