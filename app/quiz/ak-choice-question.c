/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-question-types.h"

/* Single choice (radio buttons), multiple choice (check buttons), and true
 * or false (two radio buttons). The number keys 1 to 9 pick a choice. */

typedef struct
{
  const char *id;          /* a choice's id, or "true" / "false" */
  const char *feedback;    /* markup shown once it was picked, or NULL */
  GtkWidget  *button;
  GtkWidget  *line;        /* the button and its mark */
  GtkWidget  *row;         /* the line and the feedback below it */
} Choice;

struct _AkChoiceQuestion
{
  AkQuestionWidget parent_instance;

  GArray *choices;         /* Choice, in the order shown */
};

G_DEFINE_FINAL_TYPE (AkChoiceQuestion, ak_choice_question, AK_TYPE_QUESTION_WIDGET)

static AkQuestionType
get_question_type (AkChoiceQuestion *self)
{
  return ak_question_get_question_type (ak_question_widget_get_question (AK_QUESTION_WIDGET (self)));
}

static void
toggled_cb (GtkCheckButton   *button,
            AkChoiceQuestion *self)
{
  ak_question_widget_changed (AK_QUESTION_WIDGET (self));
}

/* Grouped check buttons look like radio buttons; GTK 4.8 still calls
 * them check boxes, so a screen reader is told what they are. */
static void
add_choice (AkChoiceQuestion *self,
            GtkBox           *content,
            const char       *id,
            const char       *markup,
            const char       *feedback,
            GtkCheckButton   *group)
{
  Choice choice = { id, feedback, NULL, NULL, NULL };
  g_autofree char *text = ak_question_markup_to_text (markup);
  GtkWidget *label = ak_question_markup_label_new (markup);

  choice.button = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                "accessible-role",
                                get_question_type (self) == AK_QUESTION_MULTIPLE_CHOICE
                                  ? GTK_ACCESSIBLE_ROLE_CHECKBOX : GTK_ACCESSIBLE_ROLE_RADIO,
                                NULL);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (choice.button), label);
  gtk_widget_set_hexpand (choice.button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice.button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (choice.button), group);
  g_signal_connect (choice.button, "toggled", G_CALLBACK (toggled_cb), self);

  choice.line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (choice.line), choice.button);
  choice.row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (choice.row), choice.line);
  gtk_box_append (content, choice.row);

  g_array_append_val (self->choices, choice);
}

static void
ak_choice_question_build (AkQuestionWidget *widget,
                          GtkBox           *content)
{
  AkChoiceQuestion *self = AK_CHOICE_QUESTION (widget);
  AkQuestion *question = ak_question_widget_get_question (widget);
  GtkCheckButton *group = NULL;

  if (get_question_type (self) == AK_QUESTION_TRUE_FALSE)
    {
      /* Translators: the two answers to a true-or-false question */
      g_autofree char *true_markup = g_markup_escape_text (C_("answer", "True"), -1);
      g_autofree char *false_markup = g_markup_escape_text (C_("answer", "False"), -1);

      add_choice (self, content, "true", true_markup,
                  ak_question_get_feedback_true (question), NULL);
      group = GTK_CHECK_BUTTON (g_array_index (self->choices, Choice, 0).button);
      add_choice (self, content, "false", false_markup,
                  ak_question_get_feedback_false (question), group);
      return;
    }

  {
    GPtrArray *choices = ak_question_widget_get_choices (widget);
    gboolean single = get_question_type (self) == AK_QUESTION_SINGLE_CHOICE;

    for (guint i = 0; choices != NULL && i < choices->len; i++)
      {
        const AkChoice *choice = g_ptr_array_index (choices, i);

        add_choice (self, content, ak_choice_get_id (choice), ak_choice_get_markup (choice),
                    ak_choice_get_feedback (choice), group);
        if (single && group == NULL)
          group = GTK_CHECK_BUTTON (g_array_index (self->choices, Choice, 0).button);
      }
  }
}

static AkResponse *
ak_choice_question_get_response (AkQuestionWidget *widget)
{
  AkChoiceQuestion *self = AK_CHOICE_QUESTION (widget);
  AkQuestionType type = get_question_type (self);
  AkResponse *response = ak_response_new (type);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (choice->button)))
        continue;
      if (type == AK_QUESTION_TRUE_FALSE)
        ak_response_set_boolean (response, g_str_equal (choice->id, "true"));
      else if (type == AK_QUESTION_SINGLE_CHOICE)
        ak_response_set_choice (response, choice->id);
      else
        ak_response_set_choice_selected (response, choice->id, TRUE);
    }
  return response;
}

static void
ak_choice_question_show_feedback (AkQuestionWidget *widget,
                                  AkQuizFeedback   *feedback)
{
  AkChoiceQuestion *self = AK_CHOICE_QUESTION (widget);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);
      const AkFeedbackPart *part = ak_question_find_part (feedback, choice->id);
      gboolean picked = gtk_check_button_get_active (GTK_CHECK_BUTTON (choice->button));

      /* Checked answers take no more input, but stay as legible as
       * before: the learner reads them against the marks. */
      gtk_widget_set_sensitive (choice->button, FALSE);
      gtk_widget_add_css_class (choice->button, "ak-answered");
      if (part != NULL && part->picked)
        gtk_box_append (GTK_BOX (choice->line),
                        ak_question_mark_new (part->right ? AK_MARK_RIGHT : AK_MARK_WRONG));
      else if (part != NULL && part->correct)
        gtk_box_append (GTK_BOX (choice->line), ak_question_mark_new (AK_MARK_MISSED));

      if (picked && choice->feedback != NULL && *choice->feedback != '\0')
        {
          GtkWidget *label = ak_question_markup_label_new (choice->feedback);

          gtk_widget_add_css_class (label, "ak-choice-feedback");
          gtk_widget_set_margin_start (label, 28);
          gtk_box_append (GTK_BOX (choice->row), label);
        }
    }
}

/* "choice.pick" (the number keys): picks the choice at @parameter,
 * counted from the top from 1; in multiple choice it toggles it. */
static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AkChoiceQuestion *self = AK_CHOICE_QUESTION (widget);
  guint number = g_variant_get_uint32 (parameter);
  GtkCheckButton *button;

  if (ak_question_widget_get_read_only (AK_QUESTION_WIDGET (self))
      || number < 1 || number > self->choices->len)
    return;

  button = GTK_CHECK_BUTTON (g_array_index (self->choices, Choice, number - 1).button);
  if (get_question_type (self) == AK_QUESTION_MULTIPLE_CHOICE)
    gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
  else
    gtk_check_button_set_active (button, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (button));
}

static void
ak_choice_question_finalize (GObject *object)
{
  AkChoiceQuestion *self = AK_CHOICE_QUESTION (object);

  g_array_unref (self->choices);

  G_OBJECT_CLASS (ak_choice_question_parent_class)->finalize (object);
}

static void
ak_choice_question_class_init (AkChoiceQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AkQuestionWidgetClass *question_class = AK_QUESTION_WIDGET_CLASS (klass);

  object_class->finalize = ak_choice_question_finalize;
  question_class->build = ak_choice_question_build;
  question_class->get_response = ak_choice_question_get_response;
  question_class->show_feedback = ak_choice_question_show_feedback;

  gtk_widget_class_install_action (widget_class, "choice.pick", "u", pick_action);
  for (guint number = 1; number <= 9; number++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + number, 0,
                                           "choice.pick", "u", number);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + number, 0,
                                           "choice.pick", "u", number);
    }
}

static void
ak_choice_question_init (AkChoiceQuestion *self)
{
  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
}
