/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ak-course-row.h"
#include "ak-display-text.h"
#include "ak-problem-row.h"
#include "window-test-helpers.h"

/* Course files come from anywhere: a file made to hurt must neither freeze
 * the window nor crash it. */

#define HUGE_TITLE_CHARS 100000
/* As many spans as the loader lets through in one block, then plain
 * sentences: text a row must not lay out in full. */
#define EMPHASIS_SPANS   900
#define PLAIN_SENTENCES  20000

/* The web course with a 100,000-character title and a summary of about a
 * megabyte of sentences with an emphasised word each. */
static char *
make_hostile_course (void)
{
  g_autofree char *course = ak_test_read_course ("web20-party.kurs.xml");
  GString *text = g_string_new (course);
  const char *title = strstr (text->str, "<title>");
  const char *title_end = strstr (text->str, "</title>");
  g_autoptr(GString) replacement = g_string_new ("<title>");
  const char *summary;
  const char *summary_end;

  g_assert_true (title != NULL && title_end != NULL && title < title_end);
  for (guint i = 0; i < HUGE_TITLE_CHARS; i++)
    g_string_append_c (replacement, 'T');
  g_string_erase (text, title - text->str, title_end - title);
  g_string_insert (text, title - text->str, replacement->str);

  summary = strstr (text->str, "<summary>");
  summary_end = strstr (text->str, "</summary>");
  g_assert_true (summary != NULL && summary_end != NULL && summary < summary_end);
  g_string_assign (replacement, "<summary>");
  for (guint i = 0; i < EMPHASIS_SPANS; i++)
    g_string_append (replacement,
                     "Ein ganz gewöhnlicher Satz mit einem <em>betonten</em> Wort. ");
  for (guint i = 0; i < PLAIN_SENTENCES; i++)
    g_string_append (replacement, "Ein ganz gewöhnlicher Satz ohne jede Betonung. ");
  g_string_erase (text, summary - text->str, summary_end - summary);
  g_string_insert (text, summary - text->str, replacement->str);

  return g_string_free (text, FALSE);
}

/* Every text the row puts on screen, counted in characters. */
static void
assert_labels_bounded (GtkWidget *row,
                       glong      max_chars)
{
  GtkWidget *label;

  for (guint i = 0; (label = ak_test_find_widget (row, GTK_TYPE_LABEL, i)) != NULL; i++)
    g_assert_cmpint (g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1), <=, max_chars);
}

static void
test_long_texts (AkWindowFixture *fixture,
                 gconstpointer    data)
{
  g_autofree char *course = make_hostile_course ();
  const char *title;
  const char *subtitle;
  const char *tooltip;
  g_autoptr(AkCourse) course_object = NULL;
  g_autofree char *details = NULL;
  GtkWidget *row;

  g_assert_cmpuint (strlen (course), >, 1000000);
  ak_test_write_file (fixture->courses_dir, "riesig.xml", course, -1);
  ak_test_ui_start_window (fixture);
  /* Without bounds, this first frame took minutes. */
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window),
                           fixture->width > 0 ? "window-long-title-narrow.png"
                                              : "window-long-title.png");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 1);
  row = ak_test_find_widget (GTK_WIDGET (fixture->window), AK_TYPE_COURSE_ROW, 0);
  g_assert_nonnull (row);

  /* The beginning of the title, cut where it is cut visibly. */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_assert_true (g_str_has_prefix (title, "TTTTTTTTTT"));
  g_assert_true (g_str_has_suffix (title, "T…"));
  g_assert_cmpint (g_utf8_strlen (title, -1), ==, AK_ROW_MAX_CHARS + 1);

  /* The details first, then the start of the summary, plain and still markup. */
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  course_object = g_list_model_get_item (G_LIST_MODEL (fixture->library), 0);
  details = g_strdup_printf ("3 lessons · %u questions · about ",
                             ak_course_get_n_questions (course_object));
  g_assert_true (g_str_has_prefix (subtitle, details));
  g_assert_nonnull (strstr (subtitle,
                            "\nEin ganz gewöhnlicher Satz mit einem betonten Wort. Ein"));
  g_assert_true (g_str_has_suffix (subtitle, "…"));
  g_assert_true (pango_parse_markup (subtitle, -1, 0, NULL, NULL, NULL, NULL));
  assert_labels_bounded (row, 2 * AK_ROW_MAX_CHARS);

  /* The tooltip says more, within bounds. */
  tooltip = gtk_widget_get_tooltip_text (row);
  g_assert_nonnull (tooltip);
  g_assert_cmpint (g_utf8_strlen (tooltip, -1), ==, AK_TOOLTIP_MAX_CHARS + 1);
}

/* A short summary keeps its emphasis, a short title gets no tooltip. */
static void
test_short_texts_unchanged (void)
{
  g_autofree char *markup = ak_display_markup_bound ("Texte, die <i>gelesen</i> werden",
                                                     "Texte, die gelesen werden",
                                                     AK_ROW_MAX_CHARS);
  g_autofree char *text = ak_display_text_shorten ("Größe ändern", 5);
  g_autofree char *blank = ak_display_text_shorten ("eins zwei", 5);
  g_autofree char *latin1 = ak_display_text_shorten ("kaputt-\xe4.xml", 100);

  g_assert_cmpstr (markup, ==, "Texte, die <i>gelesen</i> werden");
  /* Cut at a character, not inside one. */
  g_assert_cmpstr (text, ==, "Größe…");
  /* No blank before the ellipsis. */
  g_assert_cmpstr (blank, ==, "eins…");
  g_assert_true (g_utf8_validate (latin1, -1, NULL));
}

/* A message quoting a whole title is shortened in the problems view. */
static void
test_long_message (void)
{
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(GString) message = g_string_new ("The title “");
  AkProblemRow *row;

  for (guint i = 0; i < HUGE_TITLE_CHARS; i++)
    g_string_append_c (message, 'T');
  g_string_append (message, "” is too long");
  ak_diagnostic_list_add (diagnostics, "/kurse/lang.xml", 4, 3, AK_SEVERITY_ERROR,
                          "%s", message->str);

  row = g_object_ref_sink (ak_problem_row_new ("/kurse/lang.xml", diagnostics));
  assert_labels_bounded (GTK_WIDGET (row), AK_ROW_MAX_CHARS + 1);
  g_assert_finalize_object (row);
}

/* A file whose name is Latin-1 bytes, not UTF-8, as old archives have them. */
static void
test_latin1_file_name (AkWindowFixture *fixture,
                       gconstpointer    data)
{
  g_autofree char *path = g_build_filename (fixture->courses_dir, "kaputt-\xe4.xml", NULL);
  AdwExpanderRow *problem;
  GtkWidget *edit;
  GVariant *target;
  g_autoptr(GFile) file = NULL;
  g_autofree char *target_path = NULL;
  const char *title;

  ak_test_write_file (fixture->courses_dir, "kaputt-\xe4.xml", "<course", -1);
  ak_test_ui_start_window (fixture);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "window-latin1-name.png");

  /* The name as a file manager shows it, with a replacement character. */
  problem = ADW_EXPANDER_ROW (ak_test_find_widget (GTK_WIDGET (fixture->window),
                                                   ADW_TYPE_EXPANDER_ROW, 0));
  g_assert_nonnull (problem);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (problem));
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_cmpstr (title, ==, "kaputt-\xef\xbf\xbd.xml");

  /* The edit button works and opens exactly this file. */
  edit = ak_test_find_accessible (GTK_WIDGET (problem), GTK_ACCESSIBLE_ROLE_BUTTON,
                                  "Open in Text Editor");
  g_assert_nonnull (edit);
  g_assert_true (gtk_widget_is_sensitive (edit));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (edit));
  g_assert_nonnull (target);
  file = g_file_new_for_uri (g_variant_get_string (target, NULL));
  target_path = g_file_get_path (file);
  g_assert_cmpstr (target_path, ==, path);
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  ak_test_ui_application ();

  g_test_add ("/hostile/long-texts", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_long_texts, ak_test_ui_fixture_tear_down);
  g_test_add ("/hostile/long-texts/narrow", AkWindowFixture, GINT_TO_POINTER (360),
              ak_test_ui_fixture_set_up, test_long_texts, ak_test_ui_fixture_tear_down);
  g_test_add_func ("/hostile/short-texts-unchanged", test_short_texts_unchanged);
  g_test_add_func ("/hostile/long-message", test_long_message);
  g_test_add ("/hostile/latin1-file-name", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_latin1_file_name, ak_test_ui_fixture_tear_down);

  return ak_test_ui_run ();
}
