#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the course MIME package the way update-mime-database reads it.

Debian ships no schema for shared-mime-info, so the structure is checked
here: the elements the specification allows, a distinct glob (a "*.xml"
glob would claim every XML file), the XML parent type and a translated
comment. With xmllint at hand, the file must also be well-formed to it.
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
ALLOWED = {'comment', 'acronym', 'expanded-acronym', 'icon', 'generic-icon',
           'glob-deleteall', 'magic-deleteall', 'glob', 'magic', 'tree-magic',
           'root-XML', 'alias', 'sub-class-of'}

path = sys.argv[1]
xmllint = sys.argv[2] if len(sys.argv) > 2 else ''
failures = []


def fail(message):
    failures.append(message)


if xmllint:
    result = subprocess.run([xmllint, '--noout', '--nonet', path], capture_output=True, text=True)
    if result.returncode != 0:
        fail('xmllint: ' + result.stderr.strip())

root = ET.parse(path).getroot()
if root.tag != NS + 'mime-info':
    fail(f'root element is {root.tag}, not mime-info in the shared-mime-info namespace')

types = root.findall(NS + 'mime-type')
if len(types) != 1:
    fail(f'expected one mime-type, found {len(types)}')

for mime_type in types:
    name = mime_type.get('type', '')
    media, _, subtype = name.partition('/')
    if media != 'application' or not subtype.startswith('x-'):
        fail(f'“{name}” is not an application/x-… type')
    for child in mime_type:
        local = child.tag.replace(NS, '')
        if local not in ALLOWED:
            fail(f'{name}: element “{local}” is not in the shared-mime-info specification')
    parents = [e.get('type') for e in mime_type.findall(NS + 'sub-class-of')]
    if parents != ['application/xml']:
        fail(f'{name}: must be a sub-class of application/xml only, is {parents}')
    globs = [e.get('pattern', '') for e in mime_type.findall(NS + 'glob')]
    if globs != ['*.kurs.xml']:
        fail(f'{name}: expected the glob *.kurs.xml, found {globs}')
    for glob in globs:
        if glob.lower() in ('*.xml', 'xml'):
            fail(f'{name}: the glob {glob} would make every XML file a course')
    weight = [e.get('weight') for e in mime_type.findall(NS + 'glob') if e.get('weight')]
    for w in weight:
        if not w.isdigit() or not 0 <= int(w) <= 100:
            fail(f'{name}: glob weight {w} is not 0–100')
    comments = {e.get(XML_LANG): (e.text or '').strip() for e in mime_type.findall(NS + 'comment')}
    if not comments.get(None):
        fail(f'{name}: no untranslated comment')
    if not comments.get('de'):
        fail(f'{name}: the comment has no German translation (is po/de.po complete?)')
    elif comments['de'] == comments.get(None):
        fail(f'{name}: the German comment is the English one')
    icons = [e.get('name', '') for e in mime_type.findall(NS + 'icon')]
    if len(icons) != 1 or not icons[0]:
        fail(f'{name}: needs one icon with a name')
    for root_xml in mime_type.findall(NS + 'root-XML'):
        if root_xml.get('localName') is None or root_xml.get('namespaceURI') is None:
            fail(f'{name}: root-XML needs namespaceURI and localName')

if failures:
    for message in failures:
        print(f'{os.path.basename(path)}: {message}', file=sys.stderr)
    sys.exit(1)
print(f'{os.path.basename(path)}: ok')
