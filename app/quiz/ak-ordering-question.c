/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n.h>

#include "ak-question-types.h"

/* Ordering: one row per item with buttons that move it up or down,
 * Alt+Up / Alt+Down on the focused row, and drag and drop of a row onto
 * the place it should take. The order shown is the answer, so the
 * question counts as answered from the start. */

struct _AkOrderingQuestion
{
  AkQuestionWidget parent_instance;

  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (AkOrderingQuestion, ak_ordering_question, AK_TYPE_QUESTION_WIDGET)

static guint
count_rows (AkOrderingQuestion *self)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), n) != NULL)
    n++;
  return n;
}

/* The first and last rows cannot move further. */
static void
update_buttons (AkOrderingQuestion *self)
{
  guint n = count_rows (self);
  gboolean read_only = ak_question_widget_get_read_only (AK_QUESTION_WIDGET (self));

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i);

      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "ak-up"), !read_only && i > 0);
      gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "ak-down"), !read_only && i + 1 < n);
    }
}

static void
move_row (AkOrderingQuestion *self,
          GtkListBoxRow      *row,
          int                 delta,
          GtkWidget          *focus)
{
  int index = gtk_list_box_row_get_index (row);
  int target = index + delta;

  if (ak_question_widget_get_read_only (AK_QUESTION_WIDGET (self))
      || target < 0 || (guint) target >= count_rows (self))
    return;

  g_object_ref (row);
  gtk_list_box_remove (GTK_LIST_BOX (self->list), GTK_WIDGET (row));
  gtk_list_box_insert (GTK_LIST_BOX (self->list), GTK_WIDGET (row), target);
  g_object_unref (row);
  update_buttons (self);

  /* The focus stays with the item that moved, on a button that can still
   * move it, so that pressing on moves it further. */
  if (focus == NULL || !gtk_widget_get_sensitive (focus))
    focus = GTK_WIDGET (row);
  gtk_widget_grab_focus (focus);
  ak_question_widget_changed (AK_QUESTION_WIDGET (self));
}

static void
up_clicked_cb (GtkButton          *button,
               AkOrderingQuestion *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  move_row (self, GTK_LIST_BOX_ROW (row), -1, GTK_WIDGET (button));
}

static void
down_clicked_cb (GtkButton          *button,
                 AkOrderingQuestion *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  move_row (self, GTK_LIST_BOX_ROW (row), 1, GTK_WIDGET (button));
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource      *source,
                 double              x,
                 double              y,
                 AkOrderingQuestion *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  if (ak_question_widget_get_read_only (AK_QUESTION_WIDGET (self)))
    return NULL;
  return gdk_content_provider_new_typed (GTK_TYPE_LIST_BOX_ROW, row);
}

static void
drag_begin_cb (GtkDragSource      *source,
               GdkDrag            *drag,
               AkOrderingQuestion *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

/* A row dropped onto another takes its place. */
static gboolean
drop_cb (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         AkOrderingQuestion *self)
{
  GtkWidget *onto = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkWidget *row;

  if (!G_VALUE_HOLDS (value, GTK_TYPE_LIST_BOX_ROW))
    return FALSE;
  row = g_value_get_object (value);
  if (row == NULL || gtk_widget_get_parent (row) != self->list
      || ak_question_widget_get_read_only (AK_QUESTION_WIDGET (self)))
    return FALSE;

  move_row (self, GTK_LIST_BOX_ROW (row),
            gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (onto))
            - gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)),
            NULL);
  return TRUE;
}

static GtkWidget *
create_move_button (const char *icon_name,
                    const char *tooltip,
                    const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  return button;
}

static void
ak_ordering_question_build (AkQuestionWidget *widget,
                            GtkBox           *content)
{
  AkOrderingQuestion *self = AK_ORDERING_QUESTION (widget);
  GPtrArray *items = ak_question_widget_get_choices (widget);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_box_append (content, self->list);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const AkChoice *item = g_ptr_array_index (items, i);
      g_autofree char *text = ak_question_markup_to_text (ak_choice_get_markup (item));
      g_autofree char *up_name = NULL;
      g_autofree char *down_name = NULL;
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label = ak_question_markup_label_new (ak_choice_get_markup (item));
      GtkWidget *up;
      GtkWidget *down;
      GtkDragSource *source;
      GtkDropTarget *target;

      /* Translators: the accessible name of a button; %s is an item to put in order */
      up_name = g_strdup_printf (_("Move up: %s"), text);
      /* Translators: the accessible name of a button; %s is an item to put in order */
      down_name = g_strdup_printf (_("Move down: %s"), text);
      up = create_move_button ("go-up-symbolic", _("Move Up"), up_name);
      down = create_move_button ("go-down-symbolic", _("Move Down"), down_name);
      g_signal_connect (up, "clicked", G_CALLBACK (up_clicked_cb), self);
      g_signal_connect (down, "clicked", G_CALLBACK (down_clicked_cb), self);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_margin_start (line, 12);
      gtk_widget_set_margin_end (line, 6);
      gtk_widget_set_margin_top (line, 6);
      gtk_widget_set_margin_bottom (line, 6);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (line), up);
      gtk_box_append (GTK_BOX (line), down);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), line);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text, -1);
      g_object_set_data (G_OBJECT (row), "ak-item-id", (gpointer) ak_choice_get_id (item));
      g_object_set_data (G_OBJECT (row), "ak-line", line);
      g_object_set_data (G_OBJECT (row), "ak-up", up);
      g_object_set_data (G_OBJECT (row), "ak-down", down);

      source = gtk_drag_source_new ();
      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
      target = gtk_drop_target_new (GTK_TYPE_LIST_BOX_ROW, GDK_ACTION_MOVE);
      g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
  update_buttons (self);
  ak_question_widget_changed (widget);
}

static AkResponse *
ak_ordering_question_get_response (AkQuestionWidget *widget)
{
  AkOrderingQuestion *self = AK_ORDERING_QUESTION (widget);
  AkResponse *response = ak_response_new (AK_QUESTION_ORDERING);
  guint n = count_rows (self);
  g_autofree const char **ids = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    ids[i] = g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)),
                                "ak-item-id");
  if (n > 0)
    ak_response_set_order (response, ids);
  return response;
}

static void
ak_ordering_question_show_feedback (AkQuestionWidget *widget,
                                    AkQuizFeedback   *feedback)
{
  AkOrderingQuestion *self = AK_ORDERING_QUESTION (widget);
  guint n = count_rows (self);

  update_buttons (self);
  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i);
      const AkFeedbackPart *part = ak_question_find_part (feedback,
                                                               g_object_get_data (G_OBJECT (row), "ak-item-id"));
      GtkWidget *up = g_object_get_data (G_OBJECT (row), "ak-up");

      gtk_widget_insert_before (ak_question_mark_new (part != NULL && part->right ? AK_MARK_RIGHT
                                                                                 : AK_MARK_WRONG),
                                g_object_get_data (G_OBJECT (row), "ak-line"), up);
    }
}

/* "order.move" (Alt+Up, Alt+Down): moves the item whose row has the focus
 * by @parameter places. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AkOrderingQuestion *self = AK_ORDERING_QUESTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || !gtk_widget_is_ancestor (row, self->list))
    return;
  move_row (self, GTK_LIST_BOX_ROW (row), g_variant_get_int32 (parameter),
            focus != row ? focus : NULL);
}

static void
ak_ordering_question_class_init (AkOrderingQuestionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AkQuestionWidgetClass *question_class = AK_QUESTION_WIDGET_CLASS (klass);

  question_class->build = ak_ordering_question_build;
  question_class->get_response = ak_ordering_question_get_response;
  question_class->show_feedback = ak_ordering_question_show_feedback;

  gtk_widget_class_install_action (widget_class, "order.move", "i", move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "order.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "order.move", "i", 1);
}

static void
ak_ordering_question_init (AkOrderingQuestion *self)
{
}
