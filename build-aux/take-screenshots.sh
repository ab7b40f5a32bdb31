#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the store listing's screenshots from the window, in English (the
# default) and in German: build-aux/take-screenshots.sh [BUILDDIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-_build}
meson compile -C "$build" take-screenshots >/dev/null

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$PWD/$build/data"
export GSK_RENDERER=cairo GTK_A11Y=test GTK_USE_PORTAL=0 NO_AT_BRIDGE=1
export AK_SOURCE_ROOT="$PWD" AK_BUILD_ROOT="$PWD/$build" LC_ALL=C.UTF-8
for lang in C:"" de:-de; do
  LANGUAGE=${lang%%:*} build-aux/run-headless.sh "$build/tests/ui/take-screenshots" \
    "${AK_SHOT_DIR:-data/screenshots}" "${lang#*:}"
done
