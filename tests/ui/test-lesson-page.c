/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "ak-course-loader.h"
#include "ak-lesson-page.h"
#include "window-test-helpers.h"

/* A lesson with every kind of block, between two others, long enough to scroll. */
static const char course_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
  "        id=\"leser\" version=\"1.0\" xml:lang=\"de\" minutes=\"5\">\n"
  "  <title>Lesen</title>\n"
  "  <summary>Ein Kurs für den Leser.</summary>\n"
  "  <source id=\"buch\"><author>Ada Autorin</author><title>Das Buch</title></source>\n"
  "  <lesson id=\"vorher\"><title>Die Lektion davor</title>\n"
  "    <section id=\"davor\"><title>Davor</title><p>Kurz.</p></section></lesson>\n"
  "  <lesson id=\"lektion\">\n"
  "    <title>Die Lektion</title>\n"
  "    <section id=\"einstieg\">\n"
  "      <title>Der Einstieg</title>\n"
  "      <p>Ein <em>wichtiger</em> Absatz mit &lt;b&gt; als Text.</p>\n"
  "      <list><item>Erster Punkt</item><item>Zweiter <strong>Punkt</strong></item></list>\n"
  "      <list style=\"numbers\"><item>Schritt eins</item><item>Schritt zwei</item></list>\n"
  "      <thesis id=\"these-a\" source=\"buch\">Eine These.</thesis>\n"
  "      <quote source=\"buch\" page=\"42\">Ein Zitat.</quote>\n"
  "      <figure src=\"bild.png\" alt=\"Ein rotes Quadrat\"><caption>Die Abbildung</caption></figure>\n"
  "    </section>\n";

static const char *filler_sections[] = { "vertiefung", "mitte", "beispiele", "schluss" };
/* Sections added before "vertiefung" for a long lesson. */
static guint n_extra_sections;

static const char course_tail[] =
  "  </lesson>\n"
  "  <lesson id=\"danach\"><title>Die Lektion danach</title>\n"
  "    <section id=\"dann\"><title>Danach</title><p>Kurz.</p></section></lesson>\n"
  "</course>\n";

typedef struct
{
  char       *dir;
  AkCourse   *course;
  AkContext  *context;
  GSettings  *settings;
  GtkWindow  *window;
} Fixture;

static void
write_png (const char *path)
{
  guchar pixels[16 * 16 * 4];
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < sizeof pixels; i += 4)
    {
      pixels[i] = 0xe0;
      pixels[i + 1] = 0x1b;
      pixels[i + 2] = 0x24;
      pixels[i + 3] = 0xff;
    }
  bytes = g_bytes_new (pixels, sizeof pixels);
  texture = gdk_memory_texture_new (16, 16, GDK_MEMORY_R8G8B8A8, bytes, 16 * 4);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) xml = g_string_new (course_head);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkProgressStore) store = NULL;
  /* 2024-03-10 12:00 UTC */
  g_autoptr(AkClock) clock = ak_fake_clock_new (G_GINT64_CONSTANT (1710072000000000));
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autofree char *png = NULL;
  g_autofree char *path = NULL;
  g_autofree char *store_path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("akademie-reader-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);

  for (guint i = 0; i < n_extra_sections; i++)
    g_string_append_printf (xml, "    <section id=\"extra%u\"><title>Extra %u</title>\n"
                                 "      <p>Absatz %u.</p><p>Noch einer.</p></section>\n",
                            i, i, i);
  for (guint i = 0; i < G_N_ELEMENTS (filler_sections); i++)
    {
      g_string_append_printf (xml, "    <section id=\"%s\">\n      <title>Abschnitt %s</title>\n",
                              filler_sections[i], filler_sections[i]);
      for (guint p = 0; p < 4; p++)
        g_string_append (xml, "      <p>Ein langer Absatz, der nur dazu da ist, die Lektion so "
                              "lang zu machen, dass man sie rollen muss, um an ihr Ende zu "
                              "kommen. Er wiederholt sich, damit der Leser etwas zu tun hat "
                              "und jeder Abschnitt mehr als eine Bildschirmseite füllt.</p>\n");
      g_string_append (xml, "    </section>\n");
    }
  g_string_append (xml, course_tail);

  png = g_build_filename (fixture->dir, "bild.png", NULL);
  write_png (png);
  ak_test_write_file (fixture->dir, "leser.xml", xml->str, xml->len);
  path = g_build_filename (fixture->dir, "leser.xml", NULL);
  fixture->course = ak_course_loader_load_file (path, diagnostics);
  g_assert_false (ak_diagnostic_list_has_errors (diagnostics));
  g_assert_nonnull (fixture->course);

  store_path = g_build_filename (fixture->dir, "fortschritt.db", NULL);
  store = ak_progress_store_open (store_path, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->context = ak_context_new (NULL, store, fixture->settings, clock);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fixture->context);
  g_assert_finalize_object (fixture->course);
  g_assert_finalize_object (fixture->settings);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
loaded_cb (gpointer user_data)
{
  return !ak_lesson_page_get_loading (user_data);
}

/* A page in a window of @width, shown and built; the caller owns a reference. */
static AkLessonPage *
show_page (Fixture    *fixture,
           int         width,
           const char *section_id)
{
  GtkWidget *page = ak_lesson_page_new (fixture->context, fixture->course, "lektion", section_id);

  g_object_ref_sink (page);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, 700);
  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  ak_test_wait_until (loaded_cb, page);
  g_assert_false (ak_lesson_page_get_loading (AK_LESSON_PAGE (page)));
  ak_test_wait_for_frame (page);
  ak_test_wait_for_frame (page);
  return AK_LESSON_PAGE (page);
}

/* Closes the window; the page must go with it. */
static void
close_page (Fixture      *fixture,
            AkLessonPage *page)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (page);
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *label = ak_test_find_widget (root, GTK_TYPE_LABEL, i);

      if (label == NULL)
        return NULL;
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
        return GTK_LABEL (label);
    }
}

static GtkAdjustment *
get_vadjustment (AkLessonPage *page)
{
  GtkWidget *scroller = ak_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, 0);

  g_assert_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static AkLessonProgress *
get_progress (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AkLessonProgress *progress =
    ak_progress_store_get_lesson (ak_context_get_store (fixture->context), "leser", "lektion",
                                  &error);

  g_assert_no_error (error);
  return progress;
}

static void
test_shows_blocks (Fixture       *fixture,
                   gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);
  AkLessonPage *page = show_page (fixture, width, NULL);
  GtkWidget *root = GTK_WIDGET (page);
  g_autofree char *shot = g_strdup_printf ("lesson-page-%d.png", width);

  ak_test_save_screenshot (GTK_WIDGET (fixture->window), shot);
  g_assert_nonnull (ak_test_find_accessible (root, GTK_ACCESSIBLE_ROLE_HEADING, "Die Lektion"));
  g_assert_nonnull (ak_test_find_accessible (root, GTK_ACCESSIBLE_ROLE_HEADING, "Der Einstieg"));
  g_assert_nonnull (ak_test_find_accessible (root, GTK_ACCESSIBLE_ROLE_HEADING, "Abschnitt mitte"));
  /* Markup is shown as the course file gave it: "<b>" is text. */
  g_assert_nonnull (find_label (root, "Ein wichtiger Absatz mit <b> als Text."));
  g_assert_nonnull (find_label (root, "Erster Punkt"));
  g_assert_nonnull (find_label (root, "Zweiter Punkt"));
  g_assert_nonnull (find_label (root, "Schritt zwei"));
  g_assert_nonnull (find_label (root, "2."));
  g_assert_nonnull (find_label (root, "Thesis these-a"));
  g_assert_nonnull (find_label (root, "Eine These."));
  g_assert_nonnull (find_label (root, "Ada Autorin: Das Buch"));
  g_assert_nonnull (find_label (root, "Ein Zitat."));
  g_assert_nonnull (find_label (root, "— Ada Autorin: Das Buch, p. 42"));
  g_assert_nonnull (find_label (root, "Die Abbildung"));
  g_assert_nonnull (ak_test_find_accessible (root, GTK_ACCESSIBLE_ROLE_BUTTON,
                                             "Enlarge figure: Ein rotes Quadrat"));
  g_assert_nonnull (ak_test_find_widget (root, GTK_TYPE_PICTURE, 0));
  g_assert_nonnull (ak_test_find_accessible (root, GTK_ACCESSIBLE_ROLE_BUTTON,
                                             "Previous lesson: Die Lektion davor"));
  g_assert_nonnull (ak_test_find_accessible (root, GTK_ACCESSIBLE_ROLE_BUTTON,
                                             "Next lesson: Die Lektion danach"));
  /* Text can be copied. */
  g_assert_true (gtk_label_get_selectable (find_label (root, "Eine These.")));

  close_page (fixture, page);
}

static void
test_missing_figure (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *png = g_build_filename (fixture->dir, "bild.png", NULL);
  AkLessonPage *page;

  /* The image went away after the course was read. */
  g_assert_cmpint (g_unlink (png), ==, 0);
  page = show_page (fixture, 900, NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (page), "Ein rotes Quadrat"));
  g_assert_null (ak_test_find_widget (GTK_WIDGET (page), GTK_TYPE_PICTURE, 0));
  close_page (fixture, page);
}

static double
label_scale (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  PangoAttrIterator *iter;
  PangoAttribute *attr;
  double scale = 1.0;

  if (attrs == NULL)
    return 1.0;
  iter = pango_attr_list_get_iterator (attrs);
  attr = pango_attr_iterator_get (iter, PANGO_ATTR_SCALE);
  if (attr != NULL)
    scale = ((PangoAttrFloat *)attr)->value;
  pango_attr_iterator_destroy (iter);
  return scale;
}

/* Presses @accelerator on @page, as far as its own shortcuts go. */
static gboolean
press_shortcut (GtkWidget  *page,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (page);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, page,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

static void
test_zoom_keys (Fixture       *fixture,
                gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);

  g_assert_true (press_shortcut (GTK_WIDGET (page), "<Control>plus"));
  g_assert_cmpfloat_with_epsilon (ak_lesson_page_get_text_scale (page), 1.1, 0.001);
  g_assert_true (press_shortcut (GTK_WIDGET (page), "<Control>equal"));
  g_assert_cmpfloat_with_epsilon (ak_lesson_page_get_text_scale (page), 1.2, 0.001);
  g_assert_true (press_shortcut (GTK_WIDGET (page), "<Control>minus"));
  g_assert_cmpfloat_with_epsilon (ak_lesson_page_get_text_scale (page), 1.1, 0.001);
  g_assert_true (press_shortcut (GTK_WIDGET (page), "<Control>0"));
  g_assert_cmpfloat (ak_lesson_page_get_text_scale (page), ==, 1.0);

  /* It stops at half the size. */
  for (guint i = 0; i < 10; i++)
    press_shortcut (GTK_WIDGET (page), "<Control>minus");
  g_assert_cmpfloat_with_epsilon (ak_lesson_page_get_text_scale (page), 0.5, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-scale"),
                                  0.5, 0.001);
  close_page (fixture, page);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);
  GtkLabel *thesis = find_label (GTK_WIDGET (page), "Eine These.");
  int width = gtk_widget_get_width (GTK_WIDGET (thesis));

  g_assert_cmpfloat (ak_lesson_page_get_text_scale (page), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (ak_lesson_page_get_text_scale (page), 1.2, 0.001);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "text-scale"),
                                  1.2, 0.001);
  g_assert_cmpfloat_with_epsilon (label_scale (thesis), 1.2, 0.001);
  ak_test_wait_for_frame (GTK_WIDGET (page));
  /* The column grows with the text, so lines keep their length. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (thesis)), >, width);
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "lesson-page-zoomed.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (ak_lesson_page_get_text_scale (page), 1.1, 0.001);
  close_page (fixture, page);

  /* The next lesson opens at the scale the learner chose. */
  page = show_page (fixture, 900, NULL);
  g_assert_cmpfloat_with_epsilon (ak_lesson_page_get_text_scale (page), 1.1, 0.001);
  g_assert_cmpfloat_with_epsilon (label_scale (find_label (GTK_WIDGET (page), "Eine These.")),
                                  1.1, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.zoom-reset", NULL));
  g_assert_cmpfloat (ak_lesson_page_get_text_scale (page), ==, 1.0);
  g_assert_cmpfloat (g_settings_get_double (fixture->settings, "text-scale"), ==, 1.0);
  close_page (fixture, page);
}

static void
test_read_to_end (Fixture       *fixture,
                  gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);
  GtkAdjustment *adjustment = get_vadjustment (page);
  g_autoptr(AkLessonProgress) progress = get_progress (fixture);

  /* Opened, not yet read: the lesson is longer than the window. */
  g_assert_nonnull (progress);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     2 * gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpint (progress->completed, ==, 0);
  g_clear_pointer (&progress, ak_lesson_progress_free);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  ak_test_wait_for_frame (GTK_WIDGET (page));
  progress = get_progress (fixture);
  g_assert_cmpint (progress->completed, ==, 0);
  g_clear_pointer (&progress, ak_lesson_progress_free);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ak_test_wait_for_frame (GTK_WIDGET (page));
  progress = get_progress (fixture);
  g_assert_cmpint (progress->completed, !=, 0);
  g_assert_cmpstr (progress->section_id, ==, "schluss");
  ak_test_save_screenshot (GTK_WIDGET (fixture->window), "lesson-page-end.png");
  close_page (fixture, page);
}

static gboolean
scrolled_cb (gpointer user_data)
{
  return gtk_adjustment_get_value (user_data) > 0;
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);
  GtkAdjustment *adjustment = get_vadjustment (page);
  GtkWidget *heading;
  graphene_rect_t bounds;
  g_autoptr(AkLessonProgress) progress = NULL;

  /* The learner scrolls until the heading of "mitte" is at the top. */
  heading = ak_test_find_accessible (GTK_WIDGET (page), GTK_ACCESSIBLE_ROLE_HEADING,
                                     "Abschnitt mitte");
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (heading),
                                            ak_test_find_widget (GTK_WIDGET (page),
                                                                 GTK_TYPE_VIEWPORT, 0),
                                            &bounds));
  gtk_adjustment_set_value (adjustment, bounds.origin.y);
  ak_test_wait_for_frame (GTK_WIDGET (page));
  progress = get_progress (fixture);
  g_assert_cmpstr (progress->section_id, ==, "mitte");
  g_assert_cmpint (progress->completed, ==, 0);
  close_page (fixture, page);

  /* Opened again, it shows that section at the top. */
  page = show_page (fixture, 900, NULL);
  adjustment = get_vadjustment (page);
  ak_test_wait_until (scrolled_cb, adjustment);
  heading = ak_test_find_accessible (GTK_WIDGET (page), GTK_ACCESSIBLE_ROLE_HEADING,
                                     "Abschnitt mitte");
  g_assert_true (gtk_widget_compute_bounds (heading,
                                            ak_test_find_widget (GTK_WIDGET (page),
                                                                 GTK_TYPE_SCROLLED_WINDOW, 0),
                                            &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, -1);
  g_assert_cmpfloat (bounds.origin.y, <, 100);
  close_page (fixture, page);
}

static void
open_lesson_cb (AkLessonPage *page,
                const char   *lesson_id,
                char        **opened)
{
  g_free (*opened);
  *opened = g_strdup (lesson_id);
}

static void
test_neighbours (Fixture       *fixture,
                 gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);
  g_autofree char *opened = NULL;
  GtkWidget *next;

  g_signal_connect (page, "open-lesson", G_CALLBACK (open_lesson_cb), &opened);
  next = ak_test_find_accessible (GTK_WIDGET (page), GTK_ACCESSIBLE_ROLE_BUTTON,
                                  "Next lesson: Die Lektion danach");
  g_assert_nonnull (next);
  g_signal_emit_by_name (next, "clicked");
  g_assert_cmpstr (opened, ==, "danach");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lesson.previous", NULL));
  g_assert_cmpstr (opened, ==, "vorher");
  close_page (fixture, page);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);
  g_autoptr(GQueue) queue = g_queue_new ();
  guint n_focusable = 0;

  g_queue_push_tail (queue, page);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (!gtk_widget_get_visible (widget))
        continue;
      if (gtk_widget_get_focusable (widget) || GTK_IS_BUTTON (widget))
        {
          g_autofree char *name = ak_test_get_accessible_name (widget);
          GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

          if (g_test_verbose ())
            g_test_message ("%s: %s", G_OBJECT_TYPE_NAME (widget), name);
          g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_NONE);
          g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_GENERIC);
          g_assert_cmpint (role, !=, GTK_ACCESSIBLE_ROLE_PRESENTATION);
          g_assert_cmpstr (name, !=, "");
          n_focusable++;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  g_assert_cmpuint (n_focusable, >, 10);
  close_page (fixture, page);
}

static void
test_time (Fixture       *fixture,
           gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);
  AkFakeClock *clock = AK_FAKE_CLOCK (ak_context_get_clock (fixture->context));
  g_autoptr(AkLessonProgress) progress = NULL;

  if (!gtk_window_is_active (fixture->window))
    {
      close_page (fixture, page);
      g_test_skip ("The display gives the test window no focus");
      return;
    }

  /* 30 s with the lesson in view, then 100 s with it hidden. */
  ak_fake_clock_advance (clock, 30 * G_USEC_PER_SEC);
  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  ak_fake_clock_advance (clock, 100 * G_USEC_PER_SEC);
  progress = get_progress (fixture);
  g_assert_cmpfloat (progress->seconds, ==, 30);
  g_clear_pointer (&progress, ak_lesson_progress_free);

  /* Shown again: 5 s more, kept when the page closes. */
  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  ak_test_wait_for_frame (GTK_WIDGET (page));
  ak_fake_clock_advance (clock, 5 * G_USEC_PER_SEC);
  close_page (fixture, page);
  progress = get_progress (fixture);
  g_assert_cmpfloat (progress->seconds, ==, 35);
}

static gboolean
has_two_windows_cb (gpointer user_data)
{
  return g_list_model_get_n_items (gtk_window_get_toplevels ()) >= 2;
}

static void
test_enlarge_figure (Fixture       *fixture,
                     gconstpointer  data)
{
  AkLessonPage *page = show_page (fixture, 900, NULL);
  GtkWidget *button = ak_test_find_accessible (GTK_WIDGET (page), GTK_ACCESSIBLE_ROLE_BUTTON,
                                               "Enlarge figure: Ein rotes Quadrat");
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;

  g_assert_nonnull (button);
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, 1);
  g_signal_emit_by_name (button, "clicked");
  ak_test_wait_until (has_two_windows_cb, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != fixture->window)
        dialog = window;
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == fixture->window);
  g_assert_nonnull (ak_test_find_accessible (GTK_WIDGET (dialog), GTK_ACCESSIBLE_ROLE_IMG,
                                             "Ein rotes Quadrat"));
  ak_test_wait_for_frame (GTK_WIDGET (dialog));
  ak_test_save_screenshot (GTK_WIDGET (dialog), "lesson-page-figure.png");
  gtk_window_destroy (dialog);
  close_page (fixture, page);
}

static void
fixture_set_up_long (Fixture       *fixture,
                     gconstpointer  data)
{
  n_extra_sections = 300;
  fixture_set_up (fixture, data);
  n_extra_sections = 0;
}

/* A long lesson is shown before all of it is built, and still opens
 * again where the learner left it. */
static void
test_long_lesson (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *page = ak_lesson_page_new (fixture->context, fixture->course, "lektion", NULL);
  GtkWidget *heading;
  graphene_rect_t bounds;
  g_autoptr(AkLessonProgress) progress = NULL;

  g_object_ref_sink (page);
  g_assert_true (ak_lesson_page_get_loading (AK_LESSON_PAGE (page)));
  g_assert_nonnull (ak_test_find_accessible (page, GTK_ACCESSIBLE_ROLE_HEADING, "Extra 0"));
  g_assert_null (ak_test_find_accessible (page, GTK_ACCESSIBLE_ROLE_HEADING, "Abschnitt schluss"));
  g_assert_finalize_object (page);

  page = GTK_WIDGET (show_page (fixture, 900, NULL));
  g_assert_nonnull (ak_test_find_accessible (page, GTK_ACCESSIBLE_ROLE_HEADING,
                                             "Abschnitt schluss"));
  g_assert_true (ak_lesson_page_scroll_to_section (AK_LESSON_PAGE (page), "extra250"));
  ak_test_wait_for_frame (page);
  ak_test_wait_for_frame (page);
  progress = get_progress (fixture);
  g_assert_cmpstr (progress->section_id, ==, "extra250");
  close_page (fixture, AK_LESSON_PAGE (page));

  /* Opened again, it shows that section at the top before the rest is built. */
  page = ak_lesson_page_new (fixture->context, fixture->course, "lektion", NULL);
  g_object_ref_sink (page);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 900, 700);
  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  ak_test_wait_until (scrolled_cb, get_vadjustment (AK_LESSON_PAGE (page)));
  heading = ak_test_find_accessible (page, GTK_ACCESSIBLE_ROLE_HEADING, "Extra 250");
  g_assert_nonnull (heading);
  g_assert_true (gtk_widget_compute_bounds (heading,
                                            ak_test_find_widget (page, GTK_TYPE_SCROLLED_WINDOW, 0),
                                            &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, -1);
  g_assert_cmpfloat (bounds.origin.y, <, 100);
  close_page (fixture, AK_LESSON_PAGE (page));
}

static void
test_no_lesson (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *page = ak_lesson_page_new (fixture->context, fixture->course, "weg", NULL);

  g_object_ref_sink (page);
  g_assert_nonnull (find_label (page, "This lesson is no longer in the course."));
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  /* Its start-up loads libadwaita's style and the application's own. */
  ak_test_ui_application ();

  g_test_add ("/lesson-page/shows-blocks/wide", Fixture, GINT_TO_POINTER (900),
              fixture_set_up, test_shows_blocks, fixture_tear_down);
  g_test_add ("/lesson-page/shows-blocks/narrow", Fixture, GINT_TO_POINTER (360),
              fixture_set_up, test_shows_blocks, fixture_tear_down);
  g_test_add ("/lesson-page/missing-figure", Fixture, NULL,
              fixture_set_up, test_missing_figure, fixture_tear_down);
  g_test_add ("/lesson-page/zoom", Fixture, NULL,
              fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/lesson-page/zoom-keys", Fixture, NULL,
              fixture_set_up, test_zoom_keys, fixture_tear_down);
  g_test_add ("/lesson-page/read-to-end", Fixture, NULL,
              fixture_set_up, test_read_to_end, fixture_tear_down);
  g_test_add ("/lesson-page/reopen", Fixture, NULL,
              fixture_set_up, test_reopen, fixture_tear_down);
  g_test_add ("/lesson-page/neighbours", Fixture, NULL,
              fixture_set_up, test_neighbours, fixture_tear_down);
  g_test_add ("/lesson-page/accessible", Fixture, NULL,
              fixture_set_up, test_accessible, fixture_tear_down);
  g_test_add ("/lesson-page/time", Fixture, NULL,
              fixture_set_up, test_time, fixture_tear_down);
  g_test_add ("/lesson-page/enlarge-figure", Fixture, NULL,
              fixture_set_up, test_enlarge_figure, fixture_tear_down);
  g_test_add ("/lesson-page/long-lesson", Fixture, NULL,
              fixture_set_up_long, test_long_lesson, fixture_tear_down);
  g_test_add ("/lesson-page/no-lesson", Fixture, NULL,
              fixture_set_up, test_no_lesson, fixture_tear_down);

  return ak_test_ui_run ();
}
