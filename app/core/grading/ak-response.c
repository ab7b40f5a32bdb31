/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-response.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ak-text-match.h"

struct _AkResponse
{
  gatomicrefcount ref_count;
  AkQuestionType  type;

  char           *choice;       /* single choice */
  gboolean        has_boolean;  /* true or false */
  gboolean        boolean;
  char          **order;        /* ordering */
  char           *text;         /* short answer, numeric */

  /* Kept sorted, so that the JSON form does not depend on the order in
   * which the learner answered. Multiple choice: the picked ids (no value);
   * gap text: gap id → text; matching: pair id → right-hand id. */
  GTree          *entries;
};

G_DEFINE_BOXED_TYPE (AkResponse, ak_response, ak_response_ref, ak_response_unref)

/* The member that carries the answer in the JSON form, next to "type". */
static const char *const payload_keys[AK_N_QUESTION_TYPES] = {
  [AK_QUESTION_SINGLE_CHOICE] = "choice",
  [AK_QUESTION_MULTIPLE_CHOICE] = "choices",
  [AK_QUESTION_TRUE_FALSE] = "answer",
  [AK_QUESTION_GAP_TEXT] = "gaps",
  [AK_QUESTION_ORDERING] = "order",
  [AK_QUESTION_MATCHING] = "matches",
  [AK_QUESTION_SHORT_ANSWER] = "text",
  [AK_QUESTION_NUMERIC] = "text",
};

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (a, b);
}

static gboolean
is_valid_id (const char *id)
{
  return id != NULL && *id != '\0' && g_utf8_validate (id, -1, NULL);
}

static gboolean
has_duplicates (const char *const *ids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!g_hash_table_add (seen, (gpointer)ids[i]))
      return TRUE;
  return FALSE;
}

/* Text that holds nothing but white space is no answer. */
static char *
dup_answer_text (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;
  normalized = ak_text_normalize (text, FALSE);
  if (normalized == NULL || *normalized == '\0')
    return NULL;
  return g_strdup (text);
}

/**
 * ak_response_new:
 * @type: the type of the question being answered
 *
 * Returns: (transfer full): an empty response to a question of @type
 */
AkResponse *
ak_response_new (AkQuestionType type)
{
  AkResponse *self;

  g_return_val_if_fail ((guint)type < AK_N_QUESTION_TYPES, NULL);

  self = g_new0 (AkResponse, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->type = type;
  self->entries = g_tree_new_full (compare_keys, NULL, g_free, g_free);
  return self;
}

/**
 * ak_response_ref:
 *
 * Returns: (transfer full): @self, with one more reference
 */
AkResponse *
ak_response_ref (AkResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * ak_response_unref:
 *
 * Drops a reference; the last one frees @self.
 */
void
ak_response_unref (AkResponse *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->choice);
  g_strfreev (self->order);
  g_free (self->text);
  g_tree_unref (self->entries);
  g_free (self);
}

/**
 * ak_response_get_question_type:
 *
 * Returns: the type of question @self answers; it never changes
 */
AkQuestionType
ak_response_get_question_type (const AkResponse *self)
{
  g_return_val_if_fail (self != NULL, AK_QUESTION_SINGLE_CHOICE);

  return self->type;
}

/**
 * ak_response_is_empty:
 *
 * Returns: whether the learner has not answered anything yet, so that
 *   there is nothing to check
 */
gboolean
ak_response_is_empty (const AkResponse *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  switch (self->type)
    {
    case AK_QUESTION_SINGLE_CHOICE:
      return self->choice == NULL;
    case AK_QUESTION_TRUE_FALSE:
      return !self->has_boolean;
    case AK_QUESTION_ORDERING:
      return self->order == NULL;
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
      return self->text == NULL;
    case AK_QUESTION_MULTIPLE_CHOICE:
    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_MATCHING:
    case AK_N_QUESTION_TYPES:
    default:
      return g_tree_nnodes (self->entries) == 0;
    }
}

/**
 * ak_response_clear:
 *
 * Takes back everything answered, as when the learner tries again.
 */
void
ak_response_clear (AkResponse *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->choice, g_free);
  self->has_boolean = FALSE;
  self->boolean = FALSE;
  g_clear_pointer (&self->order, g_strfreev);
  g_clear_pointer (&self->text, g_free);
  g_tree_remove_all (self->entries);
}

/**
 * ak_response_set_choice:
 * @choice_id: (nullable): the picked choice, or %NULL to pick none
 *
 * Picks the one choice of a single-choice question.
 */
void
ak_response_set_choice (AkResponse *self,
                        const char *choice_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->type == AK_QUESTION_SINGLE_CHOICE);
  g_return_if_fail (choice_id == NULL || is_valid_id (choice_id));

  g_free (self->choice);
  self->choice = g_strdup (choice_id);
}

/**
 * ak_response_get_choice:
 *
 * Returns: (nullable): the picked choice of a single-choice question
 */
const char *
ak_response_get_choice (const AkResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->type == AK_QUESTION_SINGLE_CHOICE, NULL);

  return self->choice;
}

/**
 * ak_response_set_choice_selected:
 *
 * Ticks or unticks one choice of a multiple-choice question.
 */
void
ak_response_set_choice_selected (AkResponse *self,
                                 const char *choice_id,
                                 gboolean    selected)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->type == AK_QUESTION_MULTIPLE_CHOICE);
  g_return_if_fail (is_valid_id (choice_id));

  if (selected)
    g_tree_insert (self->entries, g_strdup (choice_id), NULL);
  else
    g_tree_remove (self->entries, choice_id);
}

/**
 * ak_response_get_choice_selected:
 *
 * Returns: whether @choice_id is ticked in a multiple-choice question
 */
gboolean
ak_response_get_choice_selected (const AkResponse *self,
                                 const char       *choice_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->type == AK_QUESTION_MULTIPLE_CHOICE, FALSE);
  g_return_val_if_fail (choice_id != NULL, FALSE);

  return g_tree_lookup_extended (self->entries, choice_id, NULL, NULL);
}

static gboolean
collect_key_cb (gpointer key,
                gpointer value,
                gpointer user_data)
{
  g_ptr_array_add (user_data, g_strdup (key));
  return FALSE;
}

/**
 * ak_response_get_choices:
 *
 * Returns: (transfer full): the ticked choices of a multiple-choice
 *   question, sorted by id
 */
char **
ak_response_get_choices (const AkResponse *self)
{
  GPtrArray *choices;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->type == AK_QUESTION_MULTIPLE_CHOICE, NULL);

  choices = g_ptr_array_new ();
  g_tree_foreach (self->entries, collect_key_cb, choices);
  g_ptr_array_add (choices, NULL);
  return (char **)g_ptr_array_free (choices, FALSE);
}

/**
 * ak_response_set_boolean:
 *
 * Answers a true-or-false question; answering "false" is an answer too.
 */
void
ak_response_set_boolean (AkResponse *self,
                         gboolean    value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->type == AK_QUESTION_TRUE_FALSE);

  self->has_boolean = TRUE;
  self->boolean = !!value;
}

/**
 * ak_response_get_boolean:
 * @value: (out) (optional): the learner's answer
 *
 * Returns: whether the learner has answered the true-or-false question
 */
gboolean
ak_response_get_boolean (const AkResponse *self,
                         gboolean         *value)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->type == AK_QUESTION_TRUE_FALSE, FALSE);

  if (value != NULL)
    *value = self->boolean;
  return self->has_boolean;
}

/**
 * ak_response_set_gap:
 * @text: (nullable): what the learner wrote into the gap
 *
 * Empty text, or text of white space only, leaves the gap unanswered.
 */
void
ak_response_set_gap (AkResponse *self,
                     const char *gap_id,
                     const char *text)
{
  char *answer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->type == AK_QUESTION_GAP_TEXT);
  g_return_if_fail (is_valid_id (gap_id));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  answer = dup_answer_text (text);
  if (answer != NULL)
    g_tree_insert (self->entries, g_strdup (gap_id), answer);
  else
    g_tree_remove (self->entries, gap_id);
}

/**
 * ak_response_get_gap:
 *
 * Returns: (nullable): what the learner wrote into the gap @gap_id
 */
const char *
ak_response_get_gap (const AkResponse *self,
                     const char       *gap_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->type == AK_QUESTION_GAP_TEXT, NULL);
  g_return_val_if_fail (gap_id != NULL, NULL);

  return g_tree_lookup (self->entries, gap_id);
}

/**
 * ak_response_set_order:
 * @item_ids: (array zero-terminated=1) (nullable): the item ids in the
 *   learner's order, each once; %NULL or an empty list takes the answer back
 */
void
ak_response_set_order (AkResponse        *self,
                       const char *const *item_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->type == AK_QUESTION_ORDERING);

  for (guint i = 0; item_ids != NULL && item_ids[i] != NULL; i++)
    g_return_if_fail (is_valid_id (item_ids[i]));
  g_return_if_fail (!has_duplicates (item_ids));

  g_clear_pointer (&self->order, g_strfreev);
  if (item_ids != NULL && item_ids[0] != NULL)
    self->order = g_strdupv ((char **)item_ids);
}

/**
 * ak_response_get_order:
 *
 * Returns: (nullable) (array zero-terminated=1): the item ids in the
 *   learner's order
 */
const char *const *
ak_response_get_order (const AkResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->type == AK_QUESTION_ORDERING, NULL);

  return (const char *const *)self->order;
}

/**
 * ak_response_set_match:
 * @pair_id: the pair whose left-hand item the learner matched
 * @right_id: (nullable): the right-hand item picked for it, named by its
 *   pair id or distractor id; %NULL takes the match back
 */
void
ak_response_set_match (AkResponse *self,
                       const char *pair_id,
                       const char *right_id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->type == AK_QUESTION_MATCHING);
  g_return_if_fail (is_valid_id (pair_id));
  g_return_if_fail (right_id == NULL || is_valid_id (right_id));

  if (right_id != NULL)
    g_tree_insert (self->entries, g_strdup (pair_id), g_strdup (right_id));
  else
    g_tree_remove (self->entries, pair_id);
}

/**
 * ak_response_get_match:
 *
 * Returns: (nullable): the right-hand item matched to the pair @pair_id
 */
const char *
ak_response_get_match (const AkResponse *self,
                       const char       *pair_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->type == AK_QUESTION_MATCHING, NULL);
  g_return_val_if_fail (pair_id != NULL, NULL);

  return g_tree_lookup (self->entries, pair_id);
}

/**
 * ak_response_set_text:
 * @text: (nullable): the answer to a short-answer or numeric question
 *
 * Empty text, or text of white space only, is no answer.
 */
void
ak_response_set_text (AkResponse *self,
                      const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->type == AK_QUESTION_SHORT_ANSWER ||
                    self->type == AK_QUESTION_NUMERIC);
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  g_free (self->text);
  self->text = dup_answer_text (text);
}

/**
 * ak_response_get_text:
 *
 * Returns: (nullable): the answer to a short-answer or numeric question
 */
const char *
ak_response_get_text (const AkResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->type == AK_QUESTION_SHORT_ANSWER ||
                        self->type == AK_QUESTION_NUMERIC, NULL);

  return self->text;
}

static void
add_nullable_string (JsonBuilder *builder,
                     const char  *value)
{
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static gboolean
add_key_cb (gpointer key,
            gpointer value,
            gpointer user_data)
{
  json_builder_add_string_value (user_data, key);
  return FALSE;
}

static gboolean
add_member_cb (gpointer key,
               gpointer value,
               gpointer user_data)
{
  json_builder_set_member_name (user_data, key);
  json_builder_add_string_value (user_data, value);
  return FALSE;
}

/**
 * ak_response_to_json:
 *
 * Encodes @self for the progress store as a compact JSON object with the
 * question type ("type", the element name in a course file) and one member
 * that carries the answer. Lists and maps are sorted by id, so the same
 * answer always gives the same bytes.
 *
 * Returns: (transfer full): the JSON text
 */
char *
ak_response_to_json (const AkResponse *self)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, ak_question_type_to_string (self->type));
  json_builder_set_member_name (builder, payload_keys[self->type]);

  switch (self->type)
    {
    case AK_QUESTION_SINGLE_CHOICE:
      add_nullable_string (builder, self->choice);
      break;
    case AK_QUESTION_MULTIPLE_CHOICE:
      json_builder_begin_array (builder);
      g_tree_foreach (self->entries, add_key_cb, builder);
      json_builder_end_array (builder);
      break;
    case AK_QUESTION_TRUE_FALSE:
      if (self->has_boolean)
        json_builder_add_boolean_value (builder, self->boolean);
      else
        json_builder_add_null_value (builder);
      break;
    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_MATCHING:
      json_builder_begin_object (builder);
      g_tree_foreach (self->entries, add_member_cb, builder);
      json_builder_end_object (builder);
      break;
    case AK_QUESTION_ORDERING:
      if (self->order != NULL)
        {
          json_builder_begin_array (builder);
          for (guint i = 0; self->order[i] != NULL; i++)
            json_builder_add_string_value (builder, self->order[i]);
          json_builder_end_array (builder);
        }
      else
        json_builder_add_null_value (builder);
      break;
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
      add_nullable_string (builder, self->text);
      break;
    case AK_N_QUESTION_TYPES:
    default:
      g_assert_not_reached ();
    }

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Reads a string, or %NULL for a JSON null. */
static gboolean
read_text (JsonNode    *node,
           const char **text)
{
  *text = NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!holds_type (node, G_TYPE_STRING))
    return FALSE;
  *text = json_node_get_string (node);
  return g_utf8_validate (*text, -1, NULL);
}

static gboolean
read_id (JsonNode    *node,
         const char **id)
{
  return read_text (node, id) && (*id == NULL || is_valid_id (*id));
}

/* An array of distinct ids; %NULL for a JSON null. */
static gboolean
read_ids (JsonNode   *node,
          GPtrArray **ids)
{
  JsonArray *array;

  *ids = NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  *ids = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *id;

      if (!read_id (json_array_get_element (array, i), &id) || id == NULL)
        return FALSE;
      g_ptr_array_add (*ids, (gpointer)id);
    }
  g_ptr_array_add (*ids, NULL);
  return !has_duplicates ((const char *const *)(*ids)->pdata);
}

static gboolean
read_entries (AkResponse *self,
              JsonNode   *node)
{
  JsonObject *object;
  g_autoptr(GList) names = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  names = json_object_get_members (object);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *value;

      if (!is_valid_id (key))
        return FALSE;

      if (self->type == AK_QUESTION_GAP_TEXT)
        {
          g_autofree char *answer = NULL;

          /* An empty gap is left out, never written as white space. */
          if (!read_text (json_object_get_member (object, key), &value) || value == NULL)
            return FALSE;
          answer = dup_answer_text (value);
          if (answer == NULL)
            return FALSE;
          ak_response_set_gap (self, key, answer);
        }
      else
        {
          if (!read_id (json_object_get_member (object, key), &value) || value == NULL)
            return FALSE;
          ak_response_set_match (self, key, value);
        }
    }
  return TRUE;
}

static gboolean
read_payload (AkResponse *self,
              JsonNode   *node)
{
  g_autoptr(GPtrArray) ids = NULL;
  const char *text;

  switch (self->type)
    {
    case AK_QUESTION_SINGLE_CHOICE:
      if (!read_id (node, &text))
        return FALSE;
      ak_response_set_choice (self, text);
      return TRUE;

    case AK_QUESTION_MULTIPLE_CHOICE:
      if (!read_ids (node, &ids) || ids == NULL)
        return FALSE;
      for (guint i = 0; i + 1 < ids->len; i++)
        ak_response_set_choice_selected (self, g_ptr_array_index (ids, i), TRUE);
      return TRUE;

    case AK_QUESTION_TRUE_FALSE:
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (!holds_type (node, G_TYPE_BOOLEAN))
        return FALSE;
      ak_response_set_boolean (self, json_node_get_boolean (node));
      return TRUE;

    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_MATCHING:
      return read_entries (self, node);

    case AK_QUESTION_ORDERING:
      if (!read_ids (node, &ids))
        return FALSE;
      ak_response_set_order (self, ids != NULL ? (const char *const *)ids->pdata : NULL);
      return TRUE;

    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
      if (!read_text (node, &text))
        return FALSE;
      ak_response_set_text (self, text);
      /* No answer is written as null, never as white space. */
      return text == NULL || ak_response_get_text (self) != NULL;

    case AK_N_QUESTION_TYPES:
    default:
      g_assert_not_reached ();
    }
}

/* JSON can carry a NUL character ("\u0000"), a C string cannot: the
 * text would silently end there. */
static gboolean
has_nul_escape (const char *json)
{
  for (const char *p = json; (p = strchr (p, '\\')) != NULL;)
    {
      gsize n_backslashes = strspn (p, "\\");

      p += n_backslashes;
      if (n_backslashes % 2 == 1 && g_ascii_strncasecmp (p, "u0000", 5) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
question_type_from_string (const char     *name,
                           AkQuestionType *type)
{
  for (guint i = 0; i < AK_N_QUESTION_TYPES; i++)
    {
      if (g_str_equal (ak_question_type_to_string (i), name))
        {
          *type = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ak_response_from_json:
 * @json: what ak_response_to_json() wrote
 *
 * Reads a stored answer back. Anything that ak_response_to_json() could
 * not have written is refused with %G_IO_ERROR_INVALID_DATA.
 *
 * Returns: (transfer full) (nullable): the response, or %NULL with @error set
 */
AkResponse *
ak_response_from_json (const char  *json,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AkResponse) self = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *type_node;
  JsonNode *payload;
  AkQuestionType type;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (json, -1, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The stored answer is not valid UTF-8 text"));
      return NULL;
    }
  if (has_nul_escape (json))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The stored answer contains a NUL character"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The stored answer is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The stored answer is not a JSON object"));
      return NULL;
    }

  object = json_node_get_object (root);
  type_node = json_object_get_member (object, "type");
  if (type_node == NULL || !holds_type (type_node, G_TYPE_STRING))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The stored answer names no question type"));
      return NULL;
    }
  if (!question_type_from_string (json_node_get_string (type_node), &type))
    {
      /* Translators: %s is a question type as written in a course file, e.g. “gap-text” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The stored answer is for an unknown question type “%s”"),
                   json_node_get_string (type_node));
      return NULL;
    }

  self = ak_response_new (type);
  payload = json_object_get_member (object, payload_keys[type]);
  if (payload == NULL || json_object_get_size (object) != 2 || !read_payload (self, payload))
    {
      /* Translators: %s is the name of a question type, e.g. “Gap text” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The stored answer to a question of the type “%s” is malformed"),
                   ak_question_type_get_label (type));
      return NULL;
    }

  return g_steal_pointer (&self);
}
