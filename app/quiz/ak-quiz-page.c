/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-quiz-page.h"

#include <glib/gi18n.h>

#include "ak-question-step.h"
#include "ak-question-types.h"
#include "ak-quiz-results.h"
#include "ak-quiz-text.h"

struct _AkQuizPage
{
  AdwBin            parent_instance;

  /* Template */
  GtkWidget        *stack;
  GtkWidget        *final_label;
  GtkWidget        *title_label;
  GtkWidget        *description_label;
  GtkWidget        *facts_list;
  GtkWidget        *resume_label;
  GtkWidget        *start_button;
  GtkWidget        *resume_button;
  GtkWidget        *restart_button;
  AkQuestionStep   *step;
  GtkWidget        *results;
  GtkWidget        *error_page;

  AkContext        *context;
  AkCourse         *course;
  char             *quiz_id;
  AkQuiz           *quiz;        /* owned by @course; NULL when it is gone */
  AkQuizSession    *session;     /* NULL until the learner starts */

  guint             exam_mode : 1;
  guint             final_test : 1;
};

G_DEFINE_FINAL_TYPE (AkQuizPage, ak_quiz_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_EXAM_MODE,
  N_PROPS
};

enum
{
  OPEN_LESSON_SECTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
get_stage (AkQuizPage *self)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

/* Enter presses nothing but on a question, where the step sets its
 * own button as the window's default widget. */
static void
update_default_widget (AkQuizPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && gtk_widget_get_mapped (GTK_WIDGET (self))
      && g_strcmp0 (get_stage (self), "question") != 0)
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);
}

static void
show_stage (AkQuizPage *self,
            const char *stage)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), stage);
  update_default_widget (self);
}

/* About a minute for a question with one thing to decide, two for one
 * that asks for several (gaps, an order, pairs) or for typing. */
static guint
estimate_minutes (AkQuiz *quiz)
{
  guint minutes = 0;

  for (guint i = 0; i < ak_quiz_get_n_questions (quiz); i++)
    {
      switch (ak_question_get_question_type (ak_quiz_get_question (quiz, i)))
        {
        case AK_QUESTION_SINGLE_CHOICE:
        case AK_QUESTION_TRUE_FALSE:
          minutes += 1;
          break;
        case AK_QUESTION_MULTIPLE_CHOICE:
        case AK_QUESTION_GAP_TEXT:
        case AK_QUESTION_ORDERING:
        case AK_QUESTION_MATCHING:
        case AK_QUESTION_SHORT_ANSWER:
        case AK_QUESTION_NUMERIC:
        case AK_N_QUESTION_TYPES:
        default:
          minutes += 2;
          break;
        }
    }
  return MAX (minutes, 1);
}

static guint
count_points (AkQuiz *quiz)
{
  guint points = 0;

  for (guint i = 0; i < ak_quiz_get_n_questions (quiz); i++)
    points += ak_question_get_points (ak_quiz_get_question (quiz, i));
  return points;
}

static void
add_fact (AkQuizPage *self,
          const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Wrapped only where the row has no room for the whole value. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* Facts to read, not to act on: Tab goes straight to the buttons. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  value, -1);
  gtk_list_box_append (GTK_LIST_BOX (self->facts_list), row);
}

static AkQuizProgress *
find_quiz_progress (AkCourseProgress *progress,
                    const char       *quiz_id)
{
  for (guint i = 0; progress != NULL && i < progress->quizzes->len; i++)
    {
      AkQuizProgress *quiz = g_ptr_array_index (progress->quizzes, i);

      if (g_strcmp0 (quiz->quiz_id, quiz_id) == 0)
        return quiz;
    }
  return NULL;
}

/* The intro reads the store only: an attempt starts with the button. */
static void
update_intro (AkQuizPage *self)
{
  AkProgressStore *store = ak_context_get_store (self->context);
  g_autoptr(AkCourseProgress) progress = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  g_autoptr(GError) error = NULL;
  AkQuizProgress *quiz_progress;
  const char *description = ak_quiz_get_description (self->quiz);
  guint n_questions = ak_quiz_get_n_questions (self->quiz);
  guint minutes = estimate_minutes (self->quiz);
  g_autofree char *questions_text = NULL;
  g_autofree char *points_text = NULL;
  g_autofree char *pass_text = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *best_text = NULL;
  GtkWidget *child;

  gtk_label_set_text (GTK_LABEL (self->title_label), ak_quiz_get_title (self->quiz));
  gtk_label_set_markup (GTK_LABEL (self->description_label), description != NULL ? description : "");
  gtk_widget_set_visible (self->description_label, description != NULL && *description != '\0');
  gtk_widget_set_visible (self->final_label, self->final_test);

  if (store != NULL)
    {
      progress = ak_progress_store_get_course_progress (store, self->course, &error);
      if (error != NULL)
        g_warning ("Cannot read the progress of course “%s”: %s",
                   ak_course_get_id (self->course), error->message);
      g_clear_error (&error);
      attempt = ak_progress_store_get_open_attempt (store, ak_course_get_id (self->course),
                                                    self->quiz_id, &error);
      if (error != NULL)
        g_warning ("Cannot read the open attempt at quiz “%s”: %s",
                   self->quiz_id, error->message);
    }
  quiz_progress = find_quiz_progress (progress, self->quiz_id);

  while ((child = gtk_widget_get_first_child (self->facts_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->facts_list), child);

  questions_text = g_strdup_printf ("%u", n_questions);
  add_fact (self, _("Questions"), questions_text);
  points_text = g_strdup_printf ("%u", count_points (self->quiz));
  add_fact (self, _("Points"), points_text);
  /* Translators: the share of the points needed to pass; "%%" is a percent sign */
  pass_text = g_strdup_printf (_("%u %%"), ak_quiz_get_pass_mark (self->quiz));
  add_fact (self, _("Pass Mark"), pass_text);
  time_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "About %u minute",
                                            "About %u minutes", minutes),
                               minutes);
  add_fact (self, _("Estimated Time"), time_text);
  if (quiz_progress == NULL || quiz_progress->n_attempts == 0)
    best_text = g_strdup (_("No attempt yet"));
  else
    {
      g_autofree char *percent = ak_quiz_format_percent (100.0 * quiz_progress->best_score);

      /* Translators: the best result so far, as in "80 % · Passed" */
      best_text = g_strdup_printf (quiz_progress->passed ? _("%s · Passed") : _("%s · Not passed yet"),
                                   percent);
    }
  add_fact (self, _("Previous Best"), best_text);

  gtk_widget_set_visible (self->start_button, attempt == NULL);
  gtk_widget_set_visible (self->resume_button, attempt != NULL);
  gtk_widget_set_visible (self->restart_button, attempt != NULL);
  gtk_widget_set_visible (self->resume_label, attempt != NULL);
  if (attempt != NULL)
    {
      guint total = attempt->question_order != NULL && attempt->question_order[0] != NULL
                    ? g_strv_length (attempt->question_order) : n_questions;
      guint answered = MIN (attempt->answers != NULL ? attempt->answers->len : 0, total);
      g_autofree char *text = NULL;

      /* Translators: said of an attempt that was left unfinished */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "You have answered %u of %u question so far. Your answers are kept.",
                                           "You have answered %u of %u questions so far. Your answers are kept.",
                                           total),
                              answered, total);
      gtk_label_set_text (GTK_LABEL (self->resume_label), text);
    }
}

static void
show_results (AkQuizPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!ak_quiz_session_finish (self->session, &error))
    {
      ak_question_step_show_error (self->step, error->message);
      return;
    }
  ak_question_step_clear (self->step);
  ak_quiz_results_set_session (AK_QUIZ_RESULTS (self->results), self->session);
  show_stage (self, "results");
  ak_quiz_results_focus_first (AK_QUIZ_RESULTS (self->results));
}

/* Shows the question to answer next, or the results once all are answered. */
static void
show_current (AkQuizPage *self)
{
  AkQuestion *question = ak_quiz_session_get_current (self->session);
  gboolean exam_mode = ak_quiz_session_get_exam_mode (self->session);

  if (question == NULL)
    {
      show_results (self);
      return;
    }

  ak_question_step_show_question (self->step, ak_question_widget_new (self->session, question),
                                  ak_quiz_session_get_position (self->session),
                                  ak_quiz_session_get_n_questions (self->session));
  if (ak_quiz_session_get_practice (self->session))
    ak_question_step_set_mode_text (self->step, _("Practice Round"));
  else
    ak_question_step_set_mode_text (self->step, exam_mode ? _("Feedback at the End") : NULL);
  ak_question_step_set_check_label (self->step, exam_mode ? _("Save Answer") : NULL);

  show_stage (self, "question");
  ak_question_step_focus_question (self->step);
}

static void
start_session (AkQuizPage    *self,
               AkQuizSession *session)
{
  g_set_object (&self->session, session);
  ak_quiz_session_set_exam_mode (self->session, self->exam_mode);
  show_current (self);
}

static void
show_session_error (AkQuizPage *self,
                    GError     *error)
{
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
  show_stage (self, "error");
}

/* Resumes the attempt in progress, or starts one. */
static void
open_attempt (AkQuizPage *self)
{
  g_autoptr(AkQuizSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = ak_quiz_session_new (self->context, self->course, self->quiz_id, &error);
  if (session == NULL)
    {
      show_session_error (self, error);
      return;
    }
  start_session (self, session);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  open_attempt (AK_QUIZ_PAGE (widget));
}

/* The unfinished attempt ends without a score; its answers stay in the
 * history. Then a new one starts. */
static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AkQuizPage *self = AK_QUIZ_PAGE (widget);
  g_autoptr(AkQuizSession) open = NULL;
  g_autoptr(GError) error = NULL;

  open = ak_quiz_session_new (self->context, self->course, self->quiz_id, &error);
  if (open == NULL)
    {
      show_session_error (self, error);
      return;
    }
  if (ak_quiz_session_get_resumed (open) && !ak_quiz_session_abandon (open, &error))
    {
      show_session_error (self, error);
      return;
    }
  if (!ak_quiz_session_get_resumed (open))
    {
      /* Nothing was open any more: this one is new. */
      start_session (self, open);
      return;
    }
  open_attempt (self);
}

static void
check_cb (AkQuizPage *self,
          AkResponse *response)
{
  g_autoptr(AkQuizFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!ak_quiz_session_check (self->session, response, &feedback, &error))
    {
      /* Nothing was recorded: the learner can try again. */
      ak_question_step_show_error (self->step, error->message);
      return;
    }

  if (feedback == NULL)
    {
      /* In exam mode the feedback waits for the end. */
      show_current (self);
      return;
    }

  ak_question_step_show_feedback (self->step, feedback,
                                  ak_quiz_session_get_current (self->session) != NULL ? _("Next")
                                                                                      : _("Show Results"));
}

static void
next_cb (AkQuizPage *self)
{
  if (self->session == NULL)
    return;
  show_current (self);
}

static void
retry_cb (AkQuizPage *self)
{
  open_attempt (self);
}

static void
practice_cb (AkQuizPage *self)
{
  g_autoptr(AkQuizSession) practice = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  practice = ak_quiz_session_start_practice (self->session, &error);
  if (practice == NULL)
    {
      show_session_error (self, error);
      return;
    }
  g_set_object (&self->session, practice);
  show_current (self);
}

static void
open_lesson_section_cb (GtkWidget  *emitter,
                        const char *course_id,
                        const char *lesson_id,
                        const char *section_id,
                        AkQuizPage *self)
{
  g_signal_emit (self, signals[OPEN_LESSON_SECTION], 0, course_id, lesson_id, section_id);
}

/* The number keys pick a choice also while the focus is on the buttons
 * below the question. */
static gboolean
number_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  AkQuizPage *self = AK_QUIZ_PAGE (widget);
  AkQuestionWidget *question = ak_question_step_get_question (self->step);

  if (g_strcmp0 (get_stage (self), "question") != 0 || !AK_IS_CHOICE_QUESTION (question)
      || ak_question_widget_get_read_only (question))
    return FALSE;
  return gtk_widget_activate_action_variant (GTK_WIDGET (question), "choice.pick", args);
}

static void
ak_quiz_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ak_quiz_page_parent_class)->map (widget);
  update_default_widget (AK_QUIZ_PAGE (widget));
}

static void
ak_quiz_page_dispose (GObject *object)
{
  AkQuizPage *self = AK_QUIZ_PAGE (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (ak_quiz_page_parent_class)->dispose (object);
}

static void
ak_quiz_page_finalize (GObject *object)
{
  AkQuizPage *self = AK_QUIZ_PAGE (object);

  g_clear_object (&self->context);
  g_clear_object (&self->course);
  g_free (self->quiz_id);

  G_OBJECT_CLASS (ak_quiz_page_parent_class)->finalize (object);
}

static void
ak_quiz_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AkQuizPage *self = AK_QUIZ_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXAM_MODE:
      g_value_set_boolean (value, self->exam_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_quiz_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  AkQuizPage *self = AK_QUIZ_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXAM_MODE:
      ak_quiz_page_set_exam_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_quiz_page_class_init (AkQuizPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_quiz_page_dispose;
  object_class->finalize = ak_quiz_page_finalize;
  object_class->get_property = ak_quiz_page_get_property;
  object_class->set_property = ak_quiz_page_set_property;
  widget_class->map = ak_quiz_page_map;

  /* Feedback only at the end, for the whole attempt at once. */
  properties[PROP_EXAM_MODE] =
    g_param_spec_boolean ("exam-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AkQuizPage::open-lesson-section:
   * @course_id: the course of the lesson, which can be another course
   * @lesson_id: the lesson
   * @section_id: the section that teaches the thesis a question tests
   */
  signals[OPEN_LESSON_SECTION] =
    g_signal_new ("open-lesson-section", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (AK_TYPE_QUESTION_STEP);
  g_type_ensure (AK_TYPE_QUIZ_RESULTS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-quiz-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, final_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, facts_list);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, resume_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, restart_button);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, step);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, results);
  gtk_widget_class_bind_template_child (widget_class, AkQuizPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, check_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_lesson_section_cb);

  gtk_widget_class_install_action (widget_class, "quiz.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "quiz.resume", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "quiz.restart", NULL, restart_action);

  for (guint number = 1; number <= 9; number++)
    {
      gtk_widget_class_add_binding (widget_class, GDK_KEY_0 + number, 0, number_cb, "u", number);
      gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0 + number, 0, number_cb, "u", number);
    }
}

static void
ak_quiz_page_init (AkQuizPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ak_question_step_set_progress_description (self->step, _("Progress in the quiz"));
}

/**
 * ak_quiz_page_new:
 * @context: the library, store and clock
 * @course: the course of the quiz
 * @quiz_id: the quiz
 *
 * Returns: (transfer floating): the page, showing the quiz's intro, or
 *   that the quiz is not in the course
 */
AkQuizPage *
ak_quiz_page_new (AkContext  *context,
                  AkCourse   *course,
                  const char *quiz_id)
{
  AkQuizPage *self;
  guint n_quizzes;

  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);

  self = g_object_new (AK_TYPE_QUIZ_PAGE, NULL);
  self->context = g_object_ref (context);
  self->course = g_object_ref (course);
  self->quiz_id = g_strdup (quiz_id);
  self->quiz = ak_course_find_quiz (course, quiz_id);

  if (self->quiz == NULL || ak_quiz_get_n_questions (self->quiz) == 0)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page),
                                       _("This quiz is no longer in the course."));
      show_stage (self, "error");
      return self;
    }

  /* The last quiz of a course tests all of it, as the course overview says. */
  n_quizzes = ak_course_get_n_quizzes (course);
  self->final_test = n_quizzes > 0
                     && ak_course_get_quiz (course, n_quizzes - 1) == (const AkQuiz *)self->quiz;
  update_intro (self);
  show_stage (self, "intro");
  return self;
}

AkCourse *
ak_quiz_page_get_course (AkQuizPage *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_PAGE (self), NULL);
  return self->course;
}

const char *
ak_quiz_page_get_quiz_id (AkQuizPage *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_PAGE (self), NULL);
  return self->quiz_id;
}

/**
 * ak_quiz_page_get_session:
 *
 * Returns: (transfer none) (nullable): the attempt or practice round
 *   shown, %NULL before the learner starts
 */
AkQuizSession *
ak_quiz_page_get_session (AkQuizPage *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_PAGE (self), NULL);
  return self->session;
}

gboolean
ak_quiz_page_get_exam_mode (AkQuizPage *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_PAGE (self), FALSE);
  return self->exam_mode;
}

/**
 * ak_quiz_page_set_exam_mode:
 * @exam_mode: %TRUE to show no feedback before the results
 *
 * Takes effect for the attempts started from now on; the session does
 * not keep the mode, so a resumed attempt gets it from here.
 */
void
ak_quiz_page_set_exam_mode (AkQuizPage *self,
                            gboolean    exam_mode)
{
  g_return_if_fail (AK_IS_QUIZ_PAGE (self));

  exam_mode = !!exam_mode;
  if (self->exam_mode == (guint)exam_mode)
    return;
  self->exam_mode = exam_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXAM_MODE]);
}

/* Whether the quiz is the course's final test: its last quiz. */
gboolean
ak_quiz_page_get_final_test (AkQuizPage *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_PAGE (self), FALSE);
  return self->final_test;
}

/**
 * ak_quiz_page_get_leaving_open_exam:
 *
 * For the window, when the learner leaves the page: whether an attempt
 * at the final test is still open, so that a toast can say the attempt
 * stays open. Leaving any other quiz needs no word: every answer is
 * saved already.
 *
 * Returns: %TRUE while an attempt at the final test is started and not
 *   finished
 */
gboolean
ak_quiz_page_get_leaving_open_exam (AkQuizPage *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_PAGE (self), FALSE);

  return self->final_test
         && self->session != NULL
         && !ak_quiz_session_get_practice (self->session)
         && !ak_quiz_session_get_finished (self->session)
         && ak_quiz_session_get_attempt_id (self->session) != 0;
}
