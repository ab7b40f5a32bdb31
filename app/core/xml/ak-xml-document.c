/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-xml-document.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "ak-course-loader.h"
#include "ak-xml-parse-errors.h"

#define DOCTYPE_REFUSED \
  _("Document type declarations (<!DOCTYPE …>) and entities are not allowed in course files")

typedef struct
{
  AkXmlDocument *document;
  guint          depth;
  gboolean       failed;
  gboolean       stopped;   /* refused outright: nothing after it counts */
  gboolean       tags_broken; /* end tags no longer match their start tags */
  guint          n_syntax_errors;
  gsize          last_error_offset;
  gsize          bad_name_tag; /* the start tag of a name with two colons */
} ParseState;

/* Where the parser is now, as a byte offset into the text. Every course is
 * parsed from one memory buffer of UTF-8, so input bytes are text bytes. */
static gsize
current_offset (xmlParserCtxt *ctxt,
                AkXmlText     *text)
{
  xmlParserInput *input = ctxt->input;

  if (input == NULL || ctxt->inputNr != 1 || input->cur < input->base)
    return text->length;
  return MIN ((gsize)input->consumed + (gsize)(input->cur - input->base), text->length);
}

static void
fail (ParseState *state,
      gsize       offset,
      const char *message)
{
  ak_xml_text_report (&state->document->text, offset, AK_SEVERITY_ERROR, "%s", message);
  state->failed = TRUE;
}

/* Any DOCTYPE is refused before its internal subset is read, so that no
 * entity is ever declared, expanded or fetched. */
static void
internal_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *state = ctxt->_private;
  AkXmlText *text = &state->document->text;
  gsize offset = MIN (current_offset (ctxt, text), text->length - 1);

  /* "<!DOCTYPE" is the nearest "<!" before the parser's position. */
  while (offset > 0 && !(text->data[offset] == '<' && offset + 1 < text->length &&
                         text->data[offset + 1] == '!'))
    offset--;

  fail (state, offset, DOCTYPE_REFUSED);
  state->stopped = TRUE;
  xmlStopParser (ctxt);
}

static xmlEntity *
get_entity_cb (void          *ctx,
               const xmlChar *name)
{
  return xmlGetPredefinedEntity (name);
}

/* Attributes used as written. course.rng types src as a string, not a
 * token: a file name's spaces are its own. alt is a string too, but it
 * is prose, whose white space folds like that of element text. */
static const char * const verbatim_attributes[] = { "src" };

static gboolean
is_verbatim_attribute (xmlAttr *attribute)
{
  if (attribute->ns != NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (verbatim_attributes); i++)
    if (strcmp ((const char *)attribute->name, verbatim_attributes[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The text of a value written as plain text, the only kind a course
 * attribute holds; %NULL otherwise. */
static xmlNode *
get_value_text (xmlAttr *attribute)
{
  xmlNode *text = attribute->children;

  if (text == NULL || text->type != XML_TEXT_NODE || text->next != NULL || text->content == NULL)
    return NULL;
  return text;
}

/* A value of white space only names nothing, like an empty one, and is
 * refused by the schema with the same message; as a string, it would
 * pass. */
static void
empty_blank_values (xmlNode *element)
{
  for (xmlAttr *attribute = element->properties; attribute; attribute = attribute->next)
    {
      xmlNode *text = get_value_text (attribute);
      const char *value = text != NULL ? (const char *)text->content : NULL;

      if (is_verbatim_attribute (attribute) && value != NULL && *value != '\0' &&
          value[strspn (value, " \t\n\r")] == '\0')
        xmlNodeSetContent (text, BAD_CAST "");
    }
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *state = ctxt->_private;
  AkXmlText *text = &state->document->text;
  xmlNode *parent = ctxt->node;
  /* The parser stands at the end of the start tag, and "<" cannot occur
   * inside one. */
  gsize offset = ak_xml_text_find_tag_start (text, current_offset (ctxt, text));

  if (++state->depth > AK_COURSE_MAX_DEPTH)
    {
      ak_xml_text_report (text, offset, AK_SEVERITY_ERROR,
                          _("Elements are nested more than %u levels deep"),
                          (guint)AK_COURSE_MAX_DEPTH);
      state->failed = TRUE;
      state->stopped = TRUE;
      xmlStopParser (ctxt);
      return;
    }

  xmlSAX2StartElementNs (ctx, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
  if (ctxt->node != NULL && ctxt->node != parent)
    {
      ctxt->node->_private = GSIZE_TO_POINTER (offset + 1);
      empty_blank_values (ctxt->node);
    }
}

static void
end_element_cb (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxt *ctxt = ctx;
  ParseState *state = ctxt->_private;

  state->depth--;
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

/* What libxml2 says once the document is broken anyway: an element left
 * open or text after the end follows from an earlier mistake, and once
 * one start or end tag is lost, every end tag above it mismatches. */
static gboolean
is_consequence (ParseState     *state,
                const xmlError *error,
                gsize           offset)
{
  switch ((int)error->code)
    {
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_EXTRA_CONTENT:
    case XML_ERR_NOT_WELL_BALANCED:
      return TRUE;
    case XML_ERR_TAG_NAME_MISMATCH:
      return state->tags_broken;
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      /* 2.9 reads "a:b:c" as the prefix "a", which is then undeclared. */
      return state->bad_name_tag != AK_XML_NO_OFFSET &&
             ak_xml_text_find_tag_start (&state->document->text, offset) == state->bad_name_tag;
    default:
      return FALSE;
    }
}

/* A stray "&", a broken reference or a repeated attribute leaves the
 * tags as they were. */
static gboolean
leaves_tags_intact (AkXmlText      *text,
                    const xmlError *error,
                    gsize           offset)
{
  if (error->code == XML_ERR_ATTRIBUTE_REDEFINED)
    return TRUE;
  return offset < text->length && text->data[offset] == '&';
}

/* After a quote that is never closed the parser reads markup as a value
 * and values as markup: what it says then follows from that quote. 2.9
 * stops there; 2.12 and newer read on and report a "<" in every later
 * value. */
static gboolean
loses_step (const xmlError *error)
{
  return error->code == XML_ERR_LT_IN_ATTRIBUTE || error->code == XML_ERR_ATTRIBUTE_NOT_FINISHED;
}

/* Every syntax error the parser can read past is reported, as xmllint
 * does, but not what merely follows from an earlier one, and not more
 * than a trainer can use. The parser is not stopped from here, as it may
 * still hold pointers into its input. */
static void
parser_error_cb (void       *user_data,
                 AkXmlError *error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;
  AkXmlText *text = &state->document->text;
  g_autofree char *message = NULL;
  gsize offset;

  if (state->stopped || error->level == XML_ERR_WARNING)
    return;
  offset = ak_xml_text_find_offset (text, error->line, error->int2);
  if (state->n_syntax_errors > 0 && is_consequence (state, error, offset))
    return;

  message = ak_xml_describe_parse_error (text, error, &offset);
  if (state->n_syntax_errors > 0 && offset == state->last_error_offset)
    return;

  if (state->n_syntax_errors == AK_COURSE_MAX_SYNTAX_ERRORS)
    {
      /* Said once there is more, so that a cut list is not taken for
       * all: at the first error left out, which sorts it last. A
       * warning, so that the count of errors is that of the list. */
      ak_xml_text_report (text, offset, AK_SEVERITY_WARNING,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Only the first %u syntax error is shown; correct it "
                                       "and check the file again",
                                       "Only the first %u syntax errors are shown; correct "
                                       "them and check the file again",
                                       AK_COURSE_MAX_SYNTAX_ERRORS),
                          (guint)AK_COURSE_MAX_SYNTAX_ERRORS);
      state->stopped = TRUE;
      return;
    }

  fail (state, offset, message);
  state->last_error_offset = offset;
  if (error->domain == XML_FROM_NAMESPACE && error->code == XML_NS_ERR_QNAME)
    state->bad_name_tag = offset;
  if (loses_step (error))
    state->stopped = TRUE;
  if (!leaves_tags_intact (text, error, offset))
    state->tags_broken = TRUE;
  ak_xml_ctxt_disable_sax (ctxt);
  state->n_syntax_errors++;
}

static void
silent_structured_cb (void       *user_data,
                      AkXmlError *error)
{
}

static void
silent_generic_cb (void       *user_data,
                   const char *format,
                   ...)
{
}

/**
 * ak_xml_quiet_begin:
 *
 * Sends whatever libxml2 reports outside a parser context (memory errors,
 * say) to nowhere, for this thread, until ak_xml_quiet_end().
 */
void
ak_xml_quiet_begin (AkXmlQuiet *saved)
{
  saved->structured = xmlStructuredError;
  saved->structured_data = xmlStructuredErrorContext;
  saved->generic = xmlGenericError;
  saved->generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (NULL, silent_structured_cb);
  xmlSetGenericErrorFunc (NULL, silent_generic_cb);
}

void
ak_xml_quiet_end (AkXmlQuiet *saved)
{
  xmlSetStructuredErrorFunc (saved->structured_data, saved->structured);
  xmlSetGenericErrorFunc (saved->generic_data, saved->generic);
}

static void
set_up_handlers (xmlParserCtxt *ctxt)
{
  xmlSAXHandler *sax = ctxt->sax;

  sax->internalSubset = internal_subset_cb;
  sax->externalSubset = NULL;
  sax->resolveEntity = NULL;
  sax->entityDecl = NULL;
  sax->getEntity = get_entity_cb;
  sax->getParameterEntity = NULL;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->serror = parser_error_cb;
  sax->error = NULL;
  sax->warning = NULL;
  sax->fatalError = NULL;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;
}

/**
 * ak_xml_document_parse:
 *
 * Checks the encoding and parses @data without network, entity
 * substitution or DTD loading; problems go to @diagnostics.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when a
 *   problem was reported
 */
AkXmlDocument *
ak_xml_document_parse (const char *data,
                       gsize       length,
                       const char *path,
                       GPtrArray  *diagnostics)
{
  g_autoptr(AkXmlDocument) self = g_new0 (AkXmlDocument, 1);
  ParseState state = { self, 0, FALSE };
  gsize doctype;
  xmlParserCtxt *ctxt;

  state.bad_name_tag = AK_XML_NO_OFFSET;
  ak_xml_text_init (&self->text, data, length, path, diagnostics);
  self->text.max_reports = AK_COURSE_MAX_PROBLEMS;
  if (!ak_xml_text_check_encoding (&self->text))
    return NULL;
  if (length == 0 || length > G_MAXINT)
    {
      ak_xml_text_report (&self->text, 0, AK_SEVERITY_ERROR, "%s",
                          length == 0 ? _("The file is empty") : _("The file is too large"));
      return NULL;
    }
  if (!ak_xml_text_check_markup (&self->text, AK_COURSE_MAX_ELEMENTS, AK_COURSE_MAX_ATTRIBUTES,
                                 &doctype))
    return NULL;
  /* Refused before libxml2 reads it: a broken one would be reported as
   * whatever mistake each release finds first in it. */
  if (doctype != AK_XML_NO_OFFSET)
    {
      ak_xml_text_report (&self->text, doctype, AK_SEVERITY_ERROR, "%s", DOCTYPE_REFUSED);
      return NULL;
    }

  ctxt = xmlCreateMemoryParserCtxt (data, (int)length);
  if (ctxt == NULL)
    {
      ak_xml_text_report (&self->text, AK_XML_NO_OFFSET, AK_SEVERITY_ERROR, "%s",
                          _("There is not enough memory to read the file"));
      return NULL;
    }

  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);
  set_up_handlers (ctxt);
  ctxt->_private = &state;

  xmlParseDocument (ctxt);

  self->doc = g_steal_pointer (&ctxt->myDoc);
  if (!state.failed &&
      (!ctxt->wellFormed || !ctxt->nsWellFormed || xmlDocGetRootElement (self->doc) == NULL))
    fail (&state, AK_XML_NO_OFFSET, _("The file could not be read as XML"));
  xmlFreeParserCtxt (ctxt);

  if (state.failed)
    return NULL;
  return g_steal_pointer (&self);
}

void
ak_xml_document_free (AkXmlDocument *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->doc, xmlFreeDoc);
  ak_xml_text_clear (&self->text);
  g_free (self);
}

xmlNode *
ak_xml_document_get_root (AkXmlDocument *self)
{
  return xmlDocGetRootElement (self->doc);
}

/**
 * ak_xml_document_node_offset:
 *
 * Returns: the offset of the "<" of @node's start tag, or of the nearest
 *   element around @node
 */
gsize
ak_xml_document_node_offset (AkXmlDocument *self,
                             xmlNode       *node)
{
  for (; node != NULL && node->type != XML_DOCUMENT_NODE; node = node->parent)
    if (node->type == XML_ELEMENT_NODE && node->_private != NULL)
      return GPOINTER_TO_SIZE (node->_private) - 1;
  return AK_XML_NO_OFFSET;
}

/**
 * ak_xml_document_attribute_offset:
 *
 * Returns: the offset of @attribute's name in @element's start tag, or of
 *   the start tag when the attribute is not written there
 */
gsize
ak_xml_document_attribute_offset (AkXmlDocument *self,
                                  xmlNode       *element,
                                  const char    *attribute)
{
  gsize offset = ak_xml_document_node_offset (self, element);
  gsize found;

  if (offset == AK_XML_NO_OFFSET)
    return offset;
  found = ak_xml_text_find_attribute (&self->text, offset, attribute, 0);
  return found != AK_XML_NO_OFFSET ? found : offset;
}

static gboolean
needs_collapse (const char *value)
{
  gsize length = strlen (value);

  if (length > 0 && (ak_xml_is_space (value[0]) || ak_xml_is_space (value[length - 1])))
    return TRUE;
  for (const char *p = value; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r' || (p[0] == ' ' && p[1] == ' '))
      return TRUE;
  return FALSE;
}

static void
collapse_attributes (xmlNode *element)
{
  for (xmlAttr *attribute = element->properties; attribute; attribute = attribute->next)
    {
      xmlNode *text = get_value_text (attribute);

      if (!is_verbatim_attribute (attribute) && text != NULL &&
          needs_collapse ((const char *)text->content))
        {
          g_auto(GStrv) words = ak_xml_split_list ((const char *)text->content);
          g_autofree char *collapsed = g_strjoinv (" ", words);

          xmlNodeSetContent (text, BAD_CAST collapsed);
        }
    }
  for (xmlNode *child = ak_xml_first_element (element); child; child = ak_xml_next_element (child))
    collapse_attributes (child);
}

/**
 * ak_xml_document_collapse_space:
 *
 * Folds white space in every attribute value but a figure's src, as XML
 * Schema does for the tokens, numbers and lists that course attributes
 * hold, so that later readers see the value the schema checked.
 */
void
ak_xml_document_collapse_space (AkXmlDocument *self)
{
  collapse_attributes (ak_xml_document_get_root (self));
}

guint
ak_xml_document_node_line (AkXmlDocument *self,
                           xmlNode       *node)
{
  guint line;
  guint column;

  ak_xml_text_locate (&self->text, ak_xml_document_node_offset (self, node), &line, &column);
  return line;
}

/**
 * ak_xml_document_report:
 * @attribute: (nullable): the attribute the problem is about
 *
 * Adds a diagnostic pointing at @attribute's name in @node's start tag,
 * or at the start tag itself.
 */
void
ak_xml_document_report (AkXmlDocument *self,
                        xmlNode       *node,
                        const char    *attribute,
                        AkSeverity     severity,
                        const char    *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  ak_xml_document_report_valist (self, node, attribute, severity, format, args);
  va_end (args);
}

void
ak_xml_document_report_valist (AkXmlDocument *self,
                               xmlNode       *node,
                               const char    *attribute,
                               AkSeverity     severity,
                               const char    *format,
                               va_list        args)
{
  gsize offset;

  if (attribute != NULL)
    offset = ak_xml_document_attribute_offset (self, node, attribute);
  else
    offset = ak_xml_document_node_offset (self, node);

  ak_xml_text_report_valist (&self->text, offset, severity, format, args);
}

gboolean
ak_xml_is_element (xmlNode    *node,
                   const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *)node->name, name) == 0;
}

xmlNode *
ak_xml_first_element (xmlNode *parent)
{
  xmlNode *child = parent->children;

  while (child != NULL && child->type != XML_ELEMENT_NODE)
    child = child->next;
  return child;
}

xmlNode *
ak_xml_next_element (xmlNode *node)
{
  do
    node = node->next;
  while (node != NULL && node->type != XML_ELEMENT_NODE);
  return node;
}

xmlNode *
ak_xml_find_element (xmlNode    *parent,
                     const char *name)
{
  for (xmlNode *child = ak_xml_first_element (parent); child; child = ak_xml_next_element (child))
    if (ak_xml_is_element (child, name))
      return child;
  return NULL;
}

static gboolean
attribute_has_name (xmlAttr    *attribute,
                    const char *name)
{
  const char *colon = strchr (name, ':');

  if (colon == NULL)
    return attribute->ns == NULL && strcmp ((const char *)attribute->name, name) == 0;

  /* Only the xml: prefix is used in course files, and it is fixed. */
  return attribute->ns != NULL &&
         strncmp (name, "xml:", 4) == 0 &&
         xmlStrEqual (attribute->ns->href, XML_XML_NAMESPACE) &&
         strcmp ((const char *)attribute->name, colon + 1) == 0;
}

/**
 * ak_xml_get_attribute:
 * @name: a name such as "id" or "xml:lang"
 *
 * Returns: (nullable): the value of the attribute, owned by the tree
 */
const char *
ak_xml_get_attribute (xmlNode    *node,
                      const char *name)
{
  for (xmlAttr *attribute = node->properties; attribute; attribute = attribute->next)
    {
      if (!attribute_has_name (attribute, name))
        continue;
      /* Without entities an attribute value is a single text node. */
      if (attribute->children == NULL)
        return "";
      if (attribute->children->type == XML_TEXT_NODE && attribute->children->next == NULL)
        return (const char *)attribute->children->content;
      return NULL;
    }
  return NULL;
}

/**
 * ak_xml_is_blank:
 *
 * White space of any kind counts, a no-break space too: a reader would
 * see nothing. The first visible character ends the walk.
 *
 * Returns: %TRUE when the text inside @node is only white space
 */
gboolean
ak_xml_is_blank (xmlNode *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          for (const char *p = (const char *)child->content; p != NULL && *p != '\0';
               p = g_utf8_next_char (p))
            if (!g_unichar_isspace (g_utf8_get_char (p)))
              return FALSE;
        }
      else if (child->type == XML_ELEMENT_NODE && !ak_xml_is_blank (child))
        return FALSE;
    }
  return TRUE;
}

/* The value without the white space XML Schema ignores around it. */
static char *
strip_space (const char *value)
{
  return g_strstrip (g_strdup (value != NULL ? value : ""));
}

gboolean
ak_xml_parse_boolean (const char *value)
{
  g_autofree char *stripped = strip_space (value);

  return g_str_equal (stripped, "true") || g_str_equal (stripped, "1");
}

/**
 * ak_xml_parse_integer:
 *
 * Returns: %FALSE when @value is no integer or does not fit 64 bits
 */
gboolean
ak_xml_parse_integer (const char *value,
                      gint64     *number)
{
  g_autofree char *stripped = strip_space (value);
  char *end = NULL;

  errno = 0;
  *number = g_ascii_strtoll (stripped, &end, 10);
  return errno == 0 && end != stripped && *end == '\0';
}

gboolean
ak_xml_parse_uint (const char *value,
                   guint      *number)
{
  gint64 parsed;

  *number = 0;
  if (!ak_xml_parse_integer (value, &parsed) || parsed < 0 || parsed > G_MAXUINT)
    return FALSE;
  *number = (guint)parsed;
  return TRUE;
}

/**
 * ak_xml_parse_decimal:
 *
 * Returns: %FALSE when @value is no number or too large for a double
 */
gboolean
ak_xml_parse_decimal (const char *value,
                      double     *number)
{
  g_autofree char *stripped = strip_space (value);
  char *end = NULL;

  *number = g_ascii_strtod (stripped, &end);
  if (end == stripped || *end != '\0' || !isfinite (*number))
    {
      *number = 0;
      return FALSE;
    }
  return TRUE;
}

/**
 * ak_xml_parse_year:
 *
 * Reads a gYear such as "2024" or "2024Z"; the time zone is left out.
 */
gboolean
ak_xml_parse_year (const char *value,
                   int        *year)
{
  g_autofree char *stripped = strip_space (value);
  char *end = NULL;
  gint64 parsed;

  errno = 0;
  parsed = g_ascii_strtoll (stripped, &end, 10);
  *year = 0;
  if (errno != 0 || end == stripped || parsed < G_MININT || parsed > G_MAXINT)
    return FALSE;
  *year = (int)parsed;
  return TRUE;
}

/**
 * ak_xml_split_list:
 *
 * Returns: (transfer full): the white-space separated items of @value
 */
GStrv
ak_xml_split_list (const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = value != NULL ? value : "";

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && ak_xml_is_space (*p))
        p++;
      start = p;
      while (*p != '\0' && !ak_xml_is_space (*p))
        p++;
      if (p > start)
        {
          g_autofree char *item = g_strndup (start, p - start);

          g_strv_builder_add (builder, item);
        }
    }
  return g_strv_builder_end (builder);
}
