/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ak-xml-compat.h"
#include "ak-xml-text.h"

G_BEGIN_DECLS

#define AK_COURSE_NAMESPACE "https://smakademie.github.io/akademie/course/1"

/*
 * A course file parsed safely (no DOCTYPE, no entities, no network, depth
 * and size limits) into a libxml2 tree whose elements remember where their
 * start tag begins, so that every later check can point at it.
 */
typedef struct
{
  AkXmlText  text;
  xmlDoc    *doc;
} AkXmlDocument;

AkXmlDocument *ak_xml_document_parse            (const char    *data,
                                                 gsize          length,
                                                 const char    *path,
                                                 GPtrArray     *diagnostics);
void           ak_xml_document_free             (AkXmlDocument *self);
xmlNode       *ak_xml_document_get_root         (AkXmlDocument *self);
gsize          ak_xml_document_node_offset      (AkXmlDocument *self,
                                                 xmlNode       *node);
gsize          ak_xml_document_attribute_offset (AkXmlDocument *self,
                                                 xmlNode       *element,
                                                 const char    *attribute);
void           ak_xml_document_collapse_space   (AkXmlDocument *self);
guint          ak_xml_document_node_line        (AkXmlDocument *self,
                                                 xmlNode       *node);
void           ak_xml_document_report           (AkXmlDocument *self,
                                                 xmlNode       *node,
                                                 const char    *attribute,
                                                 AkSeverity     severity,
                                                 const char    *format,
                                                 ...) G_GNUC_PRINTF (5, 6);
void           ak_xml_document_report_valist    (AkXmlDocument *self,
                                                 xmlNode       *node,
                                                 const char    *attribute,
                                                 AkSeverity     severity,
                                                 const char    *format,
                                                 va_list        args) G_GNUC_PRINTF (5, 0);

/* Reading a tree: elements by local name, attributes by qualified name. */
gboolean       ak_xml_is_element                (xmlNode       *node,
                                                 const char    *name);
xmlNode       *ak_xml_first_element             (xmlNode       *parent);
xmlNode       *ak_xml_next_element              (xmlNode       *node);
xmlNode       *ak_xml_find_element              (xmlNode       *parent,
                                                 const char    *name);
const char    *ak_xml_get_attribute             (xmlNode       *node,
                                                 const char    *name);
gboolean       ak_xml_is_blank                  (xmlNode       *node);

/* Values of XML Schema datatypes, as the schema has let them through. */
gboolean       ak_xml_parse_boolean             (const char    *value);
gboolean       ak_xml_parse_integer             (const char    *value,
                                                 gint64        *number);
gboolean       ak_xml_parse_uint                (const char    *value,
                                                 guint         *number);
gboolean       ak_xml_parse_decimal             (const char    *value,
                                                 double        *number);
gboolean       ak_xml_parse_year                (const char    *value,
                                                 int           *year);
GStrv          ak_xml_split_list                (const char    *value);

/* libxml2 must never print: its global handlers are silenced meanwhile. */
typedef struct
{
  xmlStructuredErrorFunc structured;
  void                  *structured_data;
  xmlGenericErrorFunc    generic;
  void                  *generic_data;
} AkXmlQuiet;

void           ak_xml_quiet_begin               (AkXmlQuiet    *saved);
void           ak_xml_quiet_end                 (AkXmlQuiet    *saved);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AkXmlDocument, ak_xml_document_free)

G_END_DECLS
