/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "window-test-helpers.h"

/* What a screen reader finds in the window: everything the keyboard can
 * reach says what it is and what it is called. */

static void
assert_all_named (AkWindowFixture *fixture,
                  guint            min_checked)
{
  guint n_checked;
  g_autofree char *problems = ak_test_list_unnamed (GTK_WIDGET (fixture->window), &n_checked);

  g_assert_cmpstr (problems, ==, "");
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
