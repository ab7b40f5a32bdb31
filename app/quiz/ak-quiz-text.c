/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-quiz-text.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ak-question-widget.h"

/* Between the parts of an answer: the choices picked, the gaps, the pairs. */
#define PART_SEPARATOR "; "

/**
 * ak_quiz_format_number:
 *
 * Up to two decimals, without trailing zeros, with the decimal
 * separator of the learner's language: "2,5" in German. The separator
 * comes from the translation, not from the locale's LC_NUMERIC, which
 * need not match the language of the interface.
 *
 * Returns: (transfer full): the number as text
 */
char *
ak_quiz_format_number (double value)
{
  /* Translators: the decimal separator, as in "2.5 points" */
  const char *separator = C_("decimal separator", ".");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GString *text;
  char *point;
  gsize end;

  if (!isfinite (value))
    value = 0.0;
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  /* −0 reads as 0. */
  if (g_str_equal (buffer, "-0.00"))
    g_strlcpy (buffer, "0.00", sizeof buffer);
  text = g_string_new (buffer);
  point = strchr (text->str, '.');
  if (point != NULL)
    {
      end = text->len;
      while (end > 0 && text->str[end - 1] == '0')
        end--;
      if (end > 0 && text->str[end - 1] == '.')
        end--;
      g_string_truncate (text, end);
      point = strchr (text->str, '.');
      if (point != NULL)
        {
          gsize at = point - text->str;

          g_string_erase (text, at, 1);
          g_string_insert (text, at, separator);
        }
    }
  if (text->str[0] == '-')
    {
      /* A real minus sign, as the learner may type it. */
      g_string_erase (text, 0, 1);
      g_string_prepend (text, "−");
    }
  return g_string_free (text, FALSE);
}

/* Rounded down, so that 69.9 % never shows as a passing 70 %. */
char *
ak_quiz_format_percent (double percent)
{
  int whole = isfinite (percent) ? (int)floor (CLAMP (percent, 0.0, 100.0) + 1e-9) : 0;

  /* Translators: a score in percent; "%%" is a percent sign */
  return g_strdup_printf (_("%d %%"), whole);
}

char *
ak_quiz_format_duration (double seconds)
{
  guint minutes;

  if (!isfinite (seconds) || seconds < 0)
    seconds = 0;
  if (seconds < 59.5)
    {
      guint whole = (guint)round (seconds);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", whole),
                              whole);
    }
  minutes = (guint)MIN (round (seconds / 60.0), (double)G_MAXUINT);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes),
                          minutes);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    g_string_append (text, PART_SEPARATOR);
  g_string_append (text, part);
}

static void
append_markup (GString    *text,
               const char *markup)
{
  g_autofree char *plain = ak_question_markup_to_text (markup);

  append_part (text, plain);
}

static const char *
boolean_text (gboolean value)
{
  return value ? C_("answer", "True") : C_("answer", "False");
}

static const char *
first_accepted (const char *const *accepted)
{
  return accepted != NULL && accepted[0] != NULL ? accepted[0] : "";
}

static const char *
target_markup (const AkQuestion *question,
               const char       *id)
{
  for (guint i = 0; i < ak_question_get_n_pairs (question); i++)
    {
      const AkPair *pair = ak_question_get_pair (question, i);

      if (g_strcmp0 (ak_pair_get_id (pair), id) == 0)
        return ak_pair_get_right_markup (pair);
    }
  for (guint i = 0; i < ak_question_get_n_distractors (question); i++)
    {
      const AkChoice *distractor = ak_question_get_distractor (question, i);

      if (g_strcmp0 (ak_choice_get_id (distractor), id) == 0)
        return ak_choice_get_markup (distractor);
    }
  return NULL;
}

static void
append_match (GString    *text,
              const char *left_markup,
              const char *right_markup)
{
  g_autofree char *left = ak_question_markup_to_text (left_markup);
  g_autofree char *right = ak_question_markup_to_text (right_markup);
  g_autofree char *part = NULL;

  /* Translators: a left-hand item of a matching question and what it was matched with */
  part = g_strdup_printf (_("%s → %s"), left, right);
  append_part (text, part);
}

static void
append_gap (GString    *text,
            guint       number,
            const char *answer)
{
  g_autofree char *part = NULL;

  /* Translators: what was put into a gap; %u is the gap's number, %s the text */
  part = g_strdup_printf (_("Gap %u: %s"), number, answer);
  append_part (text, part);
}

static char *
with_unit (const char       *number,
           const AkQuestion *question)
{
  const char *unit = ak_question_get_unit (question);

  if (unit == NULL || *unit == '\0')
    return g_strdup (number);
  return g_strdup_printf ("%s %s", number, unit);
}

/**
 * ak_quiz_describe_response:
 * @session: the session that showed @question, for the order of its choices
 * @response: (nullable): the learner's answer
 *
 * Returns: (transfer full): the learner's answer in words, the parts in
 *   the order shown; "No answer" without one
 */
char *
ak_quiz_describe_response (AkQuizSession    *session,
                           const AkQuestion *question,
                           const AkResponse *response)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *id = ak_question_get_id (question);

  if (response == NULL || ak_response_is_empty (response))
    return g_strdup (_("No answer"));

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
      {
        GPtrArray *choices = ak_quiz_session_get_choices (session, id);
        gboolean single = ak_question_get_question_type (question) == AK_QUESTION_SINGLE_CHOICE;

        for (guint i = 0; choices != NULL && i < choices->len; i++)
          {
            const AkChoice *choice = g_ptr_array_index (choices, i);
            gboolean picked = single
              ? g_strcmp0 (ak_response_get_choice (response), ak_choice_get_id (choice)) == 0
              : ak_response_get_choice_selected (response, ak_choice_get_id (choice));

            if (picked)
              append_markup (text, ak_choice_get_markup (choice));
          }
      }
      break;

    case AK_QUESTION_TRUE_FALSE:
      {
        gboolean value;

        if (ak_response_get_boolean (response, &value))
          append_part (text, boolean_text (value));
      }
      break;

    case AK_QUESTION_GAP_TEXT:
      for (guint i = 0; i < ak_question_get_n_gaps (question); i++)
        {
          const char *answer = ak_response_get_gap (response,
                                                    ak_gap_get_id (ak_question_get_gap (question, i)));

          append_gap (text, i + 1, answer != NULL && *answer != '\0' ? answer : "—");
        }
      break;

    case AK_QUESTION_ORDERING:
      {
        const char *const *order = ak_response_get_order (response);

        for (guint i = 0; order != NULL && order[i] != NULL; i++)
          {
            for (guint j = 0; j < ak_question_get_n_items (question); j++)
              {
                const AkChoice *item = ak_question_get_item (question, j);

                if (g_strcmp0 (ak_choice_get_id (item), order[i]) == 0)
                  append_markup (text, ak_choice_get_markup (item));
              }
          }
      }
      break;

    case AK_QUESTION_MATCHING:
      for (guint i = 0; i < ak_question_get_n_pairs (question); i++)
        {
          const AkPair *pair = ak_question_get_pair (question, i);
          const char *right_id = ak_response_get_match (response, ak_pair_get_id (pair));
          const char *right = right_id != NULL ? target_markup (question, right_id) : NULL;
          g_autofree char *none = g_markup_escape_text ("—", -1);

          append_match (text, ak_pair_get_left_markup (pair), right != NULL ? right : none);
        }
      break;

    case AK_QUESTION_SHORT_ANSWER:
      append_part (text, ak_response_get_text (response));
      break;

    case AK_QUESTION_NUMERIC:
      {
        g_autofree char *number = with_unit (ak_response_get_text (response), question);

        append_part (text, number);
      }
      break;

    case AK_N_QUESTION_TYPES:
    default:
      break;
    }

  if (text->len == 0)
    return g_strdup (_("No answer"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ak_quiz_describe_right_answer:
 *
 * Returns: (transfer full): the right answer in words: the right
 *   choices, the first accepted text of each gap, the items in their
 *   order, the pairs, the number with its tolerance
 */
char *
ak_quiz_describe_right_answer (const AkQuestion *question)
{
  g_autoptr(GString) text = g_string_new (NULL);

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
      for (guint i = 0; i < ak_question_get_n_choices (question); i++)
        {
          const AkChoice *choice = ak_question_get_choice (question, i);

          if (ak_choice_get_correct (choice))
            append_markup (text, ak_choice_get_markup (choice));
        }
      break;

    case AK_QUESTION_TRUE_FALSE:
      append_part (text, boolean_text (ak_question_get_answer (question)));
      break;

    case AK_QUESTION_GAP_TEXT:
      for (guint i = 0; i < ak_question_get_n_gaps (question); i++)
        append_gap (text, i + 1, first_accepted (ak_gap_get_accepted (ak_question_get_gap (question, i))));
      break;

    case AK_QUESTION_ORDERING:
      for (guint i = 0; i < ak_question_get_n_items (question); i++)
        append_markup (text, ak_choice_get_markup (ak_question_get_item (question, i)));
      break;

    case AK_QUESTION_MATCHING:
      for (guint i = 0; i < ak_question_get_n_pairs (question); i++)
        {
          const AkPair *pair = ak_question_get_pair (question, i);

          append_match (text, ak_pair_get_left_markup (pair), ak_pair_get_right_markup (pair));
        }
      break;

    case AK_QUESTION_SHORT_ANSWER:
      append_part (text, first_accepted (ak_question_get_accepted (question)));
      break;

    case AK_QUESTION_NUMERIC:
      {
        g_autofree char *value = ak_quiz_format_number (ak_question_get_value (question));
        g_autofree char *number = NULL;

        if (ak_question_get_tolerance (question) > 0)
          {
            g_autofree char *tolerance = ak_quiz_format_number (ak_question_get_tolerance (question));
            g_autofree char *both = NULL;

            /* Translators: a number and how far an answer may be off, as in "3.5 ± 0.25" */
            both = g_strdup_printf (_("%s ± %s"), value, tolerance);
            number = with_unit (both, question);
          }
        else
          number = with_unit (value, question);
        append_part (text, number);
      }
      break;

    case AK_N_QUESTION_TYPES:
    default:
      break;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
