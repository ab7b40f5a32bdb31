/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the library's test programs: course folders made of the test
 * files in tests/data/library, what the library shows, and waiting for
 * the library to reload by itself.
 */

#include <glib/gstdio.h>

#include "ak-course-library.h"

static inline char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "library", name, NULL);
}

static inline void
copy_fixture (const char *name,
              const char *directory,
              const char *target_name)
{
  g_autofree char *source = fixture (name);
  g_autofree char *target = g_build_filename (directory, target_name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

/* A course folder in this test's own data directory. */
static inline char *
make_course_dir (const char *name)
{
  char *path = g_build_filename (g_get_user_data_dir (), "akademie", name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  return path;
}

/* All diagnostics of @path as the trainer reads them, one per line. */
static inline char *
diagnostics_text (AkCourseLibrary *library,
                  const char      *path)
{
  GPtrArray *diagnostics = ak_course_library_get_diagnostics (library, path);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (diagnostics);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = ak_diagnostic_to_string (g_ptr_array_index (diagnostics, i));

      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static inline char *
titles (AkCourseLibrary *library)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_string_append_printf (text, "%s%s", i > 0 ? " | " : "", ak_course_get_title (course));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static inline void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   timed_out;
} WaitData;

static inline void
quit_on_reload_cb (AkCourseLibrary *library,
                   WaitData        *data)
{
  g_main_loop_quit (data->loop);
}

static inline gboolean
timeout_cb (gpointer user_data)
{
  WaitData *data = user_data;

  data->timed_out = TRUE;
  g_main_loop_quit (data->loop);
  return G_SOURCE_REMOVE;
}

/* Waits for the library to reload by itself; fails after thirty seconds. */
static inline void
wait_for_reload (AkCourseLibrary *library)
{
  WaitData data = { g_main_loop_new (NULL, FALSE), FALSE };
  gulong handler = g_signal_connect (library, "reloaded", G_CALLBACK (quit_on_reload_cb), &data);
  guint timeout = g_timeout_add_seconds (30, timeout_cb, &data);

  g_main_loop_run (data.loop);

  g_signal_handler_disconnect (library, handler);
  if (!data.timed_out)
    g_source_remove (timeout);
  g_main_loop_unref (data.loop);
  g_assert_false (data.timed_out);
}

/* Saves the "grundlagen" course at @path under the title "Plattformen
 * verstehen", replacing the file as editors do. */
static inline void
retitle_grundlagen (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, "<title>Grundlagen der Plattformen</title>",
                                      "<title>Plattformen verstehen</title>", 1), ==, 1);
  g_file_set_contents (path, edited->str, edited->len, &error);
  g_assert_no_error (error);
}

/* Runs the main loop until *@done; fails after thirty seconds. */
static inline void
wait_until (gboolean *done)
{
  WaitData data = { g_main_loop_new (NULL, FALSE), FALSE };
  guint timeout = g_timeout_add_seconds (30, timeout_cb, &data);

  while (!*done && !data.timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!data.timed_out)
    g_source_remove (timeout);
  g_main_loop_unref (data.loop);
  g_assert_false (data.timed_out);
}

/* Replaces @from with @to in the file at @path, as an editor saves. */
static inline void
edit_file (const char *path,
           const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  edited = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (edited, from, to, 1), ==, 1);
  g_file_set_contents (path, edited->str, edited->len, &error);
  g_assert_no_error (error);
}
