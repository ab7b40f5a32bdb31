#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# D-Bus activation as the desktop does it for DBusActivatable=true: a
# private session bus that knows only our service file starts Akademie
# when a course file is opened through org.freedesktop.Application, the
# course is opened, and the app quits through its action.
# Runs under with-display.sh: the activated app opens a window.
# Usage: test-dbus-activation.sh AKADEMIE SERVICE_FILE APP_ID SOURCE_ROOT
set -eu

akademie=$1
service=$2
app_id=$3
source_root=$4
object_path=/$(echo "$app_id" | tr . /)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/akademie-dbus.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/share/dbus-1/services" "$scratch/config" "$scratch/data"
# The installed service file, pointing at the program just built.
sed "s|^Exec=[^ ]*|Exec=$akademie|" "$service" > "$scratch/share/dbus-1/services/$app_id.service"
cp "$source_root/courses/web20-party.kurs.xml" "$scratch/kurs.kurs.xml"

cat > "$scratch/session.sh" <<EOS
set -eu
bus () { gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method "org.freedesktop.DBus.\$1" "$app_id"; }
app () { gdbus call --session --dest "$app_id" --object-path "$object_path" "\$@"; }

echo "# before: \$(bus NameHasOwner)"
bus NameHasOwner | grep -q false
app --method org.freedesktop.Application.Open "['file://$scratch/kurs.kurs.xml']" "{}" >/dev/null
bus NameHasOwner | grep -q true && echo "ok 1 - opening a course file started Akademie on the bus"
app --method org.freedesktop.Application.Activate "{}" >/dev/null \
  && echo "ok 2 - a second activation reaches the running instance"
app --method org.freedesktop.Application.ActivateAction quit "[]" "{}" >/dev/null
for i in \$(seq 50); do
  bus NameHasOwner | grep -q false && break
  sleep 0.1
done
bus NameHasOwner | grep -q false && echo "ok 3 - app.quit ends it"
EOS

# Settings go to a key file, to see afterwards what the app remembered.
env XDG_DATA_DIRS="$scratch/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}" \
    XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" \
    GSETTINGS_BACKEND=keyfile \
    dbus-run-session -- sh "$scratch/session.sh" > "$scratch/out" 2>"$scratch/err" || true
cat "$scratch/out"
n=$(grep -c '^ok' "$scratch/out" || true)
failed=0
if [ "$n" -ne 3 ]; then
  failed=1
  echo "not ok 4 - activation did not go through"
  sed 's/^/# /' "$scratch/err"
elif grep -q "kurs.kurs.xml" "$scratch/config/glib-2.0/settings/keyfile" 2>/dev/null; then
  echo "ok 4 - the opened course file is remembered"
else
  failed=1
  echo "not ok 4 - the opened course file is not among the opened files"
  sed 's/^/# /' "$scratch/err"
fi
echo "1..4"
exit $failed
