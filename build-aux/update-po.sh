#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Brings po/de.po up to date with the sources and lists what is left to
# translate. Fuzzy matching is off: a guessed translation is worse than
# none, and po/de.po must never hold fuzzy entries.
# Usage: build-aux/update-po.sh [BUILDDIR]
set -eu

builddir=${1:-_build}
cd "$(dirname "$0")/.."

meson compile -C "$builddir" akademie-pot >/dev/null
for po in po/*.po; do
  msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" po/akademie.pot -o "$po.new"
  msgattrib --no-obsolete --no-wrap "$po.new" -o "$po"
  rm -f "$po.new"
  printf '%s: ' "$po"
  LC_ALL=C msgfmt --check --statistics -o /dev/null "$po"
  msgattrib --untranslated "$po" | grep -A1 '^msgid' | grep -v '^msgid ""$' || true
done
rm -f po/akademie.pot
