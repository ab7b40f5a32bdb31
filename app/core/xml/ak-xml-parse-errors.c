/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-xml-parse-errors.h"

#include <string.h>
#include <glib/gi18n-lib.h>

static gboolean
is_name_punctuation (char c)
{
  return c == '_' || c == '-' || c == '.' || c == ':';
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == ':' || (guchar)c >= 0x80;
}

/* The byte at @i, or NUL past the end: the mistakes described here often
 * sit at the very end of a truncated file. */
static char
char_at (AkXmlText *text,
         gsize      i)
{
  return i < text->length ? text->data[i] : '\0';
}

/* The "&" or "<" that begins the name libxml2 stopped in or after. */
static char
find_markup_start (AkXmlText *text,
                   gsize     *offset)
{
  gsize i = *offset;

  if (i == AK_XML_NO_OFFSET || i > text->length)
    return '\0';
  while (i > 0 && (g_ascii_isalnum (text->data[i - 1]) || is_name_punctuation (text->data[i - 1]) ||
                   (guchar)text->data[i - 1] >= 0x80))
    i--;
  if (i == 0 || (text->data[i - 1] != '&' && text->data[i - 1] != '<'))
    return '\0';
  *offset = i - 1;
  return text->data[i - 1];
}

static gboolean
is_start_tag (AkXmlText  *text,
              gsize       i,
              const char *name)
{
  gsize name_length = strlen (name);
  gsize after = i + 1 + name_length;

  return text->data[i] == '<' && after < text->length &&
         memcmp (text->data + i + 1, name, name_length) == 0 &&
         strchr (" \t\r\n/>", text->data[after]) != NULL;
}

/* The first start tag "<name" on libxml2's @line, for an element that is
 * never closed; with @before, the last one before that offset. libxml2
 * counts lines at "\n" only. */
static gsize
find_start_tag (AkXmlText  *text,
                guint       line,
                const char *name,
                gsize       before,
                gsize       fallback)
{
  gsize start = ak_xml_text_find_offset (text, line, 1);
  gsize found = fallback;

  if (start == AK_XML_NO_OFFSET)
    return fallback;
  for (gsize i = start; i < MIN (text->length, before) && text->data[i] != '\n'; i++)
    {
      if (!is_start_tag (text, i, name))
        continue;
      found = i;
      if (before == AK_XML_NO_OFFSET)
        break;
    }
  return found;
}

/* The line an editor shows for libxml2's @line of the start tag of @name,
 * which differ in files with "\r" line ends. */
static int
start_tag_line (AkXmlText  *text,
                int         line,
                const char *name,
                gsize       before)
{
  gsize start = find_start_tag (text, (guint)MAX (line, 0), name, before, AK_XML_NO_OFFSET);
  guint editor_line;
  guint column;

  if (start == AK_XML_NO_OFFSET)
    return line;
  ak_xml_text_locate (text, start, &editor_line, &column);
  return (int)editor_line;
}

/* The "&" of the reference "&…;" that ends just before @offset, where
 * libxml2 reports a problem with it. */
static gsize
find_reference_start (AkXmlText *text,
                      gsize      offset)
{
  if (offset == AK_XML_NO_OFFSET || offset < 2 || offset > text->length ||
      text->data[offset - 1] != ';')
    return AK_XML_NO_OFFSET;
  for (gsize i = offset - 1; i > 0; i--)
    {
      char c = text->data[i - 1];

      if (c == '&')
        return i - 1;
      if (ak_xml_is_space (c) || c == '<' || c == '>' || c == ';')
        break;
    }
  return AK_XML_NO_OFFSET;
}

static gboolean
is_char_reference (AkXmlText *text,
                   gsize      start)
{
  return start != AK_XML_NO_OFFSET && start + 1 < text->length && text->data[start + 1] == '#';
}

/* The "<" of the start tag libxml2 stopped in at @offset, or
 * %AK_XML_NO_OFFSET when it stopped elsewhere. */
static gsize
find_open_start_tag (AkXmlText *text,
                     gsize      offset)
{
  gsize start;

  if (offset == AK_XML_NO_OFFSET || offset == 0 || offset > text->length)
    return AK_XML_NO_OFFSET;
  start = ak_xml_text_find_tag_start (text, offset - 1);
  if (start >= offset || text->data[start] != '<' || !is_name_start (char_at (text, start + 1)))
    return AK_XML_NO_OFFSET;
  return start;
}

static char *
get_tag_name (AkXmlText *text,
              gsize      start)
{
  gsize end = start + 1;
  g_autofree char *name = NULL;

  while (end < text->length && !ak_xml_is_space (text->data[end]) &&
         strchr ("/>=\"'<", text->data[end]) == NULL)
    end++;
  name = g_strndup (text->data + start + 1, end - start - 1);
  return ak_xml_text_ellipsize (name);
}

/* What a trainer most likely got wrong where libxml2 stopped reading the
 * start tag at @start. */
static char *
describe_start_tag (AkXmlText *text,
                    gsize      start,
                    gsize      offset)
{
  g_autofree char *name = get_tag_name (text, start);
  char c = char_at (text, offset);
  char before = char_at (text, offset - 1);

  if (c == '/')
    return g_strdup (_("“/” must be followed directly by “>”"));
  if (c == '<')
    return g_strdup_printf (_("The start tag “<%s>” is not closed with “>”"), name);
  if (c == '=')
    return g_strdup (_("An attribute name is missing before “=”"));
  if ((c == '"' || c == '\'') && before != '"' && before != '\'')
    return g_strdup (_("An attribute name and “=” are missing before the value"));
  if ((before == '"' || before == '\'') && is_name_start (c))
    return g_strdup (_("Attributes must be separated by a space"));
  /* Translators: a start tag such as <p> */
  return g_strdup_printf (_("The start tag “<%s>” is not closed correctly; check its attributes "
                            "and the “>” or “/>” at its end"),
                          name);
}

/* A name libxml2 expected and did not find: after "&", after "<", or for
 * an attribute in a start tag. */
static char *
describe_missing_name (AkXmlText *text,
                       gsize     *offset)
{
  gsize start = *offset;
  gsize tag;

  switch (find_markup_start (text, &start))
    {
    case '&':
      *offset = start;
      return g_strdup (_("Write “&” as “&amp;” in course text"));
    case '<':
      /* "<p/ >" is a broken tag, not a stray "<". */
      if (is_name_start (char_at (text, start + 1)))
        break;
      *offset = start;
      return g_strdup (_("Write “<” as “&lt;” in course text, or follow it with an "
                         "element name"));
    default:
      break;
    }

  tag = find_open_start_tag (text, *offset);
  if (tag != AK_XML_NO_OFFSET)
    return describe_start_tag (text, tag, *offset);
  return g_strdup (_("A name is expected here"));
}

static char *
describe_missing_space (AkXmlText *text,
                        gsize     *offset)
{
  gsize tag = find_open_start_tag (text, *offset);

  if (tag != AK_XML_NO_OFFSET)
    return describe_start_tag (text, tag, *offset);
  return g_strdup (_("A space is missing here"));
}

/* libxml2 reports a repeated attribute at the end of the start tag. */
static char *
describe_repeated_attribute (AkXmlText  *text,
                             const char *str1,
                             const char *str2,
                             gsize      *offset)
{
  /* With a prefix, libxml2 gives it and the local name apart. */
  g_autofree char *name = str2 != NULL && *str2 != '\0' ? g_strconcat (str1, ":", str2, NULL)
                                                         : g_strdup (str1);
  gsize tag = find_open_start_tag (text, *offset);

  if (tag != AK_XML_NO_OFFSET)
    {
      gsize second = ak_xml_text_find_attribute (text, tag, name, 1);

      if (second != AK_XML_NO_OFFSET)
        *offset = second;
    }
  return g_strdup_printf (_("The attribute “%s” is given twice"), name);
}

/* Word processors turn quotes into typographic ones. */
static gboolean
is_typographic_quote (AkXmlText *text,
                      gsize      offset)
{
  static const char * const quotes[] = { "“", "”", "„", "‘", "’", "‚", "«", "»" };

  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      gsize length = strlen (quotes[i]);

      if (offset != AK_XML_NO_OFFSET && offset + length <= text->length &&
          memcmp (text->data + offset, quotes[i], length) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
describe_character_error (AkXmlText      *text,
                          const xmlError *error,
                          gsize          *offset)
{
  gsize start = find_reference_start (text, *offset);
  gboolean reference = is_char_reference (text, start);

  /* libxml2 reports "&#x1;" as an invalid character, after its ";". */
  if (reference)
    *offset = start;
  if (reference || error->code != XML_ERR_INVALID_CHAR)
    return g_strdup (_("This character reference does not stand for a character allowed "
                       "in XML"));
  return g_strdup (_("This character is not allowed in XML"));
}

static char *
describe_namespace_error (AkXmlText      *text,
                          const xmlError *error,
                          const char     *str1,
                          const char     *str2,
                          gsize          *offset)
{
  gsize tag;

  switch ((int)error->code)
    {
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return g_strdup_printf (_("The namespace prefix “%s” is not declared"), str1);
    case XML_NS_ERR_QNAME:
      /* 2.9 stops at the second colon, 2.12 and newer after the name:
       * the start tag is where both are. */
      tag = find_open_start_tag (text, *offset);
      if (tag != AK_XML_NO_OFFSET)
        *offset = tag;
      return g_strdup (_("A name may hold a colon only once, between a namespace prefix and "
                         "the name"));
    case XML_NS_ERR_ATTRIBUTE_REDEFINED:
      /* Translators: the second %s is a namespace, an address such as urn:x */
      return g_strdup_printf (_("The attribute “%s” is given twice: both prefixes stand for "
                                "the namespace “%s”"),
                              str1, str2);
    case XML_NS_ERR_XML_NAMESPACE:
      /* libxml2 names the prefix only when its namespace is empty. */
      if (str1 != NULL && *str1 != '\0')
        return g_strdup_printf (_("The namespace prefix “%s” must not be declared with an "
                                  "empty namespace"),
                                str1);
      return g_strdup (_("The prefixes “xml” and “xmlns” and their namespaces are reserved and "
                         "must not be declared"));
    case XML_NS_ERR_EMPTY:
      return g_strdup (_("A namespace prefix must not be declared with an empty namespace"));
    case XML_NS_ERR_COLON:
      return g_strdup (_("The name of a processing instruction must not contain “:”"));
    default:
      return NULL;
    }
}

/* libxml2 calls any file without a root element empty; a trainer needs to
 * hear what is there instead. */
static char *
describe_no_element (AkXmlText *text,
                     gsize     *offset)
{
  gsize i = text->length >= 3 && memcmp (text->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

  while (i < text->length && ak_xml_is_space (text->data[i]))
    i++;
  if (i == text->length)
    {
      *offset = 0;
      return g_strdup (_("The file contains only white space"));
    }
  if (text->data[i] != '<')
    {
      *offset = i;
      return g_strdup (_("The file contains text but no element; a course file starts with "
                         "“<course”"));
    }
  return g_strdup (_("The file contains no element, only an XML declaration, comments or "
                     "processing instructions"));
}

static char *
describe_parser_error (AkXmlText      *text,
                       const xmlError *error,
                       const char     *str1,
                       const char     *str2,
                       gsize          *offset)
{
  switch ((int)error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return describe_no_element (text, offset);

    case XML_ERR_DOCUMENT_START:
      return g_strdup (_("The file must start with an element (“<”)"));

    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("Nothing may follow the end of the root element"));

    case XML_ERR_TAG_NAME_MISMATCH:
      if (*offset != AK_XML_NO_OFFSET && *offset > 0)
        *offset = ak_xml_text_find_tag_start (text, *offset - 1);
      /* libxml2 calls a missing name "unparsable". */
      if (*offset != AK_XML_NO_OFFSET && !is_name_start (char_at (text, *offset + 2)))
        /* Translators: an end tag such as </p> closes a start tag such as <p> */
        return g_strdup_printf (_("The end tag has no name; write “</%s>” to close the "
                                  "start tag “<%s>”"),
                                str1, str1);
      /* Translators: an end tag such as </p> closes a start tag such as <p> */
      return g_strdup_printf (_("The end tag “</%s>” does not match the start tag “<%s>” "
                                "on line %d"),
                              str2, str1, start_tag_line (text, error->int1, str1, *offset));

    case XML_ERR_TAG_NOT_FINISHED:
      *offset = find_start_tag (text, (guint)MAX (error->int1, 0), str1, AK_XML_NO_OFFSET,
                                *offset);
      return g_strdup_printf (_("The element “<%s>” is never closed"), str1);

    case XML_ERR_GT_REQUIRED:
      /* libxml2 names the element for start tags only. */
      if (str1 == NULL || *str1 == '\0')
        return g_strdup (_("The end tag is not closed with “>”"));
      return g_strdup_printf (_("The start tag “<%s>” is not closed with “>”"), str1);

    case XML_ERR_LTSLASH_REQUIRED:
      return g_strdup (_("An end tag is expected here"));

    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup (_("Write “<” as “&lt;” in attribute values"));

    case XML_ERR_ATTRIBUTE_NOT_STARTED:
      if (is_typographic_quote (text, *offset))
        return g_strdup (_("Attribute values must be written in straight quotes (\" or '), "
                           "not in typographic ones"));
      return g_strdup (_("Attribute values must be written in quotes"));

    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      return g_strdup (_("The attribute value has no closing quote"));

    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_EQUAL_REQUIRED:
      return g_strdup (_("An attribute needs “=” and a value in quotes"));

    case XML_ERR_ATTRIBUTE_REDEFINED:
      return describe_repeated_attribute (text, str1, str2, offset);

    case XML_ERR_SPACE_REQUIRED:
      return describe_missing_space (text, offset);

    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_ENTITYREF_NO_NAME:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return describe_missing_name (text, offset);

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      *offset = MIN (*offset, find_reference_start (text, *offset));
      return g_strdup_printf (_("Unknown entity “&%s;”; course files can only use &amp;, "
                                "&lt;, &gt;, &quot; and &apos;"),
                              str1);

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
      return describe_character_error (text, error, offset);

    case XML_ERR_COMMENT_NOT_FINISHED:
      *offset = ak_xml_text_find_unclosed (text, "<!--", *offset);
      return g_strdup (_("The comment is not closed with “-->”"));

    case XML_ERR_HYPHEN_IN_COMMENT:
      return g_strdup (_("Comments must not contain “--”"));

    case XML_ERR_CDATA_NOT_FINISHED:
      *offset = ak_xml_text_find_unclosed (text, "<![CDATA[", *offset);
      return g_strdup (_("The CDATA section is not closed with “]]>”"));

    case XML_ERR_MISPLACED_CDATA_END:
      return g_strdup (_("“]]>” is not allowed in text"));

    case XML_ERR_PI_NOT_FINISHED:
      *offset = ak_xml_text_find_unclosed (text, "<?", *offset);
      return g_strdup (_("The processing instruction is not closed with “?>”"));

    case XML_ERR_PI_NOT_STARTED:
      return g_strdup (_("The processing instruction is not closed with “?>”"));

    case XML_ERR_RESERVED_XML_NAME:
      return g_strdup (_("The XML declaration (<?xml …?>) must be at the very start of "
                         "the file"));

    case XML_ERR_XMLDECL_NOT_STARTED:
    case XML_ERR_XMLDECL_NOT_FINISHED:
    case XML_ERR_STANDALONE_VALUE:
    case XML_ERR_ENCODING_NAME:
    case XML_ERR_VERSION_MISSING:
    case XML_ERR_UNKNOWN_VERSION:
    case XML_ERR_STRING_NOT_STARTED:
    case XML_ERR_STRING_NOT_CLOSED:
      return g_strdup (_("The XML declaration (<?xml …?>) is not written correctly"));

    case XML_ERR_NAME_TOO_LONG:
      return g_strdup (_("A name is too long"));

    case XML_ERR_NO_MEMORY:
      return g_strdup (_("There is not enough memory to read the file"));

    default:
      return NULL;
    }
}

/**
 * ak_xml_describe_parse_error:
 * @offset: (inout): where libxml2 found the problem; moved to where the
 *   trainer should look
 *
 * Returns: (transfer full): a translated message for a libxml2 parser error
 */
char *
ak_xml_describe_parse_error (AkXmlText      *text,
                             const xmlError *error,
                             gsize          *offset)
{
  g_autofree char *str1 = ak_xml_text_ellipsize (error->str1);
  g_autofree char *str2 = ak_xml_text_ellipsize (error->str2);
  char *message;

  if (error->domain == XML_FROM_NAMESPACE)
    message = describe_namespace_error (text, error, str1, str2, offset);
  else
    message = describe_parser_error (text, error, str1, str2, offset);
  if (message != NULL)
    return message;

  /* libxml2's own words are English, and would reach a trainer in any
   * language; its number is of use to a developer. */
  /* Translators: %d is the number of a libxml2 error */
  return g_strdup_printf (_("The XML is not written correctly here (libxml2 error %d)"),
                          (int)error->code);
}
