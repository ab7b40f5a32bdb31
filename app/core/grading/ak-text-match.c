/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-text-match.h"

#include <math.h>
#include <string.h>

/* Upper case forms need no entry: the text has been lowered already. */
static const char *
umlaut_spelling (gunichar c)
{
  switch (c)
    {
    case 0x00E4: /* ä */
      return "ae";
    case 0x00F6: /* ö */
      return "oe";
    case 0x00FC: /* ü */
      return "ue";
    case 0x00DF: /* ß */
      return "ss";
    default:
      return NULL;
    }
}

/**
 * ak_text_normalize:
 * @input: what the learner typed, or an accepted answer
 * @umlaut_spellings: whether ä, ö, ü and ß count the same as ae, oe, ue and ss
 *
 * Brings @input into the form in which lenient answers are compared:
 * Unicode NFKC, lower case, no white space at either end and every run of
 * white space (also non-breaking and thin spaces) folded into one space.
 * With @umlaut_spellings, ä, ö, ü and ß (and their upper case forms) are
 * written ae, oe, ue and ss.
 *
 * Returns: (transfer full) (nullable): the normalized text, or %NULL when
 *   @input is not valid UTF-8
 */
char *
ak_text_normalize (const char *input,
                   gboolean    umlaut_spellings)
{
  g_autofree char *composed = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (input != NULL, NULL);

  if (!g_utf8_validate (input, -1, NULL))
    return NULL;

  composed = g_utf8_normalize (input, -1, G_NORMALIZE_ALL_COMPOSE);
  if (composed == NULL)
    return NULL;
  out = g_string_sized_new (strlen (composed));
  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      /* Character by character, as g_utf8_strdown() would follow a Turkish
       * locale and turn "I" into a dotless "ı". */
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      const char *spelling = umlaut_spellings ? umlaut_spelling (c) : NULL;

      if (g_unichar_isspace (c))
        {
          /* Leading white space never sets the flag, trailing never gets written. */
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      if (spelling != NULL)
        g_string_append (out, spelling);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * ak_text_matches:
 * @input: what the learner typed
 * @accepted: (array zero-terminated=1) (nullable): the accepted answers
 * @umlaut_spellings: see ak_text_normalize()
 *
 * Compares @input with each accepted answer after ak_text_normalize() on
 * both sides. An empty answer matches nothing, and neither does text that
 * is not valid UTF-8.
 *
 * Returns: whether @input matches one of @accepted
 */
gboolean
ak_text_matches (const char        *input,
                 const char *const *accepted,
                 gboolean           umlaut_spellings)
{
  g_autofree char *answer = NULL;

  if (input == NULL || accepted == NULL)
    return FALSE;

  answer = ak_text_normalize (input, umlaut_spellings);
  if (answer == NULL || *answer == '\0')
    return FALSE;

  for (guint i = 0; accepted[i] != NULL; i++)
    {
      g_autofree char *candidate = ak_text_normalize (accepted[i], umlaut_spellings);

      if (candidate != NULL && g_str_equal (answer, candidate))
        return TRUE;
    }
  return FALSE;
}

/* A sign, then digits with at most one decimal separator, "," or ".".
 * Anything else (exponents, "inf", hex, thousands separators) is refused,
 * because g_ascii_strtod() would take some of it. */
static gboolean
parse_number (char   *text,
              double *value,
              guint  *n_decimals)
{
  const char *p = text;
  guint digits = 0;
  guint separators = 0;
  guint decimals = 0;
  char *end = NULL;
  double number;

  if (*p == '+' || *p == '-')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digits++;
          decimals += separators;
        }
      else if (*p == ',' || *p == '.')
        separators++;
      else
        return FALSE;
    }
  if (digits == 0 || separators > 1)
    return FALSE;

  g_strdelimit (text, ",", '.');
  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (number))
    return FALSE;

  if (value != NULL)
    *value = number;
  if (n_decimals != NULL)
    *n_decimals = decimals;
  return TRUE;
}

/* The minus sign and the dashes that autocorrection puts in its place. */
static const char *const minus_signs[] = { "\u2212", "\u2012", "\u2013" };

static char *
replace_minus_sign (char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (minus_signs); i++)
    {
      if (g_str_has_prefix (text, minus_signs[i]))
        {
          char *replaced = g_strconcat ("-", text + strlen (minus_signs[i]), NULL);

          g_free (text);
          return replaced;
        }
    }
  return text;
}

/**
 * ak_parse_decimal:
 * @input: what the learner typed
 * @unit: (nullable): the unit the question asks for
 * @value: (out) (optional): the number
 * @n_decimals: (out) (optional): how many digits follow the decimal
 *   separator
 *
 * Reads a number written with "," or "." as the decimal separator and no
 * thousands separators, whatever the locale. When the question has a
 * @unit, the number may be followed by it, with or without a space and in
 * any letter case ("12 km", "12KM", "74 %"); the unit may also be left
 * out. Any other text after the number, or a unit when the question has
 * none, makes the input invalid.
 *
 * Returns: whether @input is such a number
 */
gboolean
ak_parse_decimal (const char *input,
                  const char *unit,
                  double     *value,
                  guint      *n_decimals)
{
  g_autofree char *text = NULL;

  if (input == NULL)
    return FALSE;

  text = ak_text_normalize (input, FALSE);
  if (text == NULL)
    return FALSE;
  text = replace_minus_sign (text);

  if (unit != NULL && *unit != '\0')
    {
      g_autofree char *wanted = ak_text_normalize (unit, FALSE);

      if (wanted != NULL && *wanted != '\0' && g_str_has_suffix (text, wanted))
        {
          text[strlen (text) - strlen (wanted)] = '\0';
          g_strchomp (text);
        }
    }

  return parse_number (text, value, n_decimals);
}
