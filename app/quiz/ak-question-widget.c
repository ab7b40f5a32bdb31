/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-question-types.h"

typedef struct
{
  AkQuizSession *session;     /* NULL when the layout was given */
  AkQuestion    *question;
  GPtrArray     *choices;     /* the layout given, when there is no session */
  GPtrArray     *targets;
  GtkWidget     *prompt;
  GtkWidget     *content;
  gboolean       answered;
  gboolean       read_only;
} AkQuestionWidgetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (AkQuestionWidget, ak_question_widget, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_QUESTION,
  PROP_CHOICES,
  PROP_TARGETS,
  PROP_ANSWERED,
  PROP_READ_ONLY,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ak_question_widget_constructed (GObject *object)
{
  AkQuestionWidget *self = AK_QUESTION_WIDGET (object);
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  G_OBJECT_CLASS (ak_question_widget_parent_class)->constructed (object);

  g_return_if_fail (priv->question != NULL);

  gtk_label_set_markup (GTK_LABEL (priv->prompt),
                        ak_question_get_prompt (priv->question) != NULL
                        ? ak_question_get_prompt (priv->question) : "");
  AK_QUESTION_WIDGET_GET_CLASS (self)->build (self, GTK_BOX (priv->content));
}

static void
ak_question_widget_dispose (GObject *object)
{
  AkQuestionWidget *self = AK_QUESTION_WIDGET (object);
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);
  GtkWidget *child;

  /* Not gtk_widget_dispose_template(): GTK 4.8 looks the template up in
   * the class of the instance, a subclass without one of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  priv->prompt = NULL;
  priv->content = NULL;
  g_clear_object (&priv->session);
  g_clear_pointer (&priv->choices, g_ptr_array_unref);
  g_clear_pointer (&priv->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (ak_question_widget_parent_class)->dispose (object);
}

static void
ak_question_widget_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AkQuestionWidget *self = AK_QUESTION_WIDGET (object);
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_QUESTION:
      g_value_set_pointer (value, priv->question);
      break;
    case PROP_CHOICES:
      g_value_set_boxed (value, priv->choices);
      break;
    case PROP_TARGETS:
      g_value_set_boxed (value, priv->targets);
      break;
    case PROP_ANSWERED:
      g_value_set_boolean (value, priv->answered);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, priv->read_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_question_widget_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AkQuestionWidget *self = AK_QUESTION_WIDGET (object);
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;
    case PROP_QUESTION:
      /* Owned by the session's course, which the session keeps. */
      priv->question = g_value_get_pointer (value);
      break;
    case PROP_CHOICES:
      priv->choices = g_value_dup_boxed (value);
      break;
    case PROP_TARGETS:
      priv->targets = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_question_widget_class_init (AkQuestionWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ak_question_widget_constructed;
  object_class->dispose = ak_question_widget_dispose;
  object_class->get_property = ak_question_widget_get_property;
  object_class->set_property = ak_question_widget_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, AK_TYPE_QUIZ_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_pointer ("question", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Without a session, the order to show the choices and targets in. */
  properties[PROP_CHOICES] =
    g_param_spec_boxed ("choices", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGETS] =
    g_param_spec_boxed ("targets", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ANSWERED] =
    g_param_spec_boolean ("answered", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The learner changed the answer. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-question-widget.ui");
  gtk_widget_class_bind_template_child_private (widget_class, AkQuestionWidget, prompt);
  gtk_widget_class_bind_template_child_private (widget_class, AkQuestionWidget, content);
}

static void
ak_question_widget_init (AkQuestionWidget *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static GType
get_widget_type (AkQuestion *question)
{
  switch (ak_question_get_question_type (question))
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
    case AK_QUESTION_TRUE_FALSE:
      return AK_TYPE_CHOICE_QUESTION;
    case AK_QUESTION_GAP_TEXT:
      return AK_TYPE_GAP_QUESTION;
    case AK_QUESTION_ORDERING:
      return AK_TYPE_ORDERING_QUESTION;
    case AK_QUESTION_MATCHING:
      return AK_TYPE_MATCHING_QUESTION;
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
      return AK_TYPE_TEXT_QUESTION;
    case AK_N_QUESTION_TYPES:
    default:
      return G_TYPE_INVALID;
    }
}

/**
 * ak_question_widget_new:
 * @question: (transfer none): a question of @session
 *
 * Returns: (transfer floating): the widget for @question's type
 */
AkQuestionWidget *
ak_question_widget_new (AkQuizSession *session,
                        AkQuestion    *question)
{
  GType type;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (session), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  type = get_widget_type (question);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);
  return g_object_new (type, "session", session, "question", question, NULL);
}

/**
 * ak_question_widget_new_with_layout:
 * @question: (transfer none): a question whose course outlives the widget
 * @choices: (element-type AkChoice) (nullable): the choices or ordering
 *   items in the order to show them
 * @targets: (element-type AkMatchTarget) (nullable): the right-hand
 *   items of a matching question in the order to show them
 *
 * For a session other than a quiz's, such as the daily review, which
 * lays out the question itself.
 *
 * Returns: (transfer floating): the widget for @question's type
 */
AkQuestionWidget *
ak_question_widget_new_with_layout (AkQuestion *question,
                                    GPtrArray  *choices,
                                    GPtrArray  *targets)
{
  GType type;

  g_return_val_if_fail (question != NULL, NULL);

  type = get_widget_type (question);
  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  /* Construct properties: "constructed" builds the input from them. */
  return g_object_new (type, "question", question, "choices", choices, "targets", targets, NULL);
}

AkQuizSession *
ak_question_widget_get_session (AkQuestionWidget *self)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  g_return_val_if_fail (AK_IS_QUESTION_WIDGET (self), NULL);
  return priv->session;
}

/**
 * ak_question_widget_get_choices:
 *
 * Returns: (transfer none) (element-type AkChoice) (nullable): the
 *   choices or ordering items of the question, in the order to show them
 */
GPtrArray *
ak_question_widget_get_choices (AkQuestionWidget *self)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  g_return_val_if_fail (AK_IS_QUESTION_WIDGET (self), NULL);
  if (priv->session != NULL)
    return ak_quiz_session_get_choices (priv->session, ak_question_get_id (priv->question));
  return priv->choices;
}

/**
 * ak_question_widget_get_targets:
 *
 * Returns: (transfer none) (element-type AkMatchTarget) (nullable): the
 *   right-hand items of a matching question, in the order to show them
 */
GPtrArray *
ak_question_widget_get_targets (AkQuestionWidget *self)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  g_return_val_if_fail (AK_IS_QUESTION_WIDGET (self), NULL);
  if (priv->session != NULL)
    return ak_quiz_session_get_targets (priv->session, ak_question_get_id (priv->question));
  return priv->targets;
}

AkQuestion *
ak_question_widget_get_question (AkQuestionWidget *self)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  g_return_val_if_fail (AK_IS_QUESTION_WIDGET (self), NULL);
  return priv->question;
}

/**
 * ak_question_widget_get_response:
 *
 * Returns: (transfer full) (nullable): the learner's answer as entered,
 *   %NULL while nothing is entered
 */
AkResponse *
ak_question_widget_get_response (AkQuestionWidget *self)
{
  AkResponse *response;

  g_return_val_if_fail (AK_IS_QUESTION_WIDGET (self), NULL);

  response = AK_QUESTION_WIDGET_GET_CLASS (self)->get_response (self);
  if (response != NULL && ak_response_is_empty (response))
    g_clear_pointer (&response, ak_response_unref);
  return response;
}

/* Whether there is an answer to check. */
gboolean
ak_question_widget_get_answered (AkQuestionWidget *self)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  g_return_val_if_fail (AK_IS_QUESTION_WIDGET (self), FALSE);
  return priv->answered;
}

/* Whether feedback is shown, so the answer can no longer change. */
gboolean
ak_question_widget_get_read_only (AkQuestionWidget *self)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  g_return_val_if_fail (AK_IS_QUESTION_WIDGET (self), FALSE);
  return priv->read_only;
}

/**
 * ak_question_widget_show_feedback:
 *
 * Marks every part of the answer right or wrong, shows the trainer's
 * feedback to what was picked, and makes the input read-only.
 */
void
ak_question_widget_show_feedback (AkQuestionWidget *self,
                                  AkQuizFeedback   *feedback)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);

  g_return_if_fail (AK_IS_QUESTION_WIDGET (self));
  g_return_if_fail (feedback != NULL);

  if (priv->read_only)
    return;
  priv->read_only = TRUE;
  AK_QUESTION_WIDGET_GET_CLASS (self)->show_feedback (self, feedback);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* Called by each type's widget whenever the learner changes the answer. */
void
ak_question_widget_changed (AkQuestionWidget *self)
{
  AkQuestionWidgetPrivate *priv = ak_question_widget_get_instance_private (self);
  g_autoptr(AkResponse) response = NULL;
  gboolean answered;

  g_return_if_fail (AK_IS_QUESTION_WIDGET (self));

  if (priv->read_only)
    return;
  response = ak_question_widget_get_response (self);
  answered = response != NULL;
  g_signal_emit (self, signals[CHANGED], 0);
  if (answered != priv->answered)
    {
      priv->answered = answered;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
    }
}

/**
 * ak_question_mark_new:
 *
 * A mark beside a part of the answer: an icon whose shape differs, the
 * words, and the colour of the style class "success" or "error".
 */
GtkWidget *
ak_question_mark_new (AkMarkKind kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon;
  GtkWidget *label;
  const char *words;
  const char *icon_name;
  gboolean right;

  switch (kind)
    {
    case AK_MARK_RIGHT:
      /* Translators: a mark beside a part of an answer that is right */
      words = C_("feedback", "Right");
      icon_name = "object-select-symbolic";
      right = TRUE;
      break;
    case AK_MARK_MISSED:
      /* Translators: a mark beside a right choice the learner did not pick */
      words = _("Right answer");
      icon_name = "object-select-symbolic";
      right = TRUE;
      break;
    case AK_MARK_WRONG:
    default:
      /* Translators: a mark beside a part of an answer that is wrong */
      words = C_("feedback", "Wrong");
      icon_name = "window-close-symbolic";
      right = FALSE;
      break;
    }

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  words, -1);
  label = gtk_label_new (words);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "ak-mark");
  gtk_widget_add_css_class (box, right ? "success" : "error");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  words, -1);
  return box;
}

/* A wrapping label for markup from a course, which the model gives as
 * Pango markup. */
GtkWidget *
ak_question_markup_label_new (const char *markup)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup != NULL ? markup : "");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* The plain text of course markup, for accessible names. */
char *
ak_question_markup_to_text (const char *markup)
{
  char *text = NULL;

  if (markup == NULL)
    return g_strdup ("");
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup (markup);
  return text;
}

/* Parts are looked up by id; NULL when the feedback has none for @id. */
const AkFeedbackPart *
ak_question_find_part (AkQuizFeedback *feedback,
                       const char     *id)
{
  if (feedback->parts == NULL)
    return NULL;
  for (guint i = 0; i < feedback->parts->len; i++)
    {
      const AkFeedbackPart *part = g_ptr_array_index (feedback->parts, i);

      if (g_strcmp0 (part->id, id) == 0)
        return part;
    }
  return NULL;
}
