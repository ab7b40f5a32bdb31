/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n.h>

#include "ak-activity-heatmap.h"
#include "ak-bar-chart.h"
#include "ak-chart-card.h"
#include "ak-column-chart.h"
#include "ak-score-chart.h"
#include "ak-statistics-page.h"
#include "window-test-helpers.h"

/* Two theses, one quiz of two questions, a pass mark of 60 %. */
static const char course_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
  "        id=\"statistik\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"
  "  <title>Statistik</title>\n"
  "  <summary>Ein Kurs für die Statistik.</summary>\n"
  "  <source id=\"quelle\"><title>Quelle</title></source>\n"
  "  <lesson id=\"eins\"><title>Eins</title>\n"
  "    <section id=\"a\"><title>A</title>\n"
  "      <thesis id=\"these-a\">Wer wiederholt, behält.</thesis></section></lesson>\n"
  "  <lesson id=\"zwei\"><title>Zwei</title>\n"
  "    <section id=\"b\"><title>B</title>\n"
  "      <thesis id=\"these-b\">Pausen helfen dem Gedächtnis.</thesis></section></lesson>\n"
  "  <quiz id=\"test\" pass-mark=\"60\">\n"
  "    <title>Abschlusstest</title>\n"
  "    <true-false id=\"f1\" tests=\"these-a\" answer=\"true\">\n"
  "      <prompt>Hilft Wiederholen?</prompt><explanation>Ja.</explanation></true-false>\n"
  "    <true-false id=\"f2\" tests=\"these-b\" answer=\"true\">\n"
  "      <prompt>Helfen Pausen?</prompt><explanation>Ja.</explanation></true-false>\n"
  "  </quiz>\n"
  "</course>\n";

typedef struct
{
  char            *dir;
  AkCourseLibrary *library;
  AkProgressStore *store;
  AkClock         *clock;
  AkContext       *context;
  GtkWindow       *window;
  AkStatisticsPage *page;
} Fixture;

/* @day March 2024 at @hour, local time. */
static gint64
march (int day,
       int hour)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_local (2024, 3, day, hour, 0, 0);

  return g_date_time_to_unix (date_time) * G_USEC_PER_SEC;
}

static void
move_clock (Fixture *fixture,
            gint64   time)
{
  ak_fake_clock_advance (AK_FAKE_CLOCK (fixture->clock),
                         time - ak_clock_get_real_time (fixture->clock));
}

/* An attempt at the quiz of @course_id with the scores of f1 and f2, finished. */
static void
take_course_quiz (Fixture    *fixture,
                  const char *course_id,
                  double      f1,
                  double      f2)
{
  AkCourse *course = ak_course_library_lookup (fixture->library, course_id);
  const AkQuiz *quiz = ak_course_find_quiz (course, "test");
  const double scores[] = { f1, f2 };
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = ak_progress_store_start_attempt (fixture->store, course_id, "test", "1",
                                        ak_quiz_get_hash (quiz), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const AkQuestion *question = ak_quiz_get_question (quiz, i);

      ak_progress_store_record_answer (fixture->store, id, ak_question_get_id (question),
                                       ak_question_get_hash (question), "{\"answer\":true}",
                                       scores[i], 30, i + 1, &error);
      g_assert_no_error (error);
    }
  ak_progress_store_finish_attempt (fixture->store, id, f1 + f2, 2, (f1 + f2) / 2 >= 0.6,
                                    &error);
  g_assert_no_error (error);
}

static void
take_quiz (Fixture *fixture,
           double   f1,
           double   f2)
{
  take_course_quiz (fixture, "statistik", f1, f2);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autofree char *store_path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("akademie-statistics-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  ak_test_write_file (fixture->dir, "statistik.xml", course_xml, -1);
  /* A second course whose title would not fit a phone's width. */
  if (GPOINTER_TO_INT (data) == 2)
    {
      g_autoptr(GString) xml = g_string_new (course_xml);

      g_string_replace (xml, "id=\"statistik\"", "id=\"lang\"", 1);
      g_string_replace (xml, "<title>Statistik</title>",
                        "<title>Ein Kurs mit einem sehr langen Titel, der nicht in eine "
                        "Zeile passt</title>", 1);
      ak_test_write_file (fixture->dir, "lang.xml", xml->str, xml->len);
    }
  fixture->library = ak_course_library_new ();
  ak_course_library_add_directory (fixture->library, fixture->dir);
  ak_course_library_reload (fixture->library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==,
                    GPOINTER_TO_INT (data) == 2 ? 2 : 1);

  fixture->clock = ak_fake_clock_new (march (1, 10));
  store_path = g_build_filename (fixture->dir, "fortschritt.db", NULL);
  fixture->store = ak_progress_store_open (store_path, &error);
  g_assert_no_error (error);
  ak_progress_store_set_clock (fixture->store, fixture->clock);
  fixture->context = ak_context_new (fixture->library, fixture->store, settings, fixture->clock);

  /* 1 March: 50 %, failed. 4 March: 100 %, passed (two reviews, both
   * remembered). 5 March: 50 % (two reviews, one remembered). */
  if (GPOINTER_TO_INT (data) != 1)
    {
      if (GPOINTER_TO_INT (data) == 2)
        take_course_quiz (fixture, "lang", 0, 1);
      take_quiz (fixture, 1, 0);
      move_clock (fixture, march (4, 10));
      take_quiz (fixture, 1, 1);
      move_clock (fixture, march (5, 10));
      take_quiz (fixture, 0, 1);
    }
  /* Sunday, 10 March. */
  move_clock (fixture, march (10, 12));
}

static void
show_page (Fixture *fixture,
           int      width,
           int      height)
{
  fixture->page = AK_STATISTICS_PAGE (ak_statistics_page_new (fixture->context));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->page != NULL)
    g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *)&fixture->page);
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* The page and its charts went with the window. */
  g_assert_null (fixture->page);
  g_clear_object (&fixture->context);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->library);
  g_clear_object (&fixture->clock);
  g_free (fixture->dir);
}

/* Keeps a PNG of one card in $AK_SCREENSHOT_DIR, for the parts of the
 * page below the screen's height. */
static void
save_card (AkChart    *chart,
           const char *name)
{
  GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (chart), AK_TYPE_CHART_CARD);
  int width = gtk_widget_get_width (card);
  int height = gtk_widget_get_height (card);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("AK_SCREENSHOT_DIR") == NULL)
    return;
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (card)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (g_getenv ("AK_SCREENSHOT_DIR"), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static AkChart *
find_chart (Fixture *fixture,
            GType    type,
            guint    nth)
{
  GtkWidget *chart = ak_test_find_widget (GTK_WIDGET (fixture->page), type, nth);

  g_assert_nonnull (chart);
  return AK_CHART (chart);
}

/* Where the pointer finds each mark: a point per mark, (-1, -1) for
 * marks no point of the chart shows. */
static GArray *
find_marks (AkChart *chart)
{
  guint n = ak_chart_get_n_marks (chart);
  GArray *points = g_array_sized_new (FALSE, FALSE, sizeof (graphene_point_t), n);
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));

  g_array_set_size (points, n);
  for (guint i = 0; i < n; i++)
    g_array_index (points, graphene_point_t, i) = GRAPHENE_POINT_INIT (-1, -1);
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        int index = ak_chart_get_mark_at (chart, x, y);

        g_assert_cmpint (index, <, (int)n);
        if (index >= 0 && g_array_index (points, graphene_point_t, index).x < 0)
          g_array_index (points, graphene_point_t, index) = GRAPHENE_POINT_INIT (x, y);
      }
  return points;
}

/* Every mark can be pointed at; returns the tooltip at the point found
 * for mark @index. */
static char *
tooltip_of_mark (AkChart *chart,
                 guint    index)
{
  g_autoptr(GArray) points = find_marks (chart);
  graphene_point_t *point;

  for (guint i = 0; i < points->len; i++)
    g_assert_cmpfloat (g_array_index (points, graphene_point_t, i).x, >=, 0);
  g_assert_cmpuint (index, <, points->len);
  point = &g_array_index (points, graphene_point_t, index);
  return g_strdup (ak_chart_get_mark_tooltip (chart, ak_chart_get_mark_at (chart, point->x,
                                                                            point->y)));
}

static char *
accessible_description (AkChart *chart)
{
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart),
                                             GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "\x01");
}

static guint
count_table_rows (AkChart *chart)
{
  GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (chart), AK_TYPE_CHART_CARD);
  GtkGrid *grid = ak_chart_card_get_table (AK_CHART_CARD (card));
  guint rows = 0;

  while (gtk_grid_get_child_at (grid, 0, rows) != NULL)
    rows++;
  /* Without the header row. */
  return rows > 0 ? rows - 1 : 0;
}

static void
test_charts (Fixture       *fixture,
             gconstpointer  data)
{
  AkChart *activity, *scores, *mastery, *retention;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *name = NULL;

  show_page (fixture, 800, 1600);
  activity = find_chart (fixture, AK_TYPE_ACTIVITY_HEATMAP, 0);
  scores = find_chart (fixture, AK_TYPE_SCORE_CHART, 0);
  mastery = find_chart (fixture, AK_TYPE_BAR_CHART, 0);
  retention = find_chart (fixture, AK_TYPE_COLUMN_CHART, 0);

  /* 26 weeks of days, three of them with study. */
  g_assert_cmpuint (ak_chart_get_n_marks (activity), ==, 26 * 7);
  g_assert_cmpuint (count_table_rows (activity), ==, 3);
  name = ak_test_get_accessible_name (GTK_WIDGET (activity));
  g_assert_cmpstr (name, ==, "Activity per Day");
  description = accessible_description (activity);
  g_assert_cmpstr (description, ==, "In the last 30 days, studied on 3 days. 6 answers given.");
  g_clear_pointer (&description, g_free);
  /* The last day is today, without study; four days before it, the 5th. */
  tooltip = tooltip_of_mark (activity, 26 * 7 - 1);
  g_assert_cmpstr (tooltip, ==, "Sunday, 03/10/24: no study");
  g_clear_pointer (&tooltip, g_free);
  tooltip = tooltip_of_mark (activity, 26 * 7 - 6);
  g_assert_cmpstr (tooltip, ==, "Tuesday, 03/05/24: 2 answers, 50% right, 1 min");
  g_clear_pointer (&tooltip, g_free);
  g_assert_cmpint (ak_activity_heatmap_get_level (AK_ACTIVITY_HEATMAP (activity), 26 * 7 - 6),
                   >, 0);
  g_assert_cmpint (ak_activity_heatmap_get_level (AK_ACTIVITY_HEATMAP (activity), 26 * 7 - 1),
                   ==, 0);

  /* Three attempts, the second passed. */
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 3);
  g_assert_cmpuint (count_table_rows (scores), ==, 3);
  description = accessible_description (scores);
  g_assert_cmpstr (description, ==,
                   "“Abschlusstest”: 3 attempts; last 50%, best 100%, pass mark 60%.");
  g_clear_pointer (&description, g_free);
  tooltip = tooltip_of_mark (scores, 1);
  g_assert_cmpstr (tooltip, ==, "Attempt 2 on 03/04/24: 100%, passed");
  g_clear_pointer (&tooltip, g_free);
  tooltip = tooltip_of_mark (scores, 2);
  g_assert_cmpstr (tooltip, ==, "Attempt 3 on 03/05/24: 50%, not passed");
  g_clear_pointer (&tooltip, g_free);

  /* f1 answered 1, 1, 0 and f2 0, 1, 1: the newest answer weighs most. */
  g_assert_cmpuint (ak_chart_get_n_marks (mastery), ==, 2);
  description = accessible_description (mastery);
  g_assert_cmpstr (description, ==, "2 theses: 2 practised, 1 of them mastered to at least 80%.");
  g_clear_pointer (&description, g_free);
  tooltip = tooltip_of_mark (mastery, 1);
  g_assert_cmpstr (tooltip, ==,
                   "Pausen helfen dem Gedächtnis.: 86% mastered, 1 of 1 question answered");
  g_clear_pointer (&tooltip, g_free);

  /* 12 weeks; the week of 4 March had 4 reviews, 3 remembered. */
  g_assert_cmpuint (ak_chart_get_n_marks (retention), ==, 12);
  description = accessible_description (retention);
  g_assert_cmpstr (description, ==,
                   "In the last 12 weeks, 75% of 4 reviews remembered; the target is 90%.");
  g_clear_pointer (&description, g_free);
  tooltip = tooltip_of_mark (retention, 11);
  g_assert_cmpstr (tooltip, ==, "Week of 03/04/24: 3 of 4 reviews remembered (75%)");
  g_clear_pointer (&tooltip, g_free);
  g_assert_cmpfloat (ak_column_chart_get_target (AK_COLUMN_CHART (retention)), ==, 0.9);

  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "statistics-light.png");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  AkChart *scores, *retention, *forecast;
  g_autofree char *description = NULL;

  show_page (fixture, 800, 1200);
  scores = ak_chart_card_get_chart (AK_CHART_CARD (ak_test_find_widget (GTK_WIDGET (fixture->page),
                                                                        AK_TYPE_CHART_CARD, 1)));
  g_assert_true (AK_IS_SCORE_CHART (scores));
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 0);
  /* A chart without marks leaves its sentence, and no empty drawing. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (scores)));
  description = accessible_description (scores);
  g_assert_cmpstr (description, ==, "No quiz has been finished yet.");
  g_clear_pointer (&description, g_free);

  retention = ak_chart_card_get_chart (AK_CHART_CARD (ak_test_find_widget (GTK_WIDGET (fixture->page),
                                                                           AK_TYPE_CHART_CARD, 3)));
  g_assert_cmpuint (ak_chart_get_n_marks (retention), ==, 0);
  forecast = ak_chart_card_get_chart (AK_CHART_CARD (ak_test_find_widget (GTK_WIDGET (fixture->page),
                                                                          AK_TYPE_CHART_CARD, 4)));
  description = accessible_description (forecast);
  g_assert_cmpstr (description, ==, "No reviews are planned yet.");
}

static gboolean
has_four_attempts (gpointer user_data)
{
  return ak_chart_get_n_marks (user_data) == 4;
}

static void
test_updates (Fixture       *fixture,
              gconstpointer  data)
{
  AkChart *scores;
  g_autofree char *description = NULL;

  show_page (fixture, 800, 1200);
  scores = find_chart (fixture, AK_TYPE_SCORE_CHART, 0);
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 3);

  take_quiz (fixture, 1, 1);
  ak_test_wait_until (has_four_attempts, scores);
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 4);
  g_assert_cmpuint (count_table_rows (scores), ==, 4);
  description = accessible_description (scores);
  g_assert_cmpstr (description, ==,
                   "“Abschlusstest”: 4 attempts; last 100%, best 100%, pass mark 60%.");
}

static void
test_hidden (Fixture       *fixture,
             gconstpointer  data)
{
  AkChart *scores;

  /* A page that is not shown reads the store when it is shown again. */
  fixture->page = g_object_ref_sink (AK_STATISTICS_PAGE (ak_statistics_page_new (fixture->context)));
  scores = ak_chart_card_get_chart (AK_CHART_CARD (ak_test_find_widget (GTK_WIDGET (fixture->page),
                                                                        AK_TYPE_CHART_CARD, 1)));
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 3);
  take_quiz (fixture, 1, 1);
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 3);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  g_object_unref (fixture->page);
  gtk_window_present (fixture->window);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 4);
}

static void
test_forecast (Fixture       *fixture,
               gconstpointer  data)
{
  const guint counts[] = { 12, 0, 3, 1, 20, 0, 1 };
  g_autoptr(GDate) first = g_date_new_dmy (11, G_DATE_MARCH, 2024);
  AkChart *forecast;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  show_page (fixture, 800, 1600);
  ak_statistics_page_set_forecast (fixture->page, first, counts, G_N_ELEMENTS (counts));
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
  forecast = find_chart (fixture, AK_TYPE_COLUMN_CHART, 1);
  g_assert_cmpuint (ak_chart_get_n_marks (forecast), ==, 7);
  g_assert_cmpuint (count_table_rows (forecast), ==, 7);
  description = accessible_description (forecast);
  g_assert_cmpstr (description, ==, "37 reviews due in the next 7 days.");
  tooltip = tooltip_of_mark (forecast, 4);
  g_assert_cmpstr (tooltip, ==, "Friday, 03/15/24: 20 reviews due");
  save_card (forecast, "statistics-forecast.png");
}

static void
test_course_selection (Fixture       *fixture,
                       gconstpointer  data)
{
  AkChart *scores;

  show_page (fixture, 800, 1200);
  scores = find_chart (fixture, AK_TYPE_SCORE_CHART, 0);
  ak_statistics_page_select_course (fixture->page, "statistik");
  g_assert_cmpstr (ak_statistics_page_get_course_id (fixture->page), ==, "statistik");
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 3);
  /* A course that is not in the library: back to all courses. */
  ak_statistics_page_select_course (fixture->page, "fehlt");
  g_assert_null (ak_statistics_page_get_course_id (fixture->page));
  g_assert_cmpuint (ak_chart_get_n_marks (scores), ==, 3);
}

static gboolean
use_german (void)
{
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    return FALSE;
  g_setenv ("LANGUAGE", "de", TRUE);
  /* Tells gettext that the language changed. */
  setlocale (LC_ALL, "de_DE.UTF-8");
  return TRUE;
}

static void
use_english (void)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  AkChart *activity, *scores;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GArray) points = NULL;
  graphene_point_t *monday, *sunday;

  if (!use_german ())
    {
      g_test_skip ("The de_DE.UTF-8 locale is missing");
      return;
    }

  show_page (fixture, 800, 1600);
  activity = find_chart (fixture, AK_TYPE_ACTIVITY_HEATMAP, 0);
  scores = find_chart (fixture, AK_TYPE_SCORE_CHART, 0);

  description = accessible_description (activity);
  g_assert_cmpstr (description, ==,
                   "In den letzten 30 Tagen an 3 Tagen gelernt. 6 Antworten gegeben.");
  g_clear_pointer (&description, g_free);
  tooltip = tooltip_of_mark (scores, 1);
  g_assert_cmpstr (tooltip, ==, "Versuch 2 am 04.03.2024: 100\u00a0%, bestanden");
  g_clear_pointer (&tooltip, g_free);
  tooltip = tooltip_of_mark (activity, 26 * 7 - 6);
  g_assert_cmpstr (tooltip, ==, "Dienstag, 05.03.2024: 2 Antworten, 50\u00a0% richtig, 1 Min.");
  count = ak_chart_format_count (1234567);
  g_assert_cmpstr (count, ==, "1.234.567");

  /* The week begins on Monday: Monday 4 March is at the top of the
   * column that ends with Sunday 10 March. */
  points = find_marks (activity);
  monday = &g_array_index (points, graphene_point_t, 26 * 7 - 7);
  sunday = &g_array_index (points, graphene_point_t, 26 * 7 - 1);
  g_assert_cmpint (ak_activity_heatmap_get_first_weekday (), ==, G_DATE_MONDAY);
  g_assert_cmpfloat (monday->x, ==, sunday->x);
  g_assert_cmpfloat (monday->y, <, sunday->y);

  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "statistics-german.png");

  /* The table behind the score chart, with German headers and numbers. */
  {
    GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (scores), AK_TYPE_CHART_CARD);
    GtkWidget *expander = ak_test_find_widget (card, GTK_TYPE_EXPANDER, 0);
    GtkGrid *grid = ak_chart_card_get_table (AK_CHART_CARD (card));

    g_assert_nonnull (expander);
    gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
    ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 0))), ==,
                     "Versuch");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 2))), ==,
                     "04.03.2024");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 3, 2))), ==,
                     "ja");
    save_card (scores, "statistics-german-table.png");
  }
  use_english ();
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  AkChartColors light, dark;

  show_page (fixture, 800, 1600);
  ak_chart_get_colors (find_chart (fixture, AK_TYPE_ACTIVITY_HEATMAP, 0), &light);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
  g_assert_true (adw_style_manager_get_dark (manager));
  ak_chart_get_colors (find_chart (fixture, AK_TYPE_ACTIVITY_HEATMAP, 0), &dark);
  /* Dark text on light, light text and brighter marks on dark. */
  g_assert_cmpfloat (light.foreground.red + light.foreground.green + light.foreground.blue, <, 1.5);
  g_assert_cmpfloat (dark.foreground.red + dark.foreground.green + dark.foreground.blue, >, 1.5);
  g_assert_cmpfloat (dark.accent.red + dark.accent.green + dark.accent.blue, >,
                     light.accent.red + light.accent.green + light.accent.blue);
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "statistics-dark.png");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  AkChart *activity;
  g_autofree char *tooltip = NULL;
  int width;

  show_page (fixture, 360, 1800);
  /* Two courses with attempts: a course and a quiz to choose, whose long
   * titles do not widen the window. */
  g_assert_cmpuint (ak_test_count_widgets (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN), ==, 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  activity = find_chart (fixture, AK_TYPE_ACTIVITY_HEATMAP, 0);
  width = gtk_widget_get_width (GTK_WIDGET (activity));
  g_assert_cmpint (width, <=, 360);
  /* The weeks wrap into blocks: every day can still be pointed at. */
  tooltip = tooltip_of_mark (activity, 0);
  g_assert_nonnull (tooltip);
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "statistics-narrow.png");
  save_card (find_chart (fixture, AK_TYPE_COLUMN_CHART, 0), "statistics-narrow-retention.png");
  save_card (find_chart (fixture, AK_TYPE_SCORE_CHART, 0), "statistics-narrow-scores.png");
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  adw_init ();

  g_test_add ("/statistics/charts", Fixture, NULL, fixture_set_up, test_charts,
              fixture_tear_down);
  g_test_add ("/statistics/empty", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_empty,
              fixture_tear_down);
  g_test_add ("/statistics/updates", Fixture, NULL, fixture_set_up, test_updates,
              fixture_tear_down);
  g_test_add ("/statistics/hidden", Fixture, NULL, fixture_set_up, test_hidden,
              fixture_tear_down);
  g_test_add ("/statistics/forecast", Fixture, NULL, fixture_set_up, test_forecast,
              fixture_tear_down);
  g_test_add ("/statistics/course", Fixture, NULL, fixture_set_up, test_course_selection,
              fixture_tear_down);
  g_test_add ("/statistics/german", Fixture, NULL, fixture_set_up, test_german,
              fixture_tear_down);
  g_test_add ("/statistics/dark", Fixture, NULL, fixture_set_up, test_dark,
              fixture_tear_down);
  g_test_add ("/statistics/narrow", Fixture, GINT_TO_POINTER (2), fixture_set_up, test_narrow,
              fixture_tear_down);

  return ak_test_ui_run ();
}
