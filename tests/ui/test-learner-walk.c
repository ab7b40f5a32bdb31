/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "ak-course-overview.h"
#include "ak-course-row.h"
#include "ak-feedback-view.h"
#include "ak-lesson-page.h"
#include "ak-question-widget.h"
#include "ak-quiz-page.h"
#include "ak-quiz-text.h"
#include "window-test-helpers.h"

/* The learner's way through the whole window, over a copy of the bundled
 * example course and a store of its own: the course from the list, every
 * lesson read to its end, the quiz with every question type, the results,
 * and what the next start shows; the same by keys alone; a crash in the
 * middle of the quiz; narrow and wide windows; names for screen readers;
 * German words. Set AK_SCREENSHOT_DIR to keep PNGs. */

#define COURSE_ID "beispielkurs"
#define QUIZ_ID   "quiz-beitraege"
#define N_QUESTIONS 8

typedef struct
{
  int              width;
  char            *dir;
  AkProgressStore *store;
  AkCourseLibrary *library;
  AkContext       *context;
  AkWindow        *window;
} Walk;

static char *program_path;

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *keys[] = { "last-course", "last-step", "window-width", "window-height" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static AkProgressStore *
open_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "fortschritt.db", NULL);
  g_autoptr(GError) error = NULL;
  AkProgressStore *store = ak_progress_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static void
walk_set_up (Walk          *walk,
             gconstpointer  data)
{
  walk->width = GPOINTER_TO_INT (data);
  walk->dir = g_dir_make_tmp ("akademie-walk-XXXXXX", NULL);
  g_assert_nonnull (walk->dir);
  ak_test_copy_example_course (walk->dir);
  walk->store = open_store (walk->dir);
  reset_settings ();
}

/* A window over the course folder and the store, as at a start of the app. */
static void
start_window (Walk *walk)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  walk->library = ak_course_library_new ();
  ak_course_library_add_directory (walk->library, walk->dir);
  ak_course_library_reload (walk->library);
  walk->context = ak_context_new (walk->library, walk->store, settings, NULL);
  walk->window = g_object_new (AK_TYPE_WINDOW,
                               "application", ak_test_ui_application (),
                               "context", walk->context,
                               NULL);
  gtk_window_set_default_size (GTK_WINDOW (walk->window), walk->width, 640);
  gtk_window_present (GTK_WINDOW (walk->window));
  ak_test_wait_for_frame (GTK_WIDGET (walk->window));
}

static void
close_window (Walk *walk)
{
  if (walk->window != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&walk->window)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&walk->context);
  if (walk->library != NULL)
    g_assert_finalize_object (g_steal_pointer (&walk->library));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
walk_tear_down (Walk          *walk,
                gconstpointer  data)
{
  close_window (walk);
  g_assert_finalize_object (g_steal_pointer (&walk->store));
  remove_tree (walk->dir);
  g_free (walk->dir);
  reset_settings ();
}

static GtkWidget *
window_widget (Walk *walk)
{
  return GTK_WIDGET (walk->window);
}

static AkCourse *
course (Walk *walk)
{
  AkCourse *course = ak_window_get_course (walk->window);

  g_assert_nonnull (course);
  return course;
}

static gboolean
is_german (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "de");
}

/* German words on the page, when the test runs under LANGUAGE=de. */
static void
assert_german_button (GtkWidget  *root,
                      const char *english,
                      const char *german)
{
  g_assert_nonnull (ak_test_find_button (root, is_german () ? german : english));
}

static void
screenshot (Walk       *walk,
            const char *name)
{
  g_autofree char *file = g_strdup_printf ("walk-%s-%d%s.png", name, walk->width,
                                           is_german () ? "-de" : "");

  if (g_getenv ("AK_SCREENSHOT_DIR") == NULL)
    return;
  ak_test_wait_for_frame (window_widget (walk));
  ak_test_save_screenshot (window_widget (walk), file);
}

/* @limit: the window's own bounds, with its frame. */
static void
list_overflow (GtkWidget             *widget,
               GtkWidget             *window,
               const graphene_rect_t *limit,
               GString               *problems)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return;
  if (widget != window && gtk_widget_compute_bounds (widget, window, &bounds)
      && (bounds.origin.x < limit->origin.x - 0.5
          || bounds.origin.x + bounds.size.width > limit->origin.x + limit->size.width + 0.5))
    g_string_append_printf (problems, "%s spans %.0f to %.0f\n", G_OBJECT_TYPE_NAME (widget),
                            bounds.origin.x, bounds.origin.x + bounds.size.width);
  if (GTK_IS_SCROLLED_WINDOW (widget))
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (widget));

      if (gtk_adjustment_get_upper (h) - gtk_adjustment_get_lower (h)
          > gtk_adjustment_get_page_size (h) + 0.5)
        g_string_append_printf (problems, "a %s scrolls sideways: %.0f in %.0f\n",
                                G_OBJECT_TYPE_NAME (widget), gtk_adjustment_get_upper (h),
                                gtk_adjustment_get_page_size (h));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    list_overflow (child, window, limit, problems);
}

/* Nothing is cut off at the sides or needs scrolling sideways; every
 * control on screen has a role and a name. */
static void
check_page (Walk       *walk,
            const char *name)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *unnamed = NULL;
  graphene_rect_t limit;
  guint n_checked;

  ak_test_wait_for_frame (window_widget (walk));
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (walk->window))), ==,
                   walk->width);
  g_assert_true (gtk_widget_compute_bounds (window_widget (walk), window_widget (walk), &limit));
  list_overflow (window_widget (walk), window_widget (walk), &limit, problems);
  if (problems->len > 0)
    g_error ("On the %s page, %d px wide:\n%s", name, walk->width, problems->str);
  unnamed = ak_test_list_unnamed (window_widget (walk), &n_checked);
  if (*unnamed != '\0')
    g_error ("On the %s page:\n%s", name, unnamed);
  g_assert_cmpuint (n_checked, >=, 1);
  screenshot (walk, name);
}

static AkCourseOverview *
overview (Walk *walk)
{
  GtkWidget *widget = ak_test_find_widget (window_widget (walk), AK_TYPE_COURSE_OVERVIEW, 0);

  g_assert_nonnull (widget);
  return AK_COURSE_OVERVIEW (widget);
}

static gboolean
overview_shown (gpointer data)
{
  return ak_test_find_mapped (window_widget (data), AK_TYPE_COURSE_OVERVIEW) != NULL;
}

static void
wait_for_overview (Walk *walk)
{
  ak_test_wait_until (overview_shown, walk);
  g_assert_true (overview_shown (walk));
}

static AkLessonPage *
lesson_page (Walk *walk)
{
  return (AkLessonPage *)ak_test_find_mapped (window_widget (walk), AK_TYPE_LESSON_PAGE);
}

static gboolean
lesson_shown (gpointer data)
{
  AkLessonPage *page = lesson_page (data);

  return page != NULL && !ak_lesson_page_get_loading (page);
}

static AkQuizPage *
quiz_page (Walk *walk)
{
  return (AkQuizPage *)ak_test_find_mapped (window_widget (walk), AK_TYPE_QUIZ_PAGE);
}

static gboolean
quiz_shown (gpointer data)
{
  return quiz_page (data) != NULL;
}

static GtkWidget *
shown (Walk *walk)
{
  return ak_test_quiz_shown (quiz_page (walk));
}

/* The course row of the library list, activated as by a click. */
static void
open_course_from_list (Walk *walk)
{
  GtkWidget *row = ak_test_find_widget (window_widget (walk), AK_TYPE_COURSE_ROW, 0);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_activate (row));
  wait_for_overview (walk);
  g_assert_cmpstr (ak_course_get_id (course (walk)), ==, COURSE_ID);
}

static void
activate_step_row (Walk       *walk,
                   const char *title)
{
  AdwActionRow *row = ak_test_find_action_row (GTK_WIDGET (overview (walk)), title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
}

static const char *
step_subtitle (Walk       *walk,
               const char *title)
{
  AdwActionRow *row = ak_test_find_action_row (GTK_WIDGET (overview (walk)), title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (row);
}

static gboolean
lesson_completed (Walk       *walk,
                  const char *lesson_id)
{
  g_autoptr(AkLessonProgress) progress = NULL;
  g_autoptr(GError) error = NULL;

  progress = ak_progress_store_get_lesson (walk->store, COURSE_ID, lesson_id, &error);
  g_assert_no_error (error);
  return progress != NULL && progress->completed != 0;
}

/* The learner scrolls down most of a screen at a time, a frame apart,
 * until the lesson is recorded as read. */
static void
scroll_to_end (Walk       *walk,
               const char *lesson_id)
{
  GtkWidget *scroller = ak_test_find_widget (GTK_WIDGET (lesson_page (walk)),
                                             GTK_TYPE_SCROLLED_WINDOW, 0);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  for (guint i = 0; i < 200 && !lesson_completed (walk, lesson_id); i++)
    {
      gtk_adjustment_set_value (v, MIN (gtk_adjustment_get_value (v)
                                        + gtk_adjustment_get_page_size (v) * 0.9,
                                        gtk_adjustment_get_upper (v)
                                        - gtk_adjustment_get_page_size (v)));
      ak_test_wait_for_frame (scroller);
    }
}

/* Opens the lesson from the overview, reads it to its end and goes back. */
static void
read_lesson (Walk       *walk,
             const char *lesson_id,
             gboolean    check)
{
  const AkLesson *lesson = ak_course_get_lesson_by_id (course (walk), lesson_id);

  g_assert_nonnull (lesson);
  activate_step_row (walk, ak_lesson_get_title (lesson));
  ak_test_wait_until (lesson_shown, walk);
  g_assert_true (lesson_shown (walk));
  if (is_german ())
    g_assert_true (ak_test_has_label (GTK_WIDGET (lesson_page (walk)),
                                      g_str_equal (lesson_id, "beitraege")
                                      ? "These these-erster-satz" : "These these-kern"));
  g_assert_cmpstr (ak_lesson_page_get_lesson_id (lesson_page (walk)), ==, lesson_id);
  g_assert_true (ak_test_has_label (GTK_WIDGET (lesson_page (walk)), ak_lesson_get_title (lesson)));
  /* Opening is not reading. */
  g_assert_false (lesson_completed (walk, lesson_id));
  if (check)
    check_page (walk, lesson_id);

  scroll_to_end (walk, lesson_id);
  g_assert_true (lesson_completed (walk, lesson_id));

  g_assert_true (gtk_widget_activate_action (window_widget (walk), "win.go-back", NULL));
  wait_for_overview (walk);
  g_assert_cmpstr (step_subtitle (walk, ak_lesson_get_title (lesson)), ==, _("Read"));
}

static AkQuestion *
current_question (Walk *walk)
{
  return ak_quiz_session_get_current (ak_quiz_page_get_session (quiz_page (walk)));
}

static GtkWidget *
question_widget (Walk *walk)
{
  GtkWidget *widget = ak_test_find_widget (shown (walk), AK_TYPE_QUESTION_WIDGET, 0);

  g_assert_nonnull (widget);
  return widget;
}

/* Where the choice stands on the page, from 0: the order is shuffled. */
static guint
choice_index (Walk       *walk,
              const char *choice_id)
{
  AkQuestion *question = current_question (walk);
  GPtrArray *choices = ak_quiz_session_get_choices (ak_quiz_page_get_session (quiz_page (walk)),
                                                    ak_question_get_id (question));

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    if (g_str_equal (ak_choice_get_id (g_ptr_array_index (choices, i)), choice_id))
      return i;
  g_assert_not_reached ();
}

static guint
true_false_index (Walk     *walk,
                  gboolean  value)
{
  GtkWidget *radio = ak_test_find_accessible (question_widget (walk), GTK_ACCESSIBLE_ROLE_RADIO,
                                              g_dpgettext2 (GETTEXT_PACKAGE, "answer",
                                                            value ? "True" : "False"));
  GtkWidget *button;

  g_assert_nonnull (radio);
  for (guint i = 0; (button = ak_test_find_widget (question_widget (walk), GTK_TYPE_CHECK_BUTTON, i)) != NULL; i++)
    if (button == radio)
      return i;
  g_assert_not_reached ();
}

/* The choices a walk picks: single right, two of the three right ones
 * of the multiple choice, the wrong one of true/false. */
static GArray *
choices_to_pick (Walk *walk)
{
  AkQuestion *question = current_question (walk);
  GArray *picks = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_right = 0;

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
      for (guint i = 0; i < ak_question_get_n_choices (question); i++)
        {
          const AkChoice *choice = ak_question_get_choice (question, i);
          guint index;

          if (!ak_choice_get_correct (choice) || n_right++ == 2)
            continue;
          index = choice_index (walk, ak_choice_get_id (choice));
          g_array_append_val (picks, index);
        }
      break;
    case AK_QUESTION_TRUE_FALSE:
      {
        guint index = true_false_index (walk, !ak_question_get_answer (question));

        g_array_append_val (picks, index);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return picks;
}

/* Typed answers: both gaps right (one without its umlaut), a right short
 * answer, a wrong number. */
static const char *const *
texts_to_type (AkQuestion *question)
{
  static const char *const gaps[] = { "Erklaerung", "Abschnitt", NULL };
  static const char *const short_answer[] = { "Titel", NULL };
  static const char *const numeric[] = { "33", NULL };

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_GAP_TEXT:
      return gaps;
    case AK_QUESTION_SHORT_ANSWER:
      return short_answer;
    case AK_QUESTION_NUMERIC:
      return numeric;
    default:
      g_assert_not_reached ();
    }
}

/* What each answer scores, by question id, in the course's order. */
static const struct
{
  const char *id;
  const char *score;
} expected_scores[] = {
  { "frage-erster-satz", "1.0" },
  { "frage-merkmale", "0.667" },
  { "frage-viele-botschaften", "0.0" },
  { "frage-rueckmeldung", "1.0" },
  { "frage-arbeitsschritte", "1.0" },
  { "frage-bausteine", "1.0" },
  { "frage-ueberschrift", "1.0" },
  { "frage-interaktionsrate", "0.0" },
};

static const char *
expected_verdict (AkQuestion *question)
{
  const char *id = ak_question_get_id (question);

  for (guint i = 0; i < G_N_ELEMENTS (expected_scores); i++)
    if (g_str_equal (expected_scores[i].id, id))
      {
        const char *score = expected_scores[i].score;

        return g_dpgettext2 (GETTEXT_PACKAGE, "verdict",
                             g_str_equal (score, "1.0") ? "Right"
                             : g_str_equal (score, "0.0") ? "Wrong" : "Partly right");
      }
  g_assert_not_reached ();
}

static const char *
item_text (const AkChoice *item)
{
  g_autofree char *text = ak_question_markup_to_text (ak_choice_get_markup (item));

  return g_intern_string (text);
}

/* Where the item stands now in the ordering question's list, from 0. */
static guint
row_index (Walk           *walk,
           const AkChoice *item)
{
  GtkWidget *row;

  for (guint i = 0; (row = ak_test_find_widget (question_widget (walk), GTK_TYPE_LIST_BOX_ROW, i)) != NULL; i++)
    {
      g_autofree char *name = ak_test_get_accessible_name (row);

      if (g_str_equal (name, item_text (item)))
        return i;
    }
  g_assert_not_reached ();
}

/* The entry of the right-hand item that belongs to @pair. */
static guint
target_index (GtkDropDown  *dropdown,
              const AkPair *pair)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                     ak_pair_get_right_markup (pair)))
      return i;
  g_assert_not_reached ();
}

/* The walk's answer, by mouse. */
static void
answer_by_mouse (Walk *walk)
{
  AkQuestion *question = current_question (walk);
  GtkWidget *widget = question_widget (walk);

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
    case AK_QUESTION_TRUE_FALSE:
      {
        g_autoptr(GArray) picks = choices_to_pick (walk);

        for (guint i = 0; i < picks->len; i++)
          {
            GtkWidget *choice = ak_test_find_widget (widget, GTK_TYPE_CHECK_BUTTON,
                                                     g_array_index (picks, guint, i));

            g_assert_true (gtk_widget_activate (choice));
            g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (choice)));
          }
      }
      break;
    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
      {
        const char *const *texts = texts_to_type (question);

        for (guint i = 0; texts[i] != NULL; i++)
          gtk_editable_set_text (GTK_EDITABLE (ak_test_find_widget (widget, GTK_TYPE_ENTRY, i)),
                                 texts[i]);
        g_assert_null (ak_test_find_widget (widget, GTK_TYPE_ENTRY, g_strv_length ((char **)texts)));
      }
      break;
    case AK_QUESTION_ORDERING:
      /* Each item in turn moves up to its place. */
      for (guint i = 0; i < ak_question_get_n_items (question); i++)
        {
          const AkChoice *item = ak_question_get_item (question, i);
          g_autofree char *name = g_strdup_printf (_("Move up: %s"), item_text (item));

          while (row_index (walk, item) > i)
            ak_test_click (ak_test_find_button (widget, name));
        }
      break;
    case AK_QUESTION_MATCHING:
      for (guint i = 0; i < ak_question_get_n_pairs (question); i++)
        {
          GtkDropDown *dropdown = GTK_DROP_DOWN (ak_test_find_widget (widget, GTK_TYPE_DROP_DOWN, i));

          gtk_drop_down_set_selected (dropdown,
                                      target_index (dropdown, ak_question_get_pair (question, i)));
        }
      break;
    case AK_N_QUESTION_TYPES:
    default:
      g_assert_not_reached ();
    }
  g_assert_true (ak_question_widget_get_answered (AK_QUESTION_WIDGET (widget)));
}

static void
assert_verdict (Walk       *walk,
                AkQuestion *question)
{
  GtkWidget *view = ak_test_find_widget (shown (walk), AK_TYPE_FEEDBACK_VIEW, 0);

  g_assert_nonnull (view);
  g_assert_cmpstr (ak_feedback_view_get_verdict (AK_FEEDBACK_VIEW (view)), ==,
                   expected_verdict (question));
  /* The walk's wrong true or false: the right side is shown. */
  if (ak_question_get_question_type (question) == AK_QUESTION_TRUE_FALSE)
    g_assert_true (ak_test_has_label (question_widget (walk), _("Right answer")));
}

static const char *
position_text (guint index)
{
  g_autofree char *text = g_strdup_printf (_("Question %u of %u"), index, N_QUESTIONS);

  return g_intern_string (text);
}

/* The answers in the store, "id=score" in the order answered. */
static char *
stored_answers (Walk *walk)
{
  return ak_test_query_text (ak_progress_store_get_path (walk->store),
                             "SELECT group_concat (question_id || '=' || round (score, 3), ' ') "
                             "FROM (SELECT * FROM answer ORDER BY id)");
}

/* What the walk answers, in the order asked. */
static char *
expected_answers (AkQuizSession *session)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ak_quiz_session_get_n_questions (session); i++)
    {
      const char *id = ak_question_get_id (ak_quiz_session_get_question (session, i));

      for (guint j = 0; j < G_N_ELEMENTS (expected_scores); j++)
        if (g_str_equal (expected_scores[j].id, id))
          g_string_append_printf (text, "%s%s=%s", i > 0 ? " " : "", id,
                                  expected_scores[j].score);
    }
  return g_string_free (text, FALSE);
}

/* 1 + 2 × ⅔ + 0 + 1 + 1 + 1 + 1 + 2 × 0 of 10 points */
#define EXPECTED_POINTS (19.0 / 3)

static void
assert_results (Walk *walk)
{
  GtkWidget *results = shown (walk);
  g_autofree char *percent = ak_quiz_format_percent (EXPECTED_POINTS * 10);
  g_autofree char *points = ak_quiz_format_number (EXPECTED_POINTS);
  g_autofree char *points_text = g_strdup_printf (_("%s of %s points · pass mark %u %%"),
                                                  points, "10", 60);

  g_assert_cmpstr (ak_test_quiz_stage (quiz_page (walk)), ==, "results");
  g_assert_true (ak_test_has_label (results, percent));
  g_assert_true (ak_test_has_label (results, points_text));
  g_assert_true (ak_test_has_label (results, _("Passed")));
  g_assert_cmpuint (ak_test_count_widgets (results, AK_TYPE_FEEDBACK_VIEW), ==, N_QUESTIONS);
  /* The learner's wrong number beside the right one. */
  g_assert_true (ak_test_has_label (results, "33 %"));
  assert_german_button (results, ak_test_words ("Try Again"), "Nochmal versuchen");
}

/* What the store says of the finished walk. */
static void
assert_store (Walk *walk)
{
  g_autofree char *answers = stored_answers (walk);
  g_autofree char *expected = expected_answers (ak_quiz_page_get_session (quiz_page (walk)));
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  AkProgressAttempt *attempt;

  g_assert_cmpstr (answers, ==, expected);
  history = ak_progress_store_get_quiz_history (walk->store, COURSE_ID, QUIZ_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  attempt = g_ptr_array_index (history, 0);
  g_assert_cmpint (attempt->state, ==, AK_ATTEMPT_FINISHED);
  g_assert_true (attempt->passed);
  g_assert_cmpfloat_with_epsilon (attempt->score, EXPECTED_POINTS, 1e-6);
  g_assert_cmpfloat_with_epsilon (attempt->max_score, 10, 1e-9);
}

/* The whole course by mouse, checking every page on the way. */
static void
walk_course (Walk *walk)
{
  const AkQuiz *quiz;
  AkQuizPage *page;
  GtkWidget *intro;

  start_window (walk);
  check_page (walk, "library");
  open_course_from_list (walk);
  g_assert_cmpstr (step_subtitle (walk, "Gute Beiträge schreiben"), ==, _("Not read yet"));
  assert_german_button (GTK_WIDGET (overview (walk)), _("Continue Learning"), "Weiterlernen");
  check_page (walk, "overview");

  read_lesson (walk, "kurse-nutzen", FALSE);
  read_lesson (walk, "beitraege", TRUE);

  quiz = ak_course_find_quiz (course (walk), QUIZ_ID);
  activate_step_row (walk, ak_quiz_get_title (quiz));
  ak_test_wait_until (quiz_shown, walk);
  page = quiz_page (walk);
  g_assert_nonnull (page);
  intro = shown (walk);
  g_assert_cmpstr (ak_test_quiz_stage (page), ==, "intro");
  g_assert_true (ak_test_has_label (intro, ak_quiz_get_title (quiz)));
  assert_german_button (intro, ak_test_words ("Start Quiz"), "Quiz starten");
  check_page (walk, "intro");
  ak_test_click (ak_test_find_button (intro, ak_test_words ("Start Quiz")));

  for (guint i = 1; i <= N_QUESTIONS; i++)
    {
      AkQuestion *question;
      g_autofree char *name = NULL;

      ak_test_wait_for_position (page, position_text (i));
      question = current_question (walk);
      name = g_strdup_printf ("question-%s", ak_question_type_to_string (ak_question_get_question_type (question)));
      check_page (walk, name);
      answer_by_mouse (walk);
      assert_german_button (shown (walk), ak_test_words ("Check Answer"), "Antwort prüfen");
      ak_test_click (ak_test_find_button (shown (walk), ak_test_words ("Check Answer")));
      ak_test_wait_for_feedback (page);
      assert_verdict (walk, question);
      /* Checked is saved. */
      g_assert_true (ak_quiz_session_is_answered (ak_quiz_page_get_session (page),
                                                  ak_question_get_id (question)));
      g_clear_pointer (&name, g_free);
      name = g_strdup_printf ("feedback-%s", ak_question_type_to_string (ak_question_get_question_type (question)));
      check_page (walk, name);
      if (i < N_QUESTIONS)
        {
          assert_german_button (shown (walk), ak_test_words ("Next"), "Weiter");
          ak_test_click (ak_test_find_button (shown (walk), ak_test_words ("Next")));
        }
      else
        ak_test_click (ak_test_find_button (shown (walk), ak_test_words ("Show Results")));
    }
  ak_test_wait_for_position (page, "results");
  assert_results (walk);
  check_page (walk, "results");
  assert_store (walk);
}

/* The next start: the overview shows what was done and what comes next. */
static void
assert_next_start (Walk *walk)
{
  const AkQuiz *quiz;
  g_autofree char *percent = NULL;
  GtkWidget *next;
  GVariant *target;

  g_assert_true (gtk_widget_activate_action (window_widget (walk), "win.go-back", NULL));
  wait_for_overview (walk);
  close_window (walk);

  start_window (walk);
  wait_for_overview (walk);
  g_assert_cmpstr (ak_course_get_id (course (walk)), ==, COURSE_ID);
  g_assert_cmpstr (step_subtitle (walk, "So arbeiten Sie mit Akademie-Kursen"), ==, _("Read"));
  g_assert_cmpstr (step_subtitle (walk, "Gute Beiträge schreiben"), ==, _("Read"));
  quiz = ak_course_find_quiz (course (walk), QUIZ_ID);
  percent = g_strdup_printf (_("Best score %d %% · Passed"), 63);
  g_assert_cmpstr (step_subtitle (walk, ak_quiz_get_title (quiz)), ==, percent);
  g_assert_cmpstr (step_subtitle (walk, "Quiz: Mit Kursen arbeiten"), ==, _("Not taken yet"));
  /* The last quiz is the final test, and it is next. */
  next = ak_test_find_button (GTK_WIDGET (overview (walk)), _("Start Final Test"));
  g_assert_true (gtk_widget_has_css_class (next, "suggested-action"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (next)), ==, "win.open-quiz");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (next));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, COURSE_ID "/quiz-kurse");
  check_page (walk, "overview-after");
}

static void
test_whole_course (Walk          *walk,
                   gconstpointer  data)
{
  walk_course (walk);
  assert_next_start (walk);
}

static GtkWidget *
focus (Walk *walk)
{
  GtkWidget *widget = gtk_root_get_focus (GTK_ROOT (walk->window));

  g_assert_nonnull (widget);
  return widget;
}

static void
press (Walk            *walk,
       guint            keyval,
       GdkModifierType  modifiers)
{
  ak_test_press_key (GTK_WINDOW (walk->window), keyval, modifiers);
}

/* Tab until the focus is on @target or inside it. */
static void
tab_to (Walk      *walk,
        GtkWidget *target)
{
  for (guint i = 0; i < 100; i++)
    {
      if (focus (walk) == target || gtk_widget_is_ancestor (focus (walk), target))
        return;
      press (walk, GDK_KEY_Tab, 0);
    }
  g_error ("Tab never reaches the %s", G_OBJECT_TYPE_NAME (target));
}

static guint
focused_row (Walk *walk)
{
  GtkWidget *row = gtk_widget_get_ancestor (focus (walk), GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *candidate;

  for (guint i = 0; (candidate = ak_test_find_widget (question_widget (walk), GTK_TYPE_LIST_BOX_ROW, i)) != NULL; i++)
    if (candidate == row)
      return i;
  g_error ("The focus is on a %s, not on an item", G_OBJECT_TYPE_NAME (focus (walk)));
}

static gboolean
popover_shown (gpointer data)
{
  GtkWidget *popover = ak_test_find_widget (data, GTK_TYPE_POPOVER, 0);

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
popover_hidden (gpointer data)
{
  return !popover_shown (data);
}

/* The walk's answer, by keys: number keys pick, Tab goes from gap to
 * gap, arrows and Alt+arrows put items in order, a drop-down opens with
 * Space and takes an entry with arrows and Enter. */
static void
answer_by_keys (Walk *walk)
{
  AkQuestion *question = current_question (walk);
  GtkWidget *widget = question_widget (walk);
  GtkWidget *check = ak_test_find_button (shown (walk), ak_test_words ("Check Answer"));

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
    case AK_QUESTION_TRUE_FALSE:
      {
        g_autoptr(GArray) picks = choices_to_pick (walk);

        g_assert_true (GTK_IS_CHECK_BUTTON (focus (walk)));
        for (guint i = 0; i < picks->len; i++)
          press (walk, GDK_KEY_1 + g_array_index (picks, guint, i), 0);
      }
      break;
    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
      {
        const char *const *texts = texts_to_type (question);

        for (guint i = 0; texts[i] != NULL; i++)
          {
            if (i > 0)
              press (walk, GDK_KEY_Tab, 0);
            g_assert_true (gtk_widget_is_ancestor (focus (walk),
                                                   ak_test_find_widget (widget, GTK_TYPE_ENTRY, i)));
            ak_test_type_text (GTK_WINDOW (walk->window), texts[i]);
          }
      }
      break;
    case AK_QUESTION_ORDERING:
      /* The focus starts on the first item, where the arrows move it. */
      g_assert_true (GTK_IS_LIST_BOX_ROW (focus (walk)));
      for (guint i = 0; i < ak_question_get_n_items (question); i++)
        {
          const AkChoice *item = ak_question_get_item (question, i);

          while (focused_row (walk) < row_index (walk, item))
            press (walk, GDK_KEY_Down, 0);
          while (focused_row (walk) > row_index (walk, item))
            press (walk, GDK_KEY_Up, 0);
          while (row_index (walk, item) > i)
            press (walk, GDK_KEY_Up, GDK_ALT_MASK);
          g_assert_cmpuint (focused_row (walk), ==, i);
        }
      break;
    case AK_QUESTION_MATCHING:
      for (guint i = 0; i < ak_question_get_n_pairs (question); i++)
        {
          GtkDropDown *dropdown = GTK_DROP_DOWN (ak_test_find_widget (widget, GTK_TYPE_DROP_DOWN, i));
          guint target = target_index (dropdown, ak_question_get_pair (question, i));

          tab_to (walk, GTK_WIDGET (dropdown));
          press (walk, GDK_KEY_space, 0);
          ak_test_wait_until (popover_shown, dropdown);
          g_assert_true (popover_shown (dropdown));
          for (guint j = 0; j < target; j++)
            press (walk, GDK_KEY_Down, 0);
          press (walk, GDK_KEY_Return, 0);
          ak_test_wait_until (popover_hidden, dropdown);
          g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, target);
        }
      tab_to (walk, check);
      break;
    case AK_N_QUESTION_TYPES:
    default:
      g_assert_not_reached ();
    }
  g_assert_true (ak_question_widget_get_answered (AK_QUESTION_WIDGET (widget)));
}

/* From the course list to the results by keys alone. */
static void
test_keyboard (Walk          *walk,
               gconstpointer  data)
{
  GtkWidget *list;
  AkQuizPage *page;
  const AkQuiz *quiz;

  start_window (walk);
  list = gtk_widget_get_ancestor (ak_test_find_widget (window_widget (walk), AK_TYPE_COURSE_ROW, 0),
                                  GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  /* The first Tab of a window without focus. */
  if (gtk_root_get_focus (GTK_ROOT (walk->window)) == NULL)
    g_assert_true (gtk_widget_child_focus (window_widget (walk), GTK_DIR_TAB_FORWARD));
  tab_to (walk, list);
  g_assert_true (gtk_widget_get_ancestor (focus (walk), AK_TYPE_COURSE_ROW) != NULL
                 || ak_test_find_widget (focus (walk), AK_TYPE_COURSE_ROW, 0) != NULL);
  press (walk, GDK_KEY_Return, 0);
  wait_for_overview (walk);

  quiz = ak_course_find_quiz (course (walk), QUIZ_ID);
  tab_to (walk, GTK_WIDGET (ak_test_find_action_row (GTK_WIDGET (overview (walk)),
                                                     ak_quiz_get_title (quiz))));
  press (walk, GDK_KEY_Return, 0);
  ak_test_wait_until (quiz_shown, walk);
  page = quiz_page (walk);
  g_assert_nonnull (page);
  tab_to (walk, ak_test_find_button (shown (walk), ak_test_words ("Start Quiz")));
  press (walk, GDK_KEY_Return, 0);

  for (guint i = 1; i <= N_QUESTIONS; i++)
    {
      AkQuestion *question;

      ak_test_wait_for_position (page, position_text (i));
      question = current_question (walk);
      answer_by_keys (walk);
      press (walk, GDK_KEY_Return, 0);
      ak_test_wait_for_feedback (page);
      assert_verdict (walk, question);
      /* Enter again goes on. */
      press (walk, GDK_KEY_Return, 0);
    }
  ak_test_wait_for_position (page, "results");
  assert_results (walk);
  assert_store (walk);
}

/* The child of the crash test: the real window over the store in @dir,
 * two questions answered; then it waits to be killed. */
static int
answer_two_and_wait (const char *dir)
{
  Walk walk = { 360, g_strdup (dir), NULL, NULL, NULL, NULL };
  AkQuizPage *page;
  GString *answered = g_string_new ("answered");

  walk.store = open_store (dir);
  start_window (&walk);
  g_assert_true (gtk_widget_activate_action (window_widget (&walk), "win.open-quiz", "s",
                                             COURSE_ID "/" QUIZ_ID));
  ak_test_wait_until (quiz_shown, &walk);
  page = quiz_page (&walk);
  g_assert_nonnull (page);
  ak_test_click (ak_test_find_button (shown (&walk), ak_test_words ("Start Quiz")));
  for (guint i = 1; i <= 2; i++)
    {
      if (i > 1)
        ak_test_click (ak_test_find_button (shown (&walk), ak_test_words ("Next")));
      ak_test_wait_for_position (page, position_text (i));
      g_string_append_printf (answered, " %s", ak_question_get_id (current_question (&walk)));
      answer_by_mouse (&walk);
      ak_test_click (ak_test_find_button (shown (&walk), ak_test_words ("Check Answer")));
      ak_test_wait_for_feedback (page);
    }
  g_print ("%s\n", answered->str);
  fflush (stdout);
  g_string_free (answered, TRUE);
  /* Killed in here. */
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 1;
}

/* SIGKILL in the middle of a quiz loses nothing: the next start offers
 * to resume, at the question after the last one answered. */
static void
test_killed_mid_quiz (Walk          *walk,
                      gconstpointer  data)
{
  char *argv[] = { program_path, "--answer-two-and-wait", walk->dir, NULL };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) answered = NULL;
  AkQuizSession *session;
  AkQuizPage *page;
  GtkWidget *suggested;
  GPid pid;
  int out;
  int status;

  g_spawn_async_with_pipes (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                            NULL, &out, NULL, &error);
  g_assert_no_error (error);
  stream = g_unix_input_stream_new (out, TRUE);
  lines = g_data_input_stream_new (stream);
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL
         && !g_str_has_prefix (line, "answered "))
    g_clear_pointer (&line, g_free);
  g_assert_no_error (error);
  if (line == NULL)
    kill (pid, SIGKILL);
  g_assert_nonnull (line);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  answered = g_strsplit (line, " ", -1);
  g_assert_cmpuint (g_strv_length (answered), ==, 3);
  attempt = ak_progress_store_get_open_attempt (walk->store, COURSE_ID, QUIZ_ID, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attempt);
  g_assert_cmpuint (attempt->answers->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (((AkProgressAnswer *)g_ptr_array_index (attempt->answers, i))->question_id,
                     ==, answered[i + 1]);
  g_assert_cmpuint (attempt->position, ==, 2);

  /* The next start: the overview suggests resuming, the intro offers it. */
  start_window (walk);
  open_course_from_list (walk);
  suggested = ak_test_find_button (GTK_WIDGET (overview (walk)), _("Resume Quiz"));
  ak_test_click (suggested);
  ak_test_wait_until (quiz_shown, walk);
  page = quiz_page (walk);
  g_assert_nonnull (page);
  g_assert_cmpstr (ak_test_quiz_stage (page), ==, "intro");
  g_assert_null (ak_test_find_accessible (shown (walk), GTK_ACCESSIBLE_ROLE_BUTTON,
                                          ak_test_words ("Start Quiz")));
  check_page (walk, "intro-resume");
  ak_test_click (ak_test_find_button (shown (walk), ak_test_words ("Resume")));
  ak_test_wait_for_position (page, position_text (3));
  session = ak_quiz_page_get_session (page);
  g_assert_true (ak_quiz_session_get_resumed (session));
  g_assert_cmpuint (ak_quiz_session_get_position (session), ==, 2);
  g_assert_cmpstr (ak_question_get_id (current_question (walk)), ==, attempt->question_order[2]);
  g_assert_true (ak_quiz_session_is_answered (session, answered[1]));
  g_assert_true (ak_quiz_session_is_answered (session, answered[2]));
  g_assert_false (ak_quiz_session_is_answered (session, attempt->question_order[2]));
  /* The same attempt goes on. */
  g_assert_cmpint (ak_quiz_session_get_attempt_id (session), ==, attempt->id);
}

/* The same walk under LANGUAGE=de, in a program of its own: the
 * translation is picked when the program starts. */
static void
test_german (Walk          *walk,
             gconstpointer  data)
{
  if (!ak_test_in_german ())
    return;

  g_assert_cmpstr (_("Continue Learning"), ==, "Weiterlernen");
  walk_course (walk);
}

int
main (int    argc,
      char **argv)
{
  program_path = g_canonicalize_filename (argv[0], NULL);
  if (argc == 3 && g_str_equal (argv[1], "--answer-two-and-wait"))
    {
      int child_argc = 1;

      ak_test_ui_init (&child_argc, &argv);
      adw_init ();
      return answer_two_and_wait (argv[2]);
    }
  ak_test_ui_init (&argc, &argv);
  adw_init ();

#define ADD(path, func, width) \
  g_test_add ("/learner-walk/" path, Walk, GINT_TO_POINTER (width), \
              walk_set_up, func, walk_tear_down)
  ADD ("whole-course/narrow", test_whole_course, 360);
  ADD ("whole-course/wide", test_whole_course, 1000);
  ADD ("german", test_german, 360);
  ADD ("keyboard", test_keyboard, 1000);
  ADD ("killed-mid-quiz", test_killed_mid_quiz, 1000);
#undef ADD

  return ak_test_ui_run ();
}
