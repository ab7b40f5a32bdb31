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

/* The start tag "<name" on @line, for an element that is never closed. */
static gsize
find_start_tag (AkXmlText  *text,
                guint       line,
                const char *name,
                gsize       fallback)
{
  gsize start = ak_xml_text_find_offset (text, line, 1);
  gsize name_length = strlen (name);

  if (start == AK_XML_NO_OFFSET)
    return fallback;
  for (gsize i = start; i < text->length && text->data[i] != '\n'; i++)
    {
      gsize after = i + 1 + name_length;

      if (text->data[i] == '<' && after < text->length &&
          memcmp (text->data + i + 1, name, name_length) == 0 &&
          strchr (" \t\r\n/>", text->data[after]) != NULL)
        return i;
    }
  return fallback;
}

static char *
describe_namespace_error (const xmlError *error,
                          const char     *str1)
{
  if (error->code == XML_NS_ERR_UNDEFINED_NAMESPACE)
    return g_strdup_printf (_("The namespace prefix “%s” is not declared"), str1);
  return NULL;
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
      return g_strdup (_("The file is empty"));

    case XML_ERR_DOCUMENT_START:
      return g_strdup (_("The file must start with an element (“<”)"));

    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("Nothing may follow the end of the root element"));

    case XML_ERR_TAG_NAME_MISMATCH:
      if (*offset != AK_XML_NO_OFFSET && *offset > 0)
        *offset = ak_xml_text_find_tag_start (text, *offset - 1);
      /* Translators: an end tag such as </p> closes a start tag such as <p> */
      return g_strdup_printf (_("The end tag “</%s>” does not match the start tag “<%s>” "
                                "on line %d"),
                              str2, str1, error->int1);

    case XML_ERR_TAG_NOT_FINISHED:
      *offset = find_start_tag (text, (guint)MAX (error->int1, 0), str1, *offset);
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
      return g_strdup (_("Attribute values must be written in quotes"));

    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      return g_strdup (_("The attribute value has no closing quote"));

    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_EQUAL_REQUIRED:
      return g_strdup (_("An attribute needs “=” and a value in quotes"));

    case XML_ERR_ATTRIBUTE_REDEFINED:
      return g_strdup_printf (_("The attribute “%s” is given twice"), str1);

    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_ENTITYREF_NO_NAME:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      switch (find_markup_start (text, offset))
        {
        case '&':
          return g_strdup (_("Write “&” as “&amp;” in course text"));
        case '<':
          return g_strdup (_("Write “<” as “&lt;” in course text, or follow it with an "
                             "element name"));
        default:
          break;
        }
      return g_strdup (_("A name is expected here"));

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("Unknown entity “&%s;”; course files can only use &amp;, "
                                "&lt;, &gt;, &quot; and &apos;"),
                              str1);

    case XML_ERR_INVALID_CHAR:
      return g_strdup (_("This character is not allowed in XML"));

    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
      return g_strdup (_("This character reference does not stand for a character allowed "
                         "in XML"));

    case XML_ERR_COMMENT_NOT_FINISHED:
      return g_strdup (_("The comment is not closed with “-->”"));

    case XML_ERR_HYPHEN_IN_COMMENT:
      return g_strdup (_("Comments must not contain “--”"));

    case XML_ERR_CDATA_NOT_FINISHED:
      return g_strdup (_("The CDATA section is not closed with “]]>”"));

    case XML_ERR_MISPLACED_CDATA_END:
      return g_strdup (_("“]]>” is not allowed in text"));

    case XML_ERR_PI_NOT_STARTED:
    case XML_ERR_PI_NOT_FINISHED:
      return g_strdup (_("The processing instruction is not closed with “?>”"));

    case XML_ERR_RESERVED_XML_NAME:
      return g_strdup (_("The XML declaration (<?xml …?>) must be at the very start of "
                         "the file"));

    case XML_ERR_XMLDECL_NOT_STARTED:
    case XML_ERR_XMLDECL_NOT_FINISHED:
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
  g_autofree char *original = NULL;
  char *message;

  if (error->domain == XML_FROM_NAMESPACE)
    message = describe_namespace_error (error, str1);
  else
    message = describe_parser_error (text, error, str1, str2, offset);
  if (message != NULL)
    return message;

  original = g_utf8_make_valid (error->message != NULL ? error->message : "", -1);
  g_strstrip (original);
  /* Translators: %s is libxml2's own description of the problem, in English */
  return g_strdup_printf (_("XML syntax error: %s"), original);
}
