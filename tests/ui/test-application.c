/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "window-test-helpers.h"

/* The application as main() runs it: started, its window shown, quit. */

typedef struct
{
  gboolean shown;
  gboolean wal_while_running;
} Session;

static char *
store_file (const char *suffix)
{
  g_autofree char *path = ak_progress_store_get_default_path ();

  return g_strconcat (path, suffix, NULL);
}

static void
quit_cb (GApplication *app)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
activate_cb (GApplication *app,
             Session      *session)
{
  g_autofree char *wal = store_file ("-wal");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_nonnull (window);
  ak_test_wait_for_frame (GTK_WIDGET (window));
  session->shown = TRUE;
  session->wal_while_running = g_file_test (wal, G_FILE_TEST_EXISTS);

  /* As Ctrl+Q does, once the window is on screen. */
  g_idle_add_once ((GSourceOnceFunc)quit_cb, app);
}

/* Quitting lets go of the window and the progress store: SQLite then
 * folds its write-ahead log into the database and removes it, and
 * nothing is left beside progress.db. */
static void
test_quit_closes_store (void)
{
  AkApplication *app = ak_application_new ();
  char *argv[] = { (char *)"akademie", NULL };
  g_autofree char *db = store_file ("");
  g_autofree char *wal = store_file ("-wal");
  g_autofree char *shm = store_file ("-shm");
  Session session = { FALSE, FALSE };
  int status;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &session);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (session.shown);
  g_assert_true (session.wal_while_running);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  /* Nothing holds on to the application either. */
  g_assert_finalize_object (app);
}

int
main (int   argc,
      char *argv[])
{
  ak_test_ui_init (&argc, &argv);

  g_test_add_func ("/application/quit-closes-store", test_quit_closes_store);

  return g_test_run ();
}
