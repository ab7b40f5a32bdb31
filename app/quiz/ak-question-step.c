/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-question-step.h"

#include <glib/gi18n.h>

#include "ak-feedback-view.h"

struct _AkQuestionStep
{
  AdwBin            parent_instance;

  /* Template */
  GtkWidget        *question_scroller;
  GtkWidget        *content_box;
  GtkWidget        *caption_label;
  GtkWidget        *position_label;
  GtkWidget        *mode_label;
  GtkWidget        *progress_bar;
  GtkWidget        *question_bin;
  GtkWidget        *error_label;
  GtkWidget        *feedback_view;
  GtkWidget        *check_button;
  GtkWidget        *next_button;

  GtkWidget        *extra;       /* the page's own, under the feedback */
  AkQuestionWidget *question;    /* the question shown */
};

G_DEFINE_FINAL_TYPE (AkQuestionStep, ak_question_step, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_EXTRA,
  N_PROPS
};

enum
{
  CHECK,
  NEXT,
  OPEN_LESSON_SECTION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
get_default_button (AkQuestionStep *self)
{
  return gtk_widget_get_visible (self->next_button) ? self->next_button : self->check_button;
}

/* The window's default widget is activated by Enter, also from the
 * entries of a question: "Check Answer", then "Next". */
static void
update_default_widget (AkQuestionStep *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_set_default_widget (GTK_WINDOW (root), get_default_button (self));
}

static void
update_check_action (AkQuestionStep *self)
{
  gboolean can_check = self->question != NULL
                       && ak_question_widget_get_answered (self->question)
                       && !ak_question_widget_get_read_only (self->question)
                       && gtk_widget_get_visible (self->check_button);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.check", can_check);
}

static void
question_answered_cb (AkQuestionStep *self)
{
  update_check_action (self);
}

static void
set_question_widget (AkQuestionStep   *self,
                     AkQuestionWidget *widget)
{
  if (self->question != NULL)
    g_signal_handlers_disconnect_by_data (self->question, self);
  self->question = widget;
  adw_bin_set_child (ADW_BIN (self->question_bin), GTK_WIDGET (widget));
  if (widget != NULL)
    g_signal_connect_swapped (widget, "notify::answered",
                              G_CALLBACK (question_answered_cb), self);
}

/* The first control of @widget in reading order; unlike
 * gtk_widget_child_focus() it finds one in a widget not yet realised. */
static gboolean
focus_first (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  /* A list box with the focus has no row in it to move or to check with
   * Enter: its first row takes it. */
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget)
      && !GTK_IS_LABEL (widget) && !GTK_IS_LIST_BOX (widget) && gtk_widget_grab_focus (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (focus_first (child))
      return TRUE;
  return FALSE;
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AkQuestionStep *self = AK_QUESTION_STEP (widget);
  g_autoptr(AkResponse) response = NULL;

  if (self->question == NULL || ak_question_widget_get_read_only (self->question))
    return;
  response = ak_question_widget_get_response (self->question);
  if (response == NULL)
    return;
  g_signal_emit (self, signals[CHECK], 0, response);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AkQuestionStep *self = AK_QUESTION_STEP (widget);

  if (!gtk_widget_get_visible (self->next_button))
    return;
  g_signal_emit (self, signals[NEXT], 0);
}

static void
open_lesson_section_cb (GtkWidget      *emitter,
                        const char     *course_id,
                        const char     *lesson_id,
                        const char     *section_id,
                        AkQuestionStep *self)
{
  g_signal_emit (self, signals[OPEN_LESSON_SECTION], 0, course_id, lesson_id, section_id);
}

/* Enter on a choice or an ordering item checks the answer (or goes on)
 * instead of toggling the choice again, as Enter in an entry does. */
static gboolean
enter_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  AkQuestionStep *self = AK_QUESTION_STEP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (self->question == NULL || focus == NULL
      || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->question))
      || !(GTK_IS_CHECK_BUTTON (focus) || GTK_IS_LIST_BOX_ROW (focus)))
    return FALSE;

  if (gtk_widget_get_visible (self->next_button))
    gtk_widget_activate_action (widget, "step.next", NULL);
  else
    gtk_widget_activate_action (widget, "step.check", NULL);
  return TRUE;
}

static void
ak_question_step_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ak_question_step_parent_class)->map (widget);
  update_default_widget (AK_QUESTION_STEP (widget));
}

/* The page sets the default widget of its other stages as it shows
 * them; a button of the step no longer shown must not stay it. */
static void
ak_question_step_unmap (GtkWidget *widget)
{
  AkQuestionStep *self = AK_QUESTION_STEP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root))
    {
      GtkWidget *current = gtk_window_get_default_widget (GTK_WINDOW (root));

      if (current == self->check_button || current == self->next_button)
        gtk_window_set_default_widget (GTK_WINDOW (root), NULL);
    }
  GTK_WIDGET_CLASS (ak_question_step_parent_class)->unmap (widget);
}

static void
ak_question_step_dispose (GObject *object)
{
  AkQuestionStep *self = AK_QUESTION_STEP (object);

  /* AdwBin unparents the template's child. */
  set_question_widget (self, NULL);
  self->extra = NULL;

  G_OBJECT_CLASS (ak_question_step_parent_class)->dispose (object);
}

static void
ak_question_step_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AkQuestionStep *self = AK_QUESTION_STEP (object);

  switch (prop_id)
    {
    case PROP_EXTRA:
      g_value_set_object (value, self->extra);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_question_step_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AkQuestionStep *self = AK_QUESTION_STEP (object);

  switch (prop_id)
    {
    case PROP_EXTRA:
      ak_question_step_set_extra (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_question_step_class_init (AkQuestionStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_question_step_dispose;
  object_class->get_property = ak_question_step_get_property;
  object_class->set_property = ak_question_step_set_property;
  widget_class->map = ak_question_step_map;
  widget_class->unmap = ak_question_step_unmap;

  /* A page's own widget under the feedback; hidden while it is. */
  properties[PROP_EXTRA] =
    g_param_spec_object ("extra", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AkQuestionStep::check:
   * @response: (type AkResponse): the learner's answer, owned by the step
   *
   * The learner asks to check the answer to the question shown.
   */
  signals[CHECK] =
    g_signal_new ("check", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * AkQuestionStep::next:
   *
   * The learner asks to go on after the feedback.
   */
  signals[NEXT] =
    g_signal_new ("next", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AkQuestionStep::open-lesson-section:
   * @course_id: the course of the lesson
   * @lesson_id: the lesson
   * @section_id: the section that teaches the thesis a question tests
   */
  signals[OPEN_LESSON_SECTION] =
    g_signal_new ("open-lesson-section", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (AK_TYPE_FEEDBACK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-question-step.ui");
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, question_scroller);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, content_box);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, caption_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, position_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, mode_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, question_bin);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, error_label);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, feedback_view);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, check_button);
  gtk_widget_class_bind_template_child (widget_class, AkQuestionStep, next_button);
  gtk_widget_class_bind_template_callback (widget_class, open_lesson_section_cb);

  gtk_widget_class_install_action (widget_class, "step.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "step.next", NULL, next_action);
}

static void
ak_question_step_init (AkQuestionStep *self)
{
  static const guint enter_keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  ak_question_step_set_check_label (self, NULL);
  update_check_action (self);

  /* Before the focused choice takes Enter for itself. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (enter_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (enter_keys[i], 0),
                                                            gtk_callback_action_new (enter_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

AkQuestionStep *
ak_question_step_new (void)
{
  return g_object_new (AK_TYPE_QUESTION_STEP, NULL);
}

/**
 * ak_question_step_show_question:
 * @question: (transfer floating): the question to answer now
 * @index: its position, from 0
 * @n_questions: how many questions the session asks
 *
 * Shows @question unanswered, with "Check Answer" and without feedback.
 * Call ak_question_step_focus_question() once the step is on screen.
 */
void
ak_question_step_show_question (AkQuestionStep   *self,
                                AkQuestionWidget *question,
                                guint             index,
                                guint             n_questions)
{
  g_autofree char *position = NULL;

  g_return_if_fail (AK_IS_QUESTION_STEP (self));
  g_return_if_fail (AK_IS_QUESTION_WIDGET (question));

  position = g_strdup_printf (_("Question %u of %u"), index + 1, n_questions);
  gtk_label_set_text (GTK_LABEL (self->position_label), position);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar),
                                 n_questions > 0 ? (double)index / n_questions : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, position, -1);

  set_question_widget (self, question);
  gtk_widget_set_visible (self->feedback_view, FALSE);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_visible (self->next_button, FALSE);
  gtk_widget_set_visible (self->check_button, TRUE);
  update_check_action (self);
  update_default_widget (self);
}

/* Drops the question shown, when the session is over or gone. */
void
ak_question_step_clear (AkQuestionStep *self)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));

  set_question_widget (self, NULL);
  update_check_action (self);
}

/* Back to the top, and straight to the answer, for the keyboard and the
 * screen reader. */
void
ak_question_step_focus_question (AkQuestionStep *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (AK_IS_QUESTION_STEP (self));

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->question_scroller));
  gtk_adjustment_set_value (adjustment, 0);
  if (self->question != NULL)
    focus_first (GTK_WIDGET (self->question));
}

/**
 * ak_question_step_show_feedback:
 * @feedback: the session's feedback on the answer just checked
 * @next_label: the label of the button that goes on
 *
 * Marks the question, explains the answer and moves the focus and the
 * window's default widget from "Check Answer" to @next_label.
 */
void
ak_question_step_show_feedback (AkQuestionStep *self,
                                AkQuizFeedback *feedback,
                                const char     *next_label)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));
  g_return_if_fail (feedback != NULL);
  g_return_if_fail (self->question != NULL);
  g_return_if_fail (next_label != NULL);

  ak_question_widget_show_feedback (self->question, feedback);
  ak_feedback_view_set_feedback (AK_FEEDBACK_VIEW (self->feedback_view),
                                 ak_question_widget_get_question (self->question), feedback);
  gtk_widget_set_visible (self->feedback_view, TRUE);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_set_visible (self->check_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->next_button), next_label);
  gtk_widget_set_visible (self->next_button, TRUE);
  /* The verdict is read out with the button that has the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  ak_verdict_to_string (feedback->verdict), -1);
  update_check_action (self);
  update_default_widget (self);
  gtk_widget_grab_focus (self->next_button);
}

/* Says why the answer was not checked or not saved; the learner can try
 * again. */
void
ak_question_step_show_error (AkQuestionStep *self,
                             const char     *message)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (GTK_LABEL (self->error_label), message);
  gtk_widget_set_visible (self->error_label, TRUE);
}

/**
 * ak_question_step_get_question:
 *
 * Returns: (transfer none) (nullable): the question shown
 */
AkQuestionWidget *
ak_question_step_get_question (AkQuestionStep *self)
{
  g_return_val_if_fail (AK_IS_QUESTION_STEP (self), NULL);
  return self->question;
}

/* A line above "Question n of m", such as the course a question is
 * from; %NULL hides it. */
void
ak_question_step_set_caption (AkQuestionStep *self,
                              const char     *caption)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));

  gtk_label_set_text (GTK_LABEL (self->caption_label), caption != NULL ? caption : "");
  gtk_widget_set_visible (self->caption_label, caption != NULL);
}

/* A word beside "Question n of m" on how the session goes on, such as
 * a practice round; %NULL hides it. */
void
ak_question_step_set_mode_text (AkQuestionStep *self,
                                const char     *mode_text)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));

  if (mode_text != NULL)
    gtk_label_set_text (GTK_LABEL (self->mode_label), mode_text);
  gtk_widget_set_visible (self->mode_label, mode_text != NULL);
}

/* The label of the button that checks; %NULL for "Check Answer". */
void
ak_question_step_set_check_label (AkQuestionStep *self,
                                  const char     *label)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));

  gtk_button_set_label (GTK_BUTTON (self->check_button), label != NULL ? label : _("Check Answer"));
}

/* What the progress bar counts, for the screen reader. */
void
ak_question_step_set_progress_description (AkQuestionStep *self,
                                           const char     *description)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

GtkWidget *
ak_question_step_get_extra (AkQuestionStep *self)
{
  g_return_val_if_fail (AK_IS_QUESTION_STEP (self), NULL);
  return self->extra;
}

/**
 * ak_question_step_set_extra:
 * @extra: (nullable): a widget of the page's own
 *
 * Puts @extra under the feedback, such as buttons that rate the answer.
 * The page shows and hides it.
 */
void
ak_question_step_set_extra (AkQuestionStep *self,
                            GtkWidget      *extra)
{
  g_return_if_fail (AK_IS_QUESTION_STEP (self));
  g_return_if_fail (extra == NULL || GTK_IS_WIDGET (extra));

  if (self->extra == extra)
    return;
  if (self->extra != NULL)
    gtk_box_remove (GTK_BOX (self->content_box), self->extra);
  self->extra = extra;
  if (extra != NULL)
    gtk_box_append (GTK_BOX (self->content_box), extra);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
}
