/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-review-page.h"

#include <glib/gi18n.h>

#include "ak-chart-card.h"
#include "ak-column-chart.h"
#include "ak-flow-layout.h"
#include "ak-question-step.h"
#include "ak-question-types.h"
#include "ak-review-queue.h"

struct _AkReviewPage
{
  AdwBin            parent_instance;

  /* Template */
  GtkWidget        *stack;
  GtkWidget        *due_label;
  GtkWidget        *limit_label;
  GtkWidget        *start_button;
  AkChart          *forecast_chart;
  GtkWidget        *done_page;
  AkQuestionStep   *step;
  GtkWidget        *override_box;
  GtkWidget        *override_label;
  GtkWidget        *score_label;
  GtkWidget        *next_due_label;
  GtkWidget        *difficult_box;
  GtkWidget        *difficult_list;
  GtkWidget        *back_button;
  GtkWidget        *error_page;

  GtkWidget        *sure_button;
  GtkWidget        *guessed_button;

  AkContext        *context;
  AkReviewSession  *session;     /* today's review */
  guint             n_answered;
  guint             n_right;

  guint             updating_override : 1;
};

G_DEFINE_FINAL_TYPE (AkReviewPage, ak_review_page, ADW_TYPE_BIN)

enum
{
  OPEN_LESSON_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_stage (AkReviewPage *self)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

/* Enter starts the review; on a question the step sets its own button
 * as the window's default widget. */
static void
update_default_widget (AkReviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *button = NULL;

  if (!GTK_IS_WINDOW (root) || !gtk_widget_get_mapped (GTK_WIDGET (self))
      || g_strcmp0 (get_stage (self), "question") == 0)
    return;
  if (g_strcmp0 (get_stage (self), "start") == 0)
    button = self->start_button;
  gtk_window_set_default_widget (GTK_WINDOW (root), button);
}

static void
show_stage (AkReviewPage *self,
            const char   *stage)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), stage);
  update_default_widget (self);
}

static void
show_page_error (AkReviewPage *self,
                 GError       *error)
{
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
  show_stage (self, "error");
}

/* The review day of today, as a date: it starts at 4 a.m. */
static void
get_today (AkReviewPage *self,
           GDate        *date)
{
  gint64 now = ak_clock_get_real_time (ak_context_get_clock (self->context));
  gint64 day = ak_fsrs_day (now, NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_JANUARY, 1970);
  if (day > 0 && day < G_MAXINT32 - (gint64)g_date_get_julian (date))
    g_date_add_days (date, (guint)day);
}

/* When the next questions are due, in a sentence; the forecast starts
 * tomorrow. */
static char *
format_next_due (AkReviewPage *self)
{
  const guint *forecast = ak_review_session_get_forecast (self->session);

  for (guint i = 0; i < AK_REVIEW_FORECAST_DAYS; i++)
    {
      GDate date;
      g_autofree char *day = NULL;

      if (forecast[i] == 0)
        continue;
      if (i == 0)
        return g_strdup_printf (ngettext ("Tomorrow %u question is due.",
                                          "Tomorrow %u questions are due.", forecast[i]),
                                forecast[i]);
      get_today (self, &date);
      g_date_add_days (&date, i + 1);
      day = ak_chart_format_weekday_date (&date);
      /* Translators: "The next 3 questions are due on Tuesday, 12.03.2024." */
      return g_strdup_printf (ngettext ("The next %u question is due on %s.",
                                        "The next %u questions are due on %s.", forecast[i]),
                              forecast[i], day);
    }
  return g_strdup (_("No questions are due in the next seven days."));
}

/* The forecast starts tomorrow. */
static void
update_forecast (AkReviewPage *self)
{
  GDate tomorrow;

  get_today (self, &tomorrow);
  g_date_add_days (&tomorrow, 1);
  ak_column_chart_set_forecast (AK_COLUMN_CHART (self->forecast_chart), &tomorrow,
                                ak_review_session_get_forecast (self->session),
                                AK_REVIEW_FORECAST_DAYS);
}

/* The start: today's share, why it is smaller than what is due, and the
 * days ahead; or that nothing is left for today. */
static void
update_start (AkReviewPage *self)
{
  guint n = ak_review_session_get_n_questions (self->session);
  guint n_due = ak_review_session_get_n_due (self->session);
  g_autofree char *due = NULL;
  g_autofree char *next = format_next_due (self);

  update_forecast (self);
  if (n == 0)
    {
      g_autofree char *description = NULL;

      if (n_due > 0)
        /* Translators: the daily limit is reached; the rest waits */
        description = g_strdup_printf (ngettext ("You have reached your daily limit. %u more question waits for tomorrow.",
                                                 "You have reached your daily limit. %u more questions wait for tomorrow.",
                                                 n_due),
                                       n_due);
      else
        description = g_strdup (next);
      adw_status_page_set_description (ADW_STATUS_PAGE (self->done_page), description);
      show_stage (self, "done");
      return;
    }

  due = g_strdup_printf (ngettext ("%u question is due for review today.",
                                   "%u questions are due for review today.", n), n);
  gtk_label_set_text (GTK_LABEL (self->due_label), due);
  if (n_due > n)
    {
      g_autofree char *limit = NULL;

      /* Translators: the daily limit cut the day short; no reproach */
      limit = g_strdup_printf (ngettext ("%u more question is due. It waits for the next days, so that today stays manageable.",
                                         "%u more questions are due. They wait for the next days, so that today stays manageable.",
                                         n_due - n),
                               n_due - n);
      gtk_label_set_text (GTK_LABEL (self->limit_label), limit);
    }
  gtk_widget_set_visible (self->limit_label, n_due > n);
  show_stage (self, "start");
}

static guint
get_daily_limit (AkReviewPage *self)
{
  GSettings *settings = ak_context_get_settings (self->context);

  if (settings == NULL)
    return AK_REVIEW_DEFAULT_DAILY_LIMIT;
  return g_settings_get_uint (settings, "review-daily-limit");
}

static void
difficult_activated_cb (AdwActionRow *row,
                        AkReviewPage *self)
{
  const AkDifficultQuestion *question = g_object_get_data (G_OBJECT (row), "ak-difficult");

  g_signal_emit (self, signals[OPEN_LESSON_SECTION], 0,
                 question->course_id, question->lesson_id, question->section_id);
}

/* A row per question, which opens its section: a button beside the
 * prompt would leave the prompt no room at 360 px. */
static GtkWidget *
create_difficult_row (AkReviewPage        *self,
                      AkDifficultQuestion *question)
{
  g_autofree char *prompt = ak_question_markup_to_text (question->prompt_text);
  g_autofree char *where = NULL;
  g_autofree char *escaped_prompt = NULL;
  g_autofree char *escaped_where = NULL;
  GtkWidget *row = adw_action_row_new ();

  g_strstrip (prompt);
  escaped_prompt = g_markup_escape_text (prompt, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_prompt);
  if (question->section_title != NULL)
    /* Translators: where to reread a difficult question: "Course · Lesson: Section" */
    where = g_strdup_printf (_("%s · %s: %s"), question->course_title, question->lesson_title,
                             question->section_title);
  else
    where = g_strdup (question->course_title);
  escaped_where = g_markup_escape_text (where, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_where);

  if (question->lesson_id != NULL && question->section_id != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");
      g_autofree char *description = g_strdup_printf (_("Read in the Lesson: %s"), where);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Read in the Lesson"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Read in the Lesson"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
      g_object_set_data_full (G_OBJECT (row), "ak-difficult", question,
                              (GDestroyNotify)ak_difficult_question_free);
      g_signal_connect (row, "activated", G_CALLBACK (difficult_activated_cb), self);
    }
  else
    ak_difficult_question_free (question);
  return row;
}

/* The questions forgotten again and again, with where to reread them. */
static void
update_difficult (AkReviewPage *self)
{
  AkCourseLibrary *library = ak_context_get_library (self->context);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->difficult_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->difficult_list), child);

  if (library != NULL)
    questions = ak_review_list_difficult (ak_context_get_store (self->context),
                                          G_LIST_MODEL (library), AK_REVIEW_DIFFICULT_LAPSES,
                                          &error);
  if (error != NULL)
    g_warning ("Cannot list the difficult questions: %s", error->message);
  for (guint i = 0; questions != NULL && i < questions->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->difficult_list),
                         create_difficult_row (self, g_ptr_array_steal_index (questions, i--)));
  gtk_widget_set_visible (self->difficult_box,
                          gtk_widget_get_first_child (self->difficult_list) != NULL);
}

static void
show_summary (AkReviewPage *self)
{
  g_autofree char *score = NULL;
  g_autofree char *next = NULL;

  ak_question_step_clear (self->step);
  /* Translators: the review's summary: "You knew 7 of 10 questions." */
  score = g_strdup_printf (ngettext ("You knew %u of %u question.",
                                     "You knew %u of %u questions.", self->n_answered),
                           self->n_right, self->n_answered);
  gtk_label_set_text (GTK_LABEL (self->score_label), score);
  /* Counted anew: today's answers moved their questions into the days
   * ahead, and those forgotten come back tomorrow. */
  {
    g_autoptr(AkReviewSession) after = ak_review_session_new (self->context, NULL,
                                                              get_daily_limit (self), NULL);

    if (after != NULL && ak_review_session_get_n_questions (after) > 0)
      next = g_strdup_printf (ngettext ("%u more question is due today.",
                                        "%u more questions are due today.",
                                        ak_review_session_get_n_questions (after)),
                              ak_review_session_get_n_questions (after));
    else if (after != NULL)
      {
        g_set_object (&self->session, after);
        next = format_next_due (self);
      }
  }
  gtk_label_set_text (GTK_LABEL (self->next_due_label), next != NULL ? next : "");
  update_difficult (self);
  show_stage (self, "summary");
  gtk_widget_grab_focus (self->back_button);
}

static void
reset_override (AkReviewPage *self)
{
  self->updating_override = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sure_button), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->guessed_button), FALSE);
  self->updating_override = FALSE;
}

/* Shows the question to answer now, or the summary once all are done. */
static void
show_current (AkReviewPage *self)
{
  const AkQuestion *question = ak_review_session_get_current (self->session);
  AkCourse *course = ak_review_session_get_course (self->session);
  g_autofree char *from = NULL;

  if (question == NULL)
    {
      show_summary (self);
      return;
    }

  /* Translators: the course a review question comes from */
  from = g_strdup_printf (_("From “%s”"), ak_course_get_title (course));
  ak_question_step_set_caption (self->step, from);
  /* The question belongs to the course, which the session holds. */
  ak_question_step_show_question (self->step,
                                  ak_question_widget_new_with_layout ((AkQuestion *)question,
                                                                      ak_review_session_get_choices (self->session),
                                                                      ak_review_session_get_targets (self->session)),
                                  ak_review_session_get_position (self->session),
                                  ak_review_session_get_n_questions (self->session));
  reset_override (self);
  gtk_widget_set_visible (self->override_box, FALSE);

  show_stage (self, "question");
  ak_question_step_focus_question (self->step);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AkReviewPage *self = AK_REVIEW_PAGE (widget);

  if (self->session == NULL || ak_review_session_get_current (self->session) == NULL)
    return;
  self->n_answered = 0;
  self->n_right = 0;
  show_current (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ak_review_page_refresh (AK_REVIEW_PAGE (widget));
}

static void
check_cb (AkReviewPage *self,
          AkResponse   *response)
{
  g_autoptr(AkQuizFeedback) feedback = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!ak_review_session_check (self->session, response, &feedback, NULL, &error))
    {
      /* Nothing was recorded: the learner can try again. */
      ak_question_step_show_error (self->step, error->message);
      return;
    }

  self->n_answered++;
  if (feedback->verdict == AK_VERDICT_RIGHT)
    self->n_right++;
  /* A wrong answer cannot be a lucky guess, only a slip. */
  if (feedback->verdict == AK_VERDICT_WRONG)
    gtk_label_set_text (GTK_LABEL (self->override_label),
                        _("Only a slip, such as a typo? Then say that you knew it."));
  else
    gtk_label_set_text (GTK_LABEL (self->override_label),
                        _("Was that knowledge or luck? Your answer counts the way you say."));
  gtk_widget_set_visible (self->guessed_button, feedback->verdict != AK_VERDICT_WRONG);
  gtk_widget_set_visible (self->override_box, TRUE);
  ak_question_step_show_feedback (self->step, feedback,
                                  ak_review_session_get_finished (self->session) ? _("Show Summary")
                                                                                 : _("Next"));
}

static void
next_cb (AkReviewPage *self)
{
  if (self->session == NULL)
    return;
  ak_review_session_next (self->session);
  show_current (self);
}

/* One of "I knew it for sure" and "I guessed" at a time; pressing the
 * one that is on again takes it back. */
static void
override_toggled_cb (AkReviewPage    *self,
                     GtkToggleButton *button)
{
  g_autoptr(GError) error = NULL;
  AkRatingOverride override = AK_RATING_OVERRIDE_NONE;
  GtkWidget *other;

  if (self->updating_override || self->session == NULL)
    return;

  other = (GtkWidget *)button == self->sure_button ? self->guessed_button : self->sure_button;
  if (gtk_toggle_button_get_active (button))
    {
      self->updating_override = TRUE;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (other), FALSE);
      self->updating_override = FALSE;
      override = (GtkWidget *)button == self->sure_button ? AK_RATING_OVERRIDE_SURE
                                                          : AK_RATING_OVERRIDE_GUESSED;
    }

  if (!ak_review_session_override (self->session, override, NULL, &error))
    {
      ak_question_step_show_error (self->step, error->message);
      reset_override (self);
    }
}

static void
open_lesson_section_cb (GtkWidget    *emitter,
                        const char   *course_id,
                        const char   *lesson_id,
                        const char   *section_id,
                        AkReviewPage *self)
{
  g_signal_emit (self, signals[OPEN_LESSON_SECTION], 0, course_id, lesson_id, section_id);
}

/* A new limit or a changed library counts at once, unless a review is
 * under way. */
static void
start_changed_cb (AkReviewPage *self)
{
  const char *stage = get_stage (self);

  if (g_strcmp0 (stage, "start") == 0 || g_strcmp0 (stage, "done") == 0)
    ak_review_page_refresh (self);
}

static void
ak_review_page_map (GtkWidget *widget)
{
  AkReviewPage *self = AK_REVIEW_PAGE (widget);
  const char *stage = get_stage (self);

  GTK_WIDGET_CLASS (ak_review_page_parent_class)->map (widget);
  /* Shown again, maybe on another day or after a quiz: count anew. */
  if (g_strcmp0 (stage, "start") == 0 || g_strcmp0 (stage, "done") == 0)
    ak_review_page_refresh (self);
  update_default_widget (self);
}

static void
ak_review_page_unmap (GtkWidget *widget)
{
  AkReviewPage *self = AK_REVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *current = gtk_window_get_default_widget (GTK_WINDOW (root));

      if (current == self->start_button)
        gtk_window_set_default_widget (GTK_WINDOW (root), NULL);
    }
  GTK_WIDGET_CLASS (ak_review_page_parent_class)->unmap (widget);
}

static void
ak_review_page_dispose (GObject *object)
{
  AkReviewPage *self = AK_REVIEW_PAGE (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (ak_review_page_parent_class)->dispose (object);
}

static void
ak_review_page_finalize (GObject *object)
{
  AkReviewPage *self = AK_REVIEW_PAGE (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ak_review_page_parent_class)->finalize (object);
}

static void
ak_review_page_class_init (AkReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_review_page_dispose;
  object_class->finalize = ak_review_page_finalize;
  widget_class->map = ak_review_page_map;
  widget_class->unmap = ak_review_page_unmap;

  /**
   * AkReviewPage::open-lesson-section:
   * @course_id: the course of the lesson
   * @lesson_id: the lesson
   * @section_id: the section that teaches the thesis a question tests
   */
  signals[OPEN_LESSON_SECTION] =
    g_signal_new ("open-lesson-section", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (AK_TYPE_QUESTION_STEP);
  g_type_ensure (AK_TYPE_CHART_CARD);
  g_type_ensure (AK_TYPE_COLUMN_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, forecast_chart);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, done_page);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, step);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, override_box);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, override_label);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, score_label);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, next_due_label);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, difficult_box);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, difficult_list);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AkReviewPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, check_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_lesson_section_cb);

  gtk_widget_class_install_action (widget_class, "review.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "review.refresh", NULL, refresh_action);
}

static void
ak_review_page_init (AkReviewPage *self)
{
  GtkWidget *buttons;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Side by side where they fit, one under the other at 360 px. */
  buttons = ak_flow_box_new (12, 8);
  self->sure_button = gtk_toggle_button_new_with_label (_("I Knew It for Sure"));
  self->guessed_button = gtk_toggle_button_new_with_label (_("I Guessed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sure_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Counts the answer as known for sure"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->guessed_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Counts a right answer as a guess, so it comes back sooner"), -1);
  for (GtkWidget *button = self->sure_button; button != NULL;
       button = button == self->sure_button ? self->guessed_button : NULL)
    {
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (override_toggled_cb), self);
      gtk_widget_set_parent (button, buttons);
    }
  gtk_box_append (GTK_BOX (self->override_box), buttons);

  ak_question_step_set_progress_description (self->step, _("Progress in today's review"));
  ak_chart_set_columns (self->forecast_chart, _("Day"), _("Reviews"), NULL);
}

/**
 * ak_review_page_new:
 * @context: the library, store, settings and clock
 *
 * Returns: (transfer floating): the page, showing what is due today
 */
AkReviewPage *
ak_review_page_new (AkContext *context)
{
  AkReviewPage *self;

  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);

  self = g_object_new (AK_TYPE_REVIEW_PAGE, NULL);
  self->context = g_object_ref (context);
  if (ak_context_get_settings (context) != NULL)
    g_signal_connect_object (ak_context_get_settings (context), "changed::review-daily-limit",
                             G_CALLBACK (start_changed_cb), self, G_CONNECT_SWAPPED);
  if (ak_context_get_library (context) != NULL)
    g_signal_connect_object (ak_context_get_library (context), "items-changed",
                             G_CALLBACK (start_changed_cb), self, G_CONNECT_SWAPPED);
  ak_review_page_refresh (self);
  return self;
}

/**
 * ak_review_page_refresh:
 *
 * Counts today's review anew from the store and shows its start, or
 * that nothing is due. A review under way ends here; its answers are
 * recorded already. The page does this itself when it is shown on its
 * start, when the library changes and when the daily limit does.
 */
void
ak_review_page_refresh (AkReviewPage *self)
{
  g_autoptr(AkReviewSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AK_IS_REVIEW_PAGE (self));

  session = ak_review_session_new (self->context, NULL, get_daily_limit (self), &error);
  if (session == NULL)
    {
      show_page_error (self, error);
      return;
    }
  ak_question_step_clear (self->step);
  g_set_object (&self->session, session);
  update_start (self);
}

/**
 * ak_review_page_get_session:
 *
 * Returns: (transfer none) (nullable): today's review, %NULL when the
 *   progress is not available
 */
AkReviewSession *
ak_review_page_get_session (AkReviewPage *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_PAGE (self), NULL);
  return self->session;
}
