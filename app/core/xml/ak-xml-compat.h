/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What differs between the libxml2 releases Akademie builds against:
 * Debian 12's 2.9 and the 2.12 and newer of the GNOME runtime, Debian 13
 * and Fedora.
 */
#pragma once

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <glib.h>

/* Since 2.12 a structured error handler is given a const error. */
#if LIBXML_VERSION >= 21200
typedef const xmlError AkXmlError;
#else
typedef xmlError AkXmlError;
#endif

/* Turns off the SAX callbacks but lets the parser read on, so that it can
 * report later syntax errors. libxml2 has no call for this, and 2.12 marks
 * the field deprecated though it still honours it. */
static inline void
ak_xml_ctxt_disable_sax (xmlParserCtxt *ctxt)
{
#if LIBXML_VERSION >= 21200
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  ctxt->disableSAX = 1;
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  ctxt->disableSAX = 1;
#endif
}
