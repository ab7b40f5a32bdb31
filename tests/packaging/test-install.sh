#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs Akademie with --prefix=/app into a DESTDIR, as flatpak-builder
# does, checks that the tree holds everything the Flatpak exports and
# needs, and runs the installed program on the installed courses in German.
# Usage: test-install.sh SOURCE_ROOT BUILD_ROOT APP_ID [MESON_OPTION…]
set -eu

source_root=$1
build_root=$2
app_id=$3
shift 3

scratch=$(mktemp -d "${TMPDIR:-/tmp}/akademie-install.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
destdir=$scratch/destdir
"$source_root/tests/packaging/install-tree.sh" "$source_root" "$build_root/packaging/build" \
  "$destdir" "$@"

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check () {
  description=$1
  shift
  if "$@"; then ok "$description"; else not_ok "$description"; fi
}

app=$destdir/app
share=$app/share

# Flatpak keeps only /app; anything installed elsewhere would be lost.
check "only /app is installed" test "$(ls -A "$destdir")" = app
check "the program" test -x "$app/bin/akademie"
check "the desktop entry" test -f "$share/applications/$app_id.desktop"
check "the metainfo" test -f "$share/metainfo/$app_id.metainfo.xml"
check "the MIME package" test -f "$share/mime/packages/$app_id.xml"
check "the D-Bus service" test -f "$share/dbus-1/services/$app_id.service"
check "the service starts the installed program" \
  grep -qx "Exec=/app/bin/akademie --gapplication-service" "$share/dbus-1/services/$app_id.service"
check "the scalable icon" test -f "$share/icons/hicolor/scalable/apps/$app_id.svg"
check "the symbolic icon" test -f "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "the GSettings schema" test -f "$share/glib-2.0/schemas/$app_id.gschema.xml"
check "the schema compiles" glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
check "the German catalogue" test -f "$share/locale/de/LC_MESSAGES/akademie.mo"
check "the course schema" test -f "$share/akademie/schema/course.rng"
check "the English help" test -f "$share/help/C/akademie/index.page"
check "the German help" test -f "$share/help/de/akademie/index.page"
check "the example course's figure" test -f "$share/akademie/courses/beispielkurs/diagramm.png"

for course in "$source_root"/courses/*.kurs.xml; do
  name=$(basename "$course")
  check "the bundled course $name" cmp -s "$course" "$share/akademie/courses/$name"
done
# Every bundled course the build lists is one of those checked above.
installed=$(ls "$share/akademie/courses" | grep -c '\.xml$' || true)
bundled=$(ls "$source_root"/courses/*.kurs.xml | wc -l)
check "$bundled courses installed, no more, no fewer" test "$installed" -eq "$bundled"

# The installed program, on the installed courses, speaking German. Its
# catalogue is looked for under /app, which is in DESTDIR here.
status=0
LANGUAGE=de LC_ALL=C.UTF-8 AKADEMIE_LOCALEDIR=$share/locale \
  "$app/bin/akademie" --validate "$share"/akademie/courses/*.xml >"$scratch/out" 2>&1 || status=$?
check "the installed courses are valid (status $status)" test "$status" -eq 0
check "the program reports in German" grep -q ": gültig" "$scratch/out"
if grep -q ": valid" "$scratch/out"; then not_ok "no English report"; else ok "no English report"; fi
for course in "$share"/akademie/courses/*.xml; do
  check "a report on $(basename "$course")" grep -qF "$course: gültig" "$scratch/out"
done
[ $failed -eq 0 ] || sed 's/^/# /' "$scratch/out"

echo "1..$n"
exit $failed
