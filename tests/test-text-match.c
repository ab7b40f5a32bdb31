/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "ak-text-match.h"

static void
assert_normalized (const char *input,
                   gboolean    umlaut_spellings,
                   const char *expected)
{
  g_autofree char *normalized = ak_text_normalize (input, umlaut_spellings);

  g_assert_cmpstr (normalized, ==, expected);
}

static void
test_normalize_space (void)
{
  assert_normalized ("  Hallo \t Welt\n", FALSE, "hallo welt");
  /* No-break space, narrow no-break space, thin space, ideographic space */
  assert_normalized ("Social\u00a0Media", FALSE, "social media");
  assert_normalized ("10\u202f000 \u2009 Follower", FALSE, "10 000 follower");
  assert_normalized ("\u3000Reichweite\u3000", FALSE, "reichweite");
  assert_normalized (" \t\n ", FALSE, "");
  assert_normalized ("", FALSE, "");
}

static void
test_normalize_case_and_forms (void)
{
  assert_normalized ("HASHTAG", FALSE, "hashtag");
  /* Composed and decomposed umlauts are the same answer. */
  assert_normalized ("A\u0308rger", FALSE, "\u00e4rger");
  assert_normalized ("\u00c4rger", FALSE, "\u00e4rger");
  /* Compatibility forms: ligature, full-width letters, superscript */
  assert_normalized ("\ufb01lter", FALSE, "filter");
  assert_normalized ("\uff2b\uff29", FALSE, "ki");
  assert_normalized ("m\u00b2", FALSE, "m2");
}

static void
test_normalize_umlauts (void)
{
  assert_normalized ("\u00c4rger \u00d6l \u00dcbel Stra\u00dfe", TRUE, "aerger oel uebel strasse");
  assert_normalized ("\u00c4rger \u00d6l \u00dcbel Stra\u00dfe", FALSE,
                     "\u00e4rger \u00f6l \u00fcbel stra\u00dfe");
  /* Capital sharp s and a decomposed umlaut */
  assert_normalized ("GRO\u1e9eE", TRUE, "grosse");
  assert_normalized ("Mu\u0308ller", TRUE, "mueller");
}

static void
test_normalize_invalid (void)
{
  g_assert_null (ak_text_normalize ("Hallo \xff Welt", FALSE));
  g_assert_null (ak_text_normalize ("\xc3", TRUE));
}

static void
test_matches (void)
{
  const char *accepted[] = { "Filterblase", "Echokammer", NULL };
  const char *umlauts[] = { "M\u00fcller", "Strasse", NULL };

  g_assert_true (ak_text_matches ("filterblase", accepted, FALSE));
  g_assert_true (ak_text_matches ("  ECHOKAMMER ", accepted, FALSE));
  g_assert_false (ak_text_matches ("Filter blase", accepted, FALSE));
  g_assert_false (ak_text_matches ("Filterblasen", accepted, FALSE));
  g_assert_false (ak_text_matches ("", accepted, FALSE));
  g_assert_false (ak_text_matches ("   ", accepted, FALSE));
  g_assert_false (ak_text_matches (NULL, accepted, FALSE));
  g_assert_false (ak_text_matches ("filterblase", NULL, FALSE));
  g_assert_false (ak_text_matches ("Filterblase\xff", accepted, FALSE));

  /* Both sides are folded. */
  g_assert_true (ak_text_matches ("Mueller", umlauts, TRUE));
  g_assert_true (ak_text_matches ("M\u00dcLLER", umlauts, TRUE));
  g_assert_true (ak_text_matches ("Stra\u00dfe", umlauts, TRUE));
  g_assert_false (ak_text_matches ("Mueller", umlauts, FALSE));
  g_assert_false (ak_text_matches ("Stra\u00dfe", umlauts, FALSE));
  g_assert_true (ak_text_matches ("m\u00fcller", umlauts, FALSE));
}

static void
test_decimal_accepted (void)
{
  const struct
  {
    const char *input;
    const char *unit;
    double      value;
  } cases[] = {
    { "2,5", NULL, 2.5 },
    { "2.5", NULL, 2.5 },
    { "-3", NULL, -3 },
    { "+4", NULL, 4 },
    { "-0,25", NULL, -0.25 },
    { " 42 ", "", 42 },
    { "1.000", NULL, 1 },
    { " 74 % ", "%", 74 },
    { "74%", "%", 74 },
    { "74\u00a0%", "%", 74 },
    { "74", "%", 74 },
    { "12 km", "km", 12 },
    { "12 km", "KM", 12 },
    { "12KM", "km", 12 },
    { "12,5 m\u00b2", "m2", 12.5 },
    { "\uff11\uff12", NULL, 12 },
    /* The minus sign, and the dashes autocorrection types for it. */
    { "\u2212" "3,5", NULL, -3.5 },
    { "\u2013" "3,5", NULL, -3.5 },
    { "\u2012" "3", NULL, -3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1234.5;
      g_autofree char *shown = g_strescape (cases[i].input, NULL);

      g_test_message ("“%s” with unit “%s”", shown, cases[i].unit ? cases[i].unit : "");
      g_assert_true (ak_parse_decimal (cases[i].input, cases[i].unit, &value, NULL));
      g_assert_cmpfloat (value, ==, cases[i].value);
    }
}

static void
test_decimal_refused (void)
{
  const struct
  {
    const char *input;
    const char *unit;
  } cases[] = {
    { "1.000,5", NULL },
    { "1,000.5", NULL },
    { "2,5,3", NULL },
    { "abc", NULL },
    { "", NULL },
    { "   ", NULL },
    { "-", NULL },
    { ",", NULL },
    { "- 3", NULL },
    { "3-", NULL },
    { "1 000", NULL },
    { "1e5", NULL },
    { "inf", NULL },
    { "nan", NULL },
    { "0x10", NULL },
    { "12 m", "km" },
    { "12 kmh", "km" },
    { "km 12", "km" },
    { "12 km", NULL },
    { "12 km", "" },
    { "74%", NULL },
    { "%", "%" },
    { "74 %%", "%" },
    { "2,5\xff", NULL },
    { "\u2212\u2212" "3", NULL },
    { "3\u2212", NULL },
    { "\u2014" "3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1234.5;
      g_autofree char *shown = g_strescape (cases[i].input, NULL);

      g_test_message ("“%s” with unit “%s”", shown, cases[i].unit ? cases[i].unit : "");
      g_assert_false (ak_parse_decimal (cases[i].input, cases[i].unit, &value, NULL));
      g_assert_cmpfloat (value, ==, -1234.5);
    }

  g_assert_false (ak_parse_decimal (NULL, NULL, NULL, NULL));
}

static void
test_decimal_places (void)
{
  const struct
  {
    const char *input;
    guint n_decimals;
  } cases[] = {
    { "12", 0 },
    { "12,", 0 },
    { "-0,25", 2 },
    { "3.330 %", 3 },
    { "1500,000000000001", 12 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint n_decimals = 99;

      g_assert_true (ak_parse_decimal (cases[i].input, "%", NULL, &n_decimals));
      g_assert_cmpuint (n_decimals, ==, cases[i].n_decimals);
    }
}

/* In a Turkish locale g_utf8_strdown() turns "I" into a dotless "ı"; a
 * learner there who types TITEL for Titel still gets the point. The
 * locale is compiled into the test's own folder. */
static void
test_turkish_locale (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "locale", NULL);
  g_autofree char *target = g_build_filename (folder, "tr_TR.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "tr_TR", "-f", "UTF-8", target, NULL };
  const char *accepted[] = { "Titel", NULL };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *lowered = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;
  double value = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* SDKs such as GNOME's Flatpak SDK lack localedef or the locale sources. */
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("localedef cannot compile tr_TR.UTF-8 here");
      return;
    }

  g_setenv ("LOCPATH", folder, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "tr_TR.UTF-8"));
  lowered = g_utf8_strdown ("TITEL", -1);
  g_assert_cmpstr (lowered, ==, "t\u0131tel");

  g_assert_true (ak_text_matches ("TITEL", accepted, FALSE));
  g_assert_true (ak_parse_decimal ("12 MIN", "min", &value, NULL));
  g_assert_cmpfloat (value, ==, 12);

  setlocale (LC_ALL, saved);
  g_unsetenv ("LOCPATH");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/text-match/normalize/space", test_normalize_space);
  g_test_add_func ("/text-match/normalize/case-and-forms", test_normalize_case_and_forms);
  g_test_add_func ("/text-match/normalize/umlauts", test_normalize_umlauts);
  g_test_add_func ("/text-match/normalize/invalid-utf8", test_normalize_invalid);
  g_test_add_func ("/text-match/matches", test_matches);
  g_test_add_func ("/text-match/decimal/accepted", test_decimal_accepted);
  g_test_add_func ("/text-match/decimal/refused", test_decimal_refused);
  g_test_add_func ("/text-match/decimal/places", test_decimal_places);
  g_test_add_func ("/text-match/turkish-locale", test_turkish_locale);

  return g_test_run ();
}
