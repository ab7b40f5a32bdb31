#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a Flatpak manifest before a networked machine builds it.

It must parse (flatpak-builder --show-manifest, where installed), target
the current GNOME runtime, ask for exactly the sandbox holes Akademie
needs, run the tests, and build with the options the install test uses.
Usage: check-manifest.py MANIFEST APP_ID VERSION FLATPAK_BUILDER|'' OPTION…
"""
import json
import re
import subprocess
import sys

manifest_path, app_id, version, flatpak_builder = sys.argv[1:5]
options = sys.argv[5:]
RUNTIME_VERSION = '51'
FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
failures = []

if flatpak_builder:
    result = subprocess.run([flatpak_builder, '--show-manifest', manifest_path],
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        sys.exit(1)
    manifest = json.loads(result.stdout)
else:
    with open(manifest_path, encoding='utf-8') as f:
        manifest = json.load(f)


def expect(key, value):
    if manifest.get(key) != value:
        failures.append(f'{key} is {manifest.get(key)!r}, expected {value!r}')


expect('id', app_id)
expect('runtime', 'org.gnome.Platform')
expect('sdk', 'org.gnome.Sdk')
expect('runtime-version', RUNTIME_VERSION)
expect('command', 'akademie')
expect('finish-args', FINISH_ARGS)

modules = manifest.get('modules', [])
module = modules[-1] if modules else {}
if isinstance(module, str) or module.get('name') != 'akademie':
    failures.append('the last module must be akademie')
    module = {}
if module.get('buildsystem') != 'meson':
    failures.append('akademie is built with meson')
if module.get('run-tests') is not True:
    failures.append('run-tests must be true')
if module.get('config-opts') != options:
    failures.append(f'config-opts {module.get("config-opts")} differ from the install test\'s '
                    f'{options}')

sources = module.get('sources', [])
if len(sources) != 1:
    failures.append(f'expected one source, found {len(sources)}')
elif app_id.endswith('.Devel'):
    if sources[0].get('type') != 'dir':
        failures.append('the Devel manifest builds the local tree (type dir)')
else:
    source = sources[0]
    if source.get('type') != 'git':
        failures.append('the release is built from git, not a local folder')
    if not str(source.get('url', '')).startswith('https://'):
        failures.append('the git url must be https')
    if source.get('tag') != 'v' + version:
        failures.append(f'tag {source.get("tag")!r} is not v{version}, the project version')
    if not re.fullmatch(r'[0-9a-f]{40}', str(source.get('commit', ''))):
        failures.append('the tag must be pinned to a full commit id')
    checker = source.get('x-checker-data', {})
    if checker.get('type') != 'git' or not checker.get('tag-pattern'):
        failures.append('x-checker-data must follow the git tags')
    elif not re.match(checker['tag-pattern'], 'v' + version):
        failures.append('x-checker-data\'s tag-pattern does not match the tag')

if failures:
    for message in failures:
        print(f'{manifest_path}: {message}', file=sys.stderr)
    sys.exit(1)
print(f'{manifest_path}: ok')
