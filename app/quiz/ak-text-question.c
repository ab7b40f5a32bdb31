/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-question-types.h"
#include "ak-quiz-text.h"

/* Short answer and numeric: one entry. A number is passed on as typed
 * ("2,5", "1.000", "−3"): grading reads it the German way, and a learner
 * who typed the unit as well is not marked wrong for it. */
struct _AkTextQuestion
{
  AkQuestionWidget parent_instance;

  GtkWidget *line;
  GtkWidget *entry;
};

G_DEFINE_FINAL_TYPE (AkTextQuestion, ak_text_question, AK_TYPE_QUESTION_WIDGET)

static void
entry_changed_cb (GtkEditable    *entry,
                  AkTextQuestion *self)
{
  ak_question_widget_changed (AK_QUESTION_WIDGET (self));
}

static void
ak_text_question_build (AkQuestionWidget *widget,
                        GtkBox           *content)
{
  AkTextQuestion *self = AK_TEXT_QUESTION (widget);
  AkQuestion *question = ak_question_widget_get_question (widget);
  gboolean numeric = ak_question_get_question_type (question) == AK_QUESTION_NUMERIC;
  const char *unit = numeric ? ak_question_get_unit (question) : NULL;
  g_autofree char *name = NULL;

  self->line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->entry = gtk_entry_new ();
  gtk_widget_set_hexpand (self->entry, !numeric);
  if (numeric)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
      gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
    }
  gtk_box_append (GTK_BOX (self->line), self->entry);

  if (unit != NULL && *unit != '\0')
    {
      GtkWidget *suffix = gtk_label_new (unit);

      gtk_box_append (GTK_BOX (self->line), suffix);
      /* Translators: the accessible name of the entry for a number; %s is its unit */
      name = g_strdup_printf (_("Answer in %s"), unit);
    }
  else
    name = g_strdup (_("Answer"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);

  g_signal_connect (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  gtk_box_append (content, self->line);
}

static AkResponse *
ak_text_question_get_response (AkQuestionWidget *widget)
{
  AkTextQuestion *self = AK_TEXT_QUESTION (widget);
  AkQuestion *question = ak_question_widget_get_question (widget);
  AkResponse *response = ak_response_new (ak_question_get_question_type (question));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (*text != '\0')
    ak_response_set_text (response, text);
  return response;
}

static void
ak_text_question_show_feedback (AkQuestionWidget *widget,
                                AkQuizFeedback   *feedback)
{
  AkTextQuestion *self = AK_TEXT_QUESTION (widget);

  gtk_editable_set_editable (GTK_EDITABLE (self->entry), FALSE);
  gtk_box_append (GTK_BOX (self->line),
                  ak_question_mark_new (feedback->verdict == AK_VERDICT_RIGHT ? AK_MARK_RIGHT
                                                                               : AK_MARK_WRONG));
  /* What was asked for, right under the learner's own answer. */
  if (feedback->verdict != AK_VERDICT_RIGHT)
    {
      g_autofree char *answer = ak_quiz_describe_right_answer (
                                  ak_question_widget_get_question (widget));
      g_autofree char *escaped = g_markup_escape_text (answer, -1);
      g_autofree char *label = g_markup_escape_text (_("Right answer:"), -1);
      g_autofree char *markup = g_strdup_printf ("%s %s", label, escaped);
      GtkWidget *parent = gtk_widget_get_parent (self->line);

      if (GTK_IS_BOX (parent))
        gtk_box_append (GTK_BOX (parent), ak_question_markup_label_new (markup));
    }
}

static void
ak_text_question_class_init (AkTextQuestionClass *klass)
{
  AkQuestionWidgetClass *question_class = AK_QUESTION_WIDGET_CLASS (klass);

  question_class->build = ak_text_question_build;
  question_class->get_response = ak_text_question_get_response;
  question_class->show_feedback = ak_text_question_show_feedback;
}

static void
ak_text_question_init (AkTextQuestion *self)
{
}
