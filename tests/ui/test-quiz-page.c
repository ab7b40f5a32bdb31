/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "../session-fixtures.h"
#include "ak-feedback-view.h"
#include "ak-question-widget.h"
#include "ak-quiz-page.h"
#include "ak-quiz-text.h"
#include "window-test-helpers.h"

/* The quiz page as the learner uses it: from the intro through every
 * question to the results, by mouse and by keyboard, and what the
 * progress store holds afterwards. Quiz "fest" asks its five questions in
 * the file's order and is the course's last quiz, its final test. */

typedef struct
{
  char       *dir;
  AkCourse   *course;
  AkContext  *context;
  GtkWindow  *window;
  AkQuizPage *page;
  GPtrArray  *opened;     /* "course/lesson/section" asked for */
} Fixture;


static const char *
V (const char *verdict)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "verdict", verdict);
}

static const char *
POS (guint index,
     guint n)
{
  g_autofree char *text = g_strdup_printf (_("Question %u of %u"), index, n);

  return g_intern_string (text);
}

static const char *
PERCENT (double percent)
{
  g_autofree char *text = ak_quiz_format_percent (percent);

  return g_intern_string (text);
}

static const char *
POINTS (double      points,
        double      max)
{
  g_autofree char *a = ak_quiz_format_number (points);
  g_autofree char *b = ak_quiz_format_number (max);
  g_autofree char *text = g_strdup_printf (_("%s of %s points"), a, b);

  return g_intern_string (text);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AkProgressStore) store = NULL;
  g_autoptr(AkClock) clock = ak_fake_clock_new (SESSION_TEST_START_TIME);
  g_autofree char *store_path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("akademie-quiz-page-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->course = session_test_load_course ();
  store_path = g_build_filename (fixture->dir, "fortschritt.db", NULL);
  store = ak_progress_store_open (store_path, &error);
  g_assert_no_error (error);
  fixture->context = ak_context_new (NULL, store, NULL, clock);
  fixture->opened = g_ptr_array_new_with_free_func (g_free);
}

/* Takes the page out of its window; nothing else may keep it. */
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
  g_assert_finalize_object (fixture->course);
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
open_lesson_section_cb (AkQuizPage *page,
                        const char *course_id,
                        const char *lesson_id,
                        const char *section_id,
                        Fixture    *fixture)
{
  g_ptr_array_add (fixture->opened, g_strdup_printf ("%s/%s/%s", course_id, lesson_id, section_id));
}

/* A new page for @quiz_id in a window @width pixels wide. */
static void
open_page (Fixture    *fixture,
           const char *quiz_id,
           int         width,
           gboolean    exam_mode)
{
  close_page (fixture);
  fixture->page = g_object_ref_sink (ak_quiz_page_new (fixture->context, fixture->course, quiz_id));
  ak_quiz_page_set_exam_mode (fixture->page, exam_mode);
  g_signal_connect (fixture->page, "open-lesson-section", G_CALLBACK (open_lesson_section_cb),
                    fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 640);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->page));
}

static const char *
stage (Fixture *fixture)
{
  return ak_test_quiz_stage (fixture->page);
}

static GtkWidget *
shown (Fixture *fixture)
{
  return ak_test_quiz_shown (fixture->page);
}

static GtkWidget *
find_shown (Fixture           *fixture,
            GtkAccessibleRole  role,
            const char        *name)
{
  return ak_test_find_accessible (shown (fixture), role, name);
}

static GtkWidget *
button (Fixture    *fixture,
        const char *name)
{
  return ak_test_find_button (shown (fixture), name);
}

static void
click_name (Fixture    *fixture,
            const char *name)
{
  ak_test_click (button (fixture, name));
}

static void
wait_for_position (Fixture    *fixture,
                   const char *expected)
{
  ak_test_wait_for_position (fixture->page, expected);
}

static gboolean
feedback_shown (Fixture *fixture)
{
  return ak_test_quiz_feedback_shown (fixture->page);
}

static void
wait_for_feedback (Fixture *fixture)
{
  ak_test_wait_for_feedback (fixture->page);
}

static const char *
shown_verdict (Fixture *fixture)
{
  GtkWidget *view = ak_test_find_widget (shown (fixture), AK_TYPE_FEEDBACK_VIEW, 0);

  g_assert_nonnull (view);
  return ak_feedback_view_get_verdict (AK_FEEDBACK_VIEW (view));
}

static AkQuestionWidget *
current_question (Fixture *fixture)
{
  GtkWidget *widget = ak_test_find_widget (shown (fixture), AK_TYPE_QUESTION_WIDGET, 0);

  g_assert_nonnull (widget);
  return AK_QUESTION_WIDGET (widget);
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  return ak_test_query_text (ak_progress_store_get_path (ak_context_get_store (fixture->context)),
                             sql);
}

/* A light and a dark screenshot, for review; nothing without
 * AK_SCREENSHOT_DIR. */
static void
screenshot (Fixture    *fixture,
            const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  g_autofree char *light = g_strdup_printf ("quiz-page-%s-%d.png", name, width);
  g_autofree char *dark = g_strdup_printf ("quiz-page-%s-%d-dark.png", name, width);

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

/* Nothing on the page is wider than the window: no horizontal scrolling. */
static void
assert_fits (Fixture *fixture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->window));
  int min = 0;

  gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min, NULL, NULL, NULL);
  g_assert_cmpint (min, <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->page)), ==, width);
}

static gboolean
is_interactive (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_ENTRY (widget)
         || GTK_IS_DROP_DOWN (widget) || GTK_IS_PROGRESS_BAR (widget)
         || (GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_focusable (widget));
}

/* Every control shown has a role and a name a screen reader can say. */
static guint
assert_accessible (GtkWidget *widget)
{
  guint n = 0;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return 0;
  if (is_interactive (widget))
    {
      g_autofree char *name = ak_test_get_accessible_name (widget);
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

      if (*g_strstrip (name) == '\0')
        g_error ("A %s without an accessible name", G_OBJECT_TYPE_NAME (widget));
      g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_NONE);
      g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_GENERIC);
      n++;
    }
  /* A drop-down's list is its own: it is named by the drop-down. */
  if (GTK_IS_DROP_DOWN (widget))
    return n;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += assert_accessible (child);
  return n;
}

static guint
question_number (Fixture    *fixture,
                 const char *question_id,
                 const char *choice_id)
{
  GPtrArray *choices = ak_quiz_session_get_choices (ak_quiz_page_get_session (fixture->page),
                                                    question_id);

  for (guint i = 0; i < choices->len; i++)
    if (g_str_equal (ak_choice_get_id (g_ptr_array_index (choices, i)), choice_id))
      return i + 1;
  g_assert_not_reached ();
}

static void
pick (Fixture    *fixture,
      const char *name,
      gboolean    radio)
{
  GtkWidget *choice = find_shown (fixture, radio ? GTK_ACCESSIBLE_ROLE_RADIO
                                                 : GTK_ACCESSIBLE_ROLE_CHECKBOX, name);

  g_assert_nonnull (choice);
  gtk_widget_activate (choice);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (choice)));
}

static void
enter_text (Fixture    *fixture,
            const char *text)
{
  GtkWidget *entry = ak_test_find_widget (GTK_WIDGET (current_question (fixture)), GTK_TYPE_ENTRY, 0);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
check_and_read (Fixture    *fixture,
                const char *verdict)
{
  GtkWidget *check = button (fixture, ak_test_words ("Check Answer"));

  session_test_advance (fixture->context, 12);
  ak_test_click (check);
  wait_for_feedback (fixture);
  g_assert_cmpstr (shown_verdict (fixture), ==, verdict);
  g_assert_false (gtk_widget_get_visible (check));
  g_assert_true (ak_question_widget_get_read_only (current_question (fixture)));
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  return session_test_query_int (fixture->context, sql);
}

/* The intro of the final test, then every question by mouse, some right
 * and some wrong; the results; then a practice round of the mistakes. */
static void
test_walk (Fixture       *fixture,
           gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  g_autofree char *answers = NULL;
  g_autofree char *percent = NULL;
  GtkWidget *progress;
  GtkWidget *check;
  GtkWidget *results;

  open_page (fixture, "fest", width, FALSE);
  g_assert_cmpstr (stage (fixture), ==, "intro");
  g_assert_true (ak_quiz_page_get_final_test (fixture->page));
  g_assert_true (ak_test_has_label (shown (fixture), "Feste Reihenfolge"));
  g_assert_true (ak_test_has_label (shown (fixture), _("Final Test")));
  g_assert_true (ak_test_has_label (shown (fixture), _("No attempt yet")));
  g_assert_true (ak_test_has_label (shown (fixture), "5"));
  g_assert_true (ak_test_has_label (shown (fixture), PERCENT (50)));
  g_assert_null (find_shown (fixture, GTK_ACCESSIBLE_ROLE_BUTTON, ak_test_words ("Resume")));
  /* Looking at the intro starts nothing. */
  g_assert_null (ak_quiz_page_get_session (fixture->page));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attempt"), ==, 0);
  g_assert_false (ak_quiz_page_get_leaving_open_exam (fixture->page));
  assert_fits (fixture);
  screenshot (fixture, "intro");

  click_name (fixture, ak_test_words ("Start Quiz"));
  wait_for_position (fixture, POS (1, 5));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attempt"), ==, 1);
  g_assert_true (ak_quiz_page_get_leaving_open_exam (fixture->page));
  progress = ak_test_find_widget (shown (fixture), GTK_TYPE_PROGRESS_BAR, 0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)), ==, 0.0);
  check = button (fixture, ak_test_words ("Check Answer"));
  /* Nothing to check before an answer. */
  g_assert_false (gtk_widget_is_sensitive (check));
  g_assert_true (gtk_window_get_default_widget (fixture->window) == check);

  /* 1: the wrong choice. */
  pick (fixture, "A", TRUE);
  g_assert_true (gtk_widget_is_sensitive (check));
  check_and_read (fixture, V ("Wrong"));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM answer"), ==, 1);
  g_assert_true (ak_test_has_label (shown (fixture), "B."));
  g_assert_true (gtk_window_get_default_widget (fixture->window) == button (fixture, ak_test_words ("Next")));
  assert_fits (fixture);
  screenshot (fixture, "feedback-wrong");
  /* The thesis of the question is taught in the first section. */
  {
    g_autofree char *place = g_strdup_printf (_("%s: %s"), "Die Lektion", "Der Einstieg");
    g_autofree char *name = g_strdup_printf (_("Read in the Lesson: %s"), place);

    click_name (fixture, name);
  }
  g_assert_cmpuint (fixture->opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->opened, 0), ==, "sitzung/lektion/einstieg");
  click_name (fixture, ak_test_words ("Next"));

  /* 2: true, and it is. */
  wait_for_position (fixture, POS (2, 5));
  progress = ak_test_find_widget (shown (fixture), GTK_TYPE_PROGRESS_BAR, 0);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)),
                                  0.2, 1e-9);
  pick (fixture, C_("answer", "True"), TRUE);
  check_and_read (fixture, V ("Right"));
  click_name (fixture, ak_test_words ("Next"));

  /* 3: one of the two right choices. */
  wait_for_position (fixture, POS (3, 5));
  pick (fixture, "A", FALSE);
  check_and_read (fixture, V ("Partly right"));
  screenshot (fixture, "feedback-partly");
  click_name (fixture, ak_test_words ("Next"));

  /* 4 and 5: typed. */
  wait_for_position (fixture, POS (4, 5));
  enter_text (fixture, "vier");
  check_and_read (fixture, V ("Right"));
  click_name (fixture, ak_test_words ("Next"));
  wait_for_position (fixture, POS (5, 5));
  enter_text (fixture, "7");
  check_and_read (fixture, V ("Wrong"));
  g_assert_true (ak_quiz_page_get_leaving_open_exam (fixture->page));
  click_name (fixture, ak_test_words ("Show Results"));
  wait_for_position (fixture, "results");

  /* 0 + 1 + ½ + 1 + 0 of 5 points: 50 %, just what the pass mark asks. */
  results = shown (fixture);
  g_assert_false (ak_quiz_page_get_leaving_open_exam (fixture->page));
  g_assert_true (ak_test_has_label (results, _("Passed")));
  g_assert_true (ak_test_has_label (results, PERCENT (50)));
  /* The passed final test offers its certificate. */
  g_assert_nonnull (find_shown (fixture, GTK_ACCESSIBLE_ROLE_BUTTON,
                                _("Save Certificate of Participation…")));
  {
    g_autofree char *points = ak_quiz_format_number (2.5);
    g_autofree char *points_text = g_strdup_printf (_("%s of %s points · pass mark %u %%"),
                                                    points, "5", 50);
    g_autofree char *duration = ak_quiz_format_duration (60);
    g_autofree char *time_text = g_strdup_printf (_("Time taken: %s"), duration);

    g_assert_true (ak_test_has_label (results, points_text));
    /* Twelve seconds for each of the five answers. */
    g_assert_true (ak_test_has_label (results, time_text));
  }
  g_assert_false (ak_test_has_label (results, _("Practice Round")));
  g_assert_cmpuint (ak_test_count_widgets (results, AK_TYPE_FEEDBACK_VIEW), ==, 5);
  /* The learner's answer beside the right one. */
  g_assert_true (ak_test_has_label (results, "7"));
  g_assert_true (ak_test_has_label (results, "5"));
  g_assert_true (ak_test_has_label (results, "A; C"));
  g_assert_true (ak_test_has_label (results, "Fünf."));
  assert_fits (fixture);
  screenshot (fixture, "results");

  /* The store holds exactly these answers. */
  answers = query_text (fixture, "SELECT group_concat (question_id || '=' || score, ' ') "
                                 "FROM (SELECT * FROM answer ORDER BY id)");
  g_assert_cmpstr (answers, ==, "f1=0.0 f2=1.0 f3=0.5 f4=1.0 f5=0.0");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attempt WHERE state = 'finished' "
                                   "AND passed = 1"), ==, 1);

  /* The mistakes again, as practice. */
  click_name (fixture, ak_test_words ("Practise Mistakes"));
  wait_for_position (fixture, POS (1, 3));
  g_assert_true (ak_test_has_label (shown (fixture), _("Practice Round")));
  g_assert_true (ak_quiz_session_get_practice (ak_quiz_page_get_session (fixture->page)));
  g_assert_false (ak_quiz_page_get_leaving_open_exam (fixture->page));
  g_assert_true (ak_test_has_label (shown (fixture), "Erste Frage?"));
  pick (fixture, "B", TRUE);
  check_and_read (fixture, V ("Right"));
  click_name (fixture, ak_test_words ("Next"));
  wait_for_position (fixture, POS (2, 3));
  g_assert_true (ak_test_has_label (shown (fixture), "Dritte Frage?"));
  pick (fixture, "A", FALSE);
  pick (fixture, "C", FALSE);
  check_and_read (fixture, V ("Right"));
  click_name (fixture, ak_test_words ("Next"));
  wait_for_position (fixture, POS (3, 3));
  g_assert_true (ak_test_has_label (shown (fixture), "Fünfte Frage?"));
  enter_text (fixture, "5");
  check_and_read (fixture, V ("Right"));
  click_name (fixture, ak_test_words ("Show Results"));
  wait_for_position (fixture, "results");
  results = shown (fixture);
  g_assert_true (ak_test_has_label (results, _("Practice Round")));
  g_assert_true (ak_test_has_label (results, _("Practice Finished")));
  g_assert_false (ak_test_has_label (results, _("Passed")));
  g_assert_null (find_shown (fixture, GTK_ACCESSIBLE_ROLE_BUTTON,
                             _("Save Certificate of Participation…")));
  g_assert_true (ak_test_has_label (results, POINTS (3, 3)));
  percent = ak_quiz_format_percent (100);
  g_assert_true (ak_test_has_label (results, percent));
  /* Nothing missed: nothing left to practise. */
  g_assert_null (find_shown (fixture, GTK_ACCESSIBLE_ROLE_BUTTON, ak_test_words ("Practise Mistakes")));
  screenshot (fixture, "practice-results");

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM practice_answer"), ==, 3);
  g_clear_pointer (&answers, g_free);
  answers = query_text (fixture, "SELECT group_concat (question_id, ' ') "
                                 "FROM (SELECT * FROM practice_answer ORDER BY id)");
  g_assert_cmpstr (answers, ==, "f1 f3 f5");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM answer"), ==, 5);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attempt"), ==, 1);

  /* Trying again is a new attempt. */
  click_name (fixture, ak_test_words ("Try Again"));
  wait_for_position (fixture, POS (1, 5));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attempt"), ==, 2);
  g_assert_false (ak_quiz_session_get_practice (ak_quiz_page_get_session (fixture->page)));
}

/* The page left in the middle, and opened again. */
static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  open_page (fixture, "fest", 360, FALSE);
  click_name (fixture, ak_test_words ("Start Quiz"));
  wait_for_position (fixture, POS (1, 5));
  pick (fixture, "B", TRUE);
  check_and_read (fixture, V ("Right"));
  click_name (fixture, ak_test_words ("Next"));
  wait_for_position (fixture, POS (2, 5));
  pick (fixture, C_("answer", "False"), TRUE);
  check_and_read (fixture, V ("Wrong"));
  /* Leaving after the feedback, before "Next": the final test stays open. */
  g_assert_true (ak_quiz_page_get_leaving_open_exam (fixture->page));
  close_page (fixture);

  open_page (fixture, "fest", 360, FALSE);
  g_assert_cmpstr (stage (fixture), ==, "intro");
  g_assert_null (find_shown (fixture, GTK_ACCESSIBLE_ROLE_BUTTON, ak_test_words ("Start Quiz")));
  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "You have answered %u of %u question so far. Your answers are kept.",
                                                          "You have answered %u of %u questions so far. Your answers are kept.",
                                                          5),
                                             2, 5);

    g_assert_true (ak_test_has_label (shown (fixture), text));
  }
  screenshot (fixture, "intro-resume");
  click_name (fixture, ak_test_words ("Resume"));
  wait_for_position (fixture, POS (3, 5));
  g_assert_true (ak_test_has_label (shown (fixture), "Dritte Frage?"));
  g_assert_true (ak_quiz_session_get_resumed (ak_quiz_page_get_session (fixture->page)));
  close_page (fixture);

  /* Starting over ends the open attempt and asks from the first question. */
  open_page (fixture, "fest", 360, FALSE);
  click_name (fixture, ak_test_words ("Start Over"));
  wait_for_position (fixture, POS (1, 5));
  g_assert_false (ak_quiz_session_get_resumed (ak_quiz_page_get_session (fixture->page)));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attempt WHERE state = 'abandoned'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM attempt WHERE state = 'in-progress'"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM answer"), ==, 2);
  close_page (fixture);

  /* Leaving a quiz that is not the final test says nothing. */
  open_page (fixture, "alle", 360, FALSE);
  g_assert_false (ak_quiz_page_get_final_test (fixture->page));
  click_name (fixture, ak_test_words ("Start Quiz"));
  wait_for_position (fixture, POS (1, 8));
  g_assert_false (ak_quiz_page_get_leaving_open_exam (fixture->page));
}

static void
press_and_wait_feedback (Fixture *fixture)
{
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  wait_for_feedback (fixture);
}

/* The whole final test by keys alone: Tab, numbers, typing and Enter. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *results;

  open_page (fixture, "fest", 800, FALSE);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window))
                 == button (fixture, ak_test_words ("Start Quiz")));
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  wait_for_position (fixture, POS (1, 5));

  /* The focus is on the first choice; "2" picks the second. */
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (fixture->window))));
  ak_test_press_key (fixture->window, GDK_KEY_2, 0);
  press_and_wait_feedback (fixture);
  g_assert_cmpstr (shown_verdict (fixture), ==, V ("Right"));
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  wait_for_position (fixture, POS (2, 5));

  ak_test_press_key (fixture->window, GDK_KEY_KP_1, 0);
  press_and_wait_feedback (fixture);
  g_assert_cmpstr (shown_verdict (fixture), ==, V ("Right"));
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  wait_for_position (fixture, POS (3, 5));

  /* The number keys work with the focus on the buttons too. */
  gtk_widget_grab_focus (button (fixture, ak_test_words ("Check Answer")));
  g_assert_false (gtk_widget_has_focus (button (fixture, ak_test_words ("Check Answer"))));
  ak_test_press_key (fixture->window, GDK_KEY_0 + question_number (fixture, "f3", "a"), 0);
  ak_test_press_key (fixture->window, GDK_KEY_0 + question_number (fixture, "f3", "c"), 0);
  press_and_wait_feedback (fixture);
  g_assert_cmpstr (shown_verdict (fixture), ==, V ("Right"));
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  wait_for_position (fixture, POS (4, 5));

  /* Enter in the entry checks the answer. */
  ak_test_type_text (fixture->window, "vier");
  press_and_wait_feedback (fixture);
  g_assert_cmpstr (shown_verdict (fixture), ==, V ("Right"));
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  wait_for_position (fixture, POS (5, 5));
  ak_test_type_text (fixture->window, "5");
  press_and_wait_feedback (fixture);
  ak_test_press_key (fixture->window, GDK_KEY_Return, 0);
  wait_for_position (fixture, "results");

  results = shown (fixture);
  g_assert_true (ak_test_has_label (results, _("Passed")));
  g_assert_true (ak_test_has_label (results, PERCENT (100)));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM answer WHERE score = 1"), ==, 5);
  /* The focus waits on what comes next: the passed final test's certificate. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window))
                 == button (fixture, _("Save Certificate of Participation…")));
}

/* Exam mode: no feedback until the results, then all of it. */
static void
test_exam_mode (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *results;

  open_page (fixture, "fest", 360, TRUE);
  click_name (fixture, ak_test_words ("Start Quiz"));
  wait_for_position (fixture, POS (1, 5));
  g_assert_true (ak_test_has_label (shown (fixture), _("Feedback at the End")));
  pick (fixture, "A", TRUE);
  click_name (fixture, ak_test_words ("Save Answer"));
  /* Straight on, nothing said. */
  wait_for_position (fixture, POS (2, 5));
  g_assert_false (feedback_shown (fixture));
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM answer"), ==, 1);
  pick (fixture, C_("answer", "True"), TRUE);
  click_name (fixture, ak_test_words ("Save Answer"));
  wait_for_position (fixture, POS (3, 5));
  pick (fixture, "C", FALSE);
  click_name (fixture, ak_test_words ("Save Answer"));
  wait_for_position (fixture, POS (4, 5));
  enter_text (fixture, "drei");
  click_name (fixture, ak_test_words ("Save Answer"));
  wait_for_position (fixture, POS (5, 5));
  enter_text (fixture, "5");
  click_name (fixture, ak_test_words ("Save Answer"));
  wait_for_position (fixture, "results");

  results = shown (fixture);
  /* 0 + 1 + ½ + 0 + 1 of 5 points */
  g_assert_true (ak_test_has_label (results, PERCENT (50)));
  g_assert_cmpuint (ak_test_count_widgets (results, AK_TYPE_FEEDBACK_VIEW), ==, 5);
  g_assert_true (ak_test_has_label (results, V ("Partly right")));
  g_assert_true (ak_test_has_label (results, "drei"));
  g_assert_true (ak_test_has_label (results, "vier"));
  screenshot (fixture, "exam-results");
}

/* Every control on every stage has a role and a name. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  open_page (fixture, "alle", 360, FALSE);
  g_assert_cmpuint (assert_accessible (shown (fixture)), >=, 1);
  click_name (fixture, ak_test_words ("Start Quiz"));
  for (guint i = 1; i <= 8; i++)
    {
      const char *position = POS (i, 8);
      AkQuestionWidget *question;
      AkQuestionType type;
      GtkWidget *progress;
      g_autofree char *progress_name = NULL;

      wait_for_position (fixture, position);
      progress = ak_test_find_widget (shown (fixture), GTK_TYPE_PROGRESS_BAR, 0);
      progress_name = ak_test_get_accessible_name (progress);
      g_assert_cmpstr (progress_name, ==, position);
      g_assert_cmpuint (assert_accessible (shown (fixture)), >=, 3);

      question = current_question (fixture);
      type = ak_question_get_question_type (ak_question_widget_get_question (question));
      /* Any answer will do. */
      switch (type)
        {
        case AK_QUESTION_SINGLE_CHOICE:
        case AK_QUESTION_MULTIPLE_CHOICE:
        case AK_QUESTION_TRUE_FALSE:
          gtk_widget_activate (ak_test_find_widget (GTK_WIDGET (question), GTK_TYPE_CHECK_BUTTON, 0));
          break;
        case AK_QUESTION_GAP_TEXT:
        case AK_QUESTION_SHORT_ANSWER:
        case AK_QUESTION_NUMERIC:
          enter_text (fixture, "1");
          break;
        case AK_QUESTION_MATCHING:
          gtk_drop_down_set_selected (GTK_DROP_DOWN (ak_test_find_widget (GTK_WIDGET (question),
                                                                          GTK_TYPE_DROP_DOWN, 0)), 1);
          break;
        case AK_QUESTION_ORDERING:
          /* The focus is on an item, which Alt+Up moves and Enter checks. */
          g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (GTK_ROOT (fixture->window))));
          break;
        case AK_N_QUESTION_TYPES:
        default:
          break;
        }
      g_assert_true (ak_question_widget_get_answered (question));
      click_name (fixture, ak_test_words ("Check Answer"));
      wait_for_feedback (fixture);
      g_assert_cmpuint (assert_accessible (shown (fixture)), >=, 2);
      click_name (fixture, i < 8 ? ak_test_words ("Next") : ak_test_words ("Show Results"));
    }
  wait_for_position (fixture, "results");
  g_assert_cmpuint (assert_accessible (shown (fixture)), >=, 2);
  assert_fits (fixture);
}


/* Any answer, through the widget: the first choice, "1" in every entry,
 * the first item of every drop-down, the order as shown. */
static void
answer_anyhow (Fixture *fixture)
{
  AkQuestionWidget *question = current_question (fixture);
  GtkWidget *widget;

  switch (ak_question_get_question_type (ak_question_widget_get_question (question)))
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
    case AK_QUESTION_TRUE_FALSE:
      gtk_widget_activate (ak_test_find_widget (GTK_WIDGET (question), GTK_TYPE_CHECK_BUTTON, 0));
      break;
    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
      for (guint i = 0; (widget = ak_test_find_widget (GTK_WIDGET (question), GTK_TYPE_ENTRY, i)) != NULL; i++)
        gtk_editable_set_text (GTK_EDITABLE (widget), "1");
      break;
    case AK_QUESTION_MATCHING:
      for (guint i = 0; (widget = ak_test_find_widget (GTK_WIDGET (question), GTK_TYPE_DROP_DOWN, i)) != NULL; i++)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), 1);
      break;
    case AK_QUESTION_ORDERING:
    case AK_N_QUESTION_TYPES:
    default:
      break;
    }
  g_assert_true (ak_question_widget_get_answered (question));
}

/* A bundled course's quiz, every question type with its real texts. */
static void
test_bundled (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses",
                                            "beispielkurs.kurs.xml", NULL);
  int width = GPOINTER_TO_INT (data);
  guint n;

  g_clear_object (&fixture->course);
  fixture->course = session_test_load_file (path);
  open_page (fixture, "quiz-beitraege", width, FALSE);
  g_assert_false (ak_quiz_page_get_final_test (fixture->page));
  assert_fits (fixture);
  screenshot (fixture, "bundled-intro");
  click_name (fixture, ak_test_words ("Start Quiz"));
  n = ak_quiz_session_get_n_questions (ak_quiz_page_get_session (fixture->page));
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 1; i <= n; i++)
    {
      AkQuestionType type;
      g_autofree char *name = NULL;

      wait_for_position (fixture, POS (i, n));
      type = ak_question_get_question_type (ak_question_widget_get_question (current_question (fixture)));
      answer_anyhow (fixture);
      click_name (fixture, ak_test_words ("Check Answer"));
      wait_for_feedback (fixture);
      assert_fits (fixture);
      name = g_strdup_printf ("bundled-%s", ak_question_type_to_string (type));
      screenshot (fixture, name);
      click_name (fixture, i < n ? ak_test_words ("Next") : ak_test_words ("Show Results"));
    }
  wait_for_position (fixture, "results");
  assert_fits (fixture);
  screenshot (fixture, "bundled-results");
  g_assert_cmpuint (ak_test_count_widgets (shown (fixture), AK_TYPE_FEEDBACK_VIEW), ==, n);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM answer"), ==, n);
  g_assert_cmpint (count (fixture, "SELECT count(DISTINCT question_id) FROM answer "
                                   "WHERE question_id LIKE 'frage-%'"), ==, n);
}

/* Under LANGUAGE=de the page speaks German. The translation is picked
 * when the program starts, so this runs in a program of its own. */
static void
test_german (Fixture       *fixture,
             gconstpointer  data)
{
  if (!ak_test_in_german ())
    return;

  open_page (fixture, "fest", 360, FALSE);
  g_assert_nonnull (find_shown (fixture, GTK_ACCESSIBLE_ROLE_BUTTON, "Quiz starten"));
  g_assert_true (ak_test_has_label (shown (fixture), "Bestehensgrenze"));
  g_assert_true (ak_test_has_label (shown (fixture), "Noch kein Versuch"));
  click_name (fixture, "Quiz starten");
  wait_for_position (fixture, "Frage 1 von 5");
  pick (fixture, "A", TRUE);
  click_name (fixture, "Antwort prüfen");
  wait_for_feedback (fixture);
  g_assert_cmpstr (shown_verdict (fixture), ==, "Falsch");
  g_assert_true (ak_test_has_label (shown (fixture), "In der Lektion nachlesen"));
  g_assert_true (ak_test_has_label (shown (fixture), "0 von 1 Punkt"));
  click_name (fixture, "Weiter");
  wait_for_position (fixture, "Frage 2 von 5");
}

int
main (int    argc,
      char **argv)
{
  ak_test_ui_init (&argc, &argv);
  /* The page's look: Adwaita's style sheet and its colours, and ours,
   * which the application loads. */
  adw_init ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/smakademie/Akademie/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/quiz-page/walk/narrow", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/quiz-page/walk/wide", Fixture, GINT_TO_POINTER (1000),
              fixture_set_up, test_walk, fixture_tear_down);
  g_test_add ("/quiz-page/resume", Fixture, NULL,
              fixture_set_up, test_resume, fixture_tear_down);
  g_test_add ("/quiz-page/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/quiz-page/exam-mode", Fixture, NULL,
              fixture_set_up, test_exam_mode, fixture_tear_down);
  g_test_add ("/quiz-page/accessible", Fixture, NULL,
              fixture_set_up, test_accessible, fixture_tear_down);
  g_test_add ("/quiz-page/bundled/narrow", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_bundled, fixture_tear_down);
  g_test_add ("/quiz-page/bundled/wide", Fixture, GINT_TO_POINTER (1000),
              fixture_set_up, test_bundled, fixture_tear_down);
  g_test_add ("/quiz-page/german", Fixture, NULL,
              fixture_set_up, test_german, fixture_tear_down);

  return ak_test_ui_run ();
}
