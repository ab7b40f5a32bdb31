/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-lesson-page.h"

#include <glib/gi18n.h>

#include "ak-lesson-session.h"

#define MIN_SCALE 0.5
#define MAX_SCALE 3.0
#define SCALE_STEP 0.1
/* A line of about this many characters reads comfortably. */
#define LINE_CHARS 70
/* Blocks built before the page is first shown, and then at each idle
 * moment: a long lesson must not hold up the window. */
#define FIRST_BLOCKS 40
#define MORE_BLOCKS 20

struct _AkLessonPage
{
  AdwBin           parent_instance;

  GtkScrolledWindow *scroller;
  AdwClamp        *clamp;
  GtkBox          *content;
  GtkLabel        *title_label;
  GtkBox          *sections_box;
  GtkBox          *navigation_box;
  GtkButton       *previous_button;
  GtkLabel        *previous_label;
  GtkButton       *next_button;
  GtkLabel        *next_label;

  AkContext       *context;
  AkCourse        *course;
  char            *lesson_id;
  char            *pending_section;  /* scrolled to after the first layout */
  AkLessonSession *session;
  GPtrArray       *labels;           /* (element-type GtkLabel) scaled text, owned by the tree */
  GPtrArray       *section_widgets;  /* (element-type GtkWidget) one per section, in order */
  char            *previous_id;
  char            *next_id;
  guint            n_built;          /* sections built so far */
  guint            build_idle;
  GtkWindow       *root;             /* watched for is-active while mapped */
  gulong           active_handler;
  guint            restore_tick;
  double           text_scale;

  guint            restoring : 1;
};

G_DEFINE_FINAL_TYPE (AkLessonPage, ak_lesson_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_COURSE,
  PROP_LESSON_ID,
  PROP_SECTION_ID,
  PROP_TEXT_SCALE,
  PROP_LOADING,
  N_PROPS
};

enum {
  OPEN_LESSON,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
replace_string (char       **place,
                const char  *value)
{
  if (g_strcmp0 (*place, value) == 0)
    return;
  g_free (*place);
  *place = g_strdup (value);
}

static GSettings *
get_settings (AkLessonPage *self)
{
  return self->context != NULL ? ak_context_get_settings (self->context) : NULL;
}

/* The model's markup is escaped Pango markup; plain text goes in as text. */
static GtkLabel *
add_label (AkLessonPage *self,
           GtkBox       *box,
           const char   *text,
           gboolean      markup)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  if (markup)
    gtk_label_set_markup (label, text != NULL ? text : "");
  else
    gtk_label_set_text (label, text != NULL ? text : "");
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (label, 0);
  gtk_label_set_selectable (label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
  gtk_box_append (box, GTK_WIDGET (label));
  g_ptr_array_add (self->labels, label);
  return label;
}

static GtkLabel *
add_heading (AkLessonPage *self,
             GtkBox       *box,
             const char   *text,
             int           level)
{
  GtkLabel *label = g_object_new (GTK_TYPE_LABEL,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                  "label", text,
                                  "wrap", TRUE,
                                  "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                  "xalign", 0.0f,
                                  "selectable", TRUE,
                                  NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  gtk_widget_add_css_class (GTK_WIDGET (label), level == 2 ? "title-2" : "title-3");
  gtk_box_append (box, GTK_WIDGET (label));
  g_ptr_array_add (self->labels, label);
  return label;
}

static GtkBox *
new_box (GtkOrientation orientation,
         int            spacing,
         const char    *css_class)
{
  GtkBox *box = GTK_BOX (gtk_box_new (orientation, spacing));

  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (box), css_class);
  return box;
}

/* "Author, Author: Title", or NULL for an unknown source. */
static char *
describe_source (AkLessonPage *self,
                 const char   *source_id)
{
  const AkSource *source;
  const char *const *authors;
  g_autofree char *joined = NULL;

  if (source_id == NULL)
    return NULL;
  source = ak_course_find_source (self->course, source_id);
  if (source == NULL)
    return NULL;

  authors = ak_source_get_authors (source);
  if (authors == NULL || authors[0] == NULL)
    return g_strdup (ak_source_get_title (source));
  joined = g_strjoinv (", ", (char **)authors);
  /* Translators: a source: its authors, then its title. */
  return g_strdup_printf (C_("source", "%s: %s"), joined, ak_source_get_title (source));
}

static void
add_list (AkLessonPage  *self,
          GtkBox        *box,
          const AkBlock *block)
{
  const char *const *items = ak_block_get_items (block);
  gboolean numbered = ak_block_get_numbered (block);
  GtkBox *list = new_box (GTK_ORIENTATION_VERTICAL, 6, "ak-list");

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      GtkBox *row = new_box (GTK_ORIENTATION_HORIZONTAL, 8, NULL);
      g_autofree char *marker = numbered ? g_strdup_printf ("%u.", i + 1) : g_strdup ("•");
      GtkLabel *bullet = GTK_LABEL (gtk_label_new (marker));

      gtk_label_set_yalign (bullet, 0);
      gtk_label_set_xalign (bullet, 1);
      gtk_label_set_width_chars (bullet, 3);
      /* The screen reader reads the item; the marker is decoration. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_box_append (row, GTK_WIDGET (bullet));
      g_ptr_array_add (self->labels, bullet);
      add_label (self, row, items[i], TRUE);
      gtk_box_append (list, GTK_WIDGET (row));
    }
  gtk_box_append (box, GTK_WIDGET (list));
}

static void
add_thesis (AkLessonPage  *self,
            GtkBox        *box,
            const AkBlock *block)
{
  GtkBox *card = new_box (GTK_ORIENTATION_VERTICAL, 6, "card");
  g_autofree char *id_text = NULL;
  g_autofree char *source = describe_source (self, ak_block_get_source_id (block));
  GtkLabel *label;

  gtk_widget_add_css_class (GTK_WIDGET (card), "ak-thesis");
  /* Translators: the heading of a highlighted thesis; the questions name it by this id. */
  id_text = g_strdup_printf (_("Thesis %s"), ak_block_get_id (block));
  label = add_label (self, card, id_text, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (label), "accent");
  label = add_label (self, card, ak_block_get_markup (block), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
  if (source != NULL)
    {
      label = add_label (self, card, source, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
    }
  gtk_box_append (box, GTK_WIDGET (card));
}

static void
add_quote (AkLessonPage  *self,
           GtkBox        *box,
           const AkBlock *block)
{
  GtkBox *quote = new_box (GTK_ORIENTATION_VERTICAL, 6, "ak-quote");
  g_autofree char *source = describe_source (self, ak_block_get_source_id (block));
  const char *page = ak_block_get_page (block);
  g_autofree char *attribution = NULL;
  GtkLabel *label;

  label = add_label (self, quote, ak_block_get_markup (block), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "ak-quote-text");
  if (source != NULL && page != NULL)
    /* Translators: who said a quote, and on which page of the source. */
    attribution = g_strdup_printf (_("— %s, p. %s"), source, page);
  else if (source != NULL)
    attribution = g_strdup_printf ("— %s", source);
  if (attribution != NULL)
    {
      label = add_label (self, quote, attribution, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  gtk_box_append (box, GTK_WIDGET (quote));
}

static void
figure_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  const char *path = g_object_get_data (G_OBJECT (button), "ak-figure-path");
  const char *alt = g_object_get_data (G_OBJECT (button), "ak-figure-alt");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Figure"), NULL);
  GtkWidget *picture = gtk_picture_new_for_filename (path);
  GtkEventController *controller;

  gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, alt, -1);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_widget_set_margin_start (picture, 12);
  gtk_widget_set_margin_end (picture, 12);
  gtk_widget_set_margin_bottom (picture, 12);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), picture);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Figure"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  /* Escape closes it, as it would a dialog. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, controller);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_figure (AkLessonPage  *self,
            GtkBox        *box,
            const AkBlock *block)
{
  GtkBox *figure = new_box (GTK_ORIENTATION_VERTICAL, 6, "ak-figure");
  const char *path = ak_block_get_figure_path (block);
  const char *alt = ak_block_get_alt (block);
  const char *caption = ak_block_get_markup (block);

  if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *picture = gtk_picture_new_for_filename (path);
      g_autofree char *name = NULL;

      gtk_picture_set_alternative_text (GTK_PICTURE (picture), alt);
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, -1, 120);
      gtk_button_set_child (GTK_BUTTON (button), picture);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "ak-figure-button");
      /* Translators: the button on a figure; %s is its description. */
      name = g_strdup_printf (_("Enlarge figure: %s"), alt);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, alt, -1);
      gtk_widget_set_tooltip_text (button, _("Enlarge Figure"));
      g_object_set_data_full (G_OBJECT (button), "ak-figure-path", g_strdup (path), g_free);
      g_object_set_data_full (G_OBJECT (button), "ak-figure-alt", g_strdup (alt), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (figure_clicked_cb), NULL);
      gtk_box_append (figure, button);
    }
  else
    {
      /* Without its image the figure is what it shows, in words. */
      GtkLabel *label = add_label (self, figure, alt, FALSE);

      gtk_widget_add_css_class (GTK_WIDGET (label), "card");
      gtk_widget_add_css_class (GTK_WIDGET (label), "ak-figure-missing");
      gtk_widget_set_margin_top (GTK_WIDGET (label), 0);
    }

  if (caption != NULL && *caption != '\0')
    {
      GtkLabel *label = add_label (self, figure, caption, TRUE);

      gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  gtk_box_append (box, GTK_WIDGET (figure));
}

static void
add_section (AkLessonPage    *self,
             const AkSection *section)
{
  GtkBox *box = new_box (GTK_ORIENTATION_VERTICAL, 12, "ak-section");
  guint n_blocks = ak_section_get_n_blocks (section);

  add_heading (self, box, ak_section_get_title (section), 2);
  for (guint i = 0; i < n_blocks; i++)
    {
      const AkBlock *block = ak_section_get_block (section, i);

      switch (ak_block_get_block_type (block))
        {
        case AK_BLOCK_PARAGRAPH:
          add_label (self, box, ak_block_get_markup (block), TRUE);
          break;
        case AK_BLOCK_LIST:
          add_list (self, box, block);
          break;
        case AK_BLOCK_THESIS:
          add_thesis (self, box, block);
          break;
        case AK_BLOCK_QUOTE:
          add_quote (self, box, block);
          break;
        case AK_BLOCK_FIGURE:
          add_figure (self, box, block);
          break;
        default:
          break;
        }
    }
  g_object_set_data_full (G_OBJECT (box), "ak-section-id",
                          g_strdup (ak_section_get_id (section)), g_free);
  gtk_box_append (self->sections_box, GTK_WIDGET (box));
  g_ptr_array_add (self->section_widgets, box);
}

/* The lessons either side of this one, in the course's order. */
static void
update_navigation (AkLessonPage *self)
{
  guint n = ak_course_get_n_lessons (self->course);

  for (guint i = 0; i < n; i++)
    {
      const AkLesson *lesson = ak_course_get_lesson (self->course, i);
      const AkLesson *previous = i > 0 ? ak_course_get_lesson (self->course, i - 1) : NULL;
      const AkLesson *next = i + 1 < n ? ak_course_get_lesson (self->course, i + 1) : NULL;
      g_autofree char *previous_name = NULL;
      g_autofree char *next_name = NULL;

      if (!g_str_equal (ak_lesson_get_id (lesson), self->lesson_id))
        continue;

      replace_string (&self->previous_id, previous ? ak_lesson_get_id (previous) : NULL);
      replace_string (&self->next_id, next ? ak_lesson_get_id (next) : NULL);
      if (previous != NULL)
        {
          gtk_label_set_text (self->previous_label, ak_lesson_get_title (previous));
          /* Translators: the button to the lesson before this one; %s is its title. */
          previous_name = g_strdup_printf (_("Previous lesson: %s"), ak_lesson_get_title (previous));
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->previous_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, previous_name, -1);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_button), previous_name);
        }
      if (next != NULL)
        {
          gtk_label_set_text (self->next_label, ak_lesson_get_title (next));
          /* Translators: the button to the lesson after this one; %s is its title. */
          next_name = g_strdup_printf (_("Next lesson: %s"), ak_lesson_get_title (next));
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, next_name, -1);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), next_name);
        }
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->previous_button), self->previous_id != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), self->next_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.previous", self->previous_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.next", self->next_id != NULL);
}

static void
scale_labels (AkLessonPage *self,
              guint         from)
{
  for (guint i = from; i < self->labels->len; i++)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      if (!G_APPROX_VALUE (self->text_scale, 1.0, 0.001))
        pango_attr_list_insert (attrs, pango_attr_scale_new (self->text_scale));
      gtk_label_set_attributes (g_ptr_array_index (self->labels, i), attrs);
    }
}

/* The column holds about LINE_CHARS characters of body text at the current scale. */
static void
apply_text_scale (AkLessonPage *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = pango_font_metrics_get_approximate_char_width (metrics);
  int width = (int)(LINE_CHARS * char_width * self->text_scale / PANGO_SCALE);

  pango_font_metrics_unref (metrics);

  if (char_width <= 0)
    width = (int)(640 * self->text_scale);
  adw_clamp_set_maximum_size (self->clamp, CLAMP (width, 320, 2000));
  adw_clamp_set_tightening_threshold (self->clamp, CLAMP (width * 3 / 4, 240, 1500));
  scale_labels (self, 0);
}

static void
record_position (AkLessonPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  const char *section_id = NULL;
  g_autoptr(GError) error = NULL;
  gboolean at_end;

  if (self->session == NULL || self->restoring || upper <= 0 || page_size <= 0
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* The section being read: the one at the top of the view. It is also
   * where the lesson opens again, at the top, so that opening it records
   * the same section again. */
  for (guint i = 0; i < self->section_widgets->len; i++)
    {
      GtkWidget *section = g_ptr_array_index (self->section_widgets, i);
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (section, GTK_WIDGET (self->content), &bounds))
        break;
      if (i > 0 && bounds.origin.y > value + 8)
        break;
      section_id = g_object_get_data (G_OBJECT (section), "ak-section-id");
    }

  /* At the end every section has been read, however short the last. */
  at_end = self->build_idle == 0 && value + page_size >= upper - 1;
  if (at_end && self->section_widgets->len > 0)
    section_id = g_object_get_data (g_ptr_array_index (self->section_widgets,
                                                       self->section_widgets->len - 1),
                                    "ak-section-id");

  if (section_id != NULL
      && g_strcmp0 (section_id, ak_lesson_session_get_section_id (self->session)) != 0
      && !ak_lesson_session_read_section (self->session, section_id, &error))
    g_warning ("The section read could not be recorded: %s", error->message);
  g_clear_error (&error);

  if (at_end
      && !ak_lesson_session_get_completed (self->session)
      && !ak_lesson_session_read_to_end (self->session, &error))
    g_warning ("The lesson could not be recorded as read: %s", error->message);
}

static void
adjustment_changed_cb (GtkAdjustment *adjustment,
                       AkLessonPage  *self)
{
  record_position (self);
}

/* The section's widget, once built, or NULL. */
static GtkWidget *
find_section_widget (AkLessonPage *self,
                     const char   *section_id)
{
  for (guint i = 0; i < self->section_widgets->len; i++)
    {
      GtkWidget *section = g_ptr_array_index (self->section_widgets, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (section), "ak-section-id"), section_id) == 0)
        return section;
    }
  return NULL;
}

/* Puts the section's top at the top of the view; FALSE until it is laid out. */
static gboolean
scroll_to (AkLessonPage *self,
           const char   *section_id)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *section = find_section_widget (self, section_id);
  graphene_rect_t bounds;

  if (section == NULL || gtk_widget_get_height (section) == 0
      || !gtk_widget_compute_bounds (section, GTK_WIDGET (self->scroller), &bounds))
    return FALSE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y);
  return TRUE;
}

/* Runs each frame until the content has been laid out once. */
static gboolean
restore_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  AkLessonPage *self = AK_LESSON_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (gtk_adjustment_get_upper (adjustment) <= 0 || gtk_adjustment_get_page_size (adjustment) <= 0)
    return G_SOURCE_CONTINUE;
  /* The section, and all before it, must be built and laid out. */
  if (self->pending_section != NULL)
    {
      GtkWidget *section = find_section_widget (self, self->pending_section);

      if (section != NULL ? gtk_widget_get_height (section) == 0 : self->build_idle != 0)
        return G_SOURCE_CONTINUE;
    }

  /* A window shown with the focus in the lesson gives it to the title,
   * which would then show all its text selected. */
  if (GTK_IS_LABEL (focus) && gtk_widget_is_ancestor (focus, widget))
    gtk_label_select_region (GTK_LABEL (focus), 0, 0);

  if (self->pending_section != NULL)
    scroll_to (self, self->pending_section);
  g_clear_pointer (&self->pending_section, g_free);
  self->restore_tick = 0;
  self->restoring = FALSE;
  record_position (self);
  return G_SOURCE_REMOVE;
}

static void
update_active (AkLessonPage *self)
{
  gboolean active = gtk_widget_get_mapped (GTK_WIDGET (self))
                    && self->root != NULL && gtk_window_is_active (self->root);

  if (self->session != NULL)
    ak_lesson_session_set_active (self->session, active);
}

static void
root_active_cb (GtkWindow    *window,
                GParamSpec   *pspec,
                AkLessonPage *self)
{
  update_active (self);
}

static void
ak_lesson_page_map (GtkWidget *widget)
{
  AkLessonPage *self = AK_LESSON_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  GTK_WIDGET_CLASS (ak_lesson_page_parent_class)->map (widget);

  if (GTK_IS_WINDOW (root))
    {
      self->root = GTK_WINDOW (root);
      self->active_handler = g_signal_connect (root, "notify::is-active",
                                               G_CALLBACK (root_active_cb), self);
    }
  update_active (self);
  if (self->restoring && self->restore_tick == 0)
    self->restore_tick = gtk_widget_add_tick_callback (widget, restore_tick_cb, NULL, NULL);
}

static void
ak_lesson_page_unmap (GtkWidget *widget)
{
  AkLessonPage *self = AK_LESSON_PAGE (widget);

  if (self->root != NULL)
    g_clear_signal_handler (&self->active_handler, self->root);
  self->root = NULL;
  if (self->restore_tick != 0)
    gtk_widget_remove_tick_callback (widget, self->restore_tick);
  self->restore_tick = 0;

  GTK_WIDGET_CLASS (ak_lesson_page_parent_class)->unmap (widget);
  update_active (self);
}

static void
change_scale (AkLessonPage *self,
              double        scale)
{
  GSettings *settings = get_settings (self);

  ak_lesson_page_set_text_scale (self, scale);
  if (settings != NULL)
    g_settings_set_double (settings, "text-scale", self->text_scale);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AkLessonPage *self = AK_LESSON_PAGE (widget);

  change_scale (self, self->text_scale + SCALE_STEP);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AkLessonPage *self = AK_LESSON_PAGE (widget);

  change_scale (self, self->text_scale - SCALE_STEP);
}

static void
zoom_reset_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  change_scale (AK_LESSON_PAGE (widget), 1.0);
}

static void
open_neighbour_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AkLessonPage *self = AK_LESSON_PAGE (widget);
  const char *lesson_id = g_str_equal (action_name, "lesson.next") ? self->next_id
                                                                    : self->previous_id;

  if (lesson_id != NULL)
    g_signal_emit (self, signals[OPEN_LESSON], 0, lesson_id);
}

/* Builds sections until about @budget blocks are made; whether more are left. */
static gboolean
build_sections (AkLessonPage *self,
                guint         budget)
{
  AkLesson *lesson = ak_lesson_session_get_lesson (self->session);
  guint n_sections = ak_lesson_get_n_sections (lesson);
  guint first_label = self->labels->len;
  guint n_blocks = 0;

  while (self->n_built < n_sections && n_blocks < budget)
    {
      const AkSection *section = ak_lesson_get_section (lesson, self->n_built++);

      add_section (self, section);
      n_blocks += 1 + ak_section_get_n_blocks (section);
    }
  scale_labels (self, first_label);
  return self->n_built < n_sections;
}

static gboolean
build_more_cb (gpointer user_data)
{
  AkLessonPage *self = user_data;

  if (build_sections (self, MORE_BLOCKS))
    return G_SOURCE_CONTINUE;

  self->build_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->navigation_box), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  record_position (self);
  return G_SOURCE_REMOVE;
}

static void
build (AkLessonPage *self)
{
  g_autoptr(GError) error = NULL;
  GSettings *settings = get_settings (self);
  AkLesson *lesson;

  if (settings != NULL)
    self->text_scale = CLAMP (g_settings_get_double (settings, "text-scale"),
                              MIN_SCALE, MAX_SCALE);

  self->session = ak_lesson_session_new (self->context, self->course, self->lesson_id, &error);
  if (self->session == NULL)
    {
      gtk_label_set_text (self->title_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->navigation_box), FALSE);
      apply_text_scale (self);
      return;
    }
  if (!ak_lesson_session_open (self->session, &error))
    {
      g_warning ("The lesson could not be recorded as opened: %s", error->message);
      g_clear_error (&error);
    }

  lesson = ak_lesson_session_get_lesson (self->session);
  gtk_label_set_text (self->title_label, ak_lesson_get_title (lesson));
  g_ptr_array_add (self->labels, self->title_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);

  if (build_sections (self, FIRST_BLOCKS))
    {
      /* The end comes with the last section. */
      gtk_widget_set_visible (GTK_WIDGET (self->navigation_box), FALSE);
      self->build_idle = g_idle_add (build_more_cb, self);
    }

  /* Asked for a section, or opened again: where the learner left it. */
  if (self->pending_section == NULL)
    self->pending_section = g_strdup (ak_lesson_session_get_section_id (self->session));
  self->restoring = TRUE;

  update_navigation (self);
  apply_text_scale (self);
}

static void
ak_lesson_page_constructed (GObject *object)
{
  AkLessonPage *self = AK_LESSON_PAGE (object);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  G_OBJECT_CLASS (ak_lesson_page_parent_class)->constructed (object);

  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb),
                           self, 0);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, 0);
  if (self->context != NULL && self->course != NULL && self->lesson_id != NULL)
    build (self);
}

static void
ak_lesson_page_dispose (GObject *object)
{
  AkLessonPage *self = AK_LESSON_PAGE (object);

  if (self->root != NULL)
    g_clear_signal_handler (&self->active_handler, self->root);
  self->root = NULL;
  /* The session records the time read as it goes. */
  g_clear_handle_id (&self->build_idle, g_source_remove);
  g_clear_object (&self->session);
  if (self->labels != NULL)
    g_ptr_array_set_size (self->labels, 0);
  if (self->section_widgets != NULL)
    g_ptr_array_set_size (self->section_widgets, 0);
  /* AdwBin unparents the template's only child itself. */

  G_OBJECT_CLASS (ak_lesson_page_parent_class)->dispose (object);
}

static void
ak_lesson_page_finalize (GObject *object)
{
  AkLessonPage *self = AK_LESSON_PAGE (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->section_widgets, g_ptr_array_unref);
  g_free (self->lesson_id);
  g_free (self->pending_section);
  g_free (self->previous_id);
  g_free (self->next_id);
  g_clear_object (&self->course);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ak_lesson_page_parent_class)->finalize (object);
}

static void
ak_lesson_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AkLessonPage *self = AK_LESSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_COURSE:
      g_value_set_object (value, self->course);
      break;
    case PROP_LESSON_ID:
      g_value_set_string (value, self->lesson_id);
      break;
    case PROP_SECTION_ID:
      g_value_set_string (value, self->session ? ak_lesson_session_get_section_id (self->session)
                                               : NULL);
      break;
    case PROP_TEXT_SCALE:
      g_value_set_double (value, self->text_scale);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->build_idle != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_lesson_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AkLessonPage *self = AK_LESSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_COURSE:
      self->course = g_value_dup_object (value);
      break;
    case PROP_LESSON_ID:
      self->lesson_id = g_value_dup_string (value);
      break;
    case PROP_SECTION_ID:
      self->pending_section = g_value_dup_string (value);
      break;
    case PROP_TEXT_SCALE:
      ak_lesson_page_set_text_scale (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_lesson_page_class_init (AkLessonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ak_lesson_page_constructed;
  object_class->dispose = ak_lesson_page_dispose;
  object_class->finalize = ak_lesson_page_finalize;
  object_class->get_property = ak_lesson_page_get_property;
  object_class->set_property = ak_lesson_page_set_property;
  widget_class->map = ak_lesson_page_map;
  widget_class->unmap = ak_lesson_page_unmap;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, AK_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COURSE] =
    g_param_spec_object ("course", NULL, NULL, AK_TYPE_COURSE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LESSON_ID] =
    g_param_spec_string ("lesson-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Written: the section to open at; read: the section read last. */
  properties[PROP_SECTION_ID] =
    g_param_spec_string ("section-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT_SCALE] =
    g_param_spec_double ("text-scale", NULL, NULL, MIN_SCALE, MAX_SCALE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the end of a long lesson is still being built. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AkLessonPage::open-lesson:
   * @lesson_id: the lesson of the same course to show instead
   */
  signals[OPEN_LESSON] =
    g_signal_new ("open-lesson", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/smakademie/Akademie/ui/ak-lesson-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, clamp);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, content);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, navigation_box);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, previous_button);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, previous_label);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, AkLessonPage, next_label);

  gtk_widget_class_install_action (widget_class, "lesson.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "lesson.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "lesson.zoom-reset", NULL, zoom_reset_cb);
  gtk_widget_class_install_action (widget_class, "lesson.previous", NULL, open_neighbour_cb);
  gtk_widget_class_install_action (widget_class, "lesson.next", NULL, open_neighbour_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "lesson.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "lesson.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "lesson.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "lesson.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "lesson.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "lesson.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "lesson.zoom-reset", NULL);
}

static void
ak_lesson_page_init (AkLessonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->text_scale = 1.0;
  self->labels = g_ptr_array_new ();
  self->section_widgets = g_ptr_array_new ();
}

/**
 * ak_lesson_page_new:
 * @section_id: (nullable): the section to show first; %NULL opens the
 *   lesson where the learner left it
 *
 * The lesson @lesson_id of @course, recorded in @context's store as it is
 * read; the text scale is kept in @context's settings, when it has any.
 */
GtkWidget *
ak_lesson_page_new (AkContext  *context,
                    AkCourse   *course,
                    const char *lesson_id,
                    const char *section_id)
{
  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (lesson_id != NULL, NULL);

  return g_object_new (AK_TYPE_LESSON_PAGE,
                       "context", context,
                       "course", course,
                       "lesson-id", lesson_id,
                       "section-id", section_id,
                       NULL);
}

AkCourse *
ak_lesson_page_get_course (AkLessonPage *self)
{
  g_return_val_if_fail (AK_IS_LESSON_PAGE (self), NULL);
  return self->course;
}

const char *
ak_lesson_page_get_lesson_id (AkLessonPage *self)
{
  g_return_val_if_fail (AK_IS_LESSON_PAGE (self), NULL);
  return self->lesson_id;
}

/**
 * ak_lesson_page_get_loading:
 *
 * Returns: whether the rest of a long lesson is still being built
 */
gboolean
ak_lesson_page_get_loading (AkLessonPage *self)
{
  g_return_val_if_fail (AK_IS_LESSON_PAGE (self), FALSE);
  return self->build_idle != 0;
}

double
ak_lesson_page_get_text_scale (AkLessonPage *self)
{
  g_return_val_if_fail (AK_IS_LESSON_PAGE (self), 1.0);
  return self->text_scale;
}

/**
 * ak_lesson_page_set_text_scale:
 *
 * Scales the lesson's text (clamped to 0.5–3); the settings are left as
 * they are: the zoom actions remember the scale.
 */
void
ak_lesson_page_set_text_scale (AkLessonPage *self,
                               double        scale)
{
  g_return_if_fail (AK_IS_LESSON_PAGE (self));

  /* Whole steps, whatever sums of tenths make of them. */
  scale = CLAMP ((int)(scale * 100 + 0.5) / 100.0, MIN_SCALE, MAX_SCALE);
  if (G_APPROX_VALUE (self->text_scale, scale, 0.001))
    return;
  self->text_scale = scale;
  apply_text_scale (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.zoom-in", scale < MAX_SCALE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lesson.zoom-out", scale > MIN_SCALE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_SCALE]);
}

/**
 * ak_lesson_page_scroll_to_section:
 *
 * Shows @section_id at the top of the page, once the page is laid out.
 *
 * Returns: whether the lesson has that section
 */
gboolean
ak_lesson_page_scroll_to_section (AkLessonPage *self,
                                  const char   *section_id)
{
  AkLesson *lesson;
  guint n_sections;

  g_return_val_if_fail (AK_IS_LESSON_PAGE (self), FALSE);
  g_return_val_if_fail (section_id != NULL, FALSE);

  if (self->session == NULL)
    return FALSE;
  lesson = ak_lesson_session_get_lesson (self->session);
  n_sections = ak_lesson_get_n_sections (lesson);
  for (guint i = 0; i < n_sections; i++)
    {
      if (!g_str_equal (ak_section_get_id (ak_lesson_get_section (lesson, i)), section_id))
        continue;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->restoring
          && scroll_to (self, section_id))
        return TRUE;
      /* Not laid out yet, or not built yet: once it is. */
      replace_string (&self->pending_section, section_id);
      self->restoring = TRUE;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->restore_tick == 0)
        self->restore_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), restore_tick_cb,
                                                           NULL, NULL);
      return TRUE;
    }
  return FALSE;
}
