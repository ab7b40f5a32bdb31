#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command under a virtual X display and a private D-Bus session when
# there is no display, so that the window tests also run on a server.
set -eu

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "$@"
