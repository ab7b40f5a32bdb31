#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the metainfo's screenshots: English by default with a German
image beside each, URLs pinned to the release tag, and, once they are in
data/screenshots, PNG files of the same size in both languages.
Usage: check-screenshots.py METAINFO VERSION SOURCE_ROOT (TAP output)
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET

metainfo, version, source_root = sys.argv[1:4]
LANG = '{http://www.w3.org/XML/1998/namespace}lang'
prefix = f'https://raw.githubusercontent.com/smakademie/akademie/v{version}/data/screenshots/'
names = ['overview', 'lesson', 'question', 'results']
results = []


def check(ok, description):
    results.append(('ok' if ok else 'not ok', description))


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


shots = ET.parse(metainfo).getroot().findall('screenshots/screenshot')
check([s.get('type') for s in shots].count('default') == 1, 'exactly one default screenshot')
check(len(shots) == len(names), f'{len(names)} screenshots: {", ".join(names)}')
for shot, name in zip(shots, names):
    images = {img.get(LANG): (img.text or '').strip() for img in shot.findall('image')}
    check(images.get(None) == prefix + name + '.png', f'{name}: English image pinned to v{version}')
    check(images.get('de') == prefix + name + '-de.png', f'{name}: German image pinned to v{version}')
    check(any(c.get(LANG) is None and c.text for c in shot.findall('caption')),
          f'{name}: has a caption')
    sizes = {}
    for lang, url in images.items():
        path = os.path.join(source_root, 'data', 'screenshots', os.path.basename(url))
        if os.path.exists(path):
            sizes[lang] = png_size(path)
            check(sizes[lang] is not None, f'{os.path.basename(path)} is a PNG')
        else:
            results.append(('ok', f'{os.path.basename(path)} # SKIP not generated yet'))
    if len(sizes) == 2 and None not in sizes.values():
        check(sizes[None] == sizes['de'], f'{name}: English and German at the same size')

for n, (status, description) in enumerate(results, 1):
    print(f'{status} {n} - {description}')
print(f'1..{len(results)}')
sys.exit(1 if any(s == 'not ok' for s, _ in results) else 0)
