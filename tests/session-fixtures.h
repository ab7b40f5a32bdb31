/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the session tests: the test course, a context with a fresh
 * progress store in the test's own data folder and a fake clock.
 */

#include <sqlite3.h>

#include "ak-context.h"
#include "ak-course-loader.h"
#include "ak-progress-store.h"

/* 2024-03-10 12:00 UTC */
#define SESSION_TEST_START_TIME G_GINT64_CONSTANT (1710072000000000)

static inline char *
session_test_course_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "session", "quiz.xml", NULL);
}

static inline AkCourse *
session_test_load_file (const char *path)
{
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  AkCourse *course = ak_course_loader_load_file (path, diagnostics);

  g_assert_false (ak_diagnostic_list_has_errors (diagnostics));
  g_assert_nonnull (course);
  return course;
}

static inline AkCourse *
session_test_load_course (void)
{
  g_autofree char *path = session_test_course_path ();

  return session_test_load_file (path);
}

static inline AkProgressStore *
session_test_open_store (void)
{
  g_autoptr(GError) error = NULL;
  AkProgressStore *store = ak_progress_store_open (NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A context with the learner's store (or none) and a fake clock. */
static inline AkContext *
session_test_context_new (gboolean with_store)
{
  g_autoptr(AkProgressStore) store = with_store ? session_test_open_store () : NULL;
  g_autoptr(AkClock) clock = ak_fake_clock_new (SESSION_TEST_START_TIME);

  return ak_context_new (NULL, store, NULL, clock);
}

static inline void
session_test_advance (AkContext *context,
                      double     seconds)
{
  ak_fake_clock_advance (AK_FAKE_CLOCK (ak_context_get_clock (context)),
                         (gint64)(seconds * G_USEC_PER_SEC));
}

/* Runs @sql on the store's file behind its back; the first column of
 * the first row. */
static inline gint64
session_test_query_int (AkContext  *context,
                        const char *sql)
{
  const char *path = ak_progress_store_get_path (ak_context_get_store (context));
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}

static inline double
session_test_query_double (AkContext  *context,
                           const char *sql)
{
  const char *path = ak_progress_store_get_path (ak_context_get_store (context));
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  double value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_double (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return value;
}
