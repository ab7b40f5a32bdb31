/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-schema-rules.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlschemastypes.h>

#define RNG_NAMESPACE "http://relaxng.org/ns/structure/1.0"
#define XSD_NAMESPACE "http://www.w3.org/2001/XMLSchema"

typedef struct
{
  char     *name;       /* as written in course files, e.g. "xml:lang" */
  gboolean  required;
  xmlNode  *pattern;    /* the value's pattern in the grammar; NULL for any text */
} AttributeRule;

typedef struct
{
  GPtrArray *attributes;  /* AttributeRule */
  GPtrArray *children;    /* names of the child elements it must have */
} ElementRule;

struct _AkSchemaRules
{
  xmlDoc     *grammar;
  GHashTable *defines;    /* name → <define> */
  GHashTable *elements;   /* "parent/element" → ElementRule */
  GHashTable *names;      /* every element name the schema knows */
  GHashTable *regexes;    /* <param name="pattern"> → GRegex, compiled once */
};

static void
attribute_rule_free (AttributeRule *rule)
{
  g_free (rule->name);
  g_free (rule);
}

static void
element_rule_free (ElementRule *rule)
{
  g_ptr_array_unref (rule->attributes);
  g_ptr_array_unref (rule->children);
  g_free (rule);
}

static gboolean
is_pattern (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST RNG_NAMESPACE) &&
         (name == NULL || strcmp ((const char *)node->name, name) == 0);
}

static xmlNode *
first_pattern (xmlNode *parent)
{
  for (xmlNode *child = parent->children; child; child = child->next)
    if (is_pattern (child, NULL))
      return child;
  return NULL;
}

typedef struct
{
  const char  *element;   /* the element whose rules are being collected */
  ElementRule *rule;      /* NULL outside any element */
  GHashTable  *visited;   /* "define@element" already walked */
} WalkContext;

static void walk (AkSchemaRules *self, xmlNode *pattern, WalkContext *context,
                  gboolean required);

static void
walk_children (AkSchemaRules *self,
               xmlNode       *parent,
               WalkContext   *context,
               gboolean       required)
{
  for (xmlNode *child = parent->children; child; child = child->next)
    if (is_pattern (child, NULL))
      walk (self, child, context, required);
}

static void
walk_element (AkSchemaRules *self,
              xmlNode       *pattern,
              WalkContext   *context,
              gboolean       required)
{
  const char *name = ak_xml_get_attribute (pattern, "name");
  g_autofree char *key = NULL;
  WalkContext inner;

  if (name == NULL)
    return;
  if (required && context->rule != NULL)
    g_ptr_array_add (context->rule->children, (gpointer)name);
  g_hash_table_add (self->names, (gpointer)name);

  key = g_strdup_printf ("%s/%s", context->element, name);
  if (g_hash_table_contains (self->elements, key))
    return;

  inner.element = name;
  inner.rule = g_new0 (ElementRule, 1);
  inner.rule->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify)attribute_rule_free);
  inner.rule->children = g_ptr_array_new ();
  inner.visited = context->visited;
  g_hash_table_insert (self->elements, g_steal_pointer (&key), inner.rule);
  walk_children (self, pattern, &inner, TRUE);
}

static void
walk_attribute (AkSchemaRules *self,
                xmlNode       *pattern,
                WalkContext   *context,
                gboolean       required)
{
  const char *name = ak_xml_get_attribute (pattern, "name");
  AttributeRule *rule;

  if (name == NULL || context->rule == NULL)
    return;

  rule = g_new0 (AttributeRule, 1);
  rule->name = g_strdup (name);
  rule->required = required;
  rule->pattern = first_pattern (pattern);
  g_ptr_array_add (context->rule->attributes, rule);
}

static void
walk_ref (AkSchemaRules *self,
          xmlNode       *pattern,
          WalkContext   *context,
          gboolean       required)
{
  const char *name = ak_xml_get_attribute (pattern, "name");
  xmlNode *define = name != NULL ? g_hash_table_lookup (self->defines, name) : NULL;
  char *key;

  if (define == NULL)
    return;
  key = g_strdup_printf ("%s@%s", name, context->element);
  if (!g_hash_table_add (context->visited, key))
    return;
  walk_children (self, define, context, required);
}

static void
walk (AkSchemaRules *self,
      xmlNode       *pattern,
      WalkContext   *context,
      gboolean       required)
{
  const char *kind = (const char *)pattern->name;

  if (g_str_equal (kind, "element"))
    walk_element (self, pattern, context, required);
  else if (g_str_equal (kind, "attribute"))
    walk_attribute (self, pattern, context, required);
  else if (g_str_equal (kind, "ref"))
    walk_ref (self, pattern, context, required);
  else if (g_str_equal (kind, "optional") || g_str_equal (kind, "zeroOrMore") ||
           g_str_equal (kind, "choice"))
    walk_children (self, pattern, context, FALSE);
  else if (g_str_equal (kind, "oneOrMore") || g_str_equal (kind, "group") ||
           g_str_equal (kind, "interleave") || g_str_equal (kind, "mixed") ||
           g_str_equal (kind, "start"))
    walk_children (self, pattern, context, required);
}

/* XML Schema patterns match the whole value; as regexes they are anchored. */
static void
compile_patterns (AkSchemaRules *self,
                  xmlNode       *node)
{
  for (xmlNode *child = node->children; child; child = child->next)
    {
      if (!is_pattern (child, NULL))
        continue;
      if (is_pattern (child, "param") &&
          g_strcmp0 (ak_xml_get_attribute (child, "name"), "pattern") == 0)
        {
          g_autofree char *content = (char *)xmlNodeGetContent (child);
          g_autofree char *anchored = g_strdup_printf ("^(?:%s)$", content);
          GRegex *regex = g_regex_new (anchored, G_REGEX_DOLLAR_ENDONLY, 0, NULL);

          if (regex != NULL)
            g_hash_table_insert (self->regexes, child, regex);
        }
      compile_patterns (self, child);
    }
}

/**
 * ak_schema_rules_new:
 * @grammar: the course schema as a document; must outlive the result
 *
 * Returns: (transfer full): the attribute rules of every element, keyed by
 *   its parent's name and its own, as the same name may mean different
 *   elements in different places
 */
AkSchemaRules *
ak_schema_rules_new (xmlDoc *grammar)
{
  AkSchemaRules *self = g_new0 (AkSchemaRules, 1);
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlNode *root = xmlDocGetRootElement (grammar);
  WalkContext context = { "", NULL, visited };

  self->grammar = grammar;
  self->defines = g_hash_table_new (g_str_hash, g_str_equal);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  self->regexes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_regex_unref);
  self->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)element_rule_free);
  if (root == NULL)
    return self;

  for (xmlNode *child = root->children; child; child = child->next)
    if (is_pattern (child, "define") && ak_xml_get_attribute (child, "name") != NULL)
      g_hash_table_insert (self->defines, (gpointer)ak_xml_get_attribute (child, "name"), child);
  for (xmlNode *child = root->children; child; child = child->next)
    if (is_pattern (child, "start"))
      walk (self, child, &context, TRUE);
  compile_patterns (self, root);
  return self;
}

/* XML Schema's "token" white-space rule: runs folded, ends trimmed. */
static char *
collapse_space (const char *value)
{
  GString *result = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = value; *p; p++)
    {
      if (ak_xml_is_space (*p))
        space = result->len > 0;
      else
        {
          if (space)
            g_string_append_c (result, ' ');
          g_string_append_c (result, *p);
          space = FALSE;
        }
    }
  return g_string_free (result, FALSE);
}

static gboolean pattern_accepts (AkSchemaRules *self, xmlNode *pattern, const char *value);

static gboolean
param_accepts (AkSchemaRules *self,
               xmlNode       *param,
               const char    *value)
{
  const char *name = ak_xml_get_attribute (param, "name");
  g_autofree char *content = (char *)xmlNodeGetContent (param);
  GRegex *regex;

  if (name == NULL || content == NULL)
    return TRUE;
  if (g_str_equal (name, "pattern"))
    {
      regex = g_hash_table_lookup (self->regexes, param);
      return regex == NULL || g_regex_match (regex, value, 0, NULL);
    }
  if (g_str_equal (name, "minLength"))
    return g_utf8_strlen (value, -1) >= g_ascii_strtoll (content, NULL, 10);
  if (g_str_equal (name, "maxLength"))
    return g_utf8_strlen (value, -1) <= g_ascii_strtoll (content, NULL, 10);
  return TRUE;
}

static gboolean
data_accepts (AkSchemaRules *self,
              xmlNode       *data,
              const char    *value)
{
  const char *type_name = ak_xml_get_attribute (data, "type");
  xmlSchemaType *type = NULL;
  g_autofree char *collapsed = collapse_space (value);
  const char *facet_value = value;

  if (type_name != NULL)
    type = xmlSchemaGetPredefinedType (BAD_CAST type_name, BAD_CAST XSD_NAMESPACE);
  if (type != NULL && xmlSchemaValidatePredefinedType (type, BAD_CAST value, NULL) != 0)
    return FALSE;
  if (type_name == NULL || !g_str_equal (type_name, "string"))
    facet_value = collapsed;

  for (xmlNode *param = data->children; param; param = param->next)
    if (is_pattern (param, "param") && !param_accepts (self, param, facet_value))
      return FALSE;
  return TRUE;
}

static gboolean
list_accepts (AkSchemaRules *self,
              xmlNode       *list,
              const char    *value)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree char *collapsed = collapse_space (value);
  xmlNode *item = first_pattern (list);
  gboolean required = FALSE;

  /* A list of one repeated pattern is all course files use. */
  while (item != NULL && (is_pattern (item, "oneOrMore") || is_pattern (item, "zeroOrMore")))
    {
      required |= is_pattern (item, "oneOrMore");
      item = first_pattern (item);
    }
  if (*collapsed == '\0')
    return !required;

  tokens = g_strsplit (collapsed, " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (!pattern_accepts (self, item, tokens[i]))
      return FALSE;
  return TRUE;
}

static gboolean
pattern_accepts (AkSchemaRules *self,
                 xmlNode       *pattern,
                 const char    *value)
{
  const char *kind;

  if (pattern == NULL)
    return TRUE;

  kind = (const char *)pattern->name;
  if (g_str_equal (kind, "ref"))
    {
      const char *name = ak_xml_get_attribute (pattern, "name");
      xmlNode *define = name != NULL ? g_hash_table_lookup (self->defines, name) : NULL;

      return define == NULL || pattern_accepts (self, first_pattern (define), value);
    }
  if (g_str_equal (kind, "choice"))
    {
      for (xmlNode *child = pattern->children; child; child = child->next)
        if (is_pattern (child, NULL) && pattern_accepts (self, child, value))
          return TRUE;
      return FALSE;
    }
  if (g_str_equal (kind, "value"))
    {
      g_autofree char *expected = (char *)xmlNodeGetContent (pattern);
      g_autofree char *collapsed_expected = collapse_space (expected != NULL ? expected : "");
      g_autofree char *collapsed = collapse_space (value);

      return g_str_equal (collapsed_expected, collapsed);
    }
  if (g_str_equal (kind, "data"))
    return data_accepts (self, pattern, value);
  if (g_str_equal (kind, "list"))
    return list_accepts (self, pattern, value);
  return TRUE;
}

/**
 * ak_schema_quote_list:
 *
 * Returns: (transfer full): @names quoted and joined for a message:
 *   “a”, “b” or “c”
 */
char *
ak_schema_quote_list (const char *const *names,
                      guint              n_names)
{
  g_autofree char *result = NULL;

  for (guint i = 0; i < n_names; i++)
    {
      /* Translators: quotes around a name in a message */
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), names[i]);
      char *joined;

      if (result == NULL)
        joined = g_strdup (quoted);
      else if (i + 1 < n_names)
        /* Translators: joins the items of a list but the last: “a”, “b” */
        joined = g_strdup_printf (_("%s, %s"), result, quoted);
      else
        /* Translators: joins the last item of a list of alternatives: “a”, “b” or “c” */
        joined = g_strdup_printf (_("%s or %s"), result, quoted);
      g_free (result);
      result = joined;
    }
  return g_steal_pointer (&result);
}

/**
 * ak_schema_describe_type:
 * @type: an XML Schema datatype name, e.g. "positiveInteger"
 *
 * Returns: (nullable): what a value of @type looks like, translated
 */
const char *
ak_schema_describe_type (const char *type)
{
  static const struct
  {
    const char *type;
    const char *description;
  } types[] = {
    { "integer", N_("a whole number") },
    { "positiveInteger", N_("a whole number greater than 0") },
    { "decimal", N_("a number such as 2 or 1.5 (with a decimal point)") },
    { "boolean", N_("“true” or “false”") },
    { "gYear", N_("a year such as 2024") },
    { "language", N_("a language code such as “de” or “en-GB”") },
    { "anyURI", N_("a web address") },
    { "string", N_("a text that is not empty") },
    { "token", N_("a text that is not empty") },
  };

  if (type == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].type, type))
      return _(types[i].description);
  return NULL;
}

static void
collect_values (xmlNode   *pattern,
                GPtrArray *values)
{
  for (xmlNode *child = pattern->children; child; child = child->next)
    if (is_pattern (child, "value"))
      g_ptr_array_add (values, xmlNodeGetContent (child));
}

/* What a value for @rule looks like, for the message; NULL if unknown. */
static char *
describe_rule (AkSchemaRules *self,
               AttributeRule *rule)
{
  xmlNode *pattern = rule->pattern;

  if (g_str_equal (rule->name, "version"))
    return g_strdup (_("a version number such as 1 or 2.1"));
  if (pattern == NULL)
    return NULL;

  if (is_pattern (pattern, "ref"))
    {
      const char *name = ak_xml_get_attribute (pattern, "name");

      if (g_strcmp0 (name, "identifier") == 0)
        return g_strdup (_("an id of letters, digits, “-” and “_” that starts with a letter"));
      if (g_strcmp0 (name, "thesis-refs") == 0)
        return g_strdup (_("thesis ids separated by spaces, each one optionally preceded "
                           "by a course id and “:”"));
      return NULL;
    }
  if (is_pattern (pattern, "choice"))
    {
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (xmlFree);

      collect_values (pattern, values);
      if (values->len == 0)
        return NULL;
      return ak_schema_quote_list ((const char *const *)values->pdata, values->len);
    }
  if (is_pattern (pattern, "data"))
    return g_strdup (ak_schema_describe_type (ak_xml_get_attribute (pattern, "type")));
  return NULL;
}

static AttributeRule *
find_rule (GPtrArray  *rules,
           const char *name)
{
  for (guint i = 0; i < rules->len; i++)
    {
      AttributeRule *rule = g_ptr_array_index (rules, i);

      if (g_str_equal (rule->name, name))
        return rule;
    }
  return NULL;
}

static char *
attribute_name (xmlAttr *attribute)
{
  if (attribute->ns == NULL)
    return g_strdup ((const char *)attribute->name);
  if (xmlStrEqual (attribute->ns->href, XML_XML_NAMESPACE))
    return g_strconcat ("xml:", (const char *)attribute->name, NULL);
  if (attribute->ns->prefix != NULL)
    return g_strconcat ((const char *)attribute->ns->prefix, ":", (const char *)attribute->name,
                        NULL);
  return g_strdup ((const char *)attribute->name);
}

static void
report_bad_value (AkSchemaRules *self,
                  AkXmlDocument *document,
                  xmlNode       *element,
                  AttributeRule *rule,
                  const char    *value)
{
  g_autofree char *quoted = ak_xml_text_ellipsize (value);
  g_autofree char *expected = describe_rule (self, rule);

  if (*value == '\0')
    ak_xml_document_report (document, element, rule->name, AK_SEVERITY_ERROR,
                            _("The attribute “%s” must not be empty"), rule->name);
  else if (expected != NULL)
    ak_xml_document_report (document, element, rule->name, AK_SEVERITY_ERROR,
                            /* Translators: the last %s describes a valid value, e.g. "a
                             * whole number" */
                            _("The value “%s” of the attribute “%s” is not valid; expected %s"),
                            quoted, rule->name, expected);
  else
    ak_xml_document_report (document, element, rule->name, AK_SEVERITY_ERROR,
                            _("The value “%s” of the attribute “%s” is not valid"),
                            quoted, rule->name);
}

gboolean
ak_schema_rules_knows_element (AkSchemaRules *self,
                               const char    *name)
{
  return g_hash_table_contains (self->names, name);
}

static ElementRule *
lookup_rule (AkSchemaRules *self,
             xmlNode       *element)
{
  const char *parent = "";
  g_autofree char *key = NULL;

  if (element->parent != NULL && element->parent->type == XML_ELEMENT_NODE)
    parent = (const char *)element->parent->name;
  key = g_strdup_printf ("%s/%s", parent, (const char *)element->name);
  return g_hash_table_lookup (self->elements, key);
}

/**
 * ak_schema_rules_check_attributes:
 *
 * Reports each unknown attribute, each attribute with a value its pattern
 * does not accept, and each required attribute @element lacks.
 *
 * Returns: the number of problems reported
 */
guint
ak_schema_rules_check_attributes (AkSchemaRules *self,
                                  AkXmlDocument *document,
                                  xmlNode       *element)
{
  ElementRule *element_rule = lookup_rule (self, element);
  guint n_problems = 0;

  if (element_rule == NULL)
    return 0;

  for (xmlAttr *attribute = element->properties; attribute; attribute = attribute->next)
    {
      g_autofree char *name = attribute_name (attribute);
      AttributeRule *rule = find_rule (element_rule->attributes, name);
      const char *value = ak_xml_get_attribute (element, name);

      if (rule == NULL)
        {
          ak_xml_document_report (document, element, name, AK_SEVERITY_ERROR,
                                  _("The element “%s” has no attribute “%s”"),
                                  (const char *)element->name, name);
          n_problems++;
        }
      else if (value != NULL && !pattern_accepts (self, rule->pattern, value))
        {
          report_bad_value (self, document, element, rule, value);
          n_problems++;
        }
    }

  for (guint i = 0; i < element_rule->attributes->len; i++)
    {
      AttributeRule *rule = g_ptr_array_index (element_rule->attributes, i);

      if (rule->required && ak_xml_get_attribute (element, rule->name) == NULL)
        {
          ak_xml_document_report (document, element, NULL, AK_SEVERITY_ERROR,
                                  _("The element “%s” needs the attribute “%s”"),
                                  (const char *)element->name, rule->name);
          n_problems++;
        }
    }
  return n_problems;
}

/**
 * ak_schema_rules_check_children:
 *
 * Reports each child element @element must have but lacks.
 *
 * Returns: the number of problems reported
 */
guint
ak_schema_rules_check_children (AkSchemaRules *self,
                                AkXmlDocument *document,
                                xmlNode       *element)
{
  ElementRule *element_rule = lookup_rule (self, element);
  guint n_problems = 0;

  if (element_rule == NULL)
    return 0;

  for (guint i = 0; i < element_rule->children->len; i++)
    {
      const char *name = g_ptr_array_index (element_rule->children, i);

      if (ak_xml_find_element (element, name) == NULL)
        {
          ak_xml_document_report (document, element, NULL, AK_SEVERITY_ERROR,
                                  _("The element “%s” needs an element “%s”"),
                                  (const char *)element->name, name);
          n_problems++;
        }
    }
  return n_problems;
}
