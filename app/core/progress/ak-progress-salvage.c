/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ak-progress-store-private.h"

/*
 * Salvaging a damaged database: what can still be read of it is copied
 * into the new one, table by table and row by row, the way SQLite's
 * .recover does, but through SQL. A scan stops at the first page it
 * cannot read; rows of a table with row ids are then looked up one by
 * one (a lookup only fails where its own leaf, or a page above it, is
 * damaged), and the rows of the other tables are read from both ends.
 * The damaged file itself is not touched: a copy of it (and of its WAL,
 * which holds the latest answers) is read and removed.
 */

typedef struct
{
  const char *table;
  int         version;      /* the version that made the table */
  gboolean    has_rowid;
  const char *columns;
  const char *types;        /* of the columns, see ak_progress_row_check() */
  const char *key;          /* the primary key, for tables without row ids */
} Table;

/* In the order foreign keys need; question_stat is built from the
 * answers afterwards, so that mastery agrees with what was kept, and
 * the memory states from the review log. */
static const Table tables[] = {
  { "learner", 1, TRUE, "id, user_name, display_name, created", "itti", "id" },
  { "lesson", 1, FALSE,
    "learner_id, course_id, lesson_id, first_opened, last_opened, completed, seconds, section_id",
    "ittiiIrT", "learner_id, course_id, lesson_id" },
  { "attempt", 1, TRUE,
    "id, learner_id, course_id, quiz_id, course_version, quiz_hash, state, started, finished,"
    " score, max_score, passed, seconds, question_order, position", "iitttttiIRRIrti", "id" },
  { "answer", 1, TRUE,
    "id, attempt_id, question_id, question_hash, response, score, answered, seconds",
    "iitttrir", "id" },
  { "activity_day", 2, FALSE, "learner_id, day, course_id, n_answers, score_sum, seconds",
    "ittirr", "learner_id, day, course_id" },
  { "review", 4, TRUE, "id, learner_id, course_id, question_id, reviewed, kind, graded, rating",
    "iittitii", "id" },
};

typedef struct
{
  sqlite3      *source;
  sqlite3      *target;
  sqlite3_stmt *insert;
  const char   *types;
  int           n_columns;
  gint64        max_rows;
  guint         n_kept;
  guint         n_lost;
} Copy;

/* Copies the row @select stands on; a row the new database refuses (a
 * constraint, a parent that was lost) counts as lost. */
static void
copy_row (Copy         *copy,
          sqlite3_stmt *select)
{
  if (!ak_progress_row_check (select, 0, copy->types, NULL))
    {
      copy->n_lost++;
      return;
    }
  for (int i = 0; i < copy->n_columns; i++)
    sqlite3_bind_value (copy->insert, i + 1, sqlite3_column_value (select, i));
  if (sqlite3_step (copy->insert) == SQLITE_DONE)
    copy->n_kept++;
  else
    copy->n_lost++;
  sqlite3_reset (copy->insert);
  sqlite3_clear_bindings (copy->insert);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *statement = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    g_clear_pointer (&statement, sqlite3_finalize);
  return statement;
}

/* Scans @sql from its start; returns the last row id read (or 0) and
 * whether the scan reached the end. */
static gboolean
scan (Copy       *copy,
      const char *sql,
      gint64      bound,
      int         rowid_column,
      gint64     *last_rowid)
{
  sqlite3_stmt *select = prepare (copy->source, sql);
  int rc = SQLITE_ERROR;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, bound);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      copy_row (copy, select);
      if (rowid_column >= 0)
        *last_rowid = sqlite3_column_int64 (select, rowid_column);
    }
  sqlite3_finalize (select);
  return rc == SQLITE_DONE;
}

static void
salvage_rowid_table (Copy        *copy,
                     const Table *table)
{
  g_autofree char *forward = NULL;
  g_autofree char *backward = NULL;
  g_autofree char *lookup_sql = NULL;
  sqlite3_stmt *lookup;
  gint64 last = 0;
  gint64 first_of_tail = G_MAXINT64;
  gint64 n_unreadable = 0;
  gboolean known_end;

  forward = g_strdup_printf ("SELECT %s, rowid FROM %s WHERE rowid > ?1 ORDER BY rowid",
                             table->columns, table->table);
  if (scan (copy, forward, 0, copy->n_columns, &last))
    return;

  /* From the end down to the damage… */
  backward = g_strdup_printf ("SELECT %s, rowid FROM %s WHERE rowid > ?1 ORDER BY rowid DESC",
                              table->columns, table->table);
  {
    sqlite3_stmt *select = prepare (copy->source, backward);

    if (select != NULL)
      {
        sqlite3_bind_int64 (select, 1, last);
        while (sqlite3_step (select) == SQLITE_ROW)
          {
            copy_row (copy, select);
            first_of_tail = sqlite3_column_int64 (select, copy->n_columns);
          }
        sqlite3_finalize (select);
      }
  }

  /* …and what lies between, row by row. Row ids are given in order from
   * 1; the gap can hold no more rows than the file has room for (a row
   * takes more than four bytes), however far apart the ids around it. */
  known_end = first_of_tail != G_MAXINT64;
  if (first_of_tail - last - 1 > copy->max_rows)
    {
      first_of_tail = last + 1 + copy->max_rows;
      known_end = FALSE;
    }
  lookup_sql = g_strdup_printf ("SELECT %s FROM %s WHERE rowid = ?1", table->columns,
                                table->table);
  lookup = prepare (copy->source, lookup_sql);
  for (gint64 rowid = last + 1; lookup != NULL && rowid < first_of_tail; rowid++)
    {
      int rc;

      sqlite3_bind_int64 (lookup, 1, rowid);
      rc = sqlite3_step (lookup);
      if (rc == SQLITE_ROW)
        {
          copy_row (copy, lookup);
          copy->n_lost += n_unreadable;
          n_unreadable = 0;
        }
      else if (rc != SQLITE_DONE)
        n_unreadable++;
      sqlite3_reset (lookup);
      /* Past the last row that could be read, the end is not known: the
       * ids there may never have been given. */
      if (!known_end && n_unreadable > 10000)
        break;
    }
  if (known_end)
    copy->n_lost += n_unreadable;
  sqlite3_finalize (lookup);
}

static void
salvage_keyed_table (Copy        *copy,
                     const Table *table)
{
  g_autofree char *forward = NULL;
  g_autofree char *backward = NULL;
  g_autofree char *descending = NULL;
  g_auto(GStrv) keys = g_strsplit (table->key, ", ", -1);
  gint64 unused = 0;
  guint n_lost;

  forward = g_strdup_printf ("SELECT %s FROM %s WHERE ?1 = ?1 ORDER BY %s", table->columns,
                             table->table, table->key);
  if (scan (copy, forward, 0, -1, &unused))
    return;
  /* From the other end; rows read twice are refused by the primary key
   * and are not lost. */
  descending = g_strjoinv (" DESC, ", keys);
  backward = g_strdup_printf ("SELECT %s FROM %s WHERE ?1 = ?1 ORDER BY %s DESC",
                              table->columns, table->table, descending);
  n_lost = copy->n_lost;
  scan (copy, backward, 0, -1, &unused);
  copy->n_lost = n_lost;
}

/* The running totals of mastery, from the answers that were kept. */
static void
rebuild_question_stats (sqlite3 *db)
{
  sqlite3_stmt *answers = prepare (db,
                                   "SELECT attempt.learner_id, attempt.course_id,"
                                   "       answer.question_id, answer.question_hash,"
                                   "       answer.score, answer.answered"
                                   "  FROM answer JOIN attempt ON attempt.id = answer.attempt_id"
                                   " ORDER BY answer.answered, answer.id");
  sqlite3_stmt *upsert = prepare (db, ak_progress_question_stat_upsert_sql);

  while (answers != NULL && upsert != NULL && sqlite3_step (answers) == SQLITE_ROW)
    {
      for (int i = 0; i < 6; i++)
        sqlite3_bind_value (upsert, i + 1, sqlite3_column_value (answers, i));
      sqlite3_step (upsert);
      sqlite3_reset (upsert);
    }
  sqlite3_finalize (answers);
  sqlite3_finalize (upsert);
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);

  return g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

/**
 * ak_progress_salvage:
 * @db: the new, empty database
 * @damaged_path: where the damaged one was moved
 * @n_answers_kept: (out): answers copied
 * @n_answers_total: (out): answers copied or found unreadable
 *
 * Copies what can be read of the damaged database into @db, in one
 * transaction. Answers count as unreadable where they lie between rows
 * that were read; where the end of a table cannot be read, nobody knows
 * how many rows it held. Returns %FALSE when nothing could be kept.
 */
gboolean
ak_progress_salvage (sqlite3    *db,
                     const char *damaged_path,
                     guint      *n_answers_kept,
                     guint      *n_answers_total)
{
  g_autofree char *folder = g_path_get_dirname (damaged_path);
  g_autofree char *copy_path = g_build_filename (folder, ".salvage-XXXXXX", NULL);
  g_autofree char *damaged_wal = g_strconcat (damaged_path, "-wal", NULL);
  g_autofree char *copy_wal = NULL;
  Copy copy = { NULL, };
  guint n_rows_kept = 0;
  int version = 0;
  gboolean ok = FALSE;
  int fd;

  *n_answers_kept = *n_answers_total = 0;
  fd = g_mkstemp_full (copy_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return FALSE;
  close (fd);
  copy_wal = g_strconcat (copy_path, "-wal", NULL);
  if (!copy_file (damaged_path, copy_path)
      || (g_file_test (damaged_wal, G_FILE_TEST_EXISTS) && !copy_file (damaged_wal, copy_wal)))
    goto out;

  if (sqlite3_open_v2 (copy_path, &copy.source, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto out;
  {
    GStatBuf info;
    gint64 size = 0;

    if (g_stat (copy_path, &info) == 0)
      size += info.st_size;
    if (g_stat (copy_wal, &info) == 0)
      size += info.st_size;
    copy.max_rows = size / 4;
  }
  sqlite3_db_config (copy.source, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (copy.source, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (copy.source, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  {
    sqlite3_stmt *select = prepare (copy.source, "PRAGMA user_version");

    if (select != NULL && sqlite3_step (select) == SQLITE_ROW)
      version = sqlite3_column_int (select, 0);
    sqlite3_finalize (select);
  }
  if (!ak_progress_schema_version_is_known (version) || version == 0)
    goto out;

  copy.target = db;
  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *insert_sql = NULL;
      g_auto(GStrv) names = NULL;

      if (tables[i].version > version)
        continue;
      names = g_strsplit (tables[i].columns, ",", -1);
      copy.n_columns = g_strv_length (names);
      {
        GString *values = g_string_new (NULL);

        for (int c = 1; c <= copy.n_columns; c++)
          g_string_append_printf (values, c > 1 ? ", ?%d" : "?%d", c);
        insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", tables[i].table,
                                      tables[i].columns, values->str);
        g_string_free (values, TRUE);
      }
      copy.insert = prepare (db, insert_sql);
      if (copy.insert == NULL)
        continue;
      copy.n_kept = copy.n_lost = 0;
      copy.types = tables[i].types;
      if (tables[i].has_rowid)
        salvage_rowid_table (&copy, &tables[i]);
      else
        salvage_keyed_table (&copy, &tables[i]);
      g_debug ("Salvaged %u rows of %s, lost %u", copy.n_kept, tables[i].table, copy.n_lost);
      n_rows_kept += copy.n_kept;
      if (g_str_equal (tables[i].table, "answer"))
        {
          *n_answers_kept = copy.n_kept;
          *n_answers_total = copy.n_kept + copy.n_lost;
        }
      g_clear_pointer (&copy.insert, sqlite3_finalize);
    }
  rebuild_question_stats (db);
  /* A file from before the review log has its answers logged now. */
  ak_progress_memory_backfill (db, version < 4, NULL);
  ok = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  ok = ok && n_rows_kept > 0;

out:
  sqlite3_close (copy.source);
  g_unlink (copy_path);
  g_unlink (copy_wal);
  {
    g_autofree char *shm = g_strconcat (copy_path, "-shm", NULL);

    g_unlink (shm);
  }
  return ok;
}
