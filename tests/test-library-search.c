/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ak-course-loader.h"
#include "ak-library-search.h"

/* Finding courses, lessons and sections the way a learner types: without
 * caring for case, accents or how umlauts are spelt. */

#define COURSE_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n" \
  "        id=\"%s\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n" \
  "  <title>%s</title>\n" \
  "  <summary>%s</summary>\n" \
  "  <source id=\"quelle\"><title>Eine Quelle</title></source>\n"

#define COURSE_TAIL \
  "  <quiz id=\"test\" pass-mark=\"50\">\n" \
  "    <title>Test</title>\n" \
  "    <true-false id=\"frage\" tests=\"eigene\" answer=\"true\">\n" \
  "      <prompt>Stimmt das?</prompt>\n" \
  "      <explanation>Ja.</explanation>\n" \
  "    </true-false>\n" \
  "  </quiz>\n" \
  "</course>\n"

static const char grundlagen[] =
  "  <lesson id=\"einstieg\">\n"
  "    <title>Übersicht der Plattformen</title>\n"
  "    <section id=\"start\">\n"
  "      <title>Worum es geht</title>\n"
  "      <p>Dieser Kurs erklärt, wie Beiträge ihr Publikum finden.</p>\n"
  "      <thesis id=\"eigene\">Reichweite entsteht durch Interaktion.</thesis>\n"
  "    </section>\n"
  "    <section id=\"strasse\">\n"
  "      <title>Werbung im Alltag</title>\n"
  "      <p>Plakate an der Hauptstraße erreichen Menschen, die nicht danach suchen. "
  "Online entscheidet dagegen ein Algorithmus, welche Beiträge sichtbar werden, "
  "und das Café an der Ecke konkurriert mit großen Marken.</p>\n"
  "    </section>\n"
  "  </lesson>\n";

static const char zweiter[] =
  "  <lesson id=\"vertiefung\">\n"
  "    <title>Vertiefung</title>\n"
  "    <section id=\"mehr\">\n"
  "      <title>Eine Übersicht über Kennzahlen</title>\n"
  "      <p>Kennzahlen zeigen, was wirkt.</p>\n"
  "      <thesis id=\"eigene\">Wer misst, weiß mehr.</thesis>\n"
  "    </section>\n"
  "  </lesson>\n";

static AkCourse *
load_course (const char *id,
             const char *title,
             const char *summary,
             const char *lessons)
{
  g_autofree char *head = g_strdup_printf (COURSE_HEAD, id, title, summary);
  g_autofree char *xml = g_strconcat (head, lessons, COURSE_TAIL, NULL);
  g_autoptr(GPtrArray) diagnostics = g_ptr_array_new_with_free_func (g_object_unref);
  AkCourse *course = ak_course_loader_load_data (xml, strlen (xml), "kurs.xml", diagnostics);

  g_assert_nonnull (course);
  return course;
}

static GListStore *
make_courses (void)
{
  GListStore *courses = g_list_store_new (AK_TYPE_COURSE);
  g_autoptr(AkCourse) first = load_course ("grundlagen", "Grundlagen der Reichweite",
                                           "Wie Beiträge ihr Publikum finden.", grundlagen);
  g_autoptr(AkCourse) second = load_course ("kennzahlen", "Kennzahlen verstehen",
                                            "Messen und auswerten.", zweiter);

  g_list_store_append (courses, first);
  g_list_store_append (courses, second);
  return courses;
}

static GPtrArray *
query (const char *text)
{
  g_autoptr(GListStore) courses = make_courses ();
  g_autoptr(AkLibrarySearch) search = ak_library_search_new (G_LIST_MODEL (courses));

  return ak_library_search_query (search, text, 50);
}

/* The hits as "course/lesson#section" lines, to compare in one go. */
static char *
describe (GPtrArray *hits)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      AkSearchHit *hit = g_ptr_array_index (hits, i);

      g_string_append_printf (out, "%s/%s#%s\n", ak_search_hit_get_course_id (hit),
                              ak_search_hit_get_lesson_id (hit) ? ak_search_hit_get_lesson_id (hit) : "",
                              ak_search_hit_get_section_id (hit) ? ak_search_hit_get_section_id (hit) : "");
    }
  return g_string_free (out, FALSE);
}

static void
test_fold (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Übersicht", "ubersicht" },
    { "Uebersicht", "ubersicht" },
    { "ÜBERSICHT", "ubersicht" },
    { "Straße", "strasse" },
    { "STRASSE", "strasse" },
    { "Café  —  Crème", "cafe creme" },
    { "Ärger", "arger" },
    { "Aerger", "arger" },
    { "Öl, Öfen!", "ol ofen " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ak_library_search_fold (cases[i].in, NULL);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_umlauts (void)
{
  const char *queries[] = { "ubersicht", "uebersicht", "Übersicht", "ÜBERSICHT", "UEBERSICHT" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = query (queries[i]);
      g_autofree char *found = describe (hits);

      g_assert_cmpstr (found, ==, "grundlagen/einstieg#\nkennzahlen/vertiefung#mehr\n");
      g_assert_cmpstr (ak_search_hit_get_title (g_ptr_array_index (hits, 0)), ==,
                       "Übersicht der Plattformen");
    }
}

static void
test_sharp_s (void)
{
  const char *queries[] = { "hauptstrasse", "Hauptstraße", "HAUPTSTRASSE" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = query (queries[i]);
      g_autofree char *found = describe (hits);

      g_assert_cmpstr (found, ==, "grundlagen/einstieg#strasse\n");
    }
}

static void
test_case_and_accents (void)
{
  g_autoptr(GPtrArray) hits = query ("cafe ALGORITHMUS");
  AkSearchHit *hit;

  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (ak_search_hit_get_section_id (hit), ==, "strasse");
  g_assert_cmpstr (ak_search_hit_get_title (hit), ==, "Werbung im Alltag");
  g_assert_cmpstr (ak_search_hit_get_course_title (hit), ==, "Grundlagen der Reichweite");
  g_assert_cmpstr (ak_search_hit_get_lesson_title (hit), ==, "Übersicht der Plattformen");
  g_assert_false (ak_search_hit_get_title_match (hit));
}

/* A section found by its text shows the words around the match. */
static void
test_section_snippet (void)
{
  g_autoptr(GPtrArray) hits = query ("algorithmus");
  const char *snippet;

  g_assert_cmpuint (hits->len, ==, 1);
  snippet = ak_search_hit_get_snippet (g_ptr_array_index (hits, 0));
  g_test_message ("snippet: %s", snippet);
  g_assert_nonnull (strstr (snippet, "Algorithmus"));
  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_cmpuint (g_utf8_strlen (snippet, -1), <=, 122);
}

/* Titles first, then text; courses before lessons before sections. */
static void
test_ranking (void)
{
  g_autoptr(GPtrArray) hits = query ("kennzahlen");
  g_autofree char *found = describe (hits);

  g_assert_cmpstr (found, ==,
                   "kennzahlen/#\n"
                   "kennzahlen/vertiefung#mehr\n");
  g_assert_true (ak_search_hit_get_title_match (g_ptr_array_index (hits, 0)));
  g_assert_true (ak_search_hit_get_title_match (g_ptr_array_index (hits, 1)));

  g_clear_pointer (&hits, g_ptr_array_unref);
  g_clear_pointer (&found, g_free);
  /* "Beiträge" is in a summary and a section's text, "Reichweite" in a
   * course title and a thesis: the course's title ranks first. */
  hits = query ("reichweite");
  found = describe (hits);
  g_assert_cmpstr (found, ==, "grundlagen/#\ngrundlagen/einstieg#start\n");
}

static void
test_no_match (void)
{
  const char *queries[] = { "Quantenphysik", "", "   ", "…!?", "übersicht quantenphysik" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) hits = query (queries[i]);

      g_assert_cmpuint (hits->len, ==, 0);
    }
}

/* Courses are indexed when a query needs them and forgotten when they
 * leave the list; a course added later is found by the next query. */
static void
test_incremental (void)
{
  g_autoptr(GListStore) courses = make_courses ();
  g_autoptr(AkLibrarySearch) search = ak_library_search_new (G_LIST_MODEL (courses));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(AkCourse) third = load_course ("dritter", "Dritter Kurs", "Neu.", zweiter);

  g_assert_cmpuint (ak_library_search_get_n_indexed (search), ==, 0);
  hits = ak_library_search_query (search, "kennzahlen", 10);
  g_assert_cmpuint (ak_library_search_get_n_indexed (search), ==, 2);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  g_list_store_remove (courses, 1);
  g_list_store_append (courses, third);
  hits = ak_library_search_query (search, "kennzahlen", 10);
  g_assert_cmpuint (ak_library_search_get_n_indexed (search), ==, 2);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (ak_search_hit_get_course_id (g_ptr_array_index (hits, 0)), ==, "dritter");
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = ak_library_search_query (search, "kennzahlen", 0);
  g_assert_cmpuint (hits->len, ==, 0);
}

/* Idle time can index a few courses at a time before the first query. */
static void
test_index_some (void)
{
  g_autoptr(GListStore) courses = make_courses ();
  g_autoptr(AkLibrarySearch) search = ak_library_search_new (G_LIST_MODEL (courses));
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (ak_library_search_index_some (search, 1));
  g_assert_cmpuint (ak_library_search_get_n_indexed (search), ==, 1);
  g_assert_false (ak_library_search_index_some (search, 1));
  g_assert_cmpuint (ak_library_search_get_n_indexed (search), ==, 2);
  g_assert_false (ak_library_search_index_some (search, 1));
  hits = ak_library_search_query (search, "ubersicht", 10);
  g_assert_cmpuint (hits->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library-search/fold", test_fold);
  g_test_add_func ("/library-search/umlauts", test_umlauts);
  g_test_add_func ("/library-search/sharp-s", test_sharp_s);
  g_test_add_func ("/library-search/case-and-accents", test_case_and_accents);
  g_test_add_func ("/library-search/section-snippet", test_section_snippet);
  g_test_add_func ("/library-search/ranking", test_ranking);
  g_test_add_func ("/library-search/no-match", test_no_match);
  g_test_add_func ("/library-search/incremental", test_incremental);
  g_test_add_func ("/library-search/index-some", test_index_some);

  return g_test_run ();
}
