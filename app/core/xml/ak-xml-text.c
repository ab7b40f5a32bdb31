/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-xml-text.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#define UTF8_BOM "\xEF\xBB\xBF"
#define UTF8_BOM_LENGTH 3
/* The XML declaration is short; a longer one is left to the parser. */
#define MAX_DECLARATION_LENGTH 1024
/* Values quoted in messages are cut to this many characters. */
#define MAX_QUOTED_CHARS 80

/* Byte patterns of the encodings libxml2 would detect at the start. */
static const struct
{
  guchar      bytes[4];
  guint       n_bytes;
  const char *name;
} foreign_encodings[] = {
  { { 0x00, 0x00, 0xFE, 0xFF }, 4, "UTF-32" },
  { { 0xFF, 0xFE, 0x00, 0x00 }, 4, "UTF-32" },
  { { 0x00, 0x00, 0x00, 0x3C }, 4, "UTF-32" },
  { { 0x3C, 0x00, 0x00, 0x00 }, 4, "UTF-32" },
  { { 0xFE, 0xFF }, 2, "UTF-16" },
  { { 0xFF, 0xFE }, 2, "UTF-16" },
  { { 0x00, 0x3C }, 2, "UTF-16" },
  { { 0x3C, 0x00 }, 2, "UTF-16" },
  { { 0x4C, 0x6F, 0xA7, 0x94 }, 4, "EBCDIC" },
};

void
ak_xml_text_init (AkXmlText  *self,
                  const char *data,
                  gsize       length,
                  const char *path,
                  GPtrArray  *diagnostics)
{
  self->data = data;
  self->length = length;
  self->path = path;
  self->diagnostics = diagnostics;
  self->line_starts = NULL;
  self->lf_line_starts = NULL;
  self->max_reports = 0;
  self->n_reports = 0;
  self->n_dropped = 0;
  self->located_line = 0;
}

void
ak_xml_text_clear (AkXmlText *self)
{
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->lf_line_starts, g_array_unref);
}

static gboolean
has_bom (AkXmlText *self)
{
  return self->length >= UTF8_BOM_LENGTH && memcmp (self->data, UTF8_BOM, UTF8_BOM_LENGTH) == 0;
}

static gboolean
ends_line (AkXmlText *self,
           gsize      i,
           gboolean   lone_cr)
{
  if (self->data[i] == '\n')
    return TRUE;
  /* Old Mac files end lines with "\r" alone; "\r\n" ends one line. */
  return lone_cr && self->data[i] == '\r' &&
         (i + 1 == self->length || self->data[i + 1] != '\n');
}

/* Offsets fit 32 bits, which halves the table of a file of empty lines. */
static GArray *
build_line_starts (AkXmlText *self,
                   gboolean   lone_cr)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 first = has_bom (self) ? UTF8_BOM_LENGTH : 0;

  g_array_append_val (starts, first);
  for (gsize i = first; i < self->length; i++)
    {
      if (ends_line (self, i, lone_cr))
        {
          guint32 start = (guint32)(i + 1);

          g_array_append_val (starts, start);
        }
    }
  return starts;
}

/* Lines as an editor shows them. */
static GArray *
get_line_starts (AkXmlText *self)
{
  if (self->line_starts == NULL)
    self->line_starts = build_line_starts (self, TRUE);
  return self->line_starts;
}

/* Lines as libxml2 counts them in its positions: at "\n" only. */
static GArray *
get_lf_line_starts (AkXmlText *self)
{
  if (self->lf_line_starts == NULL)
    self->lf_line_starts = build_line_starts (self, FALSE);
  return self->lf_line_starts;
}

/**
 * ak_xml_text_locate:
 *
 * Turns a byte offset into a 1-based line and column; the column counts
 * characters, as editors do. An offset past the end points at the end.
 */
void
ak_xml_text_locate (AkXmlText *self,
                    gsize      offset,
                    guint     *line,
                    guint     *column)
{
  GArray *starts;
  guint low = 0;
  guint high;
  gsize start;

  if (offset == AK_XML_NO_OFFSET)
    {
      *line = 0;
      *column = 0;
      return;
    }

  starts = get_line_starts (self);
  offset = MIN (offset, self->length);
  high = starts->len;
  /* The last line starting at or before the offset. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (starts, guint32, middle) <= offset)
        low = middle;
      else
        high = middle;
    }

  start = MIN (g_array_index (starts, guint32, low), offset);
  *line = low + 1;
  *column = 1;
  /* Problems come mostly in file order: a column on the line of the last
   * one is counted on from there, so that many problems on one long line
   * do not each count it from its start. */
  if (self->located_line == *line && self->located_offset >= start &&
      self->located_offset <= offset)
    {
      start = self->located_offset;
      *column = self->located_column;
    }
  for (const char *p = self->data + start; p < self->data + offset; p++)
    if (((guchar)*p & 0xC0) != 0x80)
      (*column)++;
  self->located_offset = offset;
  self->located_line = *line;
  self->located_column = *column;
}

/**
 * ak_xml_text_find_offset:
 *
 * Turns a position libxml2 reports as line and column into a byte
 * offset. libxml2 ends lines at "\n" only, so in a file with "\r" line
 * ends its lines are not the editor's.
 */
gsize
ak_xml_text_find_offset (AkXmlText *self,
                         guint      line,
                         guint      column)
{
  GArray *starts = get_lf_line_starts (self);
  const char *p;
  const char *end;

  if (line == 0)
    return AK_XML_NO_OFFSET;
  if (line > starts->len)
    return self->length;

  p = self->data + g_array_index (starts, guint32, line - 1);
  end = self->data + (line < starts->len ? g_array_index (starts, guint32, line) : self->length);
  for (guint i = 1; i < column && p < end; i++)
    {
      p++;
      while (p < end && ((guchar)*p & 0xC0) == 0x80)
        p++;
    }
  return p - self->data;
}

/**
 * ak_xml_text_find_tag_start:
 *
 * Returns: the offset of the last "<" at or before @offset, or @offset
 * when there is none.
 */
gsize
ak_xml_text_find_tag_start (AkXmlText *self,
                            gsize      offset)
{
  gsize i = MIN (offset, self->length);

  if (self->length == 0)
    return 0;
  if (i == self->length)
    i--;
  for (;; i--)
    {
      if (self->data[i] == '<')
        return i;
      if (i == 0)
        return MIN (offset, self->length);
    }
}

static gboolean
is_name_end (char c)
{
  return ak_xml_is_space (c) || c == '=' || c == '/' || c == '>';
}

/**
 * ak_xml_text_find_attribute:
 * @tag_start: the offset of a start tag's "<"
 * @skip: how many attributes of that name to pass over first
 *
 * Returns: the offset of the name of the attribute @name in the start
 *   tag, or %AK_XML_NO_OFFSET when it is not written there
 */
gsize
ak_xml_text_find_attribute (AkXmlText  *self,
                            gsize       tag_start,
                            const char *name,
                            guint       skip)
{
  gsize name_length = strlen (name);
  const char *end = self->data + self->length;
  const char *p;

  if (tag_start >= self->length)
    return AK_XML_NO_OFFSET;

  /* Skip "<name", then walk name="value" pairs up to ">" or "/>". */
  p = self->data + tag_start + 1;
  while (p < end && !is_name_end (*p))
    p++;
  while ((p = ak_xml_skip_space (p, end)) < end && *p != '>' && *p != '/')
    {
      const char *attribute = p;

      while (p < end && !is_name_end (*p))
        p++;
      if (p == attribute)
        break;
      if ((gsize)(p - attribute) == name_length && memcmp (attribute, name, name_length) == 0 &&
          skip-- == 0)
        return attribute - self->data;
      p = ak_xml_skip_space (p, end);
      if (p < end && *p == '=')
        p = ak_xml_skip_space (p + 1, end);
      if (p < end && (*p == '"' || *p == '\''))
        {
          const char *close = memchr (p + 1, *p, end - p - 1);

          if (close == NULL)
            break;
          p = close + 1;
        }
    }
  return AK_XML_NO_OFFSET;
}

/* Inside these "<" starts no markup. */
static const struct
{
  const char *open;
  const char *close;
} sections[] = {
  { "<!--", "-->" },
  { "<![CDATA[", "]]>" },
  { "<?", "?>" },
};

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize)(end - p) >= length && memcmp (p, prefix, length) == 0;
}

/**
 * ak_xml_text_find_unclosed:
 * @open: "<!--", "<![CDATA[" or "<?"
 *
 * libxml2 notices an unclosed comment or CDATA section only at the end
 * of the file; this finds where it opens. Course files hold no null
 * characters, so the text can be searched as a string.
 *
 * Returns: the offset of the @open that is never closed, or @fallback
 */
gsize
ak_xml_text_find_unclosed (AkXmlText  *self,
                           const char *open,
                           gsize       fallback)
{
  const char *p = self->data;
  const char *end = self->data + self->length;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *next = p + 1;

      for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
        {
          const char *inside;

          if (!has_prefix (p, end, sections[i].open))
            continue;
          inside = p + strlen (sections[i].open);
          next = g_strstr_len (inside, end - inside, sections[i].close);
          if (next == NULL)
            return g_str_equal (sections[i].open, open) ? (gsize)(p - self->data) : fallback;
          next += strlen (sections[i].close);
          break;
        }
      p = next;
    }
  return fallback;
}

/* The end of the start tag at @p ("<" + name), or %NULL when it is not
 * closed; its attributes, counted by their "=" outside quotes, go to
 * @n_attributes. */
static const char *
skip_start_tag (const char *p,
                const char *end,
                guint      *n_attributes)
{
  *n_attributes = 0;
  for (p++; p < end; p++)
    {
      if (*p == '>')
        return p + 1;
      if (*p == '<')
        return p;
      if (*p == '=')
        (*n_attributes)++;
      else if (*p == '"' || *p == '\'')
        {
          p = memchr (p + 1, *p, end - p - 1);
          if (p == NULL)
            return NULL;
        }
    }
  return NULL;
}

/**
 * ak_xml_text_check_markup:
 *
 * Counts start tags and their attributes in one pass over the text,
 * before libxml2 builds a tree of them: the tree and the checks after it
 * grow with their number, and libxml2 2.9 compares every attribute of a
 * start tag with every other one. Comments, CDATA sections and
 * processing instructions are passed over; what the parser would refuse
 * anyway is left to it.
 *
 * @doctype is set to the offset of the first "<!DOCTYPE", or to
 * %AK_XML_NO_OFFSET.
 *
 * Returns: %FALSE when a limit is passed, which is reported
 */
gboolean
ak_xml_text_check_markup (AkXmlText *self,
                          guint      max_elements,
                          guint      max_attributes,
                          gsize     *doctype)
{
  const char *p = self->data;
  const char *end = self->data + self->length;
  guint n_elements = 0;
  guint n_all_attributes = 0;

  *doctype = AK_XML_NO_OFFSET;
  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *tag = p;
      const char *next = NULL;
      guint n_attributes;

      for (guint i = 0; i < G_N_ELEMENTS (sections) && next == NULL; i++)
        {
          if (!has_prefix (p, end, sections[i].open))
            continue;
          next = p + strlen (sections[i].open);
          next = g_strstr_len (next, end - next, sections[i].close);
          if (next == NULL)
            return TRUE;
          next += strlen (sections[i].close);
        }
      if (next != NULL)
        {
          p = next;
          continue;
        }
      if (p + 1 >= end || p[1] == '/' || p[1] == '!')
        {
          if (*doctype == AK_XML_NO_OFFSET && has_prefix (p, end, "<!DOCTYPE"))
            *doctype = p - self->data;
          p++;
          continue;
        }

      p = skip_start_tag (p, end, &n_attributes);
      if (++n_elements > max_elements)
        {
          ak_xml_text_report (self, tag - self->data, AK_SEVERITY_ERROR,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The file has more than %u element; split the "
                                           "course into several files",
                                           "The file has more than %u elements; split the "
                                           "course into several files",
                                           max_elements),
                              max_elements);
          return FALSE;
        }
      n_all_attributes += n_attributes;
      if (n_attributes > max_attributes)
        {
          ak_xml_text_report (self, tag - self->data, AK_SEVERITY_ERROR,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "An element has more than %u attribute",
                                           "An element has more than %u attributes",
                                           max_attributes),
                              max_attributes);
          return FALSE;
        }
      /* Two for each element on average, which no course comes near. */
      if (n_all_attributes > 2 * max_elements)
        {
          ak_xml_text_report (self, tag - self->data, AK_SEVERITY_ERROR,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The file has more than %u attribute; split the "
                                           "course into several files",
                                           "The file has more than %u attributes; split the "
                                           "course into several files",
                                           2 * max_elements),
                              2 * max_elements);
          return FALSE;
        }
      if (p == NULL)
        return TRUE;
    }
  return TRUE;
}

void
ak_xml_text_report_valist (AkXmlText  *self,
                           gsize       offset,
                           AkSeverity  severity,
                           const char *format,
                           va_list     args)
{
  g_autofree char *message = NULL;
  guint line;
  guint column;

  /* What is left out costs nothing: a hostile file can have a problem in
   * every few bytes. */
  if (self->max_reports > 0 && self->n_reports >= self->max_reports)
    {
      self->n_dropped++;
      return;
    }
  self->n_reports++;
  message = g_strdup_vprintf (format, args);
  ak_xml_text_locate (self, offset, &line, &column);
  g_ptr_array_add (self->diagnostics,
                   ak_diagnostic_new (self->path, line, column, severity, message));
}

void
ak_xml_text_report (AkXmlText  *self,
                    gsize       offset,
                    AkSeverity  severity,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  ak_xml_text_report_valist (self, offset, severity, format, args);
  va_end (args);
}

/**
 * ak_xml_text_ellipsize:
 *
 * Makes a value from the file fit for quoting in a message: valid UTF-8,
 * and cut with "…" when it is long.
 *
 * Returns: (transfer full): the value to quote
 */
char *
ak_xml_text_ellipsize (const char *value)
{
  g_autofree char *valid = g_utf8_make_valid (value != NULL ? value : "", -1);

  if (g_utf8_strlen (valid, -1) <= MAX_QUOTED_CHARS)
    return g_steal_pointer (&valid);
  *g_utf8_offset_to_pointer (valid, MAX_QUOTED_CHARS) = '\0';
  return g_strconcat (valid, "…", NULL);
}

/* Finds the value of the encoding pseudo-attribute in an XML declaration
 * at @start; FALSE when there is none. */
static gboolean
find_declared_encoding (AkXmlText *self,
                        gsize      start,
                        gsize     *value_offset,
                        gsize     *value_length)
{
  const char *p = self->data + start;
  const char *end = self->data + MIN (self->length, start + MAX_DECLARATION_LENGTH);

  if (end - p < 6 || memcmp (p, "<?xml", 5) != 0 || !ak_xml_is_space (p[5]))
    return FALSE;

  p += 5;
  while ((p = ak_xml_skip_space (p, end)) < end && g_ascii_isalpha (*p))
    {
      const char *name = p;
      const char *value;
      gsize name_length;
      char quote;

      while (p < end && g_ascii_isalpha (*p))
        p++;
      name_length = p - name;
      p = ak_xml_skip_space (p, end);
      if (p >= end || *p != '=')
        return FALSE;
      p = ak_xml_skip_space (p + 1, end);
      if (p >= end || (*p != '"' && *p != '\''))
        return FALSE;
      quote = *p++;
      value = p;
      while (p < end && *p != quote)
        p++;
      if (p >= end)
        return FALSE;
      if (name_length == 8 && memcmp (name, "encoding", 8) == 0)
        {
          *value_offset = value - self->data;
          *value_length = p - value;
          return TRUE;
        }
      p++;
    }
  return FALSE;
}

static void
report_invalid_utf8 (AkXmlText  *self,
                     const char *bad)
{
  gsize offset = bad - self->data;

  if (*bad == '\0')
    ak_xml_text_report (self, offset, AK_SEVERITY_ERROR, "%s",
                        _("Course files must not contain null characters"));
  else
    ak_xml_text_report (self, offset, AK_SEVERITY_ERROR,
                        /* Translators: %02X is the byte value in hexadecimal, e.g. E4 */
                        _("This is not valid UTF-8 text (byte 0x%02X); save the file "
                          "with the encoding UTF-8"),
                        (guchar)*bad);
}

/**
 * ak_xml_text_check_encoding:
 *
 * Course files are UTF-8 (a byte order mark is allowed). Anything else is
 * refused here, before libxml2 could switch to another decoder.
 *
 * Returns: %TRUE when the text is UTF-8 and says nothing else
 */
gboolean
ak_xml_text_check_encoding (AkXmlText *self)
{
  const char *bad = NULL;
  gsize start = has_bom (self) ? UTF8_BOM_LENGTH : 0;
  gsize value_offset;
  gsize value_length;

  for (guint i = 0; i < G_N_ELEMENTS (foreign_encodings); i++)
    {
      if (self->length >= foreign_encodings[i].n_bytes &&
          memcmp (self->data, foreign_encodings[i].bytes, foreign_encodings[i].n_bytes) == 0)
        {
          ak_xml_text_report (self, 0, AK_SEVERITY_ERROR,
                              /* Translators: %s is the name of an encoding, e.g. UTF-16 */
                              _("Course files must be encoded as UTF-8; this file is %s"),
                              foreign_encodings[i].name);
          return FALSE;
        }
    }

  if (find_declared_encoding (self, start, &value_offset, &value_length))
    {
      g_autofree char *name = g_strndup (self->data + value_offset, value_length);

      if (g_ascii_strcasecmp (name, "UTF-8") != 0 && g_ascii_strcasecmp (name, "UTF8") != 0)
        {
          g_autofree char *quoted = ak_xml_text_ellipsize (name);

          ak_xml_text_report (self, value_offset, AK_SEVERITY_ERROR,
                              _("Course files must be encoded as UTF-8; this file declares "
                                "the encoding “%s”"),
                              quoted);
          return FALSE;
        }
    }

  if (!g_utf8_validate_len (self->data, self->length, &bad))
    {
      report_invalid_utf8 (self, bad);
      return FALSE;
    }
  return TRUE;
}
