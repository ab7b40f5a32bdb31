/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-quiz-results.h"

#include <glib/gi18n.h>

#include "ak-feedback-view.h"
#include "ak-question-widget.h"
#include "ak-quiz-text.h"

struct _AkQuizResults
{
  AdwBin     parent_instance;

  GtkWidget *scroller;
  GtkWidget *verdict_icon;
  GtkWidget *practice_label;
  GtkWidget *verdict_label;
  GtkWidget *percent_label;
  GtkWidget *points_label;
  GtkWidget *time_label;
  GtkWidget *retry_button;
  GtkWidget *practice_button;
  GtkWidget *answers_heading;
  GtkWidget *answers_box;
};

G_DEFINE_FINAL_TYPE (AkQuizResults, ak_quiz_results, ADW_TYPE_BIN)

enum
{
  RETRY,
  PRACTICE,
  OPEN_LESSON_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
retry_clicked_cb (AkQuizResults *self)
{
  g_signal_emit (self, signals[RETRY], 0);
}

static void
practice_clicked_cb (AkQuizResults *self)
{
  g_signal_emit (self, signals[PRACTICE], 0);
}

static void
open_lesson_section_cb (AkFeedbackView *view,
                        const char     *course_id,
                        const char     *lesson_id,
                        const char     *section_id,
                        AkQuizResults  *self)
{
  g_signal_emit (self, signals[OPEN_LESSON_SECTION], 0, course_id, lesson_id, section_id);
}

static void
clear_answers (AkQuizResults *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->answers_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->answers_box), child);
}

/* A card per question: its number and prompt, then the feedback with
 * both answers. */
static GtkWidget *
answer_card_new (AkQuizResults *self,
                 AkQuizSession *session,
                 guint          index)
{
  AkQuestion *question = ak_quiz_session_get_question (session, index);
  const char *id = ak_question_get_id (question);
  g_autoptr(AkQuizFeedback) feedback = ak_quiz_session_get_feedback (session, id);
  g_autofree char *number = NULL;
  g_autofree char *response_text = NULL;
  g_autofree char *right_text = NULL;
  GtkWidget *card;
  GtkWidget *heading;
  GtkWidget *prompt;
  GtkWidget *view;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "ak-answer-card");

  number = g_strdup_printf (_("Question %u of %u"), index + 1,
                            ak_quiz_session_get_n_questions (session));
  heading = gtk_label_new (number);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_box_append (GTK_BOX (card), heading);

  prompt = ak_question_markup_label_new (ak_question_get_prompt (question));
  gtk_widget_add_css_class (prompt, "heading");
  gtk_box_append (GTK_BOX (card), prompt);
  g_object_set (card, "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP, NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  heading, NULL, -1);

  if (feedback == NULL)
    {
      /* A question left open counts nothing. */
      GtkWidget *label = gtk_label_new (_("Not answered"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (card), label);
      return card;
    }

  view = ak_feedback_view_new ();
  ak_feedback_view_set_feedback (AK_FEEDBACK_VIEW (view), question, feedback);
  response_text = ak_quiz_describe_response (session, question,
                                             ak_quiz_session_get_response (session, id));
  right_text = ak_quiz_describe_right_answer (question);
  ak_feedback_view_set_answers (AK_FEEDBACK_VIEW (view), response_text, right_text);
  g_signal_connect (view, "open-lesson-section", G_CALLBACK (open_lesson_section_cb), self);
  gtk_box_append (GTK_BOX (card), view);
  return card;
}

static void
ak_quiz_results_class_init (AkQuizResultsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PRACTICE] = g_signal_new ("practice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_LESSON_SECTION] =
    g_signal_new ("open-lesson-section", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-quiz-results.ui");
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, scroller);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, practice_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, percent_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, points_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, time_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, practice_button);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, answers_heading);
  gtk_widget_class_bind_template_child (widget_class, AkQuizResults, answers_box);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, practice_clicked_cb);
}

static void
ak_quiz_results_init (AkQuizResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ak_quiz_results_new (void)
{
  return g_object_new (AK_TYPE_QUIZ_RESULTS, NULL);
}

/**
 * ak_quiz_results_set_session:
 * @session: a finished attempt or practice round
 *
 * Shows the results of @session.
 */
void
ak_quiz_results_set_session (AkQuizResults *self,
                             AkQuizSession *session)
{
  AkQuiz *quiz;
  gboolean practice;
  gboolean passed;
  g_auto(GStrv) missed = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *points = NULL;
  g_autofree char *max = NULL;
  g_autofree char *points_text = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *time_text = NULL;

  g_return_if_fail (AK_IS_QUIZ_RESULTS (self));
  g_return_if_fail (AK_IS_QUIZ_SESSION (session));

  quiz = ak_quiz_session_get_quiz (session);
  practice = ak_quiz_session_get_practice (session);
  passed = ak_quiz_session_get_passed (session);

  gtk_widget_set_visible (self->practice_label, practice);
  if (practice)
    {
      /* Practice has no pass: it only counts towards mastery. */
      gtk_label_set_text (GTK_LABEL (self->verdict_label), _("Practice Finished"));
      gtk_image_set_from_icon_name (GTK_IMAGE (self->verdict_icon), "view-refresh-symbolic");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->verdict_label), passed ? _("Passed") : _("Not Passed"));
      gtk_image_set_from_icon_name (GTK_IMAGE (self->verdict_icon),
                                    passed ? "object-select-symbolic" : "window-close-symbolic");
    }
  gtk_widget_remove_css_class (self->verdict_icon, "success");
  gtk_widget_remove_css_class (self->verdict_icon, "error");
  gtk_widget_remove_css_class (self->verdict_icon, "accent");
  gtk_widget_add_css_class (self->verdict_icon, practice ? "accent" : passed ? "success" : "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (self->verdict_label)), -1);

  percent = ak_quiz_format_percent (ak_quiz_session_get_percent (session));
  gtk_label_set_text (GTK_LABEL (self->percent_label), percent);

  points = ak_quiz_format_number (ak_quiz_session_get_points (session));
  max = ak_quiz_format_number (ak_quiz_session_get_max_points (session));
  if (practice)
    /* Translators: the points of a practice round, as in "4,5 of 6 points" */
    points_text = g_strdup_printf (_("%s of %s points"), points, max);
  else
    /* Translators: the points of an attempt, as in "4,5 of 6 points · pass mark 70 %" */
    points_text = g_strdup_printf (_("%s of %s points · pass mark %u %%"), points, max,
                                   ak_quiz_get_pass_mark (quiz));
  gtk_label_set_text (GTK_LABEL (self->points_label), points_text);

  duration = ak_quiz_format_duration (ak_quiz_session_get_seconds (session));
  /* Translators: how long the learner took, as in "Time taken: 4 minutes" */
  time_text = g_strdup_printf (_("Time taken: %s"), duration);
  gtk_label_set_text (GTK_LABEL (self->time_label), time_text);

  missed = ak_quiz_session_list_missed (session);
  gtk_widget_set_visible (self->practice_button, missed[0] != NULL);
  /* With nothing to practise, trying again is what is left to do. */
  if (missed[0] != NULL)
    gtk_widget_remove_css_class (self->retry_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->retry_button, "suggested-action");

  clear_answers (self);
  for (guint i = 0; i < ak_quiz_session_get_n_questions (session); i++)
    gtk_box_append (GTK_BOX (self->answers_box), answer_card_new (self, session, i));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)),
                            0);
}

/* Puts the focus on the first button: what the learner does next. */
void
ak_quiz_results_focus_first (AkQuizResults *self)
{
  g_return_if_fail (AK_IS_QUIZ_RESULTS (self));

  if (gtk_widget_get_visible (self->practice_button))
    gtk_widget_grab_focus (self->practice_button);
  else
    gtk_widget_grab_focus (self->retry_button);
}
