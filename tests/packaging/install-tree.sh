#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds Akademie as the Flatpak manifest does (--prefix=/app and the
# manifest's options) in a build folder of its own, and installs it into
# DESTDIR. The build folder is shared by the tests and kept between runs,
# so that only changes are rebuilt.
# Usage: install-tree.sh SOURCE_ROOT BUILD_FOLDER DESTDIR [MESON_OPTION…]
set -eu

source_root=$1
build=$2
destdir=$3
shift 3

mkdir -p "$(dirname "$build")"
exec 9>"$build.lock"
flock 9

if [ ! -f "$build/build.ninja" ]; then
  rm -rf "$build"
  meson setup "$build" "$source_root" --prefix=/app "$@" >"$build.log" 2>&1 \
    || { cat "$build.log" >&2; exit 1; }
else
  meson configure "$build" --prefix=/app "$@" >"$build.log" 2>&1 \
    || { cat "$build.log" >&2; exit 1; }
fi
ninja -C "$build" >>"$build.log" 2>&1 || { tail -n 40 "$build.log" >&2; exit 1; }
rm -rf "$destdir"
meson install -C "$build" --destdir "$destdir" --no-rebuild >>"$build.log" 2>&1 \
  || { tail -n 40 "$build.log" >&2; exit 1; }
