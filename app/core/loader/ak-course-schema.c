/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-schema.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "ak-schema-rules.h"
#include "ak-xml-compat.h"

#define SCHEMA_RESOURCE RESOURCE_PREFIX "/schema/course.rng"

typedef struct
{
  xmlRelaxNG         *grammar;
  xmlDoc             *source;       /* the schema as a tree, for the attribute rules */
  AkSchemaRules      *rules;
  GMutex              lock;         /* a compiled grammar is not shared between threads */
} Schema;

/* One problem as libxml2 reports it; the strings are never NULL. */
typedef struct
{
  int      code;
  xmlNode *node;
  char    *str1;
  char    *str2;
} SchemaError;

typedef struct
{
  AkXmlDocument *document;
  Schema        *schema;
  GArray        *errors;       /* SchemaError */
  GHashTable    *reported;     /* elements with a problem reported in or below them */
  GHashTable    *diagnosed;    /* element → number of attribute problems */
  GHashTable    *missing;      /* element → number of missing children reported */
  GHashTable    *incomplete;   /* element → names libxml2 found missing at its end */
  GHashTable    *content;      /* elements whose content was reported */
  guint          n_reported;
} Translation;

static void
silent_cb (void       *user_data,
           AkXmlError *error)
{
}

static Schema *
load_schema (void)
{
  Schema *schema = g_new0 (Schema, 1);
  g_autoptr(GBytes) bytes = NULL;
  xmlRelaxNGParserCtxt *parser;
  const char *data;
  gsize size;
  AkXmlQuiet quiet;

  g_mutex_init (&schema->lock);
  xmlInitParser ();

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return schema;
  data = g_bytes_get_data (bytes, &size);

  ak_xml_quiet_begin (&quiet);
  parser = xmlRelaxNGNewMemParserCtxt (data, (int)size);
  xmlRelaxNGSetParserStructuredErrors (parser, silent_cb, NULL);
  schema->grammar = xmlRelaxNGParse (parser);
  xmlRelaxNGFreeParserCtxt (parser);
  schema->source = xmlReadMemory (data, (int)size, "course.rng", NULL, XML_PARSE_NONET);
  ak_xml_quiet_end (&quiet);

  if (schema->source != NULL)
    schema->rules = ak_schema_rules_new (schema->source);
  return schema;
}

/* The schema is parsed once and kept for the life of the process. */
static Schema *
get_schema (void)
{
  static Schema *schema = NULL;

  if (g_once_init_enter (&schema))
    g_once_init_leave (&schema, load_schema ());
  return schema;
}

/**
 * ak_course_schema_init:
 *
 * Prepares libxml2 and the schema; the first load does it otherwise.
 */
void
ak_course_schema_init (void)
{
  get_schema ();
}

static void
schema_error_clear (SchemaError *error)
{
  g_free (error->str1);
  g_free (error->str2);
}

static void
validity_error_cb (void       *user_data,
                   AkXmlError *error)
{
  GArray *errors = user_data;
  SchemaError copy = {
    error->code,
    error->node,
    ak_xml_text_ellipsize (error->str1),
    ak_xml_text_ellipsize (error->str2),
  };

  g_array_append_val (errors, copy);
}

/* The element a problem is about: text nodes count for their parent. */
static xmlNode *
element_of (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->type == XML_DOCUMENT_NODE ? NULL : node->parent;
  return node;
}

static void
mark_reported (Translation *self,
               xmlNode     *element)
{
  for (; element != NULL && element->type == XML_ELEMENT_NODE; element = element->parent)
    if (!g_hash_table_add (self->reported, element))
      break;
}

static void report (Translation *self, xmlNode *element, const char *format, ...)
  G_GNUC_PRINTF (3, 4);

static void
report (Translation *self,
        xmlNode     *element,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  ak_xml_document_report_valist (self->document, element, NULL, AK_SEVERITY_ERROR, format, args);
  va_end (args);

  mark_reported (self, element);
  self->n_reported++;
}

static const char *
name_of (xmlNode *element)
{
  if (element == NULL || element->type != XML_ELEMENT_NODE || element->name == NULL)
    return "";
  return (const char *)element->name;
}

/* Checks @element's attributes once; the number of problems found. */
static guint
diagnose_attributes (Translation *self,
                     xmlNode     *element)
{
  gpointer found;
  guint n_problems;

  if (element == NULL || self->schema->rules == NULL)
    return 0;
  if (g_hash_table_lookup_extended (self->diagnosed, element, NULL, &found))
    return GPOINTER_TO_UINT (found);

  n_problems = ak_schema_rules_check_attributes (self->schema->rules, self->document, element);
  g_hash_table_insert (self->diagnosed, element, GUINT_TO_POINTER (n_problems));
  if (n_problems > 0)
    mark_reported (self, element);
  self->n_reported += n_problems;
  return n_problems;
}

/* An element out of place often stands where a required one is missing;
 * libxml2 does not say so, the rules do. Looks once per element. */
static guint
report_missing_children (Translation *self,
                         xmlNode     *parent)
{
  gpointer found;
  guint n_problems;

  if (parent == NULL || parent->type != XML_ELEMENT_NODE || self->schema->rules == NULL)
    return 0;
  if (g_hash_table_lookup_extended (self->missing, parent, NULL, &found))
    return GPOINTER_TO_UINT (found);

  n_problems = ak_schema_rules_check_children (self->schema->rules, self->document, parent);
  g_hash_table_insert (self->missing, parent, GUINT_TO_POINTER (n_problems));
  if (n_problems > 0)
    mark_reported (self, parent);
  self->n_reported += n_problems;
  return n_problems;
}

static void
report_misplaced (Translation *self,
                  xmlNode     *element)
{
  const char *parent = element != NULL ? name_of (element->parent) : "";

  if (element != NULL && element->ns != NULL &&
      xmlStrEqual (element->ns->href, BAD_CAST AK_COURSE_NAMESPACE) &&
      self->schema->rules != NULL &&
      !ak_schema_rules_knows_element (self->schema->rules, name_of (element)))
    report (self, element, _("Unknown element “%s” in “%s”"), name_of (element), parent);
  else
    report (self, element, _("The element “%s” is not allowed at this place in “%s”"),
            name_of (element), parent);
  report_missing_children (self, element != NULL ? element->parent : NULL);
  /* libxml2 does not look inside an element it did not expect. */
  report_missing_children (self, element);
}

/* A value libxml2 refused is an attribute's, or else the element's text. */
static void
report_value (Translation *self,
              xmlNode     *element,
              SchemaError *error)
{
  g_autofree char *content = NULL;
  g_autofree char *quoted = NULL;
  const char *expected;

  if (diagnose_attributes (self, element) > 0 || !g_hash_table_add (self->content, element))
    return;

  if (ak_xml_is_blank (element))
    {
      report (self, element, _("The element “%s” must not be empty"), name_of (element));
      return;
    }

  content = (char *)xmlNodeGetContent (element);
  g_strstrip (content);
  quoted = ak_xml_text_ellipsize (content);
  expected = error->code == XML_RELAXNG_ERR_TYPEVAL || error->code == XML_RELAXNG_ERR_DATATYPE
               ? ak_schema_describe_type (error->str1) : NULL;
  if (expected != NULL)
    /* Translators: the last %s describes a valid value, e.g. "a year such as 2024" */
    report (self, element, _("“%s” is not valid content for the element “%s”; expected %s"),
            quoted, name_of (element), expected);
  else
    report (self, element, _("“%s” is not valid content for the element “%s”"),
            quoted, name_of (element));
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  xmlNode *child = parent != NULL ? ak_xml_find_element (parent, name) : NULL;

  return child != NULL ? child : parent;
}

/* libxml2 names what could still follow one by one, and tries more than
 * once. What the element lacks is said once: the required children it
 * does not have, or else everything libxml2 would have accepted. */
static void
report_incomplete (Translation *self,
                   xmlNode     *element)
{
  GPtrArray *names;
  g_autofree char *list = NULL;

  if (element == NULL || !g_hash_table_add (self->content, element) ||
      report_missing_children (self, element) > 0)
    return;

  names = g_hash_table_lookup (self->incomplete, element);
  if (names == NULL || names->len == 0)
    {
      report (self, element, _("The element “%s” is incomplete"), name_of (element));
      return;
    }
  list = ak_schema_quote_list ((const char *const *)names->pdata, names->len);
  /* Translators: the second %s lists element names: “feedback” or “explanation” */
  report (self, element, _("The element “%s” is incomplete: %s is missing"),
          name_of (element), list);
}

/* libxml2 names either the parent or the child it did not expect. */
static void
report_unexpected (Translation *self,
                   SchemaError *error)
{
  xmlNode *node = element_of (error->node);
  xmlNode *parent = node;
  xmlNode *child;

  if (node != NULL && g_strcmp0 (name_of (node), error->str2) == 0 &&
      node->parent != NULL && node->parent->type == XML_ELEMENT_NODE)
    parent = node->parent;
  child = parent == node ? find_child (parent, error->str2) : node;

  /* When the parent is incomplete, libxml2 was only trying other ways to
   * read it; what it lacks is reported there. */
  if (parent != NULL && g_hash_table_contains (self->incomplete, parent))
    return;
  report (self, child, _("The element “%s” is expected here, not “%s”"),
          error->str1, error->str2);
}

/* The element a problem is about. libxml2 sometimes passes a child of it,
 * but names it: in str1 when its content or attributes failed, in str2
 * when an attribute is not allowed. */
static xmlNode *
subject_of (SchemaError *error)
{
  xmlNode *element = element_of (error->node);
  const char *name = NULL;

  if (error->code == XML_RELAXNG_ERR_ATTRVALID || error->code == XML_RELAXNG_ERR_CONTENTVALID)
    name = error->str1;
  else if (error->code == XML_RELAXNG_ERR_INVALIDATTR)
    name = error->str2;
  if (name == NULL || *name == '\0')
    return element;

  for (xmlNode *ancestor = element; ancestor != NULL; ancestor = ancestor->parent)
    if (ancestor->type == XML_ELEMENT_NODE && g_strcmp0 (name_of (ancestor), name) == 0)
      return ancestor;
  return element;
}

/* Problems that name their place. Returns %FALSE for the rest, which wait
 * for report_remaining(). */
static gboolean
report_specific (Translation *self,
                 SchemaError *error)
{
  xmlNode *element = subject_of (error);

  if (element == NULL)
    return FALSE;

  switch (error->code)
    {
    case XML_RELAXNG_ERR_ATTRVALID:
    case XML_RELAXNG_ERR_INVALIDATTR:
      return diagnose_attributes (self, element) > 0;

    case XML_RELAXNG_ERR_TYPE:
    case XML_RELAXNG_ERR_TYPEVAL:
    case XML_RELAXNG_ERR_TYPECMP:
    case XML_RELAXNG_ERR_DATATYPE:
    case XML_RELAXNG_ERR_VALUE:
    case XML_RELAXNG_ERR_LIST:
    case XML_RELAXNG_ERR_LISTEXTRA:
    case XML_RELAXNG_ERR_LISTEMPTY:
    case XML_RELAXNG_ERR_LACKDATA:
      report_value (self, element, error);
      break;

    case XML_RELAXNG_ERR_NOELEM:
      report_incomplete (self, element);
      break;

    case XML_RELAXNG_ERR_ELEMNAME:
      report_unexpected (self, error);
      break;

    case XML_RELAXNG_ERR_ELEMWRONG:
    case XML_RELAXNG_ERR_INTEREXTRA:
    case XML_RELAXNG_ERR_DATAELEM:
    case XML_RELAXNG_ERR_VALELEM:
    case XML_RELAXNG_ERR_LISTELEM:
    case XML_RELAXNG_ERR_EXTRACONTENT:
      report_misplaced (self, element);
      break;

    case XML_RELAXNG_ERR_NOTELEM:
      report (self, element, "%s", _("An element is expected here, not text"));
      break;

    case XML_RELAXNG_ERR_TEXTWRONG:
      report (self, element, _("Text is not allowed directly inside the element “%s”"),
              name_of (element));
      break;

    case XML_RELAXNG_ERR_ELEMNONS:
    case XML_RELAXNG_ERR_ELEMWRONGNS:
      report (self, element, _("The element “%s” must be in the namespace “%s”"),
              name_of (element), AK_COURSE_NAMESPACE);
      break;

    default:
      return FALSE;
    }
  return TRUE;
}

/* What libxml2 says about an element whose children or attributes were
 * already reported is a consequence, and left out. */
static void
report_remaining (Translation *self,
                  SchemaError *error)
{
  xmlNode *element = subject_of (error);

  if (element != NULL && g_hash_table_contains (self->reported, element))
    return;
  /* Without a place it only repeats what was said with one. */
  if (element == NULL && self->n_reported > 0)
    return;

  switch (error->code)
    {
    case XML_RELAXNG_ERR_CONTENTVALID:
      report (self, element, _("The content of the element “%s” is not valid"),
              name_of (element));
      break;

    case XML_RELAXNG_ERR_ATTRVALID:
    case XML_RELAXNG_ERR_INVALIDATTR:
      report (self, element, _("The attributes of the element “%s” are not valid"),
              name_of (element));
      break;

    default:
      /* libxml2's own words are English; its number is of use to a
       * developer. */
      /* Translators: %d is the number of a libxml2 error */
      report (self, element, _("This does not follow the course schema (libxml2 error %d)"),
              error->code);
      break;
    }
}

/* libxml2 stops reading an element's children at the first one out of
 * place, so what follows it goes unchecked. The rules look at every
 * element's attributes, and at the children of those not yet reported. */
static void
sweep (Translation *self,
       xmlNode     *element)
{
  for (; element != NULL; element = ak_xml_next_element (element))
    {
      if (element->type != XML_ELEMENT_NODE)
        continue;
      diagnose_attributes (self, element);
      if (!g_hash_table_contains (self->reported, element))
        report_missing_children (self, element);
      sweep (self, ak_xml_first_element (element));
    }
}

/* What libxml2 found missing at the end of each element, for
 * report_incomplete(). */
static void
collect_incomplete (Translation *self)
{
  for (guint i = 0; i < self->errors->len; i++)
    {
      SchemaError *error = &g_array_index (self->errors, SchemaError, i);
      xmlNode *element = element_of (error->node);
      GPtrArray *names;

      if (error->code != XML_RELAXNG_ERR_NOELEM || element == NULL)
        continue;
      names = g_hash_table_lookup (self->incomplete, element);
      if (names == NULL)
        {
          names = g_ptr_array_new ();
          g_hash_table_insert (self->incomplete, element, names);
        }
      if (*error->str1 != '\0' &&
          !g_ptr_array_find_with_equal_func (names, error->str1, g_str_equal, NULL))
        g_ptr_array_add (names, error->str1);
    }
}

static void
translate (Translation *self)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_incomplete (self);

  for (guint i = 0; i < self->errors->len; i++)
    {
      SchemaError *error = &g_array_index (self->errors, SchemaError, i);
      char *key = g_strdup_printf ("%d\n%p\n%s\n%s", error->code, (void *)error->node,
                                   error->str1, error->str2);

      /* libxml2 repeats itself when it backtracks. */
      if (g_hash_table_add (seen, key) && !report_specific (self, error))
        g_array_append_val (pending, i);
    }

  for (guint i = 0; i < pending->len; i++)
    report_remaining (self, &g_array_index (self->errors, SchemaError,
                                            g_array_index (pending, guint, i)));

  sweep (self, ak_xml_document_get_root (self->document));
}

/**
 * ak_course_schema_validate:
 *
 * Validates @document against the course schema and reports every problem
 * once, in the trainer's language, at the element or attribute concerned.
 *
 * Returns: %TRUE when the document is valid
 */
gboolean
ak_course_schema_validate (AkXmlDocument *document)
{
  Schema *schema = get_schema ();
  g_autoptr(GArray) errors = g_array_new (FALSE, FALSE, sizeof (SchemaError));
  g_autoptr(GHashTable) reported = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) diagnosed = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) content = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) missing = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) incomplete = g_hash_table_new_full (NULL, NULL, NULL,
                                                            (GDestroyNotify)g_ptr_array_unref);
  Translation translation = {
    document, schema, errors, reported, diagnosed, missing, incomplete, content, 0
  };
  xmlRelaxNGValidCtxt *context;
  int result;

  if (schema->grammar == NULL)
    {
      ak_xml_text_report (&document->text, AK_XML_NO_OFFSET, AK_SEVERITY_ERROR, "%s",
                          _("The course schema could not be loaded"));
      return FALSE;
    }

  g_array_set_clear_func (errors, (GDestroyNotify)schema_error_clear);
  context = xmlRelaxNGNewValidCtxt (schema->grammar);
  xmlRelaxNGSetValidStructuredErrors (context, validity_error_cb, errors);
  g_mutex_lock (&schema->lock);
  result = xmlRelaxNGValidateDoc (context, document->doc);
  g_mutex_unlock (&schema->lock);
  xmlRelaxNGFreeValidCtxt (context);

  if (result == 0)
    return TRUE;

  translate (&translation);
  if (translation.n_reported == 0)
    ak_xml_text_report (&document->text, AK_XML_NO_OFFSET, AK_SEVERITY_ERROR, "%s",
                        _("The file does not follow the course schema"));
  return FALSE;
}
