/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ak-diagnostic.h"

G_BEGIN_DECLS

/* An offset for a problem that has no place in the file. */
#define AK_XML_NO_OFFSET G_MAXSIZE

/*
 * The bytes of a course file (at most 4 GiB), with what is needed to turn a byte offset
 * into the line and column a trainer's editor shows: lines end at "\n",
 * "\r\n" or a lone "\r", columns count characters, a UTF-8 byte order
 * mark takes no column.
 */
typedef struct
{
  const char *data;
  gsize       length;
  const char *path;
  GPtrArray  *diagnostics;
  GArray     *line_starts;    /* guint32; built on first use */
  GArray     *lf_line_starts; /* the same for lines as libxml2 counts them */
  guint       max_reports;    /* problems listed at most; 0 for no limit */
  guint       n_reports;
  guint       n_dropped;      /* problems found beyond max_reports */
  /* The last place located, from where the next column on the same
   * line is counted on. */
  gsize       located_offset;
  guint       located_line;
  guint       located_column;
} AkXmlText;

void     ak_xml_text_init           (AkXmlText  *self,
                                     const char *data,
                                     gsize       length,
                                     const char *path,
                                     GPtrArray  *diagnostics);
void     ak_xml_text_clear          (AkXmlText  *self);
gboolean ak_xml_text_check_encoding (AkXmlText  *self);
void     ak_xml_text_locate         (AkXmlText  *self,
                                     gsize       offset,
                                     guint      *line,
                                     guint      *column);
gsize    ak_xml_text_find_offset    (AkXmlText  *self,
                                     guint       line,
                                     guint       column);
gsize    ak_xml_text_find_tag_start (AkXmlText  *self,
                                     gsize       offset);
gsize    ak_xml_text_find_attribute (AkXmlText  *self,
                                     gsize       tag_start,
                                     const char *name,
                                     guint       skip);
gboolean ak_xml_text_check_markup   (AkXmlText  *self,
                                     guint       max_elements,
                                     guint       max_attributes,
                                     gsize      *doctype);
gsize    ak_xml_text_find_unclosed  (AkXmlText  *self,
                                     const char *open,
                                     gsize       fallback);
void     ak_xml_text_report_valist  (AkXmlText  *self,
                                     gsize       offset,
                                     AkSeverity  severity,
                                     const char *format,
                                     va_list     args) G_GNUC_PRINTF (4, 0);
void     ak_xml_text_report         (AkXmlText  *self,
                                     gsize       offset,
                                     AkSeverity  severity,
                                     const char *format,
                                     ...) G_GNUC_PRINTF (4, 5);
char    *ak_xml_text_ellipsize      (const char *value);

/* XML's white space: the four characters of its S production. */
static inline gboolean
ak_xml_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline const char *
ak_xml_skip_space (const char *p,
                   const char *end)
{
  while (p < end && ak_xml_is_space (*p))
    p++;
  return p;
}

G_END_DECLS
