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

/* Whether the digits and dots from @start to @end group a whole number
 * in thousands, as German writes it: "1.000", "12.500.000". */
static gboolean
is_grouped_by_dots (const char *start,
                    const char *end)
{
  const char *dot = memchr (start, '.', end - start);
  guint run = 0;

  if (dot == NULL || dot == start || dot - start > 3)
    return FALSE;
  for (const char *p = dot; p < end; p++)
    {
      if (*p == '.')
        {
          if (p != dot && run != 3)
            return FALSE;
          run = 0;
        }
      else
        run++;
    }
  return run == 3;
}

/* A sign, then digits, written the German way or the English one without
 * thousands: "2,5" and "2.5" are both two and a half; dots that group a
 * number in thousands ("1.000", "1.000,5") are thousands separators, as
 * a German learner means them. Anything else (a comma and a dot the
 * English way, exponents, "inf", hex) is refused, because
 * g_ascii_strtod() would take some of it. */
static gboolean
parse_number (char   *text,
              double *value,
              guint  *n_decimals)
{
  char *digits_start = text;
  const char *comma;
  const char *end;
  const char *decimal = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  guint digits = 0;
  guint decimals = 0;
  char *stop = NULL;
  double number;

  if (*digits_start == '+' || *digits_start == '-')
    digits_start++;
  for (const char *p = digits_start; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ',' && *p != '.')
        return FALSE;
    }
  if (digits == 0)
    return FALSE;

  end = digits_start + strlen (digits_start);
  comma = strchr (digits_start, ',');
  if (comma != NULL)
    {
      /* The decimal comma: dots before it group thousands, none after it. */
      if (strchr (comma + 1, ',') != NULL || strchr (comma + 1, '.') != NULL)
        return FALSE;
      if (memchr (digits_start, '.', comma - digits_start) != NULL &&
          !is_grouped_by_dots (digits_start, comma))
        return FALSE;
      decimal = comma;
    }
  else if (is_grouped_by_dots (digits_start, end))
    decimal = NULL;
  else
    {
      decimal = strchr (digits_start, '.');
      if (decimal != NULL && strchr (decimal + 1, '.') != NULL)
        return FALSE;
    }

  if (digits_start != text)
    g_string_append_c (plain, *text);
  for (const char *p = digits_start; p < end; p++)
    {
      if (p == decimal)
        g_string_append_c (plain, '.');
      else if (g_ascii_isdigit (*p))
        {
          g_string_append_c (plain, *p);
          decimals += decimal != NULL && p > decimal;
        }
    }
  number = g_ascii_strtod (plain->str, &stop);
  if (stop == plain->str || *stop != '\0' || !isfinite (number))
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
 * Reads a number written with "," or "." as the decimal separator,
 * whatever the locale; dots that group a number in thousands, as in
 * "1.000" or "1.000,5", are thousands separators. When the question has a
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
