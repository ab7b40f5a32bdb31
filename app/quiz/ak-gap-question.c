/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-flow-layout.h"
#include "ak-question-types.h"

/* Gap text: the sentence flows word by word like a paragraph, with an
 * entry in the place of each gap; Tab goes from gap to gap. */

typedef struct
{
  const AkGap *gap;
  GtkWidget   *entry;
  GtkWidget   *unit;    /* the entry, its mark and the punctuation after it */
} Gap;

struct _AkGapQuestion
{
  AkQuestionWidget parent_instance;

  GtkWidget *text;
  GArray    *gaps;     /* Gap, in reading order */
};

G_DEFINE_FINAL_TYPE (AkGapQuestion, ak_gap_question, AK_TYPE_QUESTION_WIDGET)

/* The attributes of @attrs that apply to bytes @start to @end of the text,
 * counted from @start. */
static PangoAttrList *
slice_attributes (PangoAttrList *attrs,
                  guint          start,
                  guint          end,
                  guint          length)
{
  PangoAttrList *slice = pango_attr_list_copy (attrs);

  pango_attr_list_update (slice, end, length - end, 0);
  pango_attr_list_update (slice, 0, start, 0);
  return slice;
}

/* One label per word of @markup, so that the sentence wraps between
 * words; the words keep their emphasis. A word that follows a gap
 * without a space ("." or ",") stays with the gap, on its line. */
static void
add_words (AkGapQuestion *self,
           const char    *markup,
           GtkWidget     *after_gap)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autofree char *text = NULL;
  const char *p;
  guint length;

  if (!pango_parse_markup (markup, -1, 0, &attrs, &text, NULL, NULL))
    text = g_strdup (markup);
  length = strlen (text);

  p = text;
  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      GtkWidget *label;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_strndup (start, p - start);
      label = gtk_label_new (word);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      if (attrs != NULL)
        {
          g_autoptr(PangoAttrList) slice = slice_attributes (attrs, start - text, p - text, length);

          gtk_label_set_attributes (GTK_LABEL (label), slice);
        }
      if (after_gap != NULL && start == text)
        gtk_box_append (GTK_BOX (after_gap), label);
      else
        gtk_widget_set_parent (label, self->text);
    }
}

static void
entry_changed_cb (GtkEditable   *entry,
                  AkGapQuestion *self)
{
  ak_question_widget_changed (AK_QUESTION_WIDGET (self));
}

static void
ak_gap_question_build (AkQuestionWidget *widget,
                       GtkBox           *content)
{
  AkGapQuestion *self = AK_GAP_QUESTION (widget);
  AkQuestion *question = ak_question_widget_get_question (widget);
  guint n_gaps = ak_question_get_n_gaps (question);
  GtkWidget *after_gap = NULL;

  self->text = ak_flow_box_new (6, 6);
  gtk_box_append (content, self->text);

  for (guint i = 0; i < ak_question_get_n_segments (question); i++)
    {
      const AkSegment *segment = ak_question_get_segment (question, i);
      Gap gap;
      g_autofree char *name = NULL;

      if (!ak_segment_is_gap (segment))
        {
          add_words (self, ak_segment_get_markup (segment), after_gap);
          after_gap = NULL;
          continue;
        }

      gap.gap = ak_segment_get_gap (segment);
      gap.entry = gtk_entry_new ();
      /* About a word wide, so that the sentence around it still reads as one. */
      gtk_editable_set_width_chars (GTK_EDITABLE (gap.entry), 6);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (gap.entry), 10);
      /* Translators: the accessible name of an entry in a gap text */
      name = g_strdup_printf (_("Gap %u of %u"), self->gaps->len + 1, n_gaps);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gap.entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_entry_set_activates_default (GTK_ENTRY (gap.entry), TRUE);
      g_signal_connect (gap.entry, "changed", G_CALLBACK (entry_changed_cb), self);
      gap.unit = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_box_append (GTK_BOX (gap.unit), gap.entry);
      gtk_widget_set_parent (gap.unit, self->text);
      after_gap = gap.unit;
      g_array_append_val (self->gaps, gap);
    }
}

static AkResponse *
ak_gap_question_get_response (AkQuestionWidget *widget)
{
  AkGapQuestion *self = AK_GAP_QUESTION (widget);
  AkResponse *response = ak_response_new (AK_QUESTION_GAP_TEXT);

  for (guint i = 0; i < self->gaps->len; i++)
    {
      Gap *gap = &g_array_index (self->gaps, Gap, i);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (gap->entry))));

      if (*text != '\0')
        ak_response_set_gap (response, ak_gap_get_id (gap->gap), text);
    }
  return response;
}

static void
ak_gap_question_show_feedback (AkQuestionWidget *widget,
                               AkQuizFeedback   *feedback)
{
  AkGapQuestion *self = AK_GAP_QUESTION (widget);

  for (guint i = 0; i < self->gaps->len; i++)
    {
      Gap *gap = &g_array_index (self->gaps, Gap, i);
      const AkFeedbackPart *part = ak_question_find_part (feedback, ak_gap_get_id (gap->gap));
      GtkWidget *mark = ak_question_mark_new (part != NULL && part->right ? AK_MARK_RIGHT
                                                                          : AK_MARK_WRONG);

      gtk_editable_set_editable (GTK_EDITABLE (gap->entry), FALSE);
      gtk_box_insert_child_after (GTK_BOX (gap->unit), mark, gap->entry);
    }
}

static void
ak_gap_question_finalize (GObject *object)
{
  AkGapQuestion *self = AK_GAP_QUESTION (object);

  g_array_unref (self->gaps);

  G_OBJECT_CLASS (ak_gap_question_parent_class)->finalize (object);
}

static void
ak_gap_question_class_init (AkGapQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AkQuestionWidgetClass *question_class = AK_QUESTION_WIDGET_CLASS (klass);

  object_class->finalize = ak_gap_question_finalize;
  question_class->build = ak_gap_question_build;
  question_class->get_response = ak_gap_question_get_response;
  question_class->show_feedback = ak_gap_question_show_feedback;
}

static void
ak_gap_question_init (AkGapQuestion *self)
{
  self->gaps = g_array_new (FALSE, TRUE, sizeof (Gap));
}
