#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the D-Bus service file against what activation needs.

The bus finds the service by file name and Name=, and starts Exec=;
GApplication runs as a service with --gapplication-service. The desktop
entry must be named after the same id for DBusActivatable=true to work.
"""
import configparser
import os
import shlex
import sys

service, app_id, binary, desktop = sys.argv[1:5]
failures = []

parser = configparser.ConfigParser(interpolation=None, strict=True)
parser.optionxform = str
try:
    parser.read(service, encoding='utf-8')
except configparser.Error as error:
    failures.append(f'does not parse: {error}')

if parser.sections() != ['D-BUS Service']:
    failures.append(f'expected one [D-BUS Service] group, found {parser.sections()}')
else:
    group = parser['D-BUS Service']
    if group.get('Name') != app_id:
        failures.append(f'Name={group.get("Name")}, expected {app_id}')
    if os.path.basename(service) != app_id + '.service':
        failures.append('the file must be named after the bus name')
    exec_line = shlex.split(group.get('Exec', ''))
    if not exec_line or exec_line[0] != binary:
        failures.append(f'Exec must start the installed {binary}, is {exec_line}')
    if '--gapplication-service' not in exec_line:
        failures.append('Exec lacks --gapplication-service')
    unknown = set(group) - {'Name', 'Exec', 'User', 'SystemdService', 'AssumedAppArmorLabel'}
    if unknown:
        failures.append(f'unknown keys {sorted(unknown)}')

entry = configparser.ConfigParser(interpolation=None, strict=False)
entry.optionxform = str
entry.read(desktop, encoding='utf-8')
if os.path.basename(desktop) != app_id + '.desktop':
    failures.append('the desktop entry must be named after the bus name')
if entry.get('Desktop Entry', 'DBusActivatable', fallback='') != 'true':
    failures.append('the desktop entry does not say DBusActivatable=true')

if failures:
    for message in failures:
        print(f'{os.path.basename(service)}: {message}', file=sys.stderr)
    sys.exit(1)
print(f'{os.path.basename(service)}: ok')
