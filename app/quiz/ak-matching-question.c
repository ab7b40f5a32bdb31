/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-question-types.h"

/* Matching: each left-hand item with a drop-down of the right-hand items
 * in this attempt's order. Its first entry, "Please choose", means the
 * item is not matched yet. */

typedef struct
{
  const AkPair *pair;
  GtkWidget    *dropdown;
  GtkWidget    *line;
  GtkWidget    *row;
} Pair;

struct _AkMatchingQuestion
{
  AkQuestionWidget parent_instance;

  GArray    *pairs;      /* Pair, in the order of the file */
  GPtrArray *targets;    /* AkMatchTarget, the session's; entry i + 1 of each drop-down */
};

G_DEFINE_FINAL_TYPE (AkMatchingQuestion, ak_matching_question, AK_TYPE_QUESTION_WIDGET)

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *label = ak_question_markup_label_new (NULL);

  gtk_list_item_set_child (item, label);
}

/* The drop-down's button: one line, shortened at the end when it has
 * no room; its list shows each item whole, wrapped. */
static void
setup_button_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  GtkStringObject *markup = gtk_list_item_get_item (item);

  gtk_label_set_markup (GTK_LABEL (gtk_list_item_get_child (item)),
                        gtk_string_object_get_string (markup));
}

static void
selected_cb (GtkDropDown        *dropdown,
             GParamSpec         *pspec,
             AkMatchingQuestion *self)
{
  ak_question_widget_changed (AK_QUESTION_WIDGET (self));
}

static void
ak_matching_question_build (AkQuestionWidget *widget,
                            GtkBox           *content)
{
  AkMatchingQuestion *self = AK_MATCHING_QUESTION (widget);
  AkQuestion *question = ak_question_widget_get_question (widget);
  g_autoptr(GtkStringList) markups = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  /* Translators: shown in a drop-down before anything is picked */
  g_autofree char *placeholder = g_markup_escape_text (_("Please choose"), -1);

  self->targets = ak_question_widget_get_targets (widget);
  if (self->targets != NULL)
    g_ptr_array_ref (self->targets);
  else
    self->targets = g_ptr_array_new ();

  gtk_string_list_append (markups, placeholder);
  for (guint i = 0; i < self->targets->len; i++)
    {
      const AkMatchTarget *target = g_ptr_array_index (self->targets, i);

      gtk_string_list_append (markups, target->markup);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_button_cb), NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_cb), NULL);

  for (guint i = 0; i < ak_question_get_n_pairs (question); i++)
    {
      Pair pair = { ak_question_get_pair (question, i), NULL, NULL, NULL };
      const char *left = ak_pair_get_left_markup (pair.pair);
      g_autofree char *left_text = ak_question_markup_to_text (left);
      GtkWidget *label = ak_question_markup_label_new (left);

      pair.dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (markups)), NULL);
      gtk_drop_down_set_factory (GTK_DROP_DOWN (pair.dropdown), button_factory);
      gtk_drop_down_set_list_factory (GTK_DROP_DOWN (pair.dropdown), factory);
      gtk_widget_set_hexpand (pair.dropdown, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (pair.dropdown),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, left_text, -1);
      g_signal_connect (pair.dropdown, "notify::selected", G_CALLBACK (selected_cb), self);

      pair.line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (pair.line), pair.dropdown);
      pair.row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      gtk_widget_set_margin_bottom (pair.row, 6);
      gtk_box_append (GTK_BOX (pair.row), label);
      gtk_box_append (GTK_BOX (pair.row), pair.line);
      gtk_box_append (content, pair.row);
      g_array_append_val (self->pairs, pair);
    }
}

static AkResponse *
ak_matching_question_get_response (AkQuestionWidget *widget)
{
  AkMatchingQuestion *self = AK_MATCHING_QUESTION (widget);
  AkResponse *response = ak_response_new (AK_QUESTION_MATCHING);

  for (guint i = 0; i < self->pairs->len; i++)
    {
      Pair *pair = &g_array_index (self->pairs, Pair, i);
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (pair->dropdown));
      const AkMatchTarget *target;

      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->targets->len)
        continue;
      target = g_ptr_array_index (self->targets, selected - 1);
      ak_response_set_match (response, ak_pair_get_id (pair->pair), target->id);
    }
  return response;
}

static void
ak_matching_question_show_feedback (AkQuestionWidget *widget,
                                    AkQuizFeedback   *feedback)
{
  AkMatchingQuestion *self = AK_MATCHING_QUESTION (widget);

  for (guint i = 0; i < self->pairs->len; i++)
    {
      Pair *pair = &g_array_index (self->pairs, Pair, i);
      const AkFeedbackPart *part = ak_question_find_part (feedback, ak_pair_get_id (pair->pair));
      gboolean right = part != NULL && part->right;
      GtkWidget *mark = ak_question_mark_new (right ? AK_MARK_RIGHT : AK_MARK_WRONG);
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (pair->dropdown));

      gtk_widget_set_sensitive (pair->dropdown, FALSE);
      gtk_widget_add_css_class (pair->dropdown, "ak-answered");
      /* A drop-down shortens its text in a narrow window; the answer
       * given is shown whole instead, wrapped. */
      if (selected != 0 && selected != GTK_INVALID_LIST_POSITION && selected <= self->targets->len)
        {
          const AkMatchTarget *target = g_ptr_array_index (self->targets, selected - 1);
          GtkWidget *answer = ak_question_markup_label_new (target->markup);

          gtk_widget_add_css_class (answer, "ak-matched-answer");
          gtk_widget_set_visible (pair->dropdown, FALSE);
          gtk_box_append (GTK_BOX (pair->row), answer);
        }
      /* Under the answer, not beside it: a narrow window has no room
       * for both. */
      gtk_widget_set_halign (mark, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (pair->row), mark);
      if (!right)
        {
          /* Translators: followed by the item that belongs to a left-hand item */
          g_autofree char *escaped = g_markup_escape_text (_("Right answer:"), -1);
          g_autofree char *markup = g_strdup_printf ("%s %s", escaped,
                                                     ak_pair_get_right_markup (pair->pair));

          gtk_box_append (GTK_BOX (pair->row), ak_question_markup_label_new (markup));
        }
    }
}

static void
ak_matching_question_finalize (GObject *object)
{
  AkMatchingQuestion *self = AK_MATCHING_QUESTION (object);

  g_array_unref (self->pairs);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (ak_matching_question_parent_class)->finalize (object);
}

static void
ak_matching_question_class_init (AkMatchingQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AkQuestionWidgetClass *question_class = AK_QUESTION_WIDGET_CLASS (klass);

  object_class->finalize = ak_matching_question_finalize;
  question_class->build = ak_matching_question_build;
  question_class->get_response = ak_matching_question_get_response;
  question_class->show_feedback = ak_matching_question_show_feedback;
}

static void
ak_matching_question_init (AkMatchingQuestion *self)
{
  self->pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
}
