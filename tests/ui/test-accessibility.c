/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "window-test-helpers.h"

/* What a screen reader finds in the window: everything the keyboard can
 * reach says what it is and what it is called. */

/* Roles that say nothing about what a widget does. */
static gboolean
is_meaningless_role (GtkAccessibleRole role)
{
  return role == GTK_ACCESSIBLE_ROLE_NONE || role == GTK_ACCESSIBLE_ROLE_PRESENTATION
         || role == GTK_ACCESSIBLE_ROLE_GENERIC || role == GTK_ACCESSIBLE_ROLE_WIDGET;
}

/* Every widget on screen that takes the keyboard focus, with what is wrong
 * with it, one per line; "" when all is well. */
static void
check_interactive (GtkWidget *widget,
                   GString   *problems,
                   guint     *n_checked)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_mapped (widget))
    return;

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  if (gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget))
    {
      g_autofree char *name = ak_test_get_accessible_name (widget);
      g_autofree char *role_name = g_enum_to_string (GTK_TYPE_ACCESSIBLE_ROLE, role);

      (*n_checked)++;
      if (is_meaningless_role (role))
        g_string_append_printf (problems, "%s has no role (%s)\n",
                                G_OBJECT_TYPE_NAME (widget), role_name);
      if (*g_strstrip (name) == '\0')
        g_string_append_printf (problems, "%s (%s) has no name\n",
                                G_OBJECT_TYPE_NAME (widget), role_name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_interactive (child, problems, n_checked);
}

static void
assert_all_named (AkWindowFixture *fixture,
                  guint            min_checked)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_checked = 0;

  check_interactive (GTK_WIDGET (fixture->window), problems, &n_checked);
  g_assert_cmpstr (problems->str, ==, "");
  /* The walk did reach the buttons and rows. */
  g_assert_cmpuint (n_checked, >=, min_checked);
}

/* The course list with a broken file, its problems open. */
static void
test_courses_and_problems (AkWindowFixture *fixture,
                           gconstpointer    data)
{
  GtkWidget *row;
  g_autofree char *row_name = NULL;

  ak_test_copy_example_course (fixture->courses_dir);
  ak_test_write_file (fixture->courses_dir, "kaputt.xml", "<course", -1);
  ak_test_ui_start_window (fixture);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));

  /* Header buttons, the problem row with its edit button and message, the course row. */
  assert_all_named (fixture, 8);

  /* Found the way a screen reader user would find them. */
  g_assert_nonnull (ak_test_find_accessible (GTK_WIDGET (fixture->window),
                                             GTK_ACCESSIBLE_ROLE_BUTTON, "Open Course File"));
  g_assert_nonnull (ak_test_find_accessible (GTK_WIDGET (fixture->window),
                                             GTK_ACCESSIBLE_ROLE_BUTTON, "Main Menu"));
  g_assert_nonnull (ak_test_find_accessible (GTK_WIDGET (fixture->window),
                                             GTK_ACCESSIBLE_ROLE_BUTTON, "Open in Text Editor"));
  g_assert_nonnull (ak_test_find_accessible (GTK_WIDGET (fixture->window),
                                             GTK_ACCESSIBLE_ROLE_LIST, "Courses"));
  row = ak_test_find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_ACTION_ROW, 0);
  g_assert_nonnull (row);
  row_name = ak_test_get_accessible_name (row);
  g_assert_cmpstr (row_name, !=, "");
}

static void
test_empty_state (AkWindowFixture *fixture,
                  gconstpointer    data)
{
  ak_test_ui_start_window (fixture);
  ak_test_wait_for_frame (GTK_WIDGET (fixture->window));

  assert_all_named (fixture, 2);
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);
  ak_test_ui_application ();

  /* The names are kept by GTK's test backend only. */
  g_assert_cmpstr (g_getenv ("GTK_A11Y"), ==, "test");

  g_test_add ("/accessibility/courses-and-problems", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_courses_and_problems,
              ak_test_ui_fixture_tear_down);
  g_test_add ("/accessibility/empty-state", AkWindowFixture, NULL,
              ak_test_ui_fixture_set_up, test_empty_state, ak_test_ui_fixture_tear_down);

  return ak_test_ui_run ();
}
