#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# With the installed tree as the only extra data folder, a course file is
# recognised as a course and opens in Akademie, while other XML files
# stay XML.
# Usage: test-mime.sh SOURCE_ROOT BUILD_ROOT APP_ID [MESON_OPTION…]
set -eu

source_root=$1
build_root=$2
app_id=$3
shift 3
course_type=application/x-akademie-course

for tool in gio update-mime-database update-desktop-database; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/akademie-mime.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
destdir=$scratch/destdir
"$source_root/tests/packaging/install-tree.sh" "$source_root" "$build_root/packaging/build" \
  "$destdir" "$@"
share=$destdir/app/share

update-mime-database "$share/mime"
update-desktop-database "$share/applications"
mkdir -p "$scratch/home"
export XDG_DATA_HOME="$scratch/home"
export XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export XDG_CONFIG_HOME="$scratch/home"
export PATH="$destdir/app/bin:$PATH"

n=0
failed=0
type_of () {
  gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}
expect () {
  n=$((n + 1))
  got=$(type_of "$2")
  if [ "$got" = "$1" ]; then
    echo "ok $n - $(basename "$2") is $1"
  else
    failed=1
    echo "not ok $n - $(basename "$2") is $got, expected $1"
  fi
}

cp "$source_root/courses/web20-party.kurs.xml" "$scratch/kurs.kurs.xml"
cp "$source_root/courses/web20-party.kurs.xml" "$scratch/plain-course.xml"
cp "$source_root/courses/web20-party.kurs.xml" "$scratch/GROSS.KURS.XML"
printf '<?xml version="1.0"?>\n<note><to>Anna</to></note>\n' > "$scratch/note.xml"
printf '<?xml version="1.0"?>\n<course><title>Fremd</title></course>\n' > "$scratch/other-course.xml"

expect "$course_type" "$scratch/kurs.kurs.xml"
expect "$course_type" "$scratch/GROSS.KURS.XML"
expect application/xml "$scratch/note.xml"
# Only the extension makes a course file: a plain .xml name stays XML,
# so that no other XML document is ever taken for a course.
expect application/xml "$scratch/plain-course.xml"
expect application/xml "$scratch/other-course.xml"

n=$((n + 1))
if gio mime "$course_type" | grep -q "$app_id.desktop"; then
  echo "ok $n - $app_id.desktop opens $course_type"
else
  failed=1
  echo "not ok $n - $app_id.desktop does not open $course_type"
  gio mime "$course_type" | sed 's/^/# /'
fi

n=$((n + 1))
if gio mime application/xml | grep -q "$app_id.desktop"; then
  failed=1
  echo "not ok $n - $app_id.desktop claims every XML file"
else
  echo "ok $n - other XML files are not opened with Akademie"
fi

echo "1..$n"
exit $failed
