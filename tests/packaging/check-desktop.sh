#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# desktop-file-validate, knowing that SingleMainWindow (Desktop Entry
# specification 1.5) is unknown to desktop-file-utils before 0.27, as on
# Debian 12: that one complaint is accepted there, and nothing else.
# Usage: check-desktop.sh DESKTOP_FILE_VALIDATE FILE
set -u

out=$("$1" "$2" 2>&1)
status=$?
[ $status -eq 0 ] && { [ -n "$out" ] && echo "$out"; exit 0; }

if "$1" --help 2>&1 | grep -q 'specification 1\.[0-4]\b'; then
  rest=$(echo "$out" | grep -v 'key "SingleMainWindow" in group "Desktop Entry", but keys extending')
  if [ -z "$rest" ]; then
    echo "# this desktop-file-validate predates SingleMainWindow; no other problem"
    exit 0
  fi
  echo "$rest" >&2
  exit 1
fi
echo "$out" >&2
exit $status
