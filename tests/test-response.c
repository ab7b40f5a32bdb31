/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "ak-response.h"

/* Encodes, decodes and encodes again: the store must get back exactly
 * what it kept. Returns the decoded response. */
static AkResponse *
round_trip (AkResponse *response,
            const char *expected_json)
{
  g_autofree char *json = ak_response_to_json (response);
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AkResponse) decoded = NULL;

  g_assert_cmpstr (json, ==, expected_json);

  decoded = ak_response_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decoded);
  g_assert_cmpint (ak_response_get_question_type (decoded), ==,
                   ak_response_get_question_type (response));
  g_assert_cmpint (ak_response_is_empty (decoded), ==, ak_response_is_empty (response));

  again = ak_response_to_json (decoded);
  g_assert_cmpstr (again, ==, json);
  return g_steal_pointer (&decoded);
}

static void
test_new_is_empty (void)
{
  for (guint i = 0; i < AK_N_QUESTION_TYPES; i++)
    {
      g_autoptr(AkResponse) response = ak_response_new (i);

      g_assert_cmpint (ak_response_get_question_type (response), ==, i);
      g_assert_true (ak_response_is_empty (response));
    }
}

static void
test_refcount (void)
{
  AkResponse *response = ak_response_new (AK_QUESTION_SHORT_ANSWER);
  AkResponse *copy;

  ak_response_set_text (response, "Reichweite");
  copy = g_boxed_copy (AK_TYPE_RESPONSE, response);
  g_assert_true (copy == response);
  g_boxed_free (AK_TYPE_RESPONSE, copy);

  g_assert_true (ak_response_ref (response) == response);
  ak_response_unref (response);
  g_assert_cmpstr (ak_response_get_text (response), ==, "Reichweite");
  ak_response_unref (response);
}

static void
test_single_choice (void)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_SINGLE_CHOICE);
  g_autoptr(AkResponse) decoded = NULL;

  g_assert_null (ak_response_get_choice (response));
  decoded = round_trip (response, "{\"type\":\"single-choice\",\"choice\":null}");
  g_assert_null (ak_response_get_choice (decoded));
  g_clear_pointer (&decoded, ak_response_unref);

  ak_response_set_choice (response, "a");
  ak_response_set_choice (response, "b");
  g_assert_cmpstr (ak_response_get_choice (response), ==, "b");
  g_assert_false (ak_response_is_empty (response));
  decoded = round_trip (response, "{\"type\":\"single-choice\",\"choice\":\"b\"}");
  g_assert_cmpstr (ak_response_get_choice (decoded), ==, "b");

  ak_response_set_choice (response, NULL);
  g_assert_true (ak_response_is_empty (response));
}

static void
test_multiple_choice (void)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_MULTIPLE_CHOICE);
  g_autoptr(AkResponse) other = ak_response_new (AK_QUESTION_MULTIPLE_CHOICE);
  g_autoptr(AkResponse) decoded = NULL;
  g_auto(GStrv) choices = NULL;
  g_autofree char *json = NULL;
  g_autofree char *other_json = NULL;
  const char *expected[] = { "a", "c", NULL };

  choices = ak_response_get_choices (response);
  g_assert_cmpstrv (choices, ((const char *[]) { NULL }));
  g_clear_pointer (&choices, g_strfreev);
  decoded = round_trip (response, "{\"type\":\"multiple-choice\",\"choices\":[]}");
  g_assert_true (ak_response_is_empty (decoded));
  g_clear_pointer (&decoded, ak_response_unref);

  ak_response_set_choice_selected (response, "c", TRUE);
  ak_response_set_choice_selected (response, "b", TRUE);
  ak_response_set_choice_selected (response, "a", TRUE);
  ak_response_set_choice_selected (response, "a", TRUE);
  ak_response_set_choice_selected (response, "b", FALSE);
  ak_response_set_choice_selected (response, "d", FALSE);
  g_assert_true (ak_response_get_choice_selected (response, "a"));
  g_assert_false (ak_response_get_choice_selected (response, "b"));
  g_assert_true (ak_response_get_choice_selected (response, "c"));
  g_assert_false (ak_response_is_empty (response));

  choices = ak_response_get_choices (response);
  g_assert_cmpstrv (choices, expected);

  decoded = round_trip (response, "{\"type\":\"multiple-choice\",\"choices\":[\"a\",\"c\"]}");
  g_clear_pointer (&choices, g_strfreev);
  choices = ak_response_get_choices (decoded);
  g_assert_cmpstrv (choices, expected);

  /* The order of ticking does not show in the stored form. */
  ak_response_set_choice_selected (other, "a", TRUE);
  ak_response_set_choice_selected (other, "c", TRUE);
  json = ak_response_to_json (response);
  other_json = ak_response_to_json (other);
  g_assert_cmpstr (json, ==, other_json);

  ak_response_set_choice_selected (response, "a", FALSE);
  ak_response_set_choice_selected (response, "c", FALSE);
  g_assert_true (ak_response_is_empty (response));
}

static void
test_true_false (void)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_TRUE_FALSE);
  g_autoptr(AkResponse) decoded = NULL;
  gboolean value = TRUE;

  g_assert_false (ak_response_get_boolean (response, NULL));
  decoded = round_trip (response, "{\"type\":\"true-false\",\"answer\":null}");
  g_assert_false (ak_response_get_boolean (decoded, NULL));
  g_clear_pointer (&decoded, ak_response_unref);

  /* "False" is an answer, not the absence of one. */
  ak_response_set_boolean (response, FALSE);
  g_assert_false (ak_response_is_empty (response));
  g_assert_true (ak_response_get_boolean (response, &value));
  g_assert_false (value);
  decoded = round_trip (response, "{\"type\":\"true-false\",\"answer\":false}");
  g_assert_true (ak_response_get_boolean (decoded, &value));
  g_assert_false (value);
  g_clear_pointer (&decoded, ak_response_unref);

  ak_response_set_boolean (response, TRUE);
  decoded = round_trip (response, "{\"type\":\"true-false\",\"answer\":true}");
  g_assert_true (ak_response_get_boolean (decoded, &value));
  g_assert_true (value);

  ak_response_clear (response);
  g_assert_true (ak_response_is_empty (response));
}

static void
test_gap_text (void)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_GAP_TEXT);
  g_autoptr(AkResponse) other = ak_response_new (AK_QUESTION_GAP_TEXT);
  g_autoptr(AkResponse) decoded = NULL;
  g_autofree char *json = NULL;
  g_autofree char *other_json = NULL;

  decoded = round_trip (response, "{\"type\":\"gap-text\",\"gaps\":{}}");
  g_clear_pointer (&decoded, ak_response_unref);

  ak_response_set_gap (response, "g2", "Echokammer");
  ak_response_set_gap (response, "g1", "Filter\u00a0Blase");
  ak_response_set_gap (response, "g3", "erst");
  ak_response_set_gap (response, "g3", NULL);
  ak_response_set_gap (response, "g4", " \t ");
  g_assert_cmpstr (ak_response_get_gap (response, "g1"), ==, "Filter\u00a0Blase");
  g_assert_cmpstr (ak_response_get_gap (response, "g2"), ==, "Echokammer");
  g_assert_null (ak_response_get_gap (response, "g3"));
  g_assert_null (ak_response_get_gap (response, "g4"));
  g_assert_false (ak_response_is_empty (response));

  decoded = round_trip (response,
                        "{\"type\":\"gap-text\",\"gaps\":{\"g1\":\"Filter\u00a0Blase\","
                        "\"g2\":\"Echokammer\"}}");
  g_assert_cmpstr (ak_response_get_gap (decoded, "g1"), ==, "Filter\u00a0Blase");
  g_assert_cmpstr (ak_response_get_gap (decoded, "g2"), ==, "Echokammer");

  ak_response_set_gap (other, "g1", "Filter\u00a0Blase");
  ak_response_set_gap (other, "g2", "Echokammer");
  json = ak_response_to_json (response);
  other_json = ak_response_to_json (other);
  g_assert_cmpstr (json, ==, other_json);

  ak_response_set_gap (response, "g1", "");
  ak_response_set_gap (response, "g2", NULL);
  g_assert_true (ak_response_is_empty (response));
}

static void
test_ordering (void)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_ORDERING);
  g_autoptr(AkResponse) decoded = NULL;
  char *order[] = { g_strdup ("c"), g_strdup ("a"), g_strdup ("b"), NULL };
  const char *expected[] = { "c", "a", "b", NULL };
  const char *none[] = { NULL };

  g_assert_null (ak_response_get_order (response));
  decoded = round_trip (response, "{\"type\":\"ordering\",\"order\":null}");
  g_assert_null (ak_response_get_order (decoded));
  g_clear_pointer (&decoded, ak_response_unref);

  /* The response keeps its own copy. */
  ak_response_set_order (response, (const char *const *)order);
  for (guint i = 0; order[i] != NULL; i++)
    g_free (order[i]);
  g_assert_cmpstrv (ak_response_get_order (response), expected);
  g_assert_false (ak_response_is_empty (response));

  decoded = round_trip (response, "{\"type\":\"ordering\",\"order\":[\"c\",\"a\",\"b\"]}");
  g_assert_cmpstrv (ak_response_get_order (decoded), expected);

  ak_response_set_order (response, none);
  g_assert_true (ak_response_is_empty (response));
  ak_response_set_order (response, expected);
  ak_response_set_order (response, NULL);
  g_assert_true (ak_response_is_empty (response));
}

/* An order that names an item twice is no rearrangement of the items. */
static void
test_ordering_refuses_repeats (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_ORDERING);
      const char *repeated[] = { "a", "b", "a", NULL };

      ak_response_set_order (response, repeated);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*has_duplicates*");
}

/* An escaped backslash before "u0000" is text, not a NUL. */
static void
test_json_backslash_text (void)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_SHORT_ANSWER);
  g_autoptr(AkResponse) decoded = NULL;

  ak_response_set_text (response, "C:\\u0000");
  decoded = round_trip (response, "{\"type\":\"short-answer\",\"text\":\"C:\\\\u0000\"}");
  g_assert_cmpstr (ak_response_get_text (decoded), ==, "C:\\u0000");
}

static void
test_matching (void)
{
  g_autoptr(AkResponse) response = ak_response_new (AK_QUESTION_MATCHING);
  g_autoptr(AkResponse) decoded = NULL;

  decoded = round_trip (response, "{\"type\":\"matching\",\"matches\":{}}");
  g_clear_pointer (&decoded, ak_response_unref);

  ak_response_set_match (response, "p2", "p1");
  ak_response_set_match (response, "p1", "p3");
  ak_response_set_match (response, "p1", "p2");
  ak_response_set_match (response, "p3", "d1");
  ak_response_set_match (response, "p3", NULL);
  g_assert_cmpstr (ak_response_get_match (response, "p1"), ==, "p2");
  g_assert_cmpstr (ak_response_get_match (response, "p2"), ==, "p1");
  g_assert_null (ak_response_get_match (response, "p3"));

  decoded = round_trip (response,
                        "{\"type\":\"matching\",\"matches\":{\"p1\":\"p2\",\"p2\":\"p1\"}}");
  g_assert_cmpstr (ak_response_get_match (decoded, "p1"), ==, "p2");
  g_assert_cmpstr (ak_response_get_match (decoded, "p2"), ==, "p1");

  ak_response_clear (response);
  g_assert_true (ak_response_is_empty (response));
  g_assert_null (ak_response_get_match (response, "p1"));
}

static void
test_text (void)
{
  const struct
  {
    AkQuestionType type;
    const char    *text;
    const char    *json;
  } cases[] = {
    { AK_QUESTION_SHORT_ANSWER, "Algorithmus",
      "{\"type\":\"short-answer\",\"text\":\"Algorithmus\"}" },
    { AK_QUESTION_SHORT_ANSWER, "\"Zitat\" \\ Stra\u00dfe \U0001F600\nzweite Zeile\t",
      "{\"type\":\"short-answer\",\"text\":\"\\\"Zitat\\\" \\\\ Stra\u00dfe \U0001F600\\n"
      "zweite Zeile\\t\"}" },
    { AK_QUESTION_NUMERIC, "2,5 km", "{\"type\":\"numeric\",\"text\":\"2,5 km\"}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AkResponse) response = ak_response_new (cases[i].type);
      g_autoptr(AkResponse) decoded = NULL;
      g_autofree char *empty_json = NULL;

      empty_json = g_strdup_printf ("{\"type\":\"%s\",\"text\":null}",
                                    ak_question_type_to_string (cases[i].type));
      decoded = round_trip (response, empty_json);
      g_assert_null (ak_response_get_text (decoded));
      g_clear_pointer (&decoded, ak_response_unref);

      ak_response_set_text (response, cases[i].text);
      g_assert_cmpstr (ak_response_get_text (response), ==, cases[i].text);
      g_assert_false (ak_response_is_empty (response));
      decoded = round_trip (response, cases[i].json);
      g_assert_cmpstr (ak_response_get_text (decoded), ==, cases[i].text);

      /* White space alone is no answer. */
      ak_response_set_text (response, " \u00a0 ");
      g_assert_null (ak_response_get_text (response));
      g_assert_true (ak_response_is_empty (response));
    }
}

static void
test_json_stable (void)
{
  g_autoptr(AkResponse) first = ak_response_new (AK_QUESTION_MATCHING);
  g_autoptr(AkResponse) second = ak_response_new (AK_QUESTION_MATCHING);
  const char *pairs[] = { "zeta", "alpha", "m\u00fcnchen", "Beta", "a1", "a10", "a2" };
  g_autofree char *first_json = NULL;
  g_autofree char *second_json = NULL;
  g_autofree char *again = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    ak_response_set_match (first, pairs[i], pairs[G_N_ELEMENTS (pairs) - 1 - i]);
  for (guint i = G_N_ELEMENTS (pairs); i > 0; i--)
    ak_response_set_match (second, pairs[i - 1], pairs[G_N_ELEMENTS (pairs) - i]);

  first_json = ak_response_to_json (first);
  second_json = ak_response_to_json (second);
  again = ak_response_to_json (first);
  g_assert_cmpstr (first_json, ==, second_json);
  g_assert_cmpstr (first_json, ==, again);
  g_assert_cmpstr (first_json, ==,
                   "{\"type\":\"matching\",\"matches\":{\"Beta\":\"Beta\",\"a1\":\"m\u00fcnchen\","
                   "\"a10\":\"alpha\",\"a2\":\"zeta\",\"alpha\":\"a10\",\"m\u00fcnchen\":\"a1\","
                   "\"zeta\":\"a2\"}}");
}

static void
test_json_malformed (void)
{
  const char *cases[] = {
    "",
    "   ",
    "{",
    "{\"type\":\"single-choice\",\"choice\":\"a\"",
    "[]",
    "42",
    "null",
    "\"single-choice\"",
    "{}",
    "{\"choice\":\"a\"}",
    "{\"type\":7,\"choice\":\"a\"}",
    "{\"type\":null,\"choice\":\"a\"}",
    "{\"type\":\"essay\",\"text\":\"a\"}",
    "{\"type\":\"Single-Choice\",\"choice\":\"a\"}",
    "{\"type\":\"single-choice\"}",
    "{\"type\":\"single-choice\",\"choices\":[\"a\"]}",
    "{\"type\":\"single-choice\",\"choice\":\"a\",\"extra\":1}",
    "{\"type\":\"single-choice\",\"choice\":1}",
    "{\"type\":\"single-choice\",\"choice\":\"\"}",
    "{\"type\":\"single-choice\",\"choice\":[\"a\"]}",
    "{\"type\":\"multiple-choice\",\"choices\":\"a\"}",
    "{\"type\":\"multiple-choice\",\"choices\":null}",
    "{\"type\":\"multiple-choice\",\"choices\":[\"a\",2]}",
    "{\"type\":\"multiple-choice\",\"choices\":[\"a\",null]}",
    "{\"type\":\"multiple-choice\",\"choices\":{\"a\":true}}",
    "{\"type\":\"true-false\",\"answer\":\"true\"}",
    "{\"type\":\"true-false\",\"answer\":1}",
    "{\"type\":\"gap-text\",\"gaps\":[\"x\"]}",
    "{\"type\":\"gap-text\",\"gaps\":{\"g1\":3}}",
    "{\"type\":\"gap-text\",\"gaps\":{\"g1\":null}}",
    "{\"type\":\"gap-text\",\"gaps\":{\"\":\"x\"}}",
    "{\"type\":\"gap-text\",\"gaps\":{\"g1\":{\"x\":\"y\"}}}",
    "{\"type\":\"ordering\",\"order\":\"a b\"}",
    "{\"type\":\"ordering\",\"order\":[\"a\",[\"b\"]]}",
    "{\"type\":\"matching\",\"matches\":{\"p1\":true}}",
    "{\"type\":\"matching\",\"matches\":{\"p1\":\"\"}}",
    "{\"type\":\"matching\",\"matches\":[[\"p1\",\"p2\"]]}",
    "{\"type\":\"short-answer\",\"text\":42}",
    "{\"type\":\"numeric\",\"text\":2.5}",
    "{\"type\":\"numeric\",\"value\":\"2.5\"}",
    "{\"type\":\"short-answer\",\"text\":\"Stra\xc3\"}",
    /* What ak_response_to_json() never writes: an id twice, white space
     * for no answer, text cut short by a NUL. */
    "{\"type\":\"multiple-choice\",\"choices\":[\"a\",\"a\",\"b\"]}",
    "{\"type\":\"ordering\",\"order\":[\"a\",\"b\",\"a\"]}",
    "{\"type\":\"gap-text\",\"gaps\":{\"g1\":\"   \"}}",
    "{\"type\":\"short-answer\",\"text\":\"\"}",
    "{\"type\":\"numeric\",\"text\":\" \\t \"}",
    "{\"type\":\"short-answer\",\"text\":\"Titel\\u0000 oder nicht\"}",
    "{\"type\":\"single-choice\",\"choice\":\"a\\u0000b\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AkResponse) response = NULL;
      g_autofree char *shown = g_strescape (cases[i], NULL);

      g_test_message ("%s", shown);
      response = ak_response_from_json (cases[i], &error);
      g_assert_null (response);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_json_error_names_problem (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AkResponse) response = NULL;

  response = ak_response_from_json ("{\"type\":\"essay\",\"text\":\"a\"}", &error);
  g_assert_null (response);
  g_assert_nonnull (strstr (error->message, "essay"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/response/new-is-empty", test_new_is_empty);
  g_test_add_func ("/response/refcount", test_refcount);
  g_test_add_func ("/response/single-choice", test_single_choice);
  g_test_add_func ("/response/multiple-choice", test_multiple_choice);
  g_test_add_func ("/response/true-false", test_true_false);
  g_test_add_func ("/response/gap-text", test_gap_text);
  g_test_add_func ("/response/ordering", test_ordering);
  g_test_add_func ("/response/ordering/refuses-repeats", test_ordering_refuses_repeats);
  g_test_add_func ("/response/matching", test_matching);
  g_test_add_func ("/response/text", test_text);
  g_test_add_func ("/response/json/stable", test_json_stable);
  g_test_add_func ("/response/json/malformed", test_json_malformed);
  g_test_add_func ("/response/json/backslash-text", test_json_backslash_text);
  g_test_add_func ("/response/json/error-names-problem", test_json_error_names_problem);

  return g_test_run ();
}
