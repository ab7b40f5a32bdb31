/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Generated course files for the benchmarks: valid courses of any size,
 * every tenth question testing a thesis of the previous course.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-courses.h"

static const char *const single_choices[] = {
  "Er erreicht zuerst die aktivsten Folgenden",   /* the correct one */
  "Er erreicht alle Folgenden gleichzeitig",
  "Er erreicht nur Menschen, die das Profil nicht kennen",
  "Er erreicht niemanden ohne bezahlte Werbung",
};

static void
append_question (GString *xml,
                 guint    course,
                 guint    number,
                 guint    n_theses)
{
  g_autofree char *tests = NULL;
  const char *const kinds[] = {
    "single-choice", "multiple-choice", "true-false", "gap-text",
    "ordering", "matching", "short-answer", "numeric",
  };
  const char *kind = kinds[number % G_N_ELEMENTS (kinds)];

  /* Every tenth question also tests a thesis of the previous course. */
  if (number % 10 == 9 && course > 0)
    tests = g_strdup_printf ("t%u kurs-%05u:t%u", number % n_theses, course - 1, number % 10);
  else
    tests = g_strdup_printf ("t%u", number % n_theses);

  g_string_append_printf (xml, "    <%s id=\"frage-%u\" tests=\"%s\"", kind, number, tests);
  if (number % 3 == 0)
    g_string_append (xml, " points=\"2\"");

  switch (number % G_N_ELEMENTS (kinds))
    {
    case 0:
      g_string_append_printf (xml,
        ">\n      <prompt>Welche Aussage über Beitrag %u trifft am ehesten zu?</prompt>\n",
        number);
      /* The correct choice moves from place to place, and no wrong one
       * recurs, as in a fairly written course that loads without warnings. */
      for (guint i = 0; i < G_N_ELEMENTS (single_choices); i++)
        {
          guint k = (i + number / 8) % G_N_ELEMENTS (single_choices);

          g_string_append_printf (xml, "      <choice id=\"%c\"%s>%s (Beitrag %u)</choice>\n",
                                  'a' + k, k == 0 ? " correct=\"true\"" : "",
                                  single_choices[k], number);
        }
      g_string_append (xml,
        "      <feedback choice=\"b\">Die Plattform verteilt Beiträge in Stufen.</feedback>\n");
      break;
    case 1:
      /* Every other time a wrong choice stands between the correct ones. */
      g_string_append_printf (xml,
        ">\n      <prompt>Welche Signale zählen für die <em>Reichweite</em>?</prompt>\n"
        "      <choice id=\"a\" correct=\"true\">Kommentare</choice>\n"
        "      <choice id=\"%s\"%s>%s (Frage %u)</choice>\n"
        "      <choice id=\"%s\"%s>%s (Frage %u)</choice>\n"
        "      <choice id=\"d\">Länge des Profilnamens (Frage %u)</choice>\n"
        "      <feedback choice=\"d\">Der Name spielt für die Verteilung keine Rolle.</feedback>\n",
        number / 8 % 2 == 0 ? "b" : "c", number / 8 % 2 == 0 ? " correct=\"true\"" : "",
        number / 8 % 2 == 0 ? "Verweildauer" : "Uhrzeit des Abrufs", number,
        number / 8 % 2 == 0 ? "c" : "b", number / 8 % 2 == 0 ? "" : " correct=\"true\"",
        number / 8 % 2 == 0 ? "Uhrzeit des Abrufs" : "Verweildauer", number, number);
      break;
    case 2:
      if (number / 8 % 2 == 0)
        g_string_append (xml,
          " answer=\"false\">\n"
          "      <prompt>Likes wiegen schwerer als <strong>Kommentare</strong>.</prompt>\n"
          "      <feedback choice=\"true\">Umgekehrt: Kommentare kosten mehr Mühe.</feedback>\n");
      else
        g_string_append (xml,
          " answer=\"true\">\n"
          "      <prompt><strong>Kommentare</strong> wiegen schwerer als Likes.</prompt>\n"
          "      <feedback choice=\"false\">Doch: Kommentare kosten mehr Mühe.</feedback>\n");
      break;
    case 3:
      g_string_append (xml,
        ">\n      <prompt>Ergänzen Sie den Satz.</prompt>\n"
        "      <text>Die <gap id=\"g1\"><accept>Verweildauer</accept></gap> und die Zahl der "
        "<gap id=\"g2\" umlaut-spellings=\"true\"><accept>Kommentare</accept>"
        "<accept>Antworten</accept></gap> sind starke Signale.</text>\n");
      break;
    case 4:
      g_string_append (xml,
        ">\n      <prompt>Bringen Sie die Schritte in die richtige Reihenfolge.</prompt>\n"
        "      <item id=\"a\">Kandidaten sammeln</item>\n"
        "      <item id=\"b\">Kandidaten bewerten</item>\n"
        "      <item id=\"c\">Feed sortieren</item>\n"
        "      <item id=\"d\">Feed ausspielen</item>\n");
      break;
    case 5:
      g_string_append_printf (xml,
        ">\n      <prompt>Ordnen Sie jedem Signal sein Gewicht zu.</prompt>\n"
        "      <pair id=\"a\"><left>Kommentar</left><right>stark</right></pair>\n"
        "      <pair id=\"b\"><left>Like</left><right>schwach</right></pair>\n"
        "      <pair id=\"c\"><left>Teilen</left><right>sehr stark</right></pair>\n"
        "      <distractor id=\"d\">gar nicht (Frage %u)</distractor>\n",
        number);
      break;
    case 6:
      g_string_append (xml,
        " umlaut-spellings=\"true\">\n"
        "      <prompt>Wie heißt das System, das Beiträge auswählt?</prompt>\n"
        "      <accept>Empfehlungssystem</accept>\n"
        "      <accept>Algorithmus</accept>\n");
      break;
    default:
      g_string_append_printf (xml,
        " value=\"%u\" tolerance=\"2.5\" unit=\"%%\">\n"
        "      <prompt>Wie viel Prozent der Folgenden sieht ein Beitrag ungefähr?</prompt>\n",
        10 + number % 20);
      break;
    }

  g_string_append_printf (xml,
    "      <explanation>Erklärung zu Frage %u: Die Plattform wertet Signale aus und "
    "verteilt Beiträge in Stufen an immer mehr Menschen.</explanation>\n"
    "    </%s>\n",
    number, kind);
}

char *
bench_generate_course (guint course,
                 guint n_questions)
{
  GString *xml = g_string_new (NULL);
  guint n_theses = MAX (10, n_questions / 5);

  g_string_append_printf (xml,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
    "        id=\"kurs-%05u\" version=\"1.0\" xml:lang=\"de\" minutes=\"45\">\n"
    "  <title>Kurs %05u: Reichweite und Signale</title>\n"
    "  <summary>Wie Plattformen <em>auswählen</em>, wer einen Beitrag sieht.</summary>\n"
    "  <source id=\"studie\">\n"
    "    <author>Erika Muster</author>\n"
    "    <author>Max Beispiel</author>\n"
    "    <title>Reichweite verstehen</title>\n"
    "    <publication>Zeitschrift für Medienpraxis</publication>\n"
    "    <year>2024</year>\n"
    "    <url>https://example.org/reichweite</url>\n"
    "  </source>\n"
    "  <source id=\"handbuch\"><title>Handbuch Empfehlungssysteme</title></source>\n",
    course, course);

  /* Two theses per lesson, one per section. */
  for (guint thesis = 0; thesis < n_theses; thesis++)
    {
      if (thesis % 2 == 0)
        g_string_append_printf (xml,
          "  <lesson id=\"lektion-%u\">\n"
          "    <title>Lektion %u</title>\n",
          thesis / 2, thesis / 2 + 1);
      g_string_append_printf (xml,
        "    <section id=\"abschnitt-%u\">\n"
        "      <title>Abschnitt %u</title>\n"
        "      <p>Nicht jeder Beitrag erreicht alle, die einem Profil folgen. Die Plattform "
        "zeigt ihn zuerst einer kleinen Gruppe und misst, wie sie reagiert.</p>\n"
        "      <list style=\"bullets\"><item>Kommentare</item><item>Geteilte Beiträge</item>"
        "<item>Verweildauer</item></list>\n"
        "      <thesis id=\"t%u\" source=\"studie\">These %u: Die Plattform wählt aus, "
        "wer einen Beitrag sieht, und <strong>Kommentare</strong> wiegen schwerer als "
        "Likes.</thesis>\n"
        "      <quote source=\"handbuch\" page=\"%u\">Ein Feed ist eine Vorhersage, keine "
        "Chronik.</quote>\n"
        "    </section>\n",
        thesis, thesis + 1, thesis, thesis + 1, 10 + thesis);
      if (thesis % 2 == 1 || thesis + 1 == n_theses)
        g_string_append (xml, "  </lesson>\n");
    }

  g_string_append (xml,
    "  <quiz id=\"test\" pass-mark=\"60\" shuffle=\"true\">\n"
    "    <title>Abschlusstest</title>\n"
    "    <description>Prüfen Sie, was Sie gelernt haben.</description>\n");
  for (guint question = 0; question < n_questions; question++)
    append_question (xml, course, question, n_theses);
  g_string_append (xml, "  </quiz>\n</course>\n");

  return g_string_free (xml, FALSE);
}

/* Writes @n_questions questions in files of @per_file questions into a new
 * folder under @root. */
char *
bench_generate_library (const char *root,
                  guint       n_questions,
                  guint       per_file)
{
  g_autofree char *name = g_strdup_printf ("%u-%u", n_questions, per_file);
  char *dir = g_build_filename (root, name, NULL);

  g_assert (g_mkdir_with_parents (dir, 0700) == 0);
  for (guint course = 0; course * per_file < n_questions; course++)
    {
      g_autofree char *file_name = g_strdup_printf ("kurs-%05u.xml", course);
      g_autofree char *path = g_build_filename (dir, file_name, NULL);
      g_autofree char *xml = bench_generate_course (course, MIN (per_file,
                                                                 n_questions - course * per_file));
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (path, xml, -1, &error))
        g_error ("%s", error->message);
    }
  return dir;
}

void
bench_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        bench_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
