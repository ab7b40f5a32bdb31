/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ak-chart.h"
#include "ak-feedback-view.h"
#include "ak-question-widget.h"
#include "ak-review-page.h"
#include "window-test-helpers.h"

/* The review page as the learner uses it: what is due today, each due
 * question answered through the quiz's widgets and recorded as a review
 * answer, "I Guessed" changing the stored rating, the summary with the
 * questions forgotten again and again, and a day with nothing due. Two
 * courses: "gedaechtnis" with three questions, "recht" with two. One
 * question, "abstand-2", was forgotten four times. */

static const char memory_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
  "        id=\"gedaechtnis\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"
  "  <title>Lernen und Gedächtnis</title>\n"
  "  <summary>Wie man behält, was man lernt.</summary>\n"
  "  <source id=\"quelle\"><title>Quelle</title></source>\n"
  "  <lesson id=\"lernen\"><title>Richtig lernen</title>\n"
  "    <section id=\"abstand\"><title>Lernen mit Abstand</title>\n"
  "      <thesis id=\"these-abstand\">Verteiltes Lernen hält länger.</thesis></section>\n"
  "    <section id=\"abruf\"><title>Sich selbst abfragen</title>\n"
  "      <thesis id=\"these-abruf\">Abrufen stärkt das Gedächtnis.</thesis></section></lesson>\n"
  "  <quiz id=\"test\" pass-mark=\"60\">\n"
  "    <title>Test</title>\n"
  "    <single-choice id=\"abstand-1\" tests=\"these-abstand\" keep-order=\"true\">\n"
  "      <prompt>Wann wiederholt man am besten?</prompt>\n"
  "      <choice id=\"a\" correct=\"true\">Kurz bevor man es vergisst</choice>\n"
  "      <choice id=\"b\">Gleich nach dem Lernen</choice>\n"
  "      <explanation>Kurz vor dem Vergessen bringt eine Wiederholung am meisten.</explanation>\n"
  "    </single-choice>\n"
  "    <single-choice id=\"abstand-2\" tests=\"these-abstand\" keep-order=\"true\">\n"
  "      <prompt>Wie sollen die Abstände zwischen den Wiederholungen werden?</prompt>\n"
  "      <choice id=\"a\" correct=\"true\">Immer länger</choice>\n"
  "      <choice id=\"b\">Immer gleich</choice>\n"
  "      <explanation>Mit jedem Erinnern darf der Abstand wachsen.</explanation>\n"
  "    </single-choice>\n"
  "    <true-false id=\"abruf-1\" tests=\"these-abruf\" answer=\"true\">\n"
  "      <prompt>Sich abzufragen hilft mehr als noch einmal zu lesen.</prompt>\n"
  "      <explanation>Abrufen stärkt die Erinnerung.</explanation></true-false>\n"
  "  </quiz>\n"
  "</course>\n";

static const char law_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
  "        id=\"recht\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"
  "  <title>Arbeitsrecht</title>\n"
  "  <summary>Verträge und Fristen.</summary>\n"
  "  <source id=\"quelle\"><title>Quelle</title></source>\n"
  "  <lesson id=\"vertrag\"><title>Der Arbeitsvertrag</title>\n"
  "    <section id=\"form\"><title>Die Form</title>\n"
  "      <thesis id=\"these-form\">Ein Arbeitsvertrag gilt auch mündlich.</thesis></section></lesson>\n"
  "  <quiz id=\"test\" pass-mark=\"60\">\n"
  "    <title>Test</title>\n"
  "    <true-false id=\"form-1\" tests=\"these-form\" answer=\"true\">\n"
  "      <prompt>Ein mündlicher Arbeitsvertrag ist gültig.</prompt>\n"
  "      <explanation>Die Schriftform ist keine Bedingung.</explanation></true-false>\n"
  "    <true-false id=\"form-2\" tests=\"these-form\" answer=\"false\">\n"
  "      <prompt>Eine Kündigung per E-Mail ist wirksam.</prompt>\n"
  "      <explanation>Eine Kündigung braucht die Schriftform.</explanation></true-false>\n"
  "  </quiz>\n"
  "</course>\n";

/* Learnt the day before: due in the coming days, for the forecast. */
static const char time_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
  "        id=\"zeit\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"
  "  <title>Zeitmanagement</title>\n"
  "  <summary>Planen und Pausen.</summary>\n"
  "  <source id=\"quelle\"><title>Quelle</title></source>\n"
  "  <lesson id=\"planen\"><title>Planen</title>\n"
  "    <section id=\"pausen\"><title>Pausen</title>\n"
  "      <thesis id=\"these-pausen\">Pausen erhalten die Leistung.</thesis></section></lesson>\n"
  "  <quiz id=\"test\" pass-mark=\"60\">\n"
  "    <title>Test</title>\n"
  "    <true-false id=\"p1\" tests=\"these-pausen\" answer=\"true\">\n"
  "      <prompt>Kurze Pausen erhalten die Konzentration.</prompt>\n"
  "      <explanation>Siehe Lektion.</explanation></true-false>\n"
  "    <true-false id=\"p2\" tests=\"these-pausen\" answer=\"false\">\n"
  "      <prompt>Wer durcharbeitet, schafft mehr.</prompt>\n"
  "      <explanation>Siehe Lektion.</explanation></true-false>\n"
  "    <true-false id=\"p3\" tests=\"these-pausen\" answer=\"true\">\n"
  "      <prompt>Ein Plan für den Tag spart Zeit.</prompt>\n"
  "      <explanation>Siehe Lektion.</explanation></true-false>\n"
  "  </quiz>\n"
  "</course>\n";

#define N_QUESTIONS 5
#define DAY ((gint64)24 * 60 * 60 * G_USEC_PER_SEC)

typedef struct
{
  char            *dir;
  AkCourseLibrary *library;
  AkProgressStore *store;
  AkClock         *clock;
  GSettings       *settings;
  AkContext       *context;
  GtkWindow       *window;
  AkReviewPage    *page;
  GPtrArray       *opened;     /* "course/lesson/section" asked for */
} Fixture;

/* The learner's words for a msgid: the test also runs under LANGUAGE=de. */
static const char *
L (const char *msgid)
{
  return g_intern_string (gettext (msgid));
}

static const char *
POS (guint index,
     guint n)
{
  g_autofree char *text = g_strdup_printf (_("Question %u of %u"), index, n);

  return g_intern_string (text);
}

static void
advance (Fixture *fixture,
         gint64   microseconds)
{
  ak_fake_clock_advance (AK_FAKE_CLOCK (fixture->clock), microseconds);
}

/* Takes @quiz_id of @course_id with every answer right, as a quiz would. */
static void
take_quiz (Fixture    *fixture,
           const char *course_id)
{
  AkCourse *course = ak_course_library_lookup (fixture->library, course_id);
  AkQuiz *quiz = ak_course_find_quiz (course, "test");
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = ak_progress_store_start_attempt (fixture->store, course_id, "test",
                                        ak_course_get_version (course), ak_quiz_get_hash (quiz),
                                        NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ak_quiz_get_n_questions (quiz); i++)
    {
      const AkQuestion *question = ak_quiz_get_question (quiz, i);

      ak_progress_store_record_answer (fixture->store, id, ak_question_get_id (question),
                                       ak_question_get_hash (question), "{}", 1, 10, i + 1,
                                       &error);
      g_assert_no_error (error);
    }
  ak_progress_store_finish_attempt (fixture->store, id, 1, 1, TRUE, &error);
  g_assert_no_error (error);
}

/* A review of "abstand-2" answered wrong: after a day or more, a lapse. */
static void
forget (Fixture *fixture)
{
  AkCourse *course = ak_course_library_lookup (fixture->library, "gedaechtnis");
  const AkQuestion *question = ak_quiz_get_question (ak_course_find_quiz (course, "test"), 1);
  g_autoptr(GError) error = NULL;

  ak_progress_store_record_review_answer (fixture->store, "gedaechtnis", "test",
                                          ak_question_get_id (question),
                                          ak_question_get_hash (question),
                                          "{\"choice\":\"b\"}", 0, 10, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autofree char *store_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2024, 3, 1, 12, 0, 0);

  fixture->dir = g_dir_make_tmp ("akademie-review-page-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  ak_test_write_file (fixture->dir, "gedaechtnis.xml", memory_xml, -1);
  ak_test_write_file (fixture->dir, "recht.xml", law_xml, -1);
  ak_test_write_file (fixture->dir, "zeit.xml", time_xml, -1);
  fixture->library = ak_course_library_new ();
  ak_course_library_add_directory (fixture->library, fixture->dir);
  ak_course_library_reload (fixture->library);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->library)), ==, 3);

  fixture->clock = ak_fake_clock_new (g_date_time_to_unix (start) * G_USEC_PER_SEC);
  store_path = g_build_filename (fixture->dir, "fortschritt.db", NULL);
  fixture->store = ak_progress_store_open (store_path, &error);
  g_assert_no_error (error);
  ak_progress_store_set_clock (fixture->store, fixture->clock);
  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->context = ak_context_new (fixture->library, fixture->store, fixture->settings,
                                     fixture->clock);
  fixture->opened = g_ptr_array_new_with_free_func (g_free);

  /* 1 March: both quizzes, all right. Then "abstand-2" forgotten four
   * times, two days apart. 25 March: all five are due. */
  if (GPOINTER_TO_INT (data) != 0)
    {
      take_quiz (fixture, "gedaechtnis");
      take_quiz (fixture, "recht");
      for (guint i = 0; i < 4; i++)
        {
          advance (fixture, 3 * DAY);
          forget (fixture);
        }
      advance (fixture, 11 * DAY);
      take_quiz (fixture, "zeit");
      advance (fixture, DAY);
    }
}

static void
close_page (Fixture *fixture)
{
  if (fixture->window != NULL)
    {
      gtk_window_set_child (fixture->window, NULL);
      gtk_window_destroy (fixture->window);
      fixture->window = NULL;
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (fixture->page != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  close_page (fixture);
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->settings);
  g_assert_finalize_object (fixture->store);
  g_assert_finalize_object (fixture->library);
  g_clear_object (&fixture->clock);
  g_ptr_array_unref (fixture->opened);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
open_lesson_section_cb (AkReviewPage *page,
                        const char   *course_id,
                        const char   *lesson_id,
                        const char   *section_id,
                        Fixture      *fixture)
{
  g_ptr_array_add (fixture->opened, g_strdup_printf ("%s/%s/%s", course_id, lesson_id, section_id));
}

static void
open_page (Fixture *fixture,
           int      width)
{
  close_page (fixture);
  fixture->page = g_object_ref_sink (ak_review_page_new (fixture->context));
  g_signal_connect (fixture->page, "open-lesson-section", G_CALLBACK (open_lesson_section_cb),
                    fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 720);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

static GtkWidget *
shown (Fixture *fixture)
{
  GtkWidget *stack = ak_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, 0);

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static const char *
stage (Fixture *fixture)
{
  GtkWidget *stack = ak_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, 0);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static GtkWidget *
button (Fixture    *fixture,
        const char *name)
{
  GtkWidget *widget = ak_test_find_accessible (shown (fixture), GTK_ACCESSIBLE_ROLE_BUTTON, name);

  if (widget == NULL)
    g_error ("No button “%s” on the %s page", name, stage (fixture));
  return widget;
}

static void
click_name (Fixture    *fixture,
            const char *name)
{
  ak_test_click (button (fixture, name));
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  for (guint i = 0; ak_test_find_widget (root, GTK_TYPE_LABEL, i) != NULL; i++)
    {
      GtkWidget *label = ak_test_find_widget (root, GTK_TYPE_LABEL, i);

      if (gtk_widget_get_visible (label)
          && strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL)
        return TRUE;
    }
  return FALSE;
}

static AkQuestionWidget *
current_question (Fixture *fixture)
{
  GtkWidget *widget = ak_test_find_widget (shown (fixture), AK_TYPE_QUESTION_WIDGET, 0);

  g_assert_nonnull (widget);
  return AK_QUESTION_WIDGET (widget);
}

/* Picks the right or a wrong choice as the learner would: the check
 * buttons are in the order the session laid the choices out. */
static void
answer (Fixture  *fixture,
        gboolean  right)
{
  AkReviewSession *session = ak_review_page_get_session (fixture->page);
  const AkQuestion *question = ak_review_session_get_current (session);
  AkQuestionWidget *widget = current_question (fixture);
  guint index = G_MAXUINT;

  if (ak_question_get_question_type (question) == AK_QUESTION_TRUE_FALSE)
    {
      /* "True" first, then "False". */
      gboolean truth = ak_question_get_answer (question);

      index = (truth == right) ? 0 : 1;
    }
  else
    {
      GPtrArray *choices = ak_review_session_get_choices (session);

      for (guint i = 0; i < choices->len; i++)
        if (ak_choice_get_correct (g_ptr_array_index (choices, i)) == right)
          {
            index = i;
            break;
          }
    }
  g_assert_cmpuint (index, !=, G_MAXUINT);
  gtk_widget_activate (ak_test_find_widget (GTK_WIDGET (widget), GTK_TYPE_CHECK_BUTTON, index));
  g_assert_true (ak_question_widget_get_answered (widget));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  const char *path = ak_progress_store_get_path (fixture->store);
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

/* A light and a dark screenshot; nothing without AK_SCREENSHOT_DIR. */
static void
screenshot (Fixture    *fixture,
            const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  const char *language = g_getenv ("LANGUAGE");
  gboolean german = language != NULL && g_str_has_prefix (language, "de");
  g_autofree char *light = g_strdup_printf ("review-page-%s-%d%s.png", name, width,
                                            german ? "-de" : "");
  g_autofree char *dark = g_strdup_printf ("review-page-%s-%d%s-dark.png", name, width,
                                           german ? "-de" : "");

  if (g_getenv ("AK_SCREENSHOT_DIR") == NULL)
    return;
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

/* Nothing on the page is wider than the window. */
static void
assert_fits (Fixture *fixture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  int min = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, width);
}

static void
assert_all_named (Fixture *fixture)
{
  guint n_checked = 0;
  g_autofree char *unnamed = NULL;

  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
  unnamed = ak_test_list_unnamed (shown (fixture), &n_checked);
  if (unnamed != NULL && *unnamed != '\0')
    g_error ("Without an accessible name on the %s page:\n%s", stage (fixture), unnamed);
  g_assert_cmpuint (n_checked, >, 0);
}

static void
wait_for_stage (Fixture    *fixture,
                const char *name)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (stage (fixture), ==, name);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

/* Today's share, the forecast and the start button. */
static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *due = g_strdup_printf (ngettext ("%u question is due for review today.",
                                                    "%u questions are due for review today.",
                                                    N_QUESTIONS),
                                          N_QUESTIONS);
  AkChart *chart;

  open_page (fixture, GPOINTER_TO_INT (data) == 2 ? 360 : 800);
  wait_for_stage (fixture, "start");
  g_assert_true (ak_test_has_label (shown (fixture), due));
  g_assert_nonnull (button (fixture, L ("Start Review")));
  /* No word about a limit when it did not cut the day short. */
  g_assert_false (has_label_containing (shown (fixture), L ("manageable")));
  chart = AK_CHART (ak_test_find_widget (shown (fixture), AK_TYPE_CHART, 0));
  g_assert_cmpuint (ak_chart_get_n_marks (chart), ==, 7);
  /* "zeit", learnt yesterday, comes back within the week. */
  {
    const guint *forecast = ak_review_session_get_forecast (ak_review_page_get_session (fixture->page));
    guint total = 0;

    for (guint i = 0; i < 7; i++)
      total += forecast[i];
    g_assert_cmpuint (total, ==, 3);
  }
  assert_fits (fixture);
  assert_all_named (fixture);
  screenshot (fixture, "start");

  /* A course taken out of the library: its questions are not asked. */
  {
    g_autofree char *path = g_build_filename (fixture->dir, "recht.xml", NULL);
    g_autofree char *three = g_strdup_printf (ngettext ("%u question is due for review today.",
                                                        "%u questions are due for review today.",
                                                        3),
                                              3);

    g_assert_cmpint (g_unlink (path), ==, 0);
    ak_course_library_reload (fixture->library);
    wait_for_stage (fixture, "start");
    g_assert_true (ak_test_has_label (shown (fixture), three));
  }
}

/* The daily limit from the settings cuts the day short, and says so. */
static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *due = g_strdup_printf (ngettext ("%u question is due for review today.",
                                                    "%u questions are due for review today.", 3),
                                          3);
  g_autofree char *more = g_strdup_printf (ngettext ("%u more question is due. It waits for the next days, so that today stays manageable.",
                                                     "%u more questions are due. They wait for the next days, so that today stays manageable.",
                                                     2),
                                           2);

  g_settings_set_uint (fixture->settings, "review-daily-limit", 3);
  open_page (fixture, 800);
  wait_for_stage (fixture, "start");
  g_assert_true (ak_test_has_label (shown (fixture), due));
  g_assert_true (ak_test_has_label (shown (fixture), more));
  g_assert_cmpuint (ak_review_session_get_n_questions (ak_review_page_get_session (fixture->page)),
                    ==, 3);
  screenshot (fixture, "limit");

  /* A new limit counts at once. */
  g_settings_set_uint (fixture->settings, "review-daily-limit", 4);
  wait_for_stage (fixture, "start");
  g_assert_cmpuint (ak_review_session_get_n_questions (ak_review_page_get_session (fixture->page)),
                    ==, 4);

  click_name (fixture, L ("Start Review"));
  wait_for_stage (fixture, "question");
  g_assert_true (ak_test_has_label (shown (fixture), POS (1, 4)));
  /* Not in the middle of a review. */
  g_settings_set_uint (fixture->settings, "review-daily-limit", 2);
  wait_for_stage (fixture, "question");
  g_assert_cmpuint (ak_review_session_get_n_questions (ak_review_page_get_session (fixture->page)),
                    ==, 4);

  /* Once today's share is done, the rest waits, and the page says so
   * without asking for more. */
  for (guint i = 0; i < 4; i++)
    {
      answer (fixture, TRUE);
      click_name (fixture, L ("Check Answer"));
      click_name (fixture, i + 1 < 4 ? L ("Next") : L ("Show Summary"));
    }
  wait_for_stage (fixture, "summary");
  click_name (fixture, L ("Back to the Overview"));
  wait_for_stage (fixture, "done");
  {
    g_autofree char *waits = g_strdup_printf (ngettext ("You have reached your daily limit. %u more question waits for tomorrow.",
                                                        "You have reached your daily limit. %u more questions wait for tomorrow.",
                                                        1),
                                              1);
    const char *description = adw_status_page_get_description (ADW_STATUS_PAGE (shown (fixture)));

    g_assert_cmpstr (description, ==, waits);
  }
  assert_all_named (fixture);
  screenshot (fixture, "limit-reached");
}

/* Every due question answered through the widgets, recorded as a review
 * answer; an override rewrites the rating; then the summary. */
static void
test_walk (Fixture       *fixture,
           gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data) == 2 ? 360 : 800;
  AkReviewSession *session;
  gboolean seen_other_course = FALSE;
  guint n_right = 0;
  g_autofree char *score = NULL;
  GtkWidget *difficult;

  open_page (fixture, width);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review WHERE kind = 'review'"), ==, 4);
  click_name (fixture, L ("Start Review"));
  session = ak_review_page_get_session (fixture->page);

  for (guint i = 0; i < N_QUESTIONS; i++)
    {
      AkCourse *course = ak_review_session_get_course (session);
      g_autofree char *from = g_strdup_printf (_("From “%s”"), ak_course_get_title (course));
      gboolean right = i != 1;
      GtkWidget *progress;
      g_autofree char *progress_name = NULL;

      wait_for_stage (fixture, "question");
      g_assert_true (ak_test_has_label (shown (fixture), POS (i + 1, N_QUESTIONS)));
      g_assert_true (ak_test_has_label (shown (fixture), from));
      if (i > 0 && g_strcmp0 (ak_course_get_id (course), "recht") == 0)
        seen_other_course = TRUE;
      progress = ak_test_find_widget (shown (fixture), GTK_TYPE_PROGRESS_BAR, 0);
      g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==,
                         (double)i / N_QUESTIONS);
      progress_name = ak_test_get_accessible_name (progress);
      g_assert_cmpstr (progress_name, ==, POS (i + 1, N_QUESTIONS));

      /* Nothing to check before an answer is picked. */
      g_assert_false (gtk_widget_is_sensitive (button (fixture, L ("Check Answer"))));
      answer (fixture, right);
      if (i == 0)
        {
          screenshot (fixture, "question");
          assert_all_named (fixture);
        }
      click_name (fixture, L ("Check Answer"));
      n_right += right;

      /* Recorded the moment it is checked, as a review. */
      g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review WHERE kind = 'review'"),
                       ==, 4 + i + 1);
      g_assert_true (gtk_widget_get_visible (ak_test_find_widget (shown (fixture),
                                                                  AK_TYPE_FEEDBACK_VIEW, 0)));
      g_assert_cmpstr (ak_feedback_view_get_verdict (AK_FEEDBACK_VIEW (ak_test_find_widget (shown (fixture), AK_TYPE_FEEDBACK_VIEW, 0))),
                       ==, g_dpgettext2 (GETTEXT_PACKAGE, "verdict", right ? "Right" : "Wrong"));
      g_assert_true (ak_question_widget_get_read_only (current_question (fixture)));

      if (i == 0)
        {
          /* A lucky guess: the stored rating drops from Good to Hard. */
          g_assert_cmpint (query_int (fixture, "SELECT rating FROM review ORDER BY id DESC LIMIT 1"),
                           ==, AK_RATING_GOOD);
          click_name (fixture, L ("I Guessed"));
          g_assert_cmpint (query_int (fixture, "SELECT rating FROM review ORDER BY id DESC LIMIT 1"),
                           ==, AK_RATING_HARD);
          g_assert_cmpint (query_int (fixture, "SELECT graded FROM review ORDER BY id DESC LIMIT 1"),
                           ==, AK_RATING_GOOD);
          /* Taken back: the grading's rating again. */
          click_name (fixture, L ("I Guessed"));
          g_assert_cmpint (query_int (fixture, "SELECT rating FROM review ORDER BY id DESC LIMIT 1"),
                           ==, AK_RATING_GOOD);
          click_name (fixture, L ("I Guessed"));
          assert_all_named (fixture);
          assert_fits (fixture);
          screenshot (fixture, "feedback");
        }
      if (i == 1)
        {
          /* Wrong: the feedback offers the section to reread. */
          GtkWidget *view = ak_test_find_widget (shown (fixture), AK_TYPE_FEEDBACK_VIEW, 0);
          GtkWidget *read = ak_test_find_widget (view, GTK_TYPE_BUTTON, 0);
          g_autofree char *read_name = ak_test_get_accessible_name (read);

          g_assert_true (g_str_has_prefix (read_name, L ("Read in the Lesson")));
          ak_test_click (read);
          g_assert_cmpuint (fixture->opened->len, ==, 1);
          g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->opened, 0),
                                           ak_course_get_id (course)));

          /* Wrong is no guess; but it may have been a slip: Hard, not Again. */
          g_assert_null (ak_test_find_accessible (shown (fixture), GTK_ACCESSIBLE_ROLE_BUTTON,
                                                  L ("I Guessed")));
          g_assert_true (ak_test_has_label (shown (fixture),
                                    L ("Only a slip, such as a typo? Then say that you knew it.")));
          g_assert_cmpint (query_int (fixture, "SELECT rating FROM review ORDER BY id DESC LIMIT 1"),
                           ==, AK_RATING_AGAIN);
          click_name (fixture, L ("I Knew It for Sure"));
          g_assert_cmpint (query_int (fixture, "SELECT rating FROM review ORDER BY id DESC LIMIT 1"),
                           ==, AK_RATING_HARD);
          screenshot (fixture, "feedback-wrong");
        }
      click_name (fixture, i + 1 < N_QUESTIONS ? L ("Next") : L ("Show Summary"));
    }
  /* Interleaved across courses, not one course after the other. */
  g_assert_true (seen_other_course);

  wait_for_stage (fixture, "summary");
  score = g_strdup_printf (ngettext ("You knew %u of %u question.", "You knew %u of %u questions.",
                                     N_QUESTIONS),
                           n_right, N_QUESTIONS);
  g_assert_true (ak_test_has_label (shown (fixture), score));
  /* The one forgotten four times, with its section to reread. */
  g_assert_true (ak_test_has_label (shown (fixture), L ("Difficult Questions")));
  difficult = ak_test_find_widget (shown (fixture), ADW_TYPE_ACTION_ROW, 0);
  g_assert_nonnull (difficult);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (difficult)), ==,
                   "Wie sollen die Abstände zwischen den Wiederholungen werden?");
  g_assert_true (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (difficult)),
                         "Lernen mit Abstand") != NULL);
  g_assert_null (ak_test_find_widget (shown (fixture), ADW_TYPE_ACTION_ROW, 1));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (difficult)));
  gtk_widget_activate (difficult);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, fixture->opened->len - 1), ==,
                   "gedaechtnis/lernen/abstand");
  assert_all_named (fixture);
  assert_fits (fixture);
  screenshot (fixture, "summary");

  /* Back to the start: today is done. */
  click_name (fixture, L ("Back to the Overview"));
  wait_for_stage (fixture, "done");
}

/* Nothing answered yet, or all done today: a status page that says when
 * the next questions are due. */
static void
test_nothing_due (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *tomorrow = NULL;
  AdwStatusPage *status;

  open_page (fixture, 800);
  wait_for_stage (fixture, "done");
  status = ADW_STATUS_PAGE (shown (fixture));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, L ("Everything Is Reviewed for Today"));
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   L ("No questions are due in the next seven days."));
  close_page (fixture);

  /* A quiz today: due in a few days, which the page says. */
  take_quiz (fixture, "recht");
  open_page (fixture, 800);
  wait_for_stage (fixture, "done");
  status = ADW_STATUS_PAGE (shown (fixture));
  g_assert_true (strstr (adw_status_page_get_description (status), "2") != NULL);
  g_assert_false (g_str_equal (adw_status_page_get_description (status),
                               L ("No questions are due in the next seven days.")));
  assert_fits (fixture);
  screenshot (fixture, "nothing-due");
}

/* Enter on the picked choice checks the answer; then the focus is on
 * "Next", with the verdict as its description. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *focus;
  g_autofree char *name = NULL;

  open_page (fixture, 800);
  /* Enter starts the review. */
  g_assert_true (gtk_window_get_default_widget (fixture->window)
                 == button (fixture, L ("Start Review")));
  click_name (fixture, L ("Start Review"));
  wait_for_stage (fixture, "question");

  /* The first choice has the focus, for the keyboard and screen reader. */
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (current_question (fixture))));
  answer (fixture, TRUE);
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  g_assert_true (ak_question_widget_get_read_only (current_question (fixture)));
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM review WHERE kind = 'review'"), ==, 5);

  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  name = ak_test_get_accessible_name (focus);
  g_assert_cmpstr (name, ==, L ("Next"));
  g_assert_true (gtk_window_get_default_widget (fixture->window) == focus);
  ak_test_click (focus);
  wait_for_stage (fixture, "question");
  g_assert_true (ak_test_has_label (shown (fixture), POS (2, N_QUESTIONS)));
}

static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  if (!g_test_subprocess ())
    {
      g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

      g_setenv ("LANGUAGE", "de", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (language != NULL)
        g_setenv ("LANGUAGE", language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      g_test_trap_assert_passed ();
      return;
    }

  open_page (fixture, 360);
  wait_for_stage (fixture, "start");
  g_assert_true (ak_test_has_label (shown (fixture), "Heute sind 5 Fragen zur Wiederholung fällig."));
  screenshot (fixture, "start");
  click_name (fixture, "Wiederholung starten");
  wait_for_stage (fixture, "question");
  g_assert_true (ak_test_has_label (shown (fixture), "Frage 1 von 5"));
  answer (fixture, TRUE);
  click_name (fixture, "Antwort prüfen");
  g_assert_nonnull (button (fixture, "Das wusste ich sicher"));
  g_assert_nonnull (button (fixture, "Geraten"));
  g_assert_true (ak_test_has_label (shown (fixture), "In der Lektion nachlesen"));
  screenshot (fixture, "feedback");
  click_name (fixture, "Weiter");
  wait_for_stage (fixture, "question");
  g_assert_true (ak_test_has_label (shown (fixture), "Frage 2 von 5"));
  for (guint i = 1; i < N_QUESTIONS; i++)
    {
      answer (fixture, TRUE);
      click_name (fixture, "Antwort prüfen");
      click_name (fixture, i + 1 < N_QUESTIONS ? "Weiter" : "Zusammenfassung zeigen");
    }
  wait_for_stage (fixture, "summary");
  g_assert_true (ak_test_has_label (shown (fixture), "Sie wussten 5 von 5 Fragen."));
  g_assert_true (ak_test_has_label (shown (fixture), "Schwierige Fragen"));
  screenshot (fixture, "summary");
  click_name (fixture, "Zurück zur Übersicht");
  wait_for_stage (fixture, "done");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (shown (fixture))), ==,
                   "Für heute ist alles wiederholt");
  screenshot (fixture, "done");
}

int
main (int    argc,
      char **argv)
{
  ak_test_ui_init (&argc, &argv);
  adw_init ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/smakademie/Akademie/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/review-page/start/wide", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_start, fixture_tear_down);
  g_test_add ("/review-page/start/narrow", Fixture, GINT_TO_POINTER (2),
              fixture_set_up, test_start, fixture_tear_down);
  g_test_add ("/review-page/limit", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_limit, fixture_tear_down);
  g_test_add ("/review-page/walk/wide", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/review-page/walk/narrow", Fixture, GINT_TO_POINTER (2),
              fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/review-page/nothing-due", Fixture, GINT_TO_POINTER (0),
              fixture_set_up, test_nothing_due, fixture_tear_down);
  g_test_add ("/review-page/keyboard", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/review-page/german", Fixture, GINT_TO_POINTER (1),
              fixture_set_up, test_german, fixture_tear_down);

  return ak_test_ui_run ();
}
