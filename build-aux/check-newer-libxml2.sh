#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the vendored upstream libxml2 (the release line the GNOME runtime,
# Debian 13 and Fedora ship) into a private prefix, builds the core against
# it and runs the core suites. Any failure fails the check.
# Usage: build-aux/check-newer-libxml2.sh [BUILDDIR]
set -eu

cd "$(dirname "$0")/.."
builddir=${1:-_build-newer}
vendor=${AKADEMIE_VENDOR_DIR:-../shared/vendor}
tarball=$(ls "$vendor"/libxml2-*.tar.xz 2>/dev/null | sort -V | tail -n 1)
if [ -z "$tarball" ]; then
  echo "check-newer-libxml2: no libxml2 tarball in $vendor" >&2
  exit 1
fi

version=$(basename "$tarball" .tar.xz)
prefix="$PWD/$builddir/prefix"
if [ ! -f "$prefix/.$version" ]; then
  rm -rf "$builddir/$version" "$prefix"
  mkdir -p "$builddir"
  tar xf "$tarball" -C "$builddir"
  meson setup "$builddir/$version/_b" "$builddir/$version" \
    --prefix="$prefix" --libdir=lib -Dpython=disabled -Ddocs=disabled \
    -Dicu=disabled -Dzlib=disabled -Dhttp=disabled -Dreadline=disabled \
    -Dhistory=disabled >/dev/null
  ninja -C "$builddir/$version/_b" install >/dev/null
  touch "$prefix/.$version"
fi

if [ ! -f "$builddir/akademie/build.ninja" ]; then
  PKG_CONFIG_PATH="$prefix/lib/pkgconfig" \
    meson setup "$builddir/akademie" -Dgui=false
fi
meson compile -C "$builddir/akademie"

# The tests must run against the library they were built with.
loaded=$(LD_LIBRARY_PATH="$prefix/lib" ldd "$builddir/akademie/tests/test-loader" \
         | sed -n 's/.*libxml2[^ ]* => \([^ ]*\) .*/\1/p')
case "$(realpath "$loaded" 2>/dev/null)" in
  "$prefix"/*) ;;
  *) echo "check-newer-libxml2: test-loader loads ${loaded:-no libxml2}, not $version" >&2; exit 1 ;;
esac
echo "check-newer-libxml2: core built against $version"
LD_LIBRARY_PATH="$prefix/lib" meson test -C "$builddir/akademie" --suite core --print-errorlogs
