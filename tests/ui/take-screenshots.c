/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ak-course-parts.h"
#include "ak-lesson-page.h"
#include "ak-question-widget.h"
#include "ak-quiz-page.h"
#include "ak-quiz-results.h"
#include "window-test-helpers.h"

/* The screenshots of the store listing, taken from the window itself at
 * its default size over the bundled courses: take-screenshots DIR SUFFIX
 * writes DIR/overview SUFFIX.png and the others. build-aux/take-screenshots.sh
 * runs it in English and in German. */

#define COURSE_ID "aufbruch-smm"
#define QUIZ_ID "warum-smm-quiz"

typedef struct
{
  const char      *dir;
  const char      *suffix;
  AkCourseLibrary *library;
  AkProgressStore *store;
  AkContext       *context;
  AkClock         *clock;
  AkWindow        *window;
} Shots;

/* How long the learner of the screenshots takes for a question. */
#define SECONDS_PER_ANSWER 47

static void
save (Shots      *shots,
      const char *name)
{
  g_autofree char *file = g_strconcat (name, shots->suffix, ".png", NULL);

  /* Two frames: the second has the sizes the first one measured. */
  ak_test_wait_for_frame (GTK_WIDGET (shots->window));
  ak_test_wait_for_frame (GTK_WIDGET (shots->window));
  g_setenv ("AK_SCREENSHOT_DIR", shots->dir, TRUE);
  ak_test_save_screenshot (GTK_WIDGET (shots->window), file);
  g_print ("%s/%s\n", shots->dir, file);
}

static gboolean
lesson_page_is_shown (gpointer data)
{
  GtkWidget *page = ak_test_find_widget (data, AK_TYPE_LESSON_PAGE, 0);

  return page != NULL && gtk_widget_get_mapped (page) &&
         !ak_lesson_page_get_loading (AK_LESSON_PAGE (page));
}

/* A right answer to @question, or a wrong one when @wrong. */
static AkResponse *
answer_for (const AkQuestion *question,
            gboolean          wrong)
{
  AkResponse *response = ak_response_new (ak_question_get_question_type (question));

  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
      for (guint i = 0; i < ak_question_get_n_choices (question); i++)
        {
          const AkChoice *choice = ak_question_get_choice (question, i);

          if (ak_choice_get_correct (choice) != wrong)
            {
              ak_response_set_choice (response, ak_choice_get_id (choice));
              break;
            }
        }
      break;

    case AK_QUESTION_TRUE_FALSE:
      ak_response_set_boolean (response, ak_question_get_answer (question) != wrong);
      break;

    case AK_QUESTION_NUMERIC:
      {
        g_autofree char *text = g_strdup_printf ("%g", ak_question_get_value (question) + wrong);

        ak_response_set_text (response, text);
      }
      break;

    default:
      g_error ("The screenshots' quiz has a question of a type they do not answer");
    }
  return response;
}

/* All questions but the last of an attempt, the second one wrong. */
static void
answer_all_but_last (Shots *shots)
{
  AkCourse *course = ak_course_library_lookup (shots->library, COURSE_ID);
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  session = ak_quiz_session_new (shots->context, course, QUIZ_ID, &error);
  g_assert_no_error (error);
  n = ak_quiz_session_get_n_questions (session);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(AkQuizFeedback) feedback = NULL;
      AkResponse *response = answer_for (ak_quiz_session_get_current (session), i == 1);

      ak_fake_clock_advance (AK_FAKE_CLOCK (shots->clock), SECONDS_PER_ANSWER * G_USEC_PER_SEC);
      ak_quiz_session_check (session, response, &feedback, &error);
      g_assert_no_error (error);
      ak_response_unref (response);
    }
}

static void
click (Shots      *shots,
       const char *name)
{
  GtkWidget *button = ak_test_find_accessible (GTK_WIDGET (shots->window),
                                               GTK_ACCESSIBLE_ROLE_BUTTON, name);

  if (button == NULL)
    g_error ("No button “%s” in the window", name);
  g_assert_true (gtk_widget_activate (button));
  ak_test_wait_for_frame (GTK_WIDGET (shots->window));
}

static gboolean
question_is_shown (gpointer data)
{
  GtkWidget *page = ak_test_find_widget (data, AK_TYPE_QUIZ_PAGE, 0);

  return page != NULL && ak_quiz_page_get_session (AK_QUIZ_PAGE (page)) != NULL &&
         ak_test_find_widget (page, AK_TYPE_QUESTION_WIDGET, 0) != NULL;
}

static gboolean
feedback_is_shown (gpointer data)
{
  return ak_test_find_accessible (data, GTK_ACCESSIBLE_ROLE_BUTTON, _("Show Results")) != NULL;
}

static gboolean
results_are_shown (gpointer data)
{
  GtkWidget *results = ak_test_find_widget (data, AK_TYPE_QUIZ_RESULTS, 0);

  return results != NULL && gtk_widget_get_mapped (results);
}

/* Picks the first choice that is not the right one, so that the
 * feedback shows both marks. */
static void
answer_shown_question (Shots *shots)
{
  AkQuizPage *page = AK_QUIZ_PAGE (ak_test_find_widget (GTK_WIDGET (shots->window),
                                                        AK_TYPE_QUIZ_PAGE, 0));
  const AkQuestion *question = ak_quiz_session_get_current (ak_quiz_page_get_session (page));
  GtkWidget *widget;

  if (ak_question_get_question_type (question) == AK_QUESTION_NUMERIC)
    {
      widget = ak_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT, 0);
      gtk_editable_set_text (GTK_EDITABLE (widget), "67");
      return;
    }
  for (guint i = 0; (widget = ak_test_find_widget (GTK_WIDGET (page), GTK_TYPE_CHECK_BUTTON, i));
       i++)
    if (i == 1)
      {
        gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
        return;
      }
  g_error ("The last question has no choice to pick");
}

/* A learner who has read the first lesson and started the second. */
static void
record_progress (Shots *shots)
{
  g_autoptr(GError) error = NULL;

  ak_progress_store_mark_lesson_completed (shots->store, COURSE_ID, "warum-smm-lektion", &error);
  g_assert_no_error (error);
  ak_progress_store_mark_section_read (shots->store, COURSE_ID, "macht-lektion",
                                       "tueckisch-abschnitt", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *courses = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *store_path = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  Shots shots = { 0 };

  ak_test_ui_init (&argc, &argv);
  if (argc != 3)
    {
      g_printerr ("Usage: take-screenshots DIR SUFFIX\n");
      return 2;
    }
  shots.dir = argv[1];
  shots.suffix = argv[2];

  courses = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses", NULL);
  scratch = g_dir_make_tmp ("akademie-shots-XXXXXX", &error);
  g_assert_no_error (error);
  store_path = g_build_filename (scratch, "progress.db", NULL);
  shots.store = ak_progress_store_open (store_path, &error);
  g_assert_no_error (error);
  shots.library = ak_course_library_new ();
  ak_course_library_add_directory (shots.library, courses);
  ak_course_library_reload (shots.library);
  settings = g_settings_new (APP_ID);
  shots.clock = ak_fake_clock_new (g_get_real_time ());
  ak_progress_store_set_clock (shots.store, shots.clock);
  shots.context = ak_context_new (shots.library, shots.store, settings, shots.clock);
  record_progress (&shots);

  shots.window = g_object_new (AK_TYPE_WINDOW,
                               "application", ak_test_ui_application (),
                               "context", shots.context,
                               NULL);
  gtk_window_present (GTK_WINDOW (shots.window));

  ak_window_open (shots.window, COURSE_ID, NULL, NULL);
  save (&shots, "overview");

  ak_window_open_section (shots.window, COURSE_ID, "macht-lektion", "gewicht-abschnitt");
  ak_test_wait_until (lesson_page_is_shown, shots.window);
  save (&shots, "lesson");

  answer_all_but_last (&shots);
  ak_window_open (shots.window, COURSE_ID, NULL, QUIZ_ID);
  ak_test_wait_for_frame (GTK_WIDGET (shots.window));
  click (&shots, _("Resume"));
  ak_test_wait_until (question_is_shown, shots.window);
  answer_shown_question (&shots);
  ak_fake_clock_advance (AK_FAKE_CLOCK (shots.clock), SECONDS_PER_ANSWER * G_USEC_PER_SEC);
  ak_test_wait_for_frame (GTK_WIDGET (shots.window));
  click (&shots, _("Check Answer"));
  ak_test_wait_until (feedback_is_shown, shots.window);
  save (&shots, "question");
  click (&shots, _("Show Results"));
  ak_test_wait_until (results_are_shown, shots.window);
  save (&shots, "results");

  gtk_window_destroy (GTK_WINDOW (shots.window));
  g_clear_object (&shots.context);
  g_clear_object (&shots.library);
  g_clear_object (&shots.store);
  g_clear_object (&shots.clock);
  /* The store and what SQLite keeps beside it */
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL };
       *suffix != NULL; suffix++)
    {
      g_autofree char *path = g_strconcat (store_path, *suffix, NULL);

      g_unlink (path);
    }
  g_rmdir (scratch);
  return 0;
}
