/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-feedback-view.h"

#include <glib/gi18n.h>

#include "ak-question-widget.h"
#include "ak-quiz-text.h"

struct _AkFeedbackView
{
  GtkWidget  parent_instance;

  GtkWidget *verdict_box;
  GtkWidget *verdict_icon;
  GtkWidget *verdict_label;
  GtkWidget *points_label;
  GtkWidget *changed_label;
  GtkWidget *answers_box;
  GtkWidget *response_label;
  GtkWidget *right_label;
  GtkWidget *explanation_label;
  GtkWidget *links_box;
};

G_DEFINE_FINAL_TYPE (AkFeedbackView, ak_feedback_view, GTK_TYPE_WIDGET)

enum
{
  OPEN_LESSON_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * ak_verdict_to_string:
 *
 * Returns: the verdict in words: "Right", "Partly right" or "Wrong"
 */
const char *
ak_verdict_to_string (AkVerdict verdict)
{
  switch (verdict)
    {
    case AK_VERDICT_RIGHT:
      /* Translators: the verdict on a whole answer */
      return C_("verdict", "Right");
    case AK_VERDICT_PARTLY_RIGHT:
      /* Translators: the verdict on a whole answer */
      return C_("verdict", "Partly right");
    case AK_VERDICT_WRONG:
    default:
      /* Translators: the verdict on a whole answer */
      return C_("verdict", "Wrong");
    }
}

static void
link_clicked_cb (GtkButton      *button,
                 AkFeedbackView *self)
{
  const char *course_id = g_object_get_data (G_OBJECT (button), "ak-course-id");
  const char *lesson_id = g_object_get_data (G_OBJECT (button), "ak-lesson-id");
  const char *section_id = g_object_get_data (G_OBJECT (button), "ak-section-id");

  g_signal_emit (self, signals[OPEN_LESSON_SECTION], 0, course_id, lesson_id, section_id);
}

static void
clear_links (AkFeedbackView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->links_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->links_box), child);
}

/* One button per section: two theses of the same section open the same place. */
static void
add_links (AkFeedbackView *self,
           AkQuizFeedback *feedback)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; feedback->links != NULL && i < feedback->links->len; i++)
    {
      const AkLessonLink *link = g_ptr_array_index (feedback->links, i);
      g_autofree char *key = NULL;
      g_autofree char *place = NULL;
      g_autofree char *name = NULL;
      GtkWidget *button;
      GtkWidget *box;
      GtkWidget *label;

      if (link->lesson_id == NULL || link->section_id == NULL)
        continue;
      key = g_strdup_printf ("%s/%s/%s", link->course_id != NULL ? link->course_id : "",
                             link->lesson_id, link->section_id);
      if (!g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;

      /* Translators: where a thesis is taught: a lesson's title and a section's title */
      place = g_strdup_printf (_("%s: %s"),
                               link->lesson_title != NULL ? link->lesson_title : "",
                               link->section_title != NULL ? link->section_title : "");
      /* Translators: the accessible name of the button that opens the lesson
       * section about a question; %s is the lesson and the section */
      name = g_strdup_printf (_("Read in the Lesson: %s"), place);

      button = gtk_button_new ();
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      label = gtk_label_new (_("Read in the Lesson"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new (place);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);

      g_object_set_data_full (G_OBJECT (button), "ak-course-id",
                              g_strdup (link->course_id), g_free);
      g_object_set_data_full (G_OBJECT (button), "ak-lesson-id",
                              g_strdup (link->lesson_id), g_free);
      g_object_set_data_full (G_OBJECT (button), "ak-section-id",
                              g_strdup (link->section_id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (link_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->links_box), button);
    }
}

static void
ak_feedback_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AK_TYPE_FEEDBACK_VIEW);

  G_OBJECT_CLASS (ak_feedback_view_parent_class)->dispose (object);
}

static void
ak_feedback_view_class_init (AkFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_feedback_view_dispose;

  /**
   * AkFeedbackView::open-lesson-section:
   * @course_id: the course of the lesson, which can be another course
   *   than the quiz's
   * @lesson_id: the lesson
   * @section_id: the section that teaches the thesis
   */
  signals[OPEN_LESSON_SECTION] =
    g_signal_new ("open-lesson-section", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-feedback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, points_label);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, changed_label);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, answers_box);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, response_label);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, right_label);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, AkFeedbackView, links_box);
}

static void
ak_feedback_view_init (AkFeedbackView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ak_feedback_view_new (void)
{
  return g_object_new (AK_TYPE_FEEDBACK_VIEW, NULL);
}

/**
 * ak_feedback_view_set_feedback:
 * @question: the question answered, for its points
 * @feedback: what the session said about the answer
 */
void
ak_feedback_view_set_feedback (AkFeedbackView   *self,
                               const AkQuestion *question,
                               AkQuizFeedback   *feedback)
{
  const char *icon_name;
  const char *style;
  g_autofree char *earned = NULL;
  g_autofree char *points = NULL;
  guint max;

  g_return_if_fail (AK_IS_FEEDBACK_VIEW (self));
  g_return_if_fail (question != NULL);
  g_return_if_fail (feedback != NULL);

  /* Each verdict has an icon of its own shape, beside the words. */
  switch (feedback->verdict)
    {
    case AK_VERDICT_RIGHT:
      icon_name = "object-select-symbolic";
      style = "success";
      break;
    case AK_VERDICT_PARTLY_RIGHT:
      icon_name = "dialog-warning-symbolic";
      style = "warning";
      break;
    case AK_VERDICT_WRONG:
    default:
      icon_name = "window-close-symbolic";
      style = "error";
      break;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (self->verdict_icon), icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ak_verdict_to_string (feedback->verdict), -1);
  gtk_label_set_text (GTK_LABEL (self->verdict_label), ak_verdict_to_string (feedback->verdict));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *widget = i == 0 ? self->verdict_icon : self->verdict_label;

      gtk_widget_remove_css_class (widget, "success");
      gtk_widget_remove_css_class (widget, "warning");
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_add_css_class (widget, style);
    }

  max = ak_question_get_points (question);
  earned = ak_quiz_format_number (CLAMP (feedback->score, 0.0, 1.0) * max);
  /* Translators: the points an answer earned; %s is a number such as "1,5",
   * %u the question's points */
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %u point", "%s of %u points",
                                         max),
                            earned, max);
  gtk_label_set_text (GTK_LABEL (self->points_label), points);

  gtk_widget_set_visible (self->changed_label, feedback->changed);
  gtk_label_set_markup (GTK_LABEL (self->explanation_label),
                        feedback->explanation != NULL ? feedback->explanation : "");
  gtk_widget_set_visible (self->explanation_label,
                          feedback->explanation != NULL && *feedback->explanation != '\0');

  clear_links (self);
  add_links (self, feedback);
  gtk_widget_set_visible (self->links_box, gtk_widget_get_first_child (self->links_box) != NULL);
}

/**
 * ak_feedback_view_set_answers:
 * @response_text: (nullable): the learner's answer in words
 * @right_text: (nullable): the right answer in words
 *
 * Shows both answers one under the other, for the results page; hidden
 * while either is %NULL.
 */
void
ak_feedback_view_set_answers (AkFeedbackView *self,
                              const char     *response_text,
                              const char     *right_text)
{
  g_return_if_fail (AK_IS_FEEDBACK_VIEW (self));

  gtk_label_set_text (GTK_LABEL (self->response_label), response_text != NULL ? response_text : "");
  gtk_label_set_text (GTK_LABEL (self->right_label), right_text != NULL ? right_text : "");
  gtk_widget_set_visible (self->answers_box, response_text != NULL && right_text != NULL);
}

/* The verdict as shown, in words. */
const char *
ak_feedback_view_get_verdict (AkFeedbackView *self)
{
  g_return_val_if_fail (AK_IS_FEEDBACK_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->verdict_label));
}
