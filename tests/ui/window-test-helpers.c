/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "ak-feedback-view.h"
#include "window-test-helpers.h"

/* One registered application for the whole program, as in the real app. */
static AkApplication *app;

/**
 * ak_test_ui_init:
 *
 * g_test_init() with private user folders. The system's data folders stay:
 * GTK needs the icon theme and the MIME database from there.
 */
void
ak_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("akademie-window-XXXXXX", NULL);

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_test_init (argc, argv, NULL);

  /* The tests run with LANGUAGE=C; LANGUAGE=de shows the translation from
   * the build tree, for screenshots. */
  setlocale (LC_ALL, "");
  if (g_getenv ("AK_BUILD_ROOT") != NULL)
    {
      g_autofree char *localedir = g_build_filename (g_getenv ("AK_BUILD_ROOT"), "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  /* What is asserted is the end state of a change, not a frame halfway
   * through its animation (a dialog fading in draws nothing at first). */
  gtk_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

/* Created and registered on first use. */
AkApplication *
ak_test_ui_application (void)
{
  g_autoptr(GError) error = NULL;

  if (app != NULL)
    return app;

  app = ak_application_new ();
  /* Tests run side by side: none may become the primary instance of another. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* g_test_run(), then the application goes. */
int
ak_test_ui_run (void)
{
  int status = g_test_run ();

  g_clear_object (&app);
  return status;
}

void
ak_test_ui_fixture_set_up (AkWindowFixture *fixture,
                           gconstpointer    data)
{
  fixture->width = GPOINTER_TO_INT (data);
  fixture->courses_dir = g_dir_make_tmp ("akademie-courses-XXXXXX", NULL);
  g_assert_nonnull (fixture->courses_dir);
}

/* A window over the fixture's course folder, presented. */
void
ak_test_ui_start_window (AkWindowFixture *fixture)
{
  fixture->library = ak_course_library_new ();
  ak_course_library_add_directory (fixture->library, fixture->courses_dir);
  ak_course_library_reload (fixture->library);

  fixture->window = g_object_new (AK_TYPE_WINDOW,
                                  "application", ak_test_ui_application (),
                                  "library", fixture->library,
                                  NULL);
  /* The narrowest a phone or a tiled window gives. */
  if (fixture->width > 0)
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), fixture->width, 640);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
ak_test_ui_fixture_tear_down (AkWindowFixture *fixture,
                              gconstpointer    data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (fixture->library != NULL)
    g_assert_finalize_object (fixture->library);
  g_free (fixture->courses_dir);
}

void
ak_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* A bundled course file's contents, by its name under courses/. */
char *
ak_test_read_course (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The example course with its figure, as it is installed. */
void
ak_test_copy_example_course (const char *dir)
{
  static const char *names[] = { "beispielkurs.kurs.xml", "beispielkurs/diagramm.png" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("AK_SOURCE_ROOT"), "courses",
                                                names[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      ak_test_write_file (dir, names[i], contents, length);
    }
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

/**
 * ak_test_wait_for_frame:
 *
 * Returns once @widget is mapped and its window has laid itself out and
 * painted a frame that began after this call: what is asserted next is
 * what the learner sees.
 */
void
ak_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * ak_test_wait_until:
 * @done: tells whether the awaited change happened
 *
 * Runs the main loop until @done returns %TRUE, or for at most ten
 * seconds (for a file monitor that never fires); the caller asserts.
 */
void
ak_test_wait_until (gboolean (*done) (gpointer),
                    gpointer   user_data)
{
  /* The tick wakes the loop, so that the deadline holds even if nothing happens. */
  guint tick = g_timeout_add (100, tick_cb, NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (user_data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* Keeps a PNG of @widget in $AK_SCREENSHOT_DIR for review. */
void
ak_test_save_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("AK_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  /* A window that was just presented beside another may draw nothing
   * until its next frame. */
  for (guint frames = 0; node == NULL && frames < 10; frames++)
    {
      if (frames > 0)
        ak_test_wait_for_frame (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Breadth-first: the @nth visible widget of @type under @root. */
GtkWidget *
ak_test_find_widget (GtkWidget *root,
                     GType      type,
                     guint      nth)
{
  g_autoptr(GQueue) queue = g_queue_new ();
  guint seen = 0;

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_visible (widget))
        {
          if (seen == nth)
            return widget;
          seen++;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  return NULL;
}

guint
ak_test_count_widgets (GtkWidget *root,
                       GType      type)
{
  guint n = 0;

  while (ak_test_find_widget (root, type, n) != NULL)
    n++;
  return n;
}

/* The first widget of @type under @root, if it is on screen; else NULL. */
GtkWidget *
ak_test_find_mapped (GtkWidget *root,
                     GType      type)
{
  GtkWidget *widget = ak_test_find_widget (root, type, 0);

  return widget != NULL && gtk_widget_get_mapped (widget) ? widget : NULL;
}

/**
 * ak_test_in_german:
 *
 * The translation is picked when a program starts: outside a test
 * subprocess this runs the current test again in one under LANGUAGE=de
 * and asserts that it passed.
 *
 * Returns: %TRUE in the subprocess, where the test goes on
 */
gboolean
ak_test_in_german (void)
{
  g_autofree char *language = NULL;

  if (g_test_subprocess ())
    return TRUE;

  language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
append_label_texts (GtkWidget *widget,
                    GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (*label != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", label);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_label_texts (child, text);
}

/* GTK 4.8 cannot list the widgets a relation points to, but its test
 * backend can compare the relation with a guess: the widget is looked
 * for among @widget's ancestors and descendants. */
static GtkWidget *
find_labelled_by (GtkWidget *widget)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      g_autofree char *differs = gtk_test_accessible_check_relation (
          GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, ancestor, NULL);

      if (differs == NULL)
        return ancestor;
    }

  g_queue_push_tail (queue, widget);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *current = g_queue_pop_head (queue);

      for (GtkWidget *child = gtk_widget_get_first_child (current);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          g_autofree char *differs = gtk_test_accessible_check_relation (
              GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, child, NULL);

          if (differs == NULL)
            return child;
          g_queue_push_tail (queue, child);
        }
    }
  return NULL;
}

/**
 * ak_test_get_accessible_name:
 *
 * The name a screen reader announces: the accessible label when one is
 * set, else the name of the widget it is labelled by, else the visible
 * text inside the widget. GTK 4.8 has no getter for either: its test
 * backend (GTK_A11Y=test) tells a property's value when it is compared
 * with something it cannot be.
 *
 * Returns: (transfer full): the name, "" when there is none
 */
char *
ak_test_get_accessible_name (GtkWidget *widget)
{
  GString *text;

  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      char *label = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        "\x01");

      g_assert_nonnull (label);
      return label;
    }

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      GtkWidget *label = find_labelled_by (widget);

      if (label != NULL)
        return ak_test_get_accessible_name (label);
    }

  text = g_string_new (NULL);
  append_label_texts (widget, text);
  return g_string_free (text, FALSE);
}

/* The first visible widget under @root with @role and the name @name. */
GtkWidget *
ak_test_find_accessible (GtkWidget         *root,
                         GtkAccessibleRole  role,
                         const char        *name)
{
  g_autoptr(GQueue) queue = g_queue_new ();

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *widget = g_queue_pop_head (queue);

      if (!gtk_widget_get_visible (widget))
        continue;
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == role)
        {
          g_autofree char *widget_name = ak_test_get_accessible_name (widget);

          if (g_str_equal (widget_name, name))
            return widget;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  return NULL;
}

/* Roles that say nothing about what a widget does. */
static gboolean
is_meaningless_role (GtkAccessibleRole role)
{
  return role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_PRESENTATION
         || role == GTK_ACCESSIBLE_ROLE_GENERIC || role == GTK_ACCESSIBLE_ROLE_WIDGET;
}

/* A part of a composite widget such as the text of a spin button, which
 * GTK hides from screen readers because the named composite speaks for it. */
static gboolean
is_hidden_part (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION)
    return FALSE;
  for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
    {
      g_autofree char *name = NULL;

      if (is_meaningless_role (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (up))))
        continue;
      name = ak_test_get_accessible_name (up);
      return *g_strstrip (name) != '\0';
    }
  return FALSE;
}

static void
list_unnamed (GtkWidget *widget,
              GString   *problems,
              guint     *n_checked)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_mapped (widget))
    return;

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  /* A drop-down is one control to a screen reader, named as a whole: the
   * button inside shows its choice, the list pops up only when opened. */
  if ((gtk_widget_get_focusable (widget) || GTK_IS_DROP_DOWN (widget))
      && gtk_widget_is_sensitive (widget) && !is_hidden_part (widget))
    {
      /* The text inside an entry is read as the entry. */
      GtkWidget *named = GTK_IS_TEXT (widget) && role == GTK_ACCESSIBLE_ROLE_NONE
                         && GTK_IS_EDITABLE (gtk_widget_get_parent (widget))
                         ? gtk_widget_get_parent (widget) : widget;
      g_autofree char *name = ak_test_get_accessible_name (named);
      g_autofree char *role_name = NULL;

      role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (named));
      role_name = g_enum_to_string (GTK_TYPE_ACCESSIBLE_ROLE, role);
      (*n_checked)++;
      if (is_meaningless_role (role))
        g_string_append_printf (problems, "%s has no role (%s)\n",
                                G_OBJECT_TYPE_NAME (named), role_name);
      if (*g_strstrip (name) == '\0')
        g_string_append_printf (problems, "%s (%s) has no name\n",
                                G_OBJECT_TYPE_NAME (named), role_name);
    }

  if (GTK_IS_DROP_DOWN (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    list_unnamed (child, problems, n_checked);
}

/**
 * ak_test_list_unnamed:
 * @n_checked: (out): how many widgets were checked
 *
 * Walks the widgets on screen under @root that take the keyboard focus.
 *
 * Returns: what a screen reader would miss, one widget a line; "" when
 *   every one has a role and a name
 */
char *
ak_test_list_unnamed (GtkWidget *root,
                      guint     *n_checked)
{
  GString *problems = g_string_new (NULL);

  *n_checked = 0;
  list_unnamed (root, problems, n_checked);
  return g_string_free (problems, FALSE);
}

/* Whether a label showing @text is on screen under @root. */
gboolean
ak_test_has_label (GtkWidget  *root,
                   const char *text)
{
  GtkWidget *label;

  for (guint i = 0; (label = ak_test_find_widget (root, GTK_TYPE_LABEL, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (label)
        && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
      return TRUE;
  return FALSE;
}

/* A row of a boxed list, such as the course overview's, by its title. */
AdwActionRow *
ak_test_find_action_row (GtkWidget  *root,
                         const char *title)
{
  GtkWidget *row;

  for (guint i = 0; (row = ak_test_find_widget (root, ADW_TYPE_ACTION_ROW, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return ADW_ACTION_ROW (row);
  return NULL;
}

/* The first column of the first row @sql finds in the store at
 * @db_path, read the way another program would; "" for none. */
char *
ak_test_query_text (const char *db_path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_text (statement, 0) != NULL)
    value = g_strdup ((const char *)sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value != NULL ? value : g_strdup ("");
}

/**
 * ak_test_words:
 *
 * The learner's words for @msgid, without its mnemonic: the tests also
 * run under LANGUAGE=de.
 *
 * Returns: an interned string
 */
const char *
ak_test_words (const char *msgid)
{
  g_autofree char *text = g_strdup (g_dgettext (GETTEXT_PACKAGE, msgid));
  char *underscore = strchr (text, '_');

  if (underscore != NULL)
    memmove (underscore, underscore + 1, strlen (underscore));
  return g_intern_string (text);
}

/* The visible button named @name under @root; lists the buttons there
 * and fails when there is none. */
GtkWidget *
ak_test_find_button (GtkWidget  *root,
                     const char *name)
{
  GtkWidget *widget = ak_test_find_accessible (root, GTK_ACCESSIBLE_ROLE_BUTTON, name);
  GtkWidget *candidate;

  if (widget != NULL)
    return widget;
  for (guint i = 0; (candidate = ak_test_find_widget (root, GTK_TYPE_BUTTON, i)) != NULL; i++)
    {
      g_autofree char *candidate_name = ak_test_get_accessible_name (candidate);

      g_printerr ("button %u: “%s” role %d\n", i, candidate_name,
                  gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (candidate)));
    }
  g_error ("No button “%s” under %s", name, G_OBJECT_TYPE_NAME (root));
}

static void
clicked_cb (GtkButton *widget,
            gboolean  *clicked)
{
  *clicked = TRUE;
}

/* A click: the button shows itself pressed, then emits "clicked". */
void
ak_test_click (GtkWidget *button)
{
  gboolean clicked = FALSE;
  gulong handler;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (button));
  handler = g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), &clicked);
  g_assert_true (gtk_widget_activate (button));
  while (!clicked)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (button, handler);
}

/* Keyval triggers, alone or as alternatives (the window's Tab and KP_Tab). */
static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, modifiers)
           || trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                               keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger)
         && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
         && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

static gboolean
run_shortcuts (GtkWidget           *widget,
               GtkPropagationPhase  phase,
               guint                keyval,
               GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!trigger_matches (trigger, keyval, modifiers))
            continue;
          if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * ak_test_press_key:
 *
 * A key press on the focused widget, as GTK hands it on: the shortcuts
 * of the capture phase from the window down, then those of the bubble
 * phase from the focus up; an entry's own Enter activates it. GTK 4.8
 * cannot synthesise key events.
 */
void
ak_test_press_key (GtkWindow       *window,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  g_assert_nonnull (focus);
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_insert (chain, 0, widget);

  for (guint i = 0; i < chain->len; i++)
    if (run_shortcuts (g_ptr_array_index (chain, i), GTK_PHASE_CAPTURE, keyval, modifiers))
      return;
  if (GTK_IS_TEXT (focus) && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    {
      g_signal_emit_by_name (focus, "activate");
      return;
    }
  for (guint i = chain->len; i > 0; i--)
    if (run_shortcuts (g_ptr_array_index (chain, i - 1), GTK_PHASE_BUBBLE, keyval, modifiers))
      return;
  g_error ("Nothing took the key %s (focus on a %s)", gdk_keyval_name (keyval),
           G_OBJECT_TYPE_NAME (focus));
}

/* Typing into the focused entry. */
void
ak_test_type_text (GtkWindow  *window,
                   const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  int position;

  g_assert_true (GTK_IS_EDITABLE (focus));
  position = gtk_editable_get_position (GTK_EDITABLE (focus));
  gtk_editable_insert_text (GTK_EDITABLE (focus), text, -1, &position);
}

/* "intro", "question" or "results". */
const char *
ak_test_quiz_stage (AkQuizPage *page)
{
  GtkWidget *stack = ak_test_find_widget (GTK_WIDGET (page), GTK_TYPE_STACK, 0);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* What the learner sees now: the stack's visible page. */
GtkWidget *
ak_test_quiz_shown (AkQuizPage *page)
{
  GtkWidget *stack = ak_test_find_widget (GTK_WIDGET (page), GTK_TYPE_STACK, 0);

  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static gboolean
position_is (gpointer user_data)
{
  gpointer *args = user_data;
  AkQuizPage *page = args[0];

  if (g_str_equal (args[1], "results"))
    return g_str_equal (ak_test_quiz_stage (page), "results");
  if (!g_str_equal (ak_test_quiz_stage (page), "question"))
    return FALSE;
  return ak_test_find_accessible (ak_test_quiz_shown (page), GTK_ACCESSIBLE_ROLE_LABEL,
                                  args[1]) != NULL;
}

/**
 * ak_test_wait_for_position:
 * @expected: "Question 3 of 10" as shown, or "results"
 *
 * Waits until the page shows @expected at the top of a question (or the
 * results), after a button's click or a key.
 */
void
ak_test_wait_for_position (AkQuizPage *page,
                           const char *expected)
{
  gpointer args[] = { page, (gpointer)expected };

  ak_test_wait_until (position_is, args);
  if (!position_is (args))
    g_error ("The quiz shows the %s stage, not “%s”", ak_test_quiz_stage (page), expected);
}

gboolean
ak_test_quiz_feedback_shown (AkQuizPage *page)
{
  GtkWidget *view = ak_test_find_widget (ak_test_quiz_shown (page), AK_TYPE_FEEDBACK_VIEW, 0);

  return view != NULL && gtk_widget_get_child_visible (view) && gtk_widget_get_mapped (view);
}

static gboolean
feedback_shown_cb (gpointer user_data)
{
  return ak_test_quiz_feedback_shown (user_data);
}

void
ak_test_wait_for_feedback (AkQuizPage *page)
{
  ak_test_wait_until (feedback_shown_cb, page);
  g_assert_true (ak_test_quiz_feedback_shown (page));
}
